/**
 * Where the NATS lines run, side by side in one process: the PostgreSQL store on a database of its
 * own on the server of `THIDUA_PG_URL` (left out, with a line on stderr, when it is not set), the
 * NATS store on one nats-server, and on a cluster of three with every group replicated three
 * times. The bench starts the servers itself with the NATS store's own harness (SIGKILLed and
 * their dirs removed on close, and by its watchdog if this process dies first).
 */
import { ReadModelStore } from "@thidua/projections"
import { EventStore } from "@thidua/store"
import { NatsStore } from "@thidua/store-nats"
import { PostgresStore } from "@thidua/store-postgres"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  type Cluster,
  natsServerPath,
  type Server,
  startCluster,
  startServer
} from "../../../../store-nats/test/support/servers.js"
import type { Contender } from "../../Workload.js"
import { createDatabase, type Database } from "../postgres/database.js"

/**
 * Why the NATS lines cannot run here, or undefined when they can: they need a nats-server binary
 * (Debian's `nats-server`, or `THIDUA_NATS_SERVER`).
 */
export const natsMissing = (): string | undefined =>
  natsServerPath() === undefined
    ? process.env.THIDUA_NATS_SERVER
      ? `THIDUA_NATS_SERVER=${process.env.THIDUA_NATS_SERVER} is not an executable`
      : "no nats-server (apt-get install nats-server, or set THIDUA_NATS_SERVER)"
    : undefined

/** How tenants are spread over JetStream streams: one group, or a group per tenant. */
export interface Layout {
  readonly tenants: ReadonlyArray<string>
  /** One group (`main`) for every tenant, or one group each. */
  readonly groupPerTenant: boolean
}

/** One store with a connection (a pool) of its own, as one process of an application has. */
export interface Handle {
  readonly store: EventStore.Shape
  /** Runs an effect with this store and an in-memory read model store. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore | ReadModelStore.ReadModelStore>) => Promise<A>
  readonly close: () => Promise<void>
}

/** A store's deployment: the servers it runs on, and stores connected to them. */
export interface Deployment {
  readonly name: Contender["name"]
  readonly connect: () => Promise<Handle>
  readonly close: () => Promise<void>
}

const handle = async (layer: Layer.Layer<EventStore.EventStore, unknown>): Promise<Handle> => {
  const runtime = ManagedRuntime.make(Layer.merge(layer, ReadModelStore.layerMemory))
  try {
    const store = await runtime.runPromise(Effect.service(EventStore.EventStore))
    return { store, run: (effect) => runtime.runPromise(effect), close: () => runtime.dispose() }
  } catch (error) {
    await runtime.dispose()
    throw error
  }
}

const natsConfig = (servers: string | ReadonlyArray<string>, layout: Layout, replicas: number): NatsStore.Config => {
  if (!layout.groupPerTenant) return { servers, groups: { main: { replicas } } }
  const groupOf = new Map(layout.tenants.map((t, i) => [t, `g${i}`]))
  return {
    servers,
    groups: Object.fromEntries([...groupOf.values()].map((g) => [g, { replicas }])),
    place: (tenantId) => groupOf.get(tenantId) ?? "g0"
  }
}

const onPostgres = (db: Database): Deployment => ({
  name: "thidua",
  // One connection a store: each stands for a process that writes one append at a time.
  connect: () => handle(PostgresStore.layer({ url: db.url, maxConnections: 1 })),
  close: () => db.drop()
})

const onServer = (server: Server, layout: Layout): Deployment => ({
  name: "nats",
  connect: () => handle(NatsStore.layer(natsConfig(server.url, layout, 1))),
  close: () => server.stop()
})

const onCluster = (cluster: Cluster, layout: Layout): Deployment => ({
  name: "nats-r3",
  connect: () => handle(NatsStore.layer(natsConfig(cluster.urls, layout, 3))),
  close: () => cluster.stop()
})

/**
 * The three deployments of a line, started together: PostgreSQL (when `THIDUA_PG_URL` is set), one
 * nats-server, a cluster of three. When one fails to start, those started are closed.
 */
export const deploy = async (label: string, layout: Layout): Promise<ReadonlyArray<Deployment>> => {
  const withPostgres = (process.env.THIDUA_PG_URL ?? "") !== ""
  if (!withPostgres) process.stderr.write(`${label}: THIDUA_PG_URL is not set: the PostgreSQL store is left out\n`)
  const started = await Promise.allSettled([
    ...(withPostgres ? [createDatabase(label).then(onPostgres)] : []),
    startServer().then((s) => onServer(s, layout)),
    startCluster().then((c) => onCluster(c, layout))
  ])
  const up = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []))
  const failed = started.find((s) => s.status === "rejected")
  if (failed !== undefined) {
    await closeAll(up)
    throw failed.reason
  }
  return up
}

/** Closes each, every close tried; the first failure is thrown after. */
export const closeAll = async (closers: ReadonlyArray<{ readonly close: () => Promise<void> }>): Promise<void> => {
  const closed = await Promise.allSettled(closers.map((c) => c.close()))
  const failed = closed.find((c) => c.status === "rejected")
  if (failed !== undefined) throw failed.reason
}

/** JSON with the keys of every object sorted: PostgreSQL's jsonb hands keys back in an order of its own. */
export const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v
  )
