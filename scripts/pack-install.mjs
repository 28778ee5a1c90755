#!/usr/bin/env node
// The packages as a user gets them: every public package under packages/ is packed with pnpm into a
// folder outside the workspace, installed there with plain npm into an empty app, and used by a small
// host run on the system Node (not the Node pnpm pins for development). Checks on the way:
//   - the tarballs hold dist/*.js, dist/*.d.ts, README.md and LICENSE; their package.json has no
//     `workspace:` range and no `@thidua/source` condition, every file its exports name is in the
//     tarball, every package its dist imports is a dependency or a required peer, no package is a
//     dependency of one and a peer of another, and `engines.node` is the root's;
//   - npm installs them without a peer warning, and without an engine warning unless the host Node is
//     older than engines.node (then only ours warn); `npm ls --all` finds nothing missing or invalid;
//   - the host (host.mjs) runs the real API end to end, in memory and on embedded PGlite, and checks
//     what it returns; `require` gives a CommonJS host the same module;
//   - TypeScript hosts (host.ts, and host.cts for CommonJS; strict, module nodenext, skipLibCheck
//     off) type-check against the published types, as Node resolves them (no @thidua/source condition).
// Stale or missing dist/ folders are built first (only those packages).
//
// Usage: node scripts/pack-install.mjs [--keep] [--no-build]
//   --keep       keep the temp folder (its path is printed)
//   --no-build   use dist/ as it is
//   THIDUA_HOST_NODE=/path/to/node   the Node that runs npm and the host (default: the first `node`
//                on PATH outside the repository and outside any node_modules/.bin)
// Exit codes: 0 all good, 1 a check failed, 75 the npm registry is unreachable.
import { spawn } from "node:child_process"
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs"
import { isBuiltin } from "node:module"
import { tmpdir } from "node:os"
import { delimiter, dirname, isAbsolute, join, relative, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { gunzipSync } from "node:zlib"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const args = new Set(process.argv.slice(2))
const keep = args.has("--keep")
const build = !args.has("--no-build")
const typescript = "typescript@6.0.3"
const unreachableExitCode = 75

const started = performance.now()
const timings = []
const step = async (name, f) => {
  const t = performance.now()
  console.log(`── ${name}`)
  const result = await f()
  timings.push(`${name} ${((performance.now() - t) / 1000).toFixed(1)} s`)
  return result
}
const failures = []
const check = (ok, message) => {
  if (!ok) failures.push(message)
  return ok
}
class Failure extends Error {
  constructor(message, exitCode = 1) {
    super(message)
    this.exitCode = exitCode
  }
}
const fail = (message, exitCode = 1) => {
  throw new Failure(message, exitCode)
}

/** Runs a command; resolves with its exit code and output, never rejects on a non-zero exit. */
const run = (command, argv, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"], ...options })
    let out = ""
    child.stdout.on("data", (d) => {
      out += d
    })
    child.stderr.on("data", (d) => {
      out += d
    })
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, out }))
  })
const runOk = async (command, argv, options) => {
  const result = await run(command, argv, options)
  if (result.code !== 0) fail(`${command} ${argv.join(" ")} exited with ${result.code}:\n${result.out}`)
  return result.out
}

// ── The system Node and npm, with an environment that knows nothing of the workspace ────────────

const insideRepo = (dir) => {
  const rel = relative(root, dir)
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel))
}
const cleanPath = (process.env.PATH ?? "").split(delimiter).filter(
  (dir) =>
    isAbsolute(dir) &&
    !insideRepo(dir) &&
    !dir.split(sep).includes("node_modules") &&
    // npm puts its node-gyp shim on the PATH of the scripts it runs
    !dir.includes("node-gyp-bin")
)
const which = (name) =>
  cleanPath
    .flatMap((dir) => (process.platform === "win32" ? [`${name}.exe`, `${name}.cmd`] : [name]).map((f) => join(dir, f)))
    .find((candidate) => existsSync(candidate))
const hostNode = process.env.THIDUA_HOST_NODE ?? which("node")
const npmCli = which("npm") ?? "npm"

// Only what npm and Node need: no NODE_PATH, NODE_OPTIONS or npm_* settings from a pnpm script.
const keepEnv =
  /^(HOME|USER|LOGNAME|LANG|LC_\w+|TZ|TERM|TMPDIR|TEMP|TMP|SYSTEMROOT|CI|(HTTPS?|NO|ALL)_PROXY|NODE_EXTRA_CA_CERTS|SSL_CERT_(FILE|DIR))$/i
const keepNpmConfig =
  /^npm_config_(registry|cache|userconfig|cafile|proxy|https_proxy|noproxy|strict_ssl|@[\w-]+:registry)$/i
const hostEnv = { PATH: [...(hostNode === undefined ? [] : [dirname(hostNode)]), ...cleanPath].join(delimiter) }
for (const [key, value] of Object.entries(process.env)) {
  if (value !== undefined && value !== "" && (keepEnv.test(key) || keepNpmConfig.test(key))) hostEnv[key] = value
}
// npm's own script, run on the host Node whatever its shebang would find.
const npmJs = !existsSync(npmCli)
  ? undefined
  : [realpathSync(npmCli), join(dirname(npmCli), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js")].find(
      (f) => f.endsWith(".js") && existsSync(f)
    )
const npm = (argv, cwd) =>
  npmJs === undefined
    ? run(npmCli, argv, { cwd, env: hostEnv })
    : run(hostNode, [npmJs, ...argv], { cwd, env: hostEnv })

// ── The packages ──────────────────────────────────────────────────────────────────────────────────

const packages = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter((p) => p.json.private !== true)
const rootEngines = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines?.node

const newest = (path) => {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}
const stale = (p) => {
  const outputs = ["index.js", "index.d.ts"].map((f) => join(p.dir, "dist", f))
  if (!outputs.every(existsSync)) return true
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs))
  const inputs = ["src", "package.json", "tsup.config.ts", "tsconfig.json"].map((f) => join(p.dir, f))
  inputs.push(join(root, "tsup.base.ts"), join(root, "tsconfig.base.json"))
  return Math.max(...inputs.map(newest)) > built
}

const localPnpm = join(root, "node_modules", ".bin", process.platform === "win32" ? "pnpm.cmd" : "pnpm")
// pnpm runs in the workspace, with the caller's environment less what a test runner adds.
const pnpmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(VITEST\w*|TEST|NODE_ENV|NODE_OPTIONS)$/.test(key))
)
const pnpm = (argv) =>
  existsSync(localPnpm)
    ? runOk(localPnpm, argv, { cwd: root, env: pnpmEnv })
    : runOk("npx", ["-y", "pnpm@10", ...argv], { cwd: root, env: pnpmEnv })

/** The entries of a .tgz: path (without the leading `package/`) to content. */
const untar = (file) => {
  const data = gunzipSync(readFileSync(file))
  const entries = new Map()
  let longName
  for (let at = 0; at + 512 <= data.length; ) {
    const header = data.subarray(at, at + 512)
    if (header.every((b) => b === 0)) break
    const text = (from, to) => header.subarray(from, to).toString("utf8").replace(/\0.*$/s, "")
    const size = Number.parseInt(text(124, 136).trim() || "0", 8)
    const type = text(156, 157)
    const body = data.subarray(at + 512, at + 512 + size)
    const prefix = text(345, 500)
    const name = longName ?? (prefix === "" ? text(0, 100) : `${prefix}/${text(0, 100)}`)
    longName = undefined
    if (type === "x") longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1]
    else if (type === "0" || type === "") entries.set(name.replace(/^[^/]*\//, ""), body)
    at += 512 + Math.ceil(size / 512) * 512
  }
  return entries
}

/**
 * The packages a module imports by bare name (`effect/Schema` is `effect`), builtins left out. Only
 * statements count (at the start of a line, as bundles and declaration files write them) and `import()`
 * types outside comments: the examples in JSDoc import the package itself.
 */
const importedPackages = (source) => {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "")
  const specifiers = [
    ...code.matchAll(/^\s*(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)
  ].map((m) => m[1])
  const names = new Set()
  for (const spec of specifiers) {
    if (spec.startsWith(".") || spec.startsWith("/") || isBuiltin(spec)) continue
    names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0])
  }
  return names
}

/** Every file an `exports` map (or `types`/`main`) names. */
const exportedFiles = (json) => {
  const files = []
  const walk = (value) => {
    if (typeof value === "string") files.push(value)
    else if (value !== null && typeof value === "object") for (const v of Object.values(value)) walk(v)
  }
  walk(json.exports)
  walk(json.types)
  walk(json.main)
  return files.map((f) => f.replace(/^\.\//, ""))
}

const conditions = (value, acc = new Set()) => {
  if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (!k.startsWith(".")) acc.add(k)
      conditions(v, acc)
    }
  return acc
}

const dependencyFields = ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]

const inspect = (name, tarball) => {
  const entries = untar(tarball)
  const json = JSON.parse(entries.get("package.json").toString("utf8"))
  const files = [...entries.keys()]
  check(files.includes("dist/index.js"), `${name}: the tarball has no dist/index.js`)
  check(files.includes("dist/index.d.ts"), `${name}: the tarball has no dist/index.d.ts`)
  check(files.includes("README.md"), `${name}: the tarball has no README.md`)
  check(files.includes("LICENSE") || files.includes("LICENSE.md"), `${name}: the tarball has no LICENSE`)
  for (const field of dependencyFields)
    for (const [dep, range] of Object.entries(json[field] ?? {}))
      check(!String(range).startsWith("workspace:"), `${name}: ${field}.${dep} is still "${range}"`)
  check(!conditions(json.exports).has("@thidua/source"), `${name}: its exports keep the @thidua/source condition`)
  for (const file of exportedFiles(json)) check(entries.has(file), `${name}: exports name ${file}, not in the tarball`)
  check(
    json.engines?.node === rootEngines,
    `${name}: engines.node is ${json.engines?.node}, the root says ${rootEngines}`
  )
  const declared = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.peerDependencies ?? {})])
  const optionalPeers = new Set(
    Object.entries(json.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta?.optional === true)
      .map(([dep]) => dep)
  )
  for (const file of files.filter((f) => /^dist\/.*\.(js|d\.ts)$/.test(f)))
    for (const dep of importedPackages(entries.get(file).toString("utf8")))
      check(
        declared.has(dep) && !optionalPeers.has(dep),
        `${name}: ${file} imports ${dep}, which is not among its dependencies or required peer dependencies`
      )
  return { name, json, files: files.length }
}

/** A package that one of ours takes as a peer must not be a dependency of another: the app would get two copies. */
const checkPeers = (manifests) => {
  const peers = new Set(manifests.flatMap((json) => Object.keys(json.peerDependencies ?? {})))
  for (const json of manifests)
    for (const dep of Object.keys(json.dependencies ?? {}))
      check(
        !peers.has(dep),
        `${json.name}: ${dep} is a dependency, but a peer dependency of the other packages: ` +
          `an app on another ${dep} version would load two copies`
      )
}

/** The lowest version a `>=x.y.z` range allows, or undefined for any other range. */
const floor = (range) => {
  // ">=22.19", ">= 22.x" (what @nats-io/nuid writes): an "x" counts as 0.
  const m = /^>=\s*v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(range ?? "")
  const part = (p) => (p === undefined || p === "x" ? 0 : Number(p))
  return m === null ? undefined : [Number(m[1]), part(m[2]), part(m[3])]
}
const atLeast = (version, min) => {
  const v = version.replace(/^v/, "").split(".").map(Number)
  for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i]
  return true
}

// ── The hosts ─────────────────────────────────────────────────────────────────────────────────────

const hostJs = `import assert from "node:assert/strict"
import { createRequire } from "node:module"
import { Commands, createThiDua } from "@thidua/engine"

assert.match(import.meta.resolve("@thidua/engine"), /\\/node_modules\\/@thidua\\/engine\\/dist\\/index\\.js$/)
// A CommonJS host gets the same module, through require(esm).
assert.equal(createRequire(import.meta.url)("@thidua/engine").createThiDua, createThiDua)
const principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" }
const actor = { organizationId: "ldld-ha-noi", role: "executive" }
const fields = { commandId: "c-1", tenantId: "hanoi", actor, at: "2020-01-01", organizationId: "ldld-ha-noi",
  name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation" }
const exercise = async (store) => {
  const td = await createThiDua({ store })
  const ok = await td.execute(Commands.registerOrganization(fields), { principal })
  assert.deepEqual([ok.ok, ok.version, ok.duplicate, ok.events?.length], [true, 1, false, 1], ok.error?.message)
  const again = await td.execute({ _tag: "RegisterOrganization", ...fields }, { principal }) // plain JSON
  assert.deepEqual([again.ok, again.version, again.duplicate], [true, 1, true])
  const bad = await td.execute({ _tag: "RegisterOrganization", commandId: "c-2" }, { principal })
  assert.equal(bad.ok, false)
  assert.ok(bad.error instanceof Error)
  assert.equal(bad.error.code, "CommandDecodeError")
  assert.match(bad.error.messages.vi, /^Lệnh không hợp lệ/)
  assert.ok(typeof bad.error.messages.en === "string" && bad.error.messages.en.length > 0)
  await td.close()
}
await exercise("memory")
await exercise({ dataDir: process.argv[2] }) // PostgreSQL on embedded PGlite, through @thidua/store-postgres
console.log(\`host ok on node \${process.version}\`)
`

const hostTs = `import { Commands, createThiDua } from "@thidua/engine"

type IsAny<T> = 0 extends 1 & T ? true : false
const principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" } as const
const actor = { organizationId: "ldld-ha-noi", role: "executive" } as const
const fields = { commandId: "c-1", tenantId: "hanoi", actor, at: "2020-01-01", organizationId: "ldld-ha-noi",
  name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation" } as const
const td = await createThiDua({ store: "memory" })
const typed: IsAny<typeof td> = false
// @ts-expect-error: the builders know the levels
Commands.registerOrganization({ ...fields, level: "galaxy" })
const result = await td.execute(Commands.registerOrganization(fields), { principal })
if (result.ok) {
  const version: number = result.version
  const duplicate: boolean = result.duplicate
  if (version !== 1 || duplicate || typed) throw new Error("unexpected")
} else {
  const code: string = result.error.code
  const vi: string = result.error.messages.vi
  throw new Error(\`\${code}: \${vi}\`)
}
await td.close()
`

const hostCts = `import { createThiDua } from "@thidua/engine"

type IsAny<T> = 0 extends 1 & T ? true : false
export const typed: IsAny<typeof createThiDua> = false
`

// Strict, resolved as Node resolves (no custom conditions). `dom` only for the web globals the effect
// declarations name (AbortSignal, URL, ...), which a Node app gets from @types/node.
const tsconfig = {
  compilerOptions: {
    target: "es2022",
    lib: ["es2023", "dom"],
    module: "nodenext",
    moduleResolution: "nodenext",
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: []
  },
  files: ["host.ts", "host.cts"]
}

// ── The run ───────────────────────────────────────────────────────────────────────────────────────

const main = async () => {
  if (hostNode === undefined) fail("no node on PATH outside the repository and node_modules; set THIDUA_HOST_NODE")
  const hostVersion = (await runOk(hostNode, ["--version"], { env: hostEnv })).trim()
  const npmVersion = (await npm(["--version"])).out.trim()
  console.log(`host node: ${hostNode} ${hostVersion} (npm ${npmVersion}); this script runs on ${process.version}`)
  const min = floor(rootEngines)
  if (min === undefined) fail(`the root's engines.node (${rootEngines}) is not a ">=x.y.z" range`)
  const supported = atLeast(hostVersion, min)
  if (!supported)
    console.log(
      `note: node ${hostVersion} is below the packages' engines.node (${rootEngines}): npm warns of it, ` +
        "and the host runs anyway, to show the packages need nothing newer of their own"
    )

  await step("registry", async () => {
    const registry = (await npm(["config", "get", "registry"])).out.trim()
    const ping = await npm([
      "ping",
      "--fetch-timeout=15000",
      "--fetch-retries=1",
      "--fetch-retry-mintimeout=1000",
      "--fetch-retry-maxtimeout=2000"
    ])
    if (ping.code !== 0)
      fail(
        `the npm registry (${registry}) is unreachable, and the check installs the packages' dependencies from it:\n${ping.out}`,
        unreachableExitCode
      )
    console.log(`${registry} answers`)
  })

  if (build) {
    const toBuild = packages.filter(stale)
    const names = toBuild.map((p) => p.json.name)
    await step(`build (${toBuild.length === 0 ? "dist/ up to date" : names.join(", ")})`, async () => {
      if (toBuild.length > 0) await pnpm(["-r", ...names.flatMap((name) => ["--filter", name]), "build"])
    })
  }

  const temp = mkdtempSync(join(tmpdir(), "thidua-pack-install-"))
  const tarballs = join(temp, "tarballs")
  const app = join(temp, "app")
  mkdirSync(tarballs)
  mkdirSync(app)
  console.log(`in ${temp}`)
  try {
    await step(`pack ${packages.length} packages`, () =>
      pnpm(["-r", ...packages.flatMap((p) => ["--filter", p.json.name]), "pack", "--pack-destination", tarballs])
    )
    const files = readdirSync(tarballs).filter((f) => f.endsWith(".tgz"))
    check(files.length === packages.length, `expected ${packages.length} tarballs, found: ${files.join(", ")}`)

    await step("inspect the tarballs", () => {
      const manifests = files.map((file) => {
        const { json, files: count } = inspect(file, join(tarballs, file))
        console.log(`${json.name}: ${count} files`)
        return json
      })
      checkPeers(manifests)
    })

    writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "host", private: true, type: "module" })}\n`)
    await step("npm install ./*.tgz", async () => {
      const argv = ["install", "--no-audit", "--no-fund", "--prefer-offline", ...files.map((f) => join(tarballs, f))]
      const install = await npm(argv, app)
      if (install.code !== 0) fail(`npm install failed:\n${install.out}`)
      // Each warning is a block: `npm warn EBADENGINE Unsupported engine {` ... `package: 'name@version',`.
      // On a host below our engines.node, ours warn, and so may a dependency that asks for no newer
      // Node than ours (@effect/platform-node asks for >=22.19.0, as we do); anything else is a finding.
      const badEngines = [
        ...install.out.matchAll(
          /EBADENGINE\s+package: '([^']+)',\s*(?:npm warn EBADENGINE\s+)?required: \{ node: '([^']+)'/g
        )
      ].map((m) => ({ name: m[1], required: floor(m[2]) }))
      // A dependency that asks for no newer Node than we do runs wherever we do: npm's warning on an
      // older host is the same warning as ours.
      const noNewerThanOurs = (required) => required !== undefined && atLeast(min.join("."), required)
      const unexpected = badEngines
        .filter((p) => supported || !(p.name.startsWith("@thidua/") || noNewerThanOurs(p.required)))
        .map((p) => p.name)
      check(unexpected.length === 0, `npm install warned of an unsupported engine: ${unexpected.join(", ")}`)
      check(!/ERESOLVE|peer dep/i.test(install.out), `npm install warned of peer dependencies:\n${install.out}`)
      console.log(install.out.trim().split("\n").at(-1))
    })

    await step("npm ls --all", async () => {
      const ls = await npm(["ls", "--all", "--json"], app)
      const tree = JSON.parse(ls.out)
      check(ls.code === 0, `npm ls exited with ${ls.code}`)
      check((tree.problems ?? []).length === 0, `npm ls finds problems:\n${(tree.problems ?? []).join("\n")}`)
      for (const p of packages) check(tree.dependencies?.[p.json.name] !== undefined, `npm ls misses ${p.json.name}`)
    })

    writeFileSync(join(app, "host.mjs"), hostJs)
    writeFileSync(join(app, "host.ts"), hostTs)
    writeFileSync(join(app, "host.cts"), hostCts)
    writeFileSync(join(app, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`)
    // The two take turns on nothing: run them side by side.
    const [host, tsc] = await Promise.all([
      step(`host.mjs on node ${hostVersion}`, () =>
        run(hostNode, ["host.mjs", join(temp, "pgdata")], { cwd: app, env: hostEnv })
      ),
      step(`tsc (${typescript}) on host.ts and host.cts`, () =>
        npm(["exec", "--yes", `--package=${typescript}`, "--", "tsc", "-p", "tsconfig.json"], app)
      )
    ])
    process.stdout.write(host.out)
    check(host.code === 0, `host.mjs exited with ${host.code}`)
    check(host.out.includes(`host ok on node ${hostVersion}`), "host.mjs did not report success")
    process.stdout.write(tsc.out)
    check(tsc.code === 0, `tsc found errors in host.ts or host.cts against the installed types (exit ${tsc.code})`)
  } finally {
    if (keep) console.log(`kept ${temp}`)
    else rmSync(temp, { recursive: true, force: true })
  }
}

try {
  await main()
} catch (error) {
  if (!(error instanceof Failure)) throw error
  console.error(`pack-install: ${error.message}`)
  process.exit(error.exitCode)
}
console.log(`\n${timings.join(", ")}; total ${((performance.now() - started) / 1000).toFixed(1)} s`)
if (failures.length > 0) {
  console.error(`\npack-install: ${failures.length} check(s) failed:\n- ${failures.join("\n- ")}`)
  process.exit(1)
}
console.log("pack-install: ok")
