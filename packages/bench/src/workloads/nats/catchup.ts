/**
 * `nats-read-tenant`, `nats-read-all`, `nats-catch-up`: a log of 100,000 events (1,000 campaigns
 * of the shared history, 4 tenants, appended in batches of 20 events, the campaigns interleaved),
 * written once when the line opens, then read from the start, timed: one tenant's events with
 * `readAll({ tenantId })`, the whole group's with `readAll()`, and a projection's `Runner.catchUp`
 * over the whole log (decoding every score, folding points per campaign). The NATS store on one
 * server and on a cluster of three (R3), and the PostgreSQL store, in one process.
 */
import { Projection, Runner } from "@thidua/projections"
import { Position, type Recorded } from "@thidua/store"
import { Effect, Stream } from "effect"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Contender, type Workload } from "../../Workload.js"
import * as History from "../postgres/history.js"
import { closeAll, type Deployment, deploy, type Handle } from "./deployments.js"

const tenants = ["t0", "t1", "t2", "t3"]
const campaigns = 1_000
// Many events an append, to write the log quickly; a log of appends of 1–3 events holds 10 times
// the messages (the figure of a read of it would be lower on NATS, where a message is a unit of
// delivery).
const perAppend = 20
const batchSize = 1_000

interface Campaign {
  readonly tenantId: string
  readonly streamId: string
  readonly events: ReadonlyArray<Recorded.NewEvent>
  readonly points: number
  readonly scores: number
}

interface Log {
  readonly campaigns: ReadonlyArray<Campaign>
  /** The appends, in the order they are sent. */
  readonly appends: ReadonlyArray<{
    readonly campaign: Campaign
    readonly from: number
    readonly events: ReadonlyArray<Recorded.NewEvent>
  }>
  /** `tenant/stream/eventId` of every event in log order, and of each tenant's. */
  readonly order: ReadonlyArray<string>
  readonly orderOf: ReadonlyMap<string, ReadonlyArray<string>>
}

let built: Log | undefined

const log = (): Log => {
  if (built !== undefined) return built
  const plans = History.workload().campaigns
  const list: Array<Campaign> = History.importStreams("catch", { campaigns, commandIds: false })
    .filter((s) => s.streamId.startsWith("campaign:"))
    .map((s, c) => ({
      tenantId: tenants[c % tenants.length]!,
      streamId: s.streamId,
      events: s.events.map(({ eventId, type, data, schemaVersion }) => ({ eventId, type, data, schemaVersion })),
      points: plans[c]!.points,
      scores: plans[c]!.scores
    }))
  const appends: Array<Log["appends"][number]> = []
  for (let from = 0; list.some((c) => c.events.length > from); from += perAppend)
    for (const campaign of list)
      if (campaign.events.length > from)
        appends.push({ campaign, from, events: campaign.events.slice(from, from + perAppend) })
  const key = (c: Campaign, e: Recorded.NewEvent) => `${c.tenantId}/${c.streamId}/${e.eventId}`
  const order = appends.flatMap((a) => a.events.map((e) => key(a.campaign, e)))
  const orderOf = new Map(tenants.map((t) => [t, order.filter((k) => k.startsWith(`${t}/`))]))
  built = { campaigns: list, appends, order, orderOf }
  return built
}

/** Writes the log with one store, each append expecting the version before it. */
const write = async (h: Handle) => {
  for (const a of log().appends)
    await h.run(h.store.append(a.campaign.tenantId, a.campaign.streamId, a.from === 0 ? "no-stream" : a.from, a.events))
}

const points = Projection.make<{ points: number; scores: number }>({
  name: "bench-points",
  version: 1,
  init: () => ({ points: 0, scores: 0 }),
  partition: Projection.byCampaign,
  handlers: {
    ScoreAssessed: (s, e) => {
      s.points += e.points
      s.scores++
      return s
    }
  }
})

type Measure = (side: string, h: Handle, round: number) => Promise<{ readonly units: number; readonly ms: number }>

/** Reads from the start, timed, and checks that every event came once, in the order written. */
const readAll =
  (tenantId: string | undefined): Measure =>
  async (side, h) => {
    const want = tenantId === undefined ? log().order : log().orderOf.get(tenantId)!
    let n = 0
    let wrong: string | undefined
    await quiet()
    const t0 = performance.now()
    await h.run(
      Stream.runForEachArray(
        h.store.readAll(Position.start, { batchSize, ...(tenantId === undefined ? {} : { tenantId }) }),
        (page) =>
          Effect.sync(() => {
            for (const r of page) {
              if (wrong === undefined && `${r.tenantId}/${r.streamId}/${r.eventId}` !== want[n])
                wrong = `event ${n + 1} is ${r.tenantId}/${r.streamId}/${r.eventId}, expected ${want[n]}`
              n++
            }
          })
      )
    )
    const ms = performance.now() - t0
    if (wrong !== undefined || n !== want.length)
      throw new CheckFailed(
        `${side}: read ${n} events, ${want.length} written${wrong === undefined ? "" : `; ${wrong}`}`
      )
    return { units: n, ms }
  }

/** A new projection each round, caught up from the start, its points and scores per campaign checked. */
const catchUp: Measure = async (side, h, round) => {
  const projection = { ...points, name: `bench-points-${round}` }
  await quiet()
  const t0 = performance.now()
  const saved = await h.run(Runner.catchUp(projection, { batchSize }))
  const ms = performance.now() - t0
  const all = log().campaigns
  if (saved.states.size !== all.length)
    throw new CheckFailed(`${side}: ${saved.states.size} campaigns folded, ${all.length} in the log`)
  for (const c of all) {
    const s = saved.states.get(Projection.streamKey(c.tenantId, c.streamId))
    if (s?.points !== c.points || s.scores !== c.scores)
      throw new CheckFailed(
        `${side}: ${c.tenantId}/${c.streamId} folded to ${s?.points} points in ${s?.scores} scores, expected ${c.points} in ${c.scores}`
      )
  }
  return { units: log().order.length, ms }
}

const line = (options: {
  readonly id: string
  readonly title: string
  readonly note: string
  readonly measure: Measure
}): Workload => ({
  id: options.id,
  title: options.title,
  unit: "events",
  warmup: 1,
  rounds: 3,
  needs: "nats",
  note: options.note,
  targets: [],
  open: async () => {
    const deployments = await deploy(options.id, { tenants, groupPerTenant: false })
    const handles: Array<Handle> = []
    try {
      const connect = async (d: Deployment) => {
        const h = await d.connect()
        handles.push(h)
        return h
      }
      const opened = await Promise.all(deployments.map(async (d) => ({ d, h: await connect(d) })))
      // The three logs are written at once: the preparation is not timed.
      await Promise.all(opened.map(({ h }) => write(h)))
      const contenders: Array<Contender> = opened.map(({ d, h }) => {
        let rounds = 0
        return { name: d.name, round: () => options.measure(d.name, h, rounds++) }
      })
      return {
        contenders,
        close: async () => {
          try {
            await closeAll(handles)
          } finally {
            await closeAll(deployments)
          }
        }
      }
    } catch (error) {
      await closeAll(handles).catch(() => undefined)
      await closeAll(deployments).catch(() => undefined)
      throw error
    }
  }
})

const size = `${(campaigns * History.perCampaign).toLocaleString("en-US")} events`
const shape = `the log: ${campaigns.toLocaleString("en-US")} campaigns of the shared history over ${tenants.length} tenants, appends of ${perAppend} events (campaigns interleaved), written before the first round; pages of ${batchSize.toLocaleString("en-US")}`
const leftOut =
  "Thi Đua column: the PostgreSQL store (THIDUA_PG_URL); NATS: servers on this machine, the cluster's three on the same two cores. Reads from the start of a log nobody writes to meanwhile."

export const natsReadTenant: Workload = line({
  id: "nats-read-tenant",
  title: `One tenant's events read from the start (a quarter of a log of ${size}): NATS JetStream (1 server; 3 servers, R3) and PostgreSQL`,
  note: `\`readAll(start, { tenantId, batchSize })\` to the end, every event checked in log order; ${shape}. On NATS the server filters the tenant's subjects. ${leftOut}`,
  measure: readAll(tenants[0])
})

export const natsReadAll: Workload = line({
  id: "nats-read-all",
  title: `A whole log of ${size} read from the start: NATS JetStream (one group; 1 server; 3 servers, R3) and PostgreSQL`,
  note: `\`readAll(start, { batchSize })\` without a tenant (a store of one group), every event checked in log order; ${shape}. ${leftOut}`,
  measure: readAll(undefined)
})

export const natsCatchUp: Workload = line({
  id: "nats-catch-up",
  title: `Projection catch-up over a log of ${size} into an in-memory read model: NATS JetStream (1 server; 3 servers, R3) and PostgreSQL`,
  note: `\`Runner.catchUp\` of a new projection each round (points and scores per campaign, every score decoded), the read model in memory (\`ReadModelStore.layerMemory\`: saving a page costs the same on both stores), each campaign's totals checked; ${shape}. ${leftOut}`,
  measure: catchUp
})

export const natsReadWorkloads: ReadonlyArray<Workload> = [natsReadTenant, natsReadAll, natsCatchUp]
