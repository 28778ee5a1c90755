/**
 * Real nats-server processes for the NATS store's tests and benchmarks: one server, or a cluster
 * of three on loopback, each in a temp dir of its own with JetStream on and the `max_payload` the
 * store needs (16 MB). A server can be SIGKILLed and restarted on the same port with the same
 * store, which is how the crash and election tests work.
 *
 * It imports no test runner, so benchmarks use it too. Suites register through `describeNats`:
 * without a nats-server binary they are skipped with a line that says how to get one, unless
 * `THIDUA_NATS_REQUIRED=true` (set by `.ci/run` where the binary is installed): then they fail.
 *
 * `THIDUA_NATS_SERVER` names the binary (default `/usr/sbin/nats-server`, then `nats-server` on
 * PATH); `THIDUA_NATS_LOG=1` sends the servers' logs to stderr instead of a file in their dir.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server as NetServer } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { jetstreamManager } from "@nats-io/jetstream"
import { connect } from "@nats-io/transport-node"

// ---------------------------------------------------------------------------------------------
// Where the binary is, and what a suite does without it

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The nats-server binary: `THIDUA_NATS_SERVER`, else `/usr/sbin/nats-server`, else `nats-server`
 * on PATH. Undefined when there is none; a `THIDUA_NATS_SERVER` that names nothing runnable is
 * undefined too, rather than quietly replaced by another binary.
 */
export const natsServerPath = (): string | undefined => {
  const named = process.env.THIDUA_NATS_SERVER
  if (named !== undefined && named !== "") return executable(named) ? named : undefined
  if (executable("/usr/sbin/nats-server")) return "/usr/sbin/nats-server"
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "nats-server")
    if (dir !== "" && executable(candidate)) return candidate
  }
  return undefined
}

/** Whether the NATS suites must run: `.ci/run` sets it where nats-server is installed. */
export const natsRequired = (): boolean => process.env.THIDUA_NATS_REQUIRED === "true"

const lookedAt = (): string => {
  const named = process.env.THIDUA_NATS_SERVER
  return named !== undefined && named !== ""
    ? `THIDUA_NATS_SERVER=${named} is not an executable`
    : "no nats-server at /usr/sbin/nats-server or on PATH"
}

/** Whether the NATS suites were asked for: `THIDUA_NATS=1` (or required, as `.ci/run` does). */
export const natsAsked = (): boolean => process.env.THIDUA_NATS === "1" || natsRequired()

/**
 * Why the NATS suites are skipped, in one line that says how to run them; undefined when they run.
 * Like the PostgreSQL server suites they are asked for (`THIDUA_NATS=1`), so that `pnpm test`
 * stays within its time wherever a nats-server happens to be installed. Asked for, they run with
 * a binary; required (`THIDUA_NATS_REQUIRED=true`) without one, starting a server fails, so the
 * absence is a failure and not a skip.
 */
export const natsSkipReason = (): string | undefined => {
  if (natsRequired()) return undefined
  if (!natsAsked())
    return `skipped: the NATS suites start nats-server processes of their own; THIDUA_NATS=1 runs them (${natsServerPath() === undefined ? "after apt-get install nats-server" : `with ${natsServerPath()}`}), as CI does`
  return natsServerPath() !== undefined
    ? undefined
    : `skipped: ${lookedAt()}. Install Debian's (apt-get install nats-server) or set THIDUA_NATS_SERVER; THIDUA_NATS_REQUIRED=true makes its absence a failure`
}

/** The parts of a test runner `describeNats` uses (vitest's `describe` and `it` fit). */
export interface SuiteApi {
  readonly describe: (name: string, body: () => void) => void
  readonly it: { readonly skip: (name: string, body: () => void) => void }
}

/**
 * Registers `body` as the suite `name` when it can run, else one skipped test named by
 * `natsSkipReason()`, so the run says what it left out.
 *
 * @example
 * describeNats({ describe, it }, "NatsStore on one server", () => {
 *   let server: Server
 *   beforeAll(async () => { server = await startServer() })
 *   afterAll(() => server?.stop())
 * })
 */
export const describeNats = (api: SuiteApi, name: string, body: () => void): void => {
  const reason = natsSkipReason()
  if (reason === undefined) api.describe(name, body)
  else api.describe(name, () => api.it.skip(reason, () => {}))
}

const requireBinary = (): string => {
  const path = natsServerPath()
  if (path !== undefined) return path
  throw new Error(
    natsRequired()
      ? `THIDUA_NATS_REQUIRED=true but ${lookedAt()}: apt-get install nats-server, or set THIDUA_NATS_SERVER`
      : `${lookedAt()}: apt-get install nats-server, or set THIDUA_NATS_SERVER`
  )
}

// ---------------------------------------------------------------------------------------------
// Waiting and ports

/**
 * Polls `check` until it returns a value other than `undefined` or `false`, and returns it. A
 * check that throws counts as "not yet"; its last error is in the timeout's message. The check
 * gets the attempt's number (from 1), to give its own requests longer as the wait goes on. `abort`,
 * asked before each round, stops the wait at once with its message (a server process that died
 * will not start answering).
 *
 * @example
 * const info = await waitFor(() => jsm.streams.info("THIDUA_MAIN"), { timeoutMs: 5_000, what: "the stream" })
 */
export const waitFor = async <A>(
  check: (attempt: number) => A | undefined | false | Promise<A | undefined | false>,
  options: {
    readonly timeoutMs: number
    readonly what: string
    readonly intervalMs?: number
    readonly abort?: () => string | undefined
  }
): Promise<A> => {
  const started = Date.now()
  let last: unknown
  for (let attempt = 1; ; attempt++) {
    const aborted = options.abort?.()
    if (aborted !== undefined) throw new Error(`gave up waiting for ${options.what}: ${aborted}`)
    try {
      const result = await check(attempt)
      if (result !== undefined && result !== false) return result
      last = undefined
    } catch (error) {
      last = error
    }
    if (Date.now() - started >= options.timeoutMs) {
      const cause = last === undefined ? "" : `; last error: ${last instanceof Error ? last.message : String(last)}`
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100))
  }
}

/**
 * `count` distinct free TCP ports on 127.0.0.1: the kernel picks them for listeners on port 0,
 * all held open together so it cannot hand the same one out twice, then closed for the servers.
 * Another process may still take one before the server binds it: `startServer` and
 * `startCluster` then try again on new ports.
 */
export const freePorts = async (count: number): Promise<Array<number>> => {
  const listeners: Array<NetServer> = []
  try {
    const ports: Array<number> = []
    for (let i = 0; i < count; i++) {
      const listener = createServer()
      listeners.push(listener)
      ports.push(
        await new Promise<number>((resolve, reject) => {
          listener.once("error", reject)
          listener.listen(0, "127.0.0.1", () => {
            const address = listener.address()
            if (address !== null && typeof address === "object") resolve(address.port)
            else reject(new Error("a listener on port 0 has no port"))
          })
        })
      )
    }
    return ports
  } finally {
    await Promise.all(listeners.map((l) => new Promise((resolve) => l.close(resolve))))
  }
}

// ---------------------------------------------------------------------------------------------
// Nothing outlives the test process

/** Every server process this process started and has not seen exit, by pid, with its config file. */
const live = new Map<number, { readonly child: ChildProcess; readonly config: string }>()
/** Every temp dir not yet removed. */
const dirs = new Set<string>()

let watchdog: ChildProcess | undefined

// A process killed by a signal runs no exit handler, so a small node process keeps the lists of
// live servers and temp dirs, sent on its stdin: when this process dies, however it dies, the
// pipe closes and the watchdog SIGKILLs the servers still listed and removes the dirs. It checks
// each pid's command line for the server's own config file first, so a pid reused by another
// program is left alone, and it removes only dirs of this harness under the temp dir.
const watchdogScript = `
const { readFileSync, rmSync } = require("node:fs")
const { sep } = require("node:path")
const tmp = process.argv[1]
const live = new Map()
const dirs = new Set()
let buffer = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", (chunk) => {
  buffer += chunk
  const lines = buffer.split("\\n")
  buffer = lines.pop()
  for (const line of lines) {
    const [op, a, b] = line.split("\\t")
    if (op === "p") live.set(Number(a), b)
    else if (op === "x") live.delete(Number(a))
    else if (op === "d") dirs.add(a)
    else if (op === "r") dirs.delete(a)
  }
})
process.stdin.on("end", () => {
  for (const [pid, config] of live) {
    try {
      if (readFileSync("/proc/" + pid + "/cmdline", "utf8").includes(config)) process.kill(pid, "SIGKILL")
    } catch {}
  }
  for (const dir of dirs)
    if (dir.startsWith(tmp + sep + "thidua-nats-")) rmSync(dir, { recursive: true, force: true })
})
`

const tellWatchdog = (...fields: ReadonlyArray<string | number>) => {
  if (process.platform !== "linux") return
  if (watchdog === undefined || watchdog.stdin === null || watchdog.stdin.destroyed) {
    watchdog = spawn(process.execPath, ["-e", watchdogScript, "--", tmpdir()], {
      stdio: ["pipe", "ignore", "ignore"]
    })
    // Neither the watchdog nor its pipe keeps this process alive: it is only a backstop.
    watchdog.unref()
    ;(watchdog.stdin as unknown as { _handle?: { unref?: () => void } })._handle?.unref?.()
    watchdog.stdin?.on("error", () => {})
  }
  watchdog.stdin?.write(`${fields.join("\t")}\n`)
}

const track = (child: ChildProcess, config: string) => {
  const pid = child.pid
  if (pid === undefined) return
  live.set(pid, { child, config })
  tellWatchdog("p", pid, config)
  child.once("exit", () => {
    live.delete(pid)
    tellWatchdog("x", pid)
  })
}

let exitHandlerInstalled = false
const installExitHandler = () => {
  if (exitHandlerInstalled) return
  exitHandlerInstalled = true
  process.on("exit", () => {
    for (const { child } of live.values()) child.kill("SIGKILL")
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    watchdog?.stdin?.end()
  })
}

// ---------------------------------------------------------------------------------------------
// One server process

/** A nats-server process of this test run, with its port, dir and store kept across restarts. */
export interface Server {
  /** `server_name`, unique within a cluster (`n1`, `n2`, ... there). */
  readonly name: string
  /** `nats://127.0.0.1:<port>`. */
  readonly url: string
  readonly port: number
  /** The temp dir: config file, log (`nats-server.log`) and JetStream store (`jetstream/`). */
  readonly dir: string
  /** The current process's pid; undefined while it is not running. */
  readonly pid: number | undefined
  readonly running: boolean
  /** The last lines of the log file (empty with `THIDUA_NATS_LOG`, which sends the log to stderr). */
  readonly logTail: (lines?: number) => string
  /** SIGKILL, and the dir is removed: the end of this server (its store is thrown away, so nothing is flushed). */
  readonly stop: () => Promise<void>
  /** SIGKILL, as a crash: the dir and store stay, for `restart`. */
  readonly kill: () => Promise<void>
  /**
   * Starts it again on the same port, dir and store, and waits until JetStream answers through
   * it. A running server is shut down cleanly first (SIGTERM, SIGKILL after 5 s).
   */
  readonly restart: () => Promise<void>
}

/** What `startServer` and `startCluster` take. */
export interface ServerOptions {
  /** The server's `max_payload`, as the config file spells it: "16MB" by default, what the store needs. */
  readonly maxPayload?: string
  /** How long to wait for the server to answer, per start. Default 20 s (two shared cores are slow). */
  readonly readyTimeoutMs?: number
}

interface Spec {
  readonly name: string
  readonly port: number
  readonly dir: string
  readonly maxPayload: string
  readonly cluster?: { readonly name: string; readonly port: number; readonly routes: ReadonlyArray<number> }
}

const configText = (spec: Spec): string =>
  [
    `server_name: "${spec.name}"`,
    `listen: "127.0.0.1:${spec.port}"`,
    `max_payload: ${spec.maxPayload}`,
    // The server adds "jetstream/" under store_dir.
    `jetstream {`,
    `  store_dir: "${spec.dir}"`,
    `}`,
    ...(spec.cluster === undefined
      ? []
      : [
          `cluster {`,
          `  name: "${spec.cluster.name}"`,
          `  listen: "127.0.0.1:${spec.cluster.port}"`,
          `  routes: [`,
          ...spec.cluster.routes.map((port) => `    "nats-route://127.0.0.1:${port}"`),
          `  ]`,
          `}`
        ]),
    ""
  ].join("\n")

const freshDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.add(dir)
  tellWatchdog("d", dir)
  return dir
}

const removeDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true })
  dirs.delete(dir)
  tellWatchdog("r", dir)
}

/**
 * Whether JetStream answers through `url`: a connection, and the account's info. A server of a
 * cluster that has no meta leader yet leaves the request unanswered, so the first tries give up
 * soon (the timeout grows with `attempt`, for a loaded machine).
 */
const answers = async (url: string, attempt: number): Promise<true> => {
  const nc = await connect({ servers: url, timeout: 1_000, reconnect: false })
  try {
    const jsm = await jetstreamManager(nc, { timeout: Math.min(250 * attempt, 2_000) })
    await jsm.getAccountInfo()
    return true
  } finally {
    await nc.close()
  }
}

const addressInUse = (log: string) => log.includes("address already in use")

/** A server whose process is not yet started: `start` spawns it and waits until JetStream answers. */
const prepare = (binary: string, spec: Spec, readyTimeoutMs: number) => {
  const configPath = join(spec.dir, "nats-server.conf")
  const logPath = join(spec.dir, "nats-server.log")
  const toStderr = (process.env.THIDUA_NATS_LOG ?? "") !== ""
  writeFileSync(configPath, configText(spec))
  const url = `nats://127.0.0.1:${spec.port}`
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()
  let exitedWith: string | undefined
  let removed = false

  const logTail = (lines = 20): string => {
    if (!existsSync(logPath)) return ""
    return readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  }

  const spawnIt = () => {
    installExitHandler()
    exitedWith = undefined
    const proc = spawn(binary, toStderr ? ["-c", configPath] : ["-c", configPath, "-l", logPath], {
      stdio: toStderr ? ["ignore", "inherit", "inherit"] : "ignore"
    })
    child = proc
    exited = new Promise((resolve) => {
      proc.once("exit", (code, signal) => {
        exitedWith = signal ?? String(code)
        if (child === proc) child = undefined
        resolve()
      })
      proc.once("error", (error) => {
        exitedWith = error.message
        if (child === proc) child = undefined
        resolve()
      })
    })
    track(proc, configPath)
  }

  const waitUntilExited = async (graceMs: number) => {
    const proc = child
    if (proc === undefined) return
    const timer = setTimeout(() => proc.kill("SIGKILL"), graceMs)
    await exited
    clearTimeout(timer)
  }

  const start = async () => {
    if (removed) throw new Error(`${spec.name}: stopped, its dir is gone; start a new server`)
    spawnIt()
    await waitFor((attempt) => answers(url, attempt), {
      timeoutMs: readyTimeoutMs,
      what: `nats-server ${spec.name} at ${url} to answer JetStream requests`,
      abort: () =>
        child === undefined
          ? `the process exited (${exitedWith ?? "?"})${toStderr ? "" : `; its log ends:\n${logTail()}`}`
          : undefined
    }).catch(async (error: unknown) => {
      child?.kill("SIGKILL")
      await exited
      throw error
    })
  }

  const server: Server = {
    name: spec.name,
    url,
    port: spec.port,
    dir: spec.dir,
    get pid() {
      return child?.pid
    },
    get running() {
      return child !== undefined
    },
    logTail,
    stop: async () => {
      child?.kill("SIGKILL")
      await exited
      removed = true
      removeDir(spec.dir)
    },
    kill: async () => {
      child?.kill("SIGKILL")
      await exited
    },
    restart: async () => {
      child?.kill("SIGTERM")
      await waitUntilExited(5_000)
      await start()
    }
  }
  return { server, start, portTaken: () => addressInUse(logTail(50)) }
}

/** How many times a start is tried on new ports when another process took one meanwhile. */
const portAttempts = 3

/**
 * Starts one nats-server in a fresh temp dir: JetStream on, listening on 127.0.0.1 on a free
 * port, `max_payload` 16 MB, the log in the dir. Resolves once JetStream answers through it.
 *
 * @example
 * const server = await startServer()
 * const nc = await connect({ servers: server.url })
 * // ... write, then crash it and see the data survive:
 * await server.kill()
 * await server.restart()
 * await server.stop()
 */
export const startServer = async (options: ServerOptions = {}): Promise<Server> => {
  const binary = requireBinary()
  for (let attempt = 1; ; attempt++) {
    const [port] = await freePorts(1)
    const dir = freshDir("thidua-nats-")
    const prepared = prepare(
      binary,
      { name: "n1", port: port!, dir, maxPayload: options.maxPayload ?? "16MB" },
      options.readyTimeoutMs ?? 20_000
    )
    try {
      await prepared.start()
      return prepared.server
    } catch (error) {
      const retry = attempt < portAttempts && prepared.portTaken()
      removeDir(dir)
      if (!retry) throw error
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A cluster

/** Servers routed to each other as one JetStream cluster. */
export interface Cluster {
  /** The cluster's name (a fresh one per cluster, so no stray server can join it). */
  readonly name: string
  /** Each server's client URL, in order. */
  readonly urls: ReadonlyArray<string>
  readonly servers: ReadonlyArray<Server>
  /** SIGKILLs server `i` (from 0); its store stays. */
  readonly kill: (i: number) => Promise<void>
  /** Starts server `i` again on its port and store, and waits until JetStream answers through it. */
  readonly restart: (i: number) => Promise<void>
  /** Server `i` by `server_name`, as `StreamInfo.cluster.leader` names it. */
  readonly indexOf: (serverName: string) => number
  /** SIGKILLs every server and removes their dirs. */
  readonly stop: () => Promise<void>
}

/**
 * Whether a stream of `replicas` can be placed: it is created, then deleted. This is the test
 * that every server has joined the meta group, which `getAccountInfo` alone does not show. Its
 * name is always the same, so a try that timed out but went through is taken up by the next one
 * (adding a stream again with the same config is no error) and deleted, not left behind.
 */
const placesReplicas = async (url: string, replicas: number, timeoutMs: number): Promise<true> => {
  const nc = await connect({ servers: url, timeout: 1_000, reconnect: false })
  try {
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs })
    await jsm.streams.add({ name: "HARNESS_PROBE", subjects: ["harness.probe"], num_replicas: replicas })
    await jsm.streams.delete("HARNESS_PROBE")
    return true
  } finally {
    await nc.close()
  }
}

/**
 * Starts `size` servers (3 by default) on loopback, routed to each other as one cluster, each
 * with its own client and cluster ports, `server_name` (`n1`, `n2`, ...) and JetStream store.
 * Resolves once JetStream answers through every server and a stream of `size` replicas can be
 * created (the meta group has a leader and every server).
 *
 * @example
 * const cluster = await startCluster()
 * const nc = await connect({ servers: cluster.urls })
 * const leader = (await jsm.streams.info("THIDUA_MAIN")).cluster?.leader
 * await cluster.kill(cluster.indexOf(leader!))
 * await cluster.stop()
 */
export const startCluster = async (options: ServerOptions & { readonly size?: number } = {}): Promise<Cluster> => {
  const binary = requireBinary()
  const size = options.size ?? 3
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000
  for (let attempt = 1; ; attempt++) {
    const ports = await freePorts(2 * size)
    const clientPorts = ports.slice(0, size)
    const routePorts = ports.slice(size)
    const name = `thidua-${crypto.randomUUID().slice(0, 8)}`
    const prepared = clientPorts.map((port, i) =>
      prepare(
        binary,
        {
          name: `n${i + 1}`,
          port,
          dir: freshDir(`thidua-nats-n${i + 1}-`),
          maxPayload: options.maxPayload ?? "16MB",
          cluster: { name, port: routePorts[i]!, routes: routePorts.filter((_, j) => j !== i) }
        },
        readyTimeoutMs
      )
    )
    const servers = prepared.map((p) => p.server)
    const stop = async () => {
      await Promise.all(servers.map((s) => s.stop()))
    }
    try {
      // Every start settles before a failure is thrown, so none is left half-started.
      const started = await Promise.allSettled(prepared.map((p) => p.start()))
      for (const result of started) if (result.status === "rejected") throw result.reason
      await waitFor((n) => placesReplicas(servers[0]!.url, size, Math.min(250 * n, 5_000)), {
        timeoutMs: readyTimeoutMs,
        what: `a stream of ${size} replicas on cluster ${name}`
      })
      const at = (i: number): Server => {
        const server = servers[i]
        if (server === undefined) throw new Error(`no server ${i} in a cluster of ${size}`)
        return server
      }
      return {
        name,
        urls: servers.map((s) => s.url),
        servers,
        kill: (i) => at(i).kill(),
        restart: (i) => at(i).restart(),
        indexOf: (serverName) => {
          const i = servers.findIndex((s) => s.name === serverName)
          if (i < 0) throw new Error(`no server named ${serverName} in cluster ${name}`)
          return i
        },
        stop
      }
    } catch (error) {
      const retry = attempt < portAttempts && prepared.some((p) => p.portTaken())
      await stop()
      if (!retry) throw error
    }
  }
}
