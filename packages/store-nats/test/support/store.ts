/**
 * The store under test on servers this test run starts: one server, or a cluster.
 */
import { Conformance, EventStore } from "@thidua/store"
import { Effect, Layer, type Scope } from "effect"
import { NatsStore } from "../../src/index.js"
import { type Cluster, startCluster, startServer } from "./servers.js"

/** The store options of the tests: the conformance suite's foreign type is let in. */
export const storeOptions: NatsStore.Options = { foreignTypes: [Conformance.foreignType] }

/** The store on a server of its own, started for the layer and stopped with it. */
export const storeOnServer = (
  config: Omit<NatsStore.Config, "servers"> = {},
  options: NatsStore.Options = storeOptions
): Layer.Layer<EventStore.EventStore, unknown> =>
  Layer.unwrap(
    Effect.map(
      Effect.acquireRelease(
        Effect.promise(() => startServer()),
        (server) => Effect.promise(() => server.stop())
      ),
      (server) => NatsStore.layer({ ...config, servers: server.url }, options)
    )
  )

/** The store on a three-server cluster started for the layer, with the cluster's handle. */
export const startedCluster = (): Effect.Effect<Cluster, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(() => startCluster()),
    (cluster) => Effect.promise(() => cluster.stop())
  )

/**
 * `connections` stores on one server, each with its own connection and its own ledger, behind one
 * EventStore: appends go to them in turn, so concurrent appends race between processes' worth of
 * state, as writers in several processes do; reads go to the first.
 */
export const pooledOnServer = (
  connections: number,
  options: NatsStore.Options = storeOptions
): Layer.Layer<EventStore.EventStore, unknown> =>
  Layer.effect(
    EventStore.EventStore,
    Effect.gen(function* () {
      const server = yield* Effect.acquireRelease(
        Effect.promise(() => startServer()),
        (server) => Effect.promise(() => server.stop())
      )
      const stores = yield* Effect.forEach(Array.from({ length: connections }), () =>
        NatsStore.make({ servers: server.url }, options)
      )
      let turn = 0
      const first = stores[0]!
      return {
        ...first,
        append: (...args: Parameters<EventStore.Shape["append"]>) => stores[turn++ % stores.length]!.append(...args)
      }
    })
  )
