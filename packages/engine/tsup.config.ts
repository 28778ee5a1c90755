import { library } from "../../tsup.base.js"

export default library({
  platform: "node",
  external: [
    "effect",
    "@thidua/core",
    "@thidua/store",
    "@thidua/store-nats",
    "@thidua/store-postgres",
    "@thidua/projections",
    "@thidua/workflow"
  ]
})
