/**
 * The nats-server harness itself, on real processes: a server keeps a 10 MB message through a
 * SIGKILL and a restart on the same port and store; a three-node cluster keeps an R3 stream
 * writable through its leader's SIGKILL and reads it whole, in order, through every server after
 * the restart; and no server outlives the process that started it, however that process ends.
 */
import { spawn } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager
} from "@nats-io/jetstream"
import { connect } from "@nats-io/transport-node"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Cluster, describeNats, type Server, startCluster, startServer, waitFor } from "./support/servers.js"

const MB = 1024 * 1024

/** Whether a process with this pid exists (a zombie of ours counts as gone: it runs nothing). */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"))
  } catch {
    return false
  }
}

/** `size` bytes that vary along the message: not zeros, which a fresh buffer would match anyway. */
const pattern = (size: number) => {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31) % 251
  return bytes
}

describe("waitFor", () => {
  it("returns the first value the check gives, ignoring false, undefined and throws before it", async () => {
    let n = 0
    const got = await waitFor(
      () => {
        n++
        if (n === 1) throw new Error("not yet")
        return n === 2 ? false : n === 3 ? undefined : `round ${n}`
      },
      { timeoutMs: 2_000, what: "round 4", intervalMs: 1 }
    )
    expect(got).toBe("round 4")
  })

  it("times out naming what it waited for and the last error", async () => {
    await expect(
      waitFor(
        () => {
          throw new Error("connection refused")
        },
        { timeoutMs: 50, what: "the server", intervalMs: 5 }
      )
    ).rejects.toThrow("timed out after 50 ms waiting for the server; last error: connection refused")
  })

  it("gives up at once when abort says why", async () => {
    const started = Date.now()
    await expect(
      waitFor(() => false, { timeoutMs: 10_000, what: "the server", abort: () => "the process exited (1)" })
    ).rejects.toThrow("gave up waiting for the server: the process exited (1)")
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})

describeNats({ describe: describe.concurrent, it }, "one nats-server", () => {
  let server: Server
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server?.stop())

  it("keeps a 10 MB message of an R1 stream through SIGKILL and restart, on the same port and dir", async () => {
    const body = pattern(10 * MB)
    let nc = await connect({ servers: server.url })
    expect(nc.info?.max_payload).toBe(16 * MB)
    const jsm = await jetstreamManager(nc)
    await jsm.streams.add({ name: "BIG", subjects: ["big.>"], num_replicas: 1, storage: "file" })
    const ack = await jetstream(nc).publish("big.one", body, { timeout: 10_000 })
    expect(ack.seq).toBe(1)
    await nc.close()

    const { pid, port, dir, url } = server
    await server.kill()
    expect(server.running).toBe(false)
    expect(alive(pid!)).toBe(false)
    await server.restart()
    expect(server.pid).not.toBe(pid)
    expect([server.port, server.dir, server.url]).toEqual([port, dir, url])

    nc = await connect({ servers: server.url })
    const stored = await (await jetstreamManager(nc)).streams.getMessage("BIG", { seq: 1 })
    await nc.close()
    expect(stored?.subject).toBe("big.one")
    expect(stored?.data.length).toBe(body.length)
    expect(Buffer.compare(stored!.data, body)).toBe(0)
  })

  it("takes another max_payload, keeps it through a clean restart, and stop removes the dir", async () => {
    const small = await startServer({ maxPayload: "1MB" })
    try {
      const pid = small.pid
      await small.restart()
      expect(small.pid).not.toBe(pid)
      expect(alive(pid!)).toBe(false)
      const nc = await connect({ servers: small.url })
      expect(nc.info?.max_payload).toBe(MB)
      await nc.close()
    } finally {
      await small.stop()
    }
    expect(small.running).toBe(false)
    expect(existsSync(small.dir)).toBe(false)
  })
})

/**
 * Publishes `data` as message `expected + 1` of `stream`, again and again for up to 10 s while
 * the cluster elects a leader (no responders, timeouts). The expected last sequence keeps a
 * retry from landing twice: when an earlier try landed but its ack was lost, the server refuses
 * the retry as a wrong last sequence, and the message is found at its place.
 */
const publishRetrying = (
  js: JetStreamClient,
  jsm: JetStreamManager,
  stream: string,
  subject: string,
  data: string,
  expected: number
) =>
  waitFor(
    async () => {
      try {
        return (await js.publish(subject, data, { expect: { lastSequence: expected }, timeout: 1_000 })).seq
      } catch (error) {
        if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamWrongLastSequence))
          throw error
        const landed = await jsm.streams.getMessage(stream, { seq: expected + 1 })
        if (landed?.string() === data) return landed.seq
        throw error
      }
    },
    { timeoutMs: 10_000, what: `message ${expected + 1} of ${stream} to be stored`, intervalMs: 50 }
  )

/** Every message of `stream`, read through the server at `url` with an ordered consumer. */
const readAll = async (url: string, stream: string, count: number) => {
  const nc = await connect({ servers: url })
  try {
    const consumer = await jetstream(nc).consumers.get(stream)
    const read: Array<[number, string]> = []
    for await (const m of await consumer.fetch({ max_messages: count, expires: 5_000 })) {
      read.push([m.seq, m.string()])
      if (read.length === count) break
    }
    return read
  } finally {
    await nc.close()
  }
}

describeNats({ describe: describe.concurrent, it }, "a three-node nats-server cluster", () => {
  let cluster: Cluster
  beforeAll(async () => {
    cluster = await startCluster()
  })
  afterAll(() => cluster?.stop())

  it("keeps an R3 stream writable through its leader's SIGKILL, and reads it whole through every server after the restart", async () => {
    expect(cluster.servers.map((s) => s.name)).toEqual(["n1", "n2", "n3"])
    const stream = "ORDERS"
    const message = (seq: number) => `order ${seq}`
    let nc = await connect({ servers: [...cluster.urls] })
    let jsm = await jetstreamManager(nc)
    let js = jetstream(nc)
    await jsm.streams.add({ name: stream, subjects: ["orders.>"], num_replicas: 3, storage: "file" })
    for (let seq = 1; seq <= 100; seq++)
      await js.publish(`orders.${seq % 5}`, message(seq), { expect: { lastSequence: seq - 1 } })

    const info = await jsm.streams.info(stream)
    expect(info.cluster?.replicas?.length).toBe(2)
    const leader = info.cluster?.leader
    expect(leader).toBeDefined()
    const killed = cluster.indexOf(leader!)
    await nc.close()

    await cluster.kill(killed)
    expect(cluster.servers[killed]!.running).toBe(false)
    // Publish through a survivor, so the wait is for the election and not for a reconnection.
    const survivor = cluster.urls[(killed + 1) % 3]!
    nc = await connect({ servers: survivor })
    // No account info check: the meta leader may have been the killed server too.
    jsm = await jetstreamManager(nc, { checkAPI: false })
    js = jetstream(nc)
    for (let seq = 101; seq <= 120; seq++)
      expect(await publishRetrying(js, jsm, stream, `orders.${seq % 5}`, message(seq), seq - 1)).toBe(seq)
    const elected = (await jsm.streams.info(stream)).cluster?.leader
    expect(elected).toBeDefined()
    expect(elected).not.toBe(leader)

    await cluster.restart(killed)
    // The restarted server catches up from its own store and the new leader.
    await waitFor(
      async () => {
        const replicas = (await jsm.streams.info(stream)).cluster?.replicas ?? []
        return replicas.length === 2 && replicas.every((r) => r.current)
      },
      { timeoutMs: 10_000, what: `every replica of ${stream} to be current` }
    )
    const state = (await jsm.streams.info(stream)).state
    expect([state.messages, state.first_seq, state.last_seq]).toEqual([120, 1, 120])
    await nc.close()

    const expected = Array.from({ length: 120 }, (_, i) => [i + 1, message(i + 1)])
    for (const url of cluster.urls) expect(await readAll(url, stream, 120)).toEqual(expected)
  })
})

describeNats({ describe: describe.concurrent, it }, "no nats-server outlives the process that started it", () => {
  const harness = fileURLToPath(new URL("./support/servers.ts", import.meta.url))

  // The child's own exit listener runs after the harness's (installed at the first start), while
  // the child still lives and before the watchdog can see it go: what it sees there is the exit
  // handler's work alone. The server, a child of the child, stays a zombie until the child is
  // gone, so "Z" shows it was killed.
  const atExit = `process.on("exit", () => {
    const { existsSync, readFileSync, writeSync } = require("node:fs")
    let state = "?"
    for (const until = Date.now() + 2000; Date.now() < until && state !== "Z"; )
      state = readFileSync("/proc/" + server.pid + "/stat", "utf8").split(") ")[1][0]
    writeSync(1, JSON.stringify({ state, dirExists: existsSync(server.dir) }) + "\\n")
  })`

  /** A node process that starts a server, prints its pid and dir, then exits or waits to be killed. */
  const child = (end: "exit" | "wait") =>
    spawn(
      process.execPath,
      [
        "--no-warnings",
        "--input-type=module",
        "-e",
        `import { createRequire } from "node:module"
         const require = createRequire(import.meta.url)
         const { startServer } = await import(${JSON.stringify(harness)})
         const server = await startServer()
         console.log(JSON.stringify({ pid: server.pid, dir: server.dir }))
         ${end === "exit" ? `${atExit}\n process.exit(0)` : "setInterval(() => {}, 1000)"}`
      ],
      { stdio: ["ignore", "pipe", "inherit"] }
    )

  /** The child's lines of JSON: the first once it is printed, all of them once the child is gone. */
  const lines = (proc: ReturnType<typeof child>) => {
    let out = ""
    proc.stdout!.on("data", (chunk) => {
      out += chunk
    })
    const parse = () =>
      out
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line))
    const first = new Promise<{ pid: number; dir: string }>((resolve, reject) => {
      proc.stdout!.on("data", () => {
        if (out.includes("\n")) resolve(parse()[0])
      })
      proc.once("exit", (code) => reject(new Error(`the child exited (${code}) before its server started: ${out}`)))
    })
    const all = new Promise<Array<unknown>>((resolve) => proc.once("close", () => resolve(parse())))
    return { first, all }
  }

  const gone = (server: { pid: number; dir: string }, how: string) =>
    waitFor(() => !alive(server.pid) && !existsSync(server.dir), {
      timeoutMs: 5_000,
      what: `server ${server.pid} of a child that ${how} to be killed and ${server.dir} removed`
    })

  it("kills them and removes their dirs when the process exits, in its exit handler", async () => {
    const out = lines(child("exit"))
    const server = await out.first
    expect((await out.all)[1]).toEqual({ state: "Z", dirExists: false })
    await gone(server, "exited")
  })

  it("kills them and removes their dirs when the process is SIGKILLed (no exit handler runs)", async () => {
    const proc = child("wait")
    const server = await lines(proc).first
    expect(alive(server.pid)).toBe(true)
    proc.kill("SIGKILL")
    await gone(server, "was SIGKILLed")
  })
})
