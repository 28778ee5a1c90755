/**
 * The conformance suite, unchanged, on a nats-server this run starts (JetStream, max_payload 16 MB).
 */
import { describe, it, layer } from "@effect/vitest"
import { Conformance } from "@thidua/store"
import { describeNats } from "./support/servers.js"
import { storeOnServer } from "./support/store.js"

describeNats({ describe, it }, "NatsStore on one server", () => {
  layer(storeOnServer(), { timeout: "60 seconds", excludeTestServices: true })("conformance", (it) => {
    for (const check of Conformance.checks) it.effect(check.name, () => check.run)
    for (const check of Conformance.foreignChecks) it.effect(check.name, () => check.run)
  })
})
