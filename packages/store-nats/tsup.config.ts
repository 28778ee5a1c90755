import { library } from "../../tsup.base.js"

export default library({
  platform: "node",
  external: [
    "effect",
    "@thidua/core",
    "@thidua/store",
    "@nats-io/jetstream",
    "@nats-io/nats-core",
    "@nats-io/transport-node"
  ]
})
