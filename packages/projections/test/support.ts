/**
 * Shared pieces of the runner tests: a projection that counts events by type per campaign, in a
 * Map (so the JSON codec of states is exercised too), the naive count it must equal, and the
 * append of a generated history's accepted steps.
 */
import type { Event } from "@thidua/core"
import { Codec, EventStore } from "@thidua/store"
import { PostgresStore } from "@thidua/store-postgres"
import type { History } from "@thidua/testing"
import { Effect, type Scope } from "effect"
import { SqlClient } from "effect/sql"
import { Projection } from "../src/index.js"

export const byType = (name: string): Projection.Projection<{ byType: Map<string, number> }> => ({
  ...Projection.make({
    name,
    version: 1,
    init: () => ({ byType: new Map<string, number>() }),
    partition: Projection.byCampaign,
    handlers: {}
  }),
  // Every type counts: apply is replaced so the test does not list 32 handlers.
  tags: undefined,
  apply: (state, event) => {
    state.byType.set(event._tag, (state.byType.get(event._tag) ?? 0) + 1)
    return state
  }
})

export const naive = (events: ReadonlyArray<Event.CampaignEvent>) => {
  const byType = new Map<string, number>()
  for (const e of events) byType.set(e._tag, (byType.get(e._tag) ?? 0) + 1)
  return { byType }
}

/** Appends a history's events step by step, as its commands produced them. */
export const appendHistory = (
  h: History.History,
  tenantId = "tenant-1",
  streamId = "campaign:campaign-1"
): Effect.Effect<void, EventStore.AppendError, EventStore.EventStore> =>
  Effect.gen(function* () {
    const store = yield* EventStore.EventStore
    let version = 0
    for (const step of h.steps) {
      if (step.result._tag !== "Success" || step.result.success.length === 0) continue
      const r = yield* store.append(tenantId, streamId, version, Codec.encode(step.result.success), {
        commandId: step.command.commandId
      })
      version = r.version
    }
  })

/**
 * A database of its own on the server at `url`, for one test: created, handed over as a URL, and
 * dropped (its sessions closed) at the end of the scope.
 */
export const freshDatabase = (url: string): Effect.Effect<string, unknown, Scope.Scope> =>
  Effect.gen(function* () {
    const name = `thidua_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`
    const admin = PostgresStore.layerClient({ url, maxConnections: 1 })
    yield* SqlClient.SqlClient.use((sql) => sql.unsafe(`CREATE DATABASE ${name}`)).pipe(Effect.provide(admin))
    yield* Effect.addFinalizer(() =>
      SqlClient.SqlClient.use((sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).pipe(
        Effect.provide(admin),
        Effect.ignore
      )
    )
    const target = new URL(url)
    target.pathname = `/${name}`
    return target.toString()
  })
