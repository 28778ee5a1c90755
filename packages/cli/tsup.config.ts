import type { Options } from "tsup"
import { library } from "../../tsup.base.js"

const base = library({
  platform: "node",
  external: [
    "effect",
    "@effect/platform-node",
    "yaml",
    "@thidua/core",
    "@thidua/engine",
    "@thidua/store",
    "@thidua/store-postgres",
    "@thidua/projections"
  ]
}) as Options

// Two entries: the library (index) and the binary's (main), which bin/thidua.mjs imports.
const config: Options = { ...base, entry: ["src/index.ts", "src/main.ts"] }

export default config
