/**
 * The races of `racing.test.ts` where one connection serves every writer: embedded PGlite, and the
 * in-memory store as the reference the PostgreSQL store must agree with. "Concurrency" here is
 * fibers interleaving between the statements (and, in memory, between the steps) of each append;
 * the same checks against the same ledger still hold.
 */
import { describe, layer } from "@effect/vitest"
import { Conformance, InMemoryStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import { checkTables, raceCommandAcrossStreams, raceCommandIds, runVerifier } from "./racing.js"
import { storeOptions } from "./support.js"

layer(PostgresStore.layer({}, storeOptions), { timeout: "120 seconds", excludeTestServices: true })(
  "PostgresStore on PGlite: command ids under interleaved writers",
  (it) => {
    it.effect("item 1: eight appends with one command id store one append, 20 rounds in every mode", () =>
      raceCommandIds(20)
    )
    it.effect("item 2: one command id raced on eight streams of a tenant lands on exactly one, 20 rounds", () =>
      raceCommandAcrossStreams(20)
    )
    it.effect("a DVU verifier: 8 fibers × 100 appends over hot streams of two tenants agree with their ledger", () =>
      runVerifier("DVU on PGlite", { writers: 8, appendsPerWriter: 100, streamsPerTenant: 3 }, checkTables)
    )
  }
)

describe("the in-memory store, the reference", () => {
  layer(InMemoryStore.layerWith({ foreignTypes: [Conformance.foreignType] }), { excludeTestServices: true })(
    "InMemoryStore: the same races",
    (it) => {
      it.effect("item 1: eight appends with one command id store one append, 20 rounds in every mode", () =>
        raceCommandIds(20)
      )
      it.effect("item 2: one command id raced on eight streams of a tenant lands on exactly one, 20 rounds", () =>
        raceCommandAcrossStreams(20)
      )
      it.effect("a DVU verifier: 8 fibers × 150 appends agree with their ledger", () =>
        runVerifier("DVU in memory", { writers: 8, appendsPerWriter: 150, streamsPerTenant: 3 })
      )
    }
  )
})
