import { library } from "../../tsup.base.js"

export default library({
  platform: "node",
  external: [
    "effect",
    "@effect/platform-node",
    "@thidua/core",
    "@thidua/engine",
    "@thidua/store",
    "@thidua/projections"
  ]
})
