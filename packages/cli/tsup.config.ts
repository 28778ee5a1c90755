import { library } from "../../tsup.base.js"

export default library({
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
})
