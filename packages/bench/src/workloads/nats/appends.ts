/**
 * `nats-appends*`: appends of 1 to 3 events, each with a command id and the version it expects,
 * over 100 new campaign streams of 4 tenants a round, by the NATS store on one server and on a
 * cluster of three (every group replicated three times), and by the PostgreSQL store, in one
 * process. One writer; four writers, each with a store (a connection, a ledger) of its own, as
 * four processes, on one group; the same on a group per tenant, the way the NATS store scales
 * out. The events are the campaign workload's, decided before the clock starts.
 */
import type { Recorded } from "@thidua/store"
import { quiet } from "../../Quiet.js"
import { CheckFailed, type Contender, type Workload } from "../../Workload.js"
import * as History from "../postgres/history.js"
import { canonical, closeAll, type Deployment, deploy, type Handle, type Layout } from "./deployments.js"

const tenants = ["t0", "t1", "t2", "t3"]
const streams = 100
const appendsPerStream = 21
// 1, 2, 3 events in turn: 21 appends hold 42 events, two an append on average.
const sizeOf = (k: number) => 1 + (k % 3)
const eventsPerStream = 42
const appends = streams * appendsPerStream
const events = streams * eventsPerStream

interface Planned {
  readonly tenantId: string
  readonly streamId: string
  /** The stream's version before the append. */
  readonly from: number
  readonly events: ReadonlyArray<Recorded.NewEvent>
  readonly commandId: string
}

// The first 42 events of the first 100 campaigns of the shared history, without their command ids
// (each append brings one of its own).
let source: ReadonlyArray<ReadonlyArray<Recorded.NewEvent>> | undefined
const campaignEvents = (): ReadonlyArray<ReadonlyArray<Recorded.NewEvent>> => {
  source ??= History.importStreams("bench", { campaigns: streams, commandIds: false })
    .filter((s) => s.streamId.startsWith("campaign:"))
    .map((s) =>
      s.events
        .slice(0, eventsPerStream)
        .map(({ eventId, type, data, schemaVersion }) => ({ eventId, type, data, schemaVersion }))
    )
  if (source.length !== streams || source.some((e) => e.length !== eventsPerStream))
    throw new Error(`the history has not ${streams} campaigns of ${eventsPerStream} events`)
  return source
}

/**
 * A round's appends, per writer, in the order each sends them: the streams in turn (their appends
 * interleave in the log), the streams of a tenant all with the same writer.
 */
const plan = (round: number, writers: number): ReadonlyArray<ReadonlyArray<Planned>> => {
  const source = campaignEvents()
  const out: Array<Array<Planned>> = Array.from({ length: writers }, () => [])
  const offsets = new Array<number>(streams).fill(0)
  for (let k = 0; k < appendsPerStream; k++)
    for (let s = 0; s < streams; s++) {
      const tenant = s % tenants.length
      const from = offsets[s]!
      offsets[s] = from + sizeOf(k)
      out[tenant % writers]!.push({
        tenantId: tenants[tenant]!,
        streamId: `campaign:r${round}-s${s}`,
        from,
        events: source[s]!.slice(from, from + sizeOf(k)),
        commandId: `r${round}-s${s}-a${k}`
      })
    }
  return out
}

/** Every stream of the round read back equals what was sent: ids, types, versions, command ids, payloads. */
const checkLog = async (side: string, reader: Handle, round: number) => {
  const source = campaignEvents()
  for (let s = 0; s < streams; s++) {
    const tenantId = tenants[s % tenants.length]!
    const streamId = `campaign:r${round}-s${s}`
    const read = await reader.run(reader.store.readStream(tenantId, streamId))
    const sent = source[s]!
    if (read.length !== sent.length)
      throw new CheckFailed(`${side}: ${tenantId}/${streamId} holds ${read.length} events, ${sent.length} were sent`)
    let k = 0
    let inAppend = 0
    for (const [i, r] of read.entries()) {
      const e = sent[i]!
      const commandId = `r${round}-s${s}-a${k}`
      if (
        r.eventId !== e.eventId ||
        r.type !== e.type ||
        r.version !== i + 1 ||
        r.commandId !== commandId ||
        r.schemaVersion !== e.schemaVersion ||
        canonical(r.data) !== canonical(e.data)
      )
        throw new CheckFailed(
          `${side}: ${tenantId}/${streamId} event ${i + 1} reads back as ${canonical({ ...r, position: undefined })}, sent ${canonical({ ...e, version: i + 1, commandId })}`
        )
      if (++inAppend === sizeOf(k)) {
        k++
        inAppend = 0
      }
    }
  }
}

const line = (options: {
  readonly id: string
  readonly title: string
  readonly writers: number
  readonly groupPerTenant: boolean
  readonly note: string
}): Workload => ({
  id: options.id,
  title: options.title,
  unit: "appends",
  warmup: 1,
  rounds: 3,
  needs: "nats",
  note: options.note,
  targets: [],
  open: async () => {
    const layout: Layout = { tenants, groupPerTenant: options.groupPerTenant }
    const deployments = await deploy(options.id, layout)
    const handles: Array<Handle> = []
    try {
      const contender = async (d: Deployment): Promise<Contender> => {
        const own: Array<Handle> = []
        for (let w = 0; w < options.writers; w++) {
          const h = await d.connect()
          handles.push(h)
          own.push(h)
        }
        let rounds = 0
        return {
          name: d.name,
          round: async () => {
            const round = rounds++
            const planned = plan(round, options.writers)
            await quiet()
            const t0 = performance.now()
            const results = await Promise.all(
              planned.map(async (list, w) => {
                const h = own[w]!
                const out: Array<Recorded.AppendResult> = []
                for (const p of list)
                  out.push(
                    await h.run(
                      h.store.append(p.tenantId, p.streamId, p.from === 0 ? "no-stream" : p.from, p.events, {
                        commandId: p.commandId
                      })
                    )
                  )
                return out
              })
            )
            const ms = performance.now() - t0
            for (const [w, list] of planned.entries())
              for (const [i, p] of list.entries()) {
                const r = results[w]![i]!
                const want = p.from + p.events.length
                if (r.duplicate || r.version !== want || r.events.length !== p.events.length)
                  throw new CheckFailed(
                    `${d.name}: ${p.tenantId}/${p.streamId} append ${p.commandId} answered version ${r.version} (duplicate ${r.duplicate}, ${r.events.length} events), expected ${want}`
                  )
              }
            await checkLog(d.name, own[0]!, round)
            return { units: appends, ms }
          }
        }
      }
      const contenders: Array<Contender> = []
      for (const d of deployments) contenders.push(await contender(d))
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

const what = `${appends.toLocaleString("en-US")} appends of 1–3 events (${events.toLocaleString("en-US")} events: events/s = 2 × appends/s) to ${streams} new streams of ${tenants.length} tenants`
// What every line of this file leaves out, said on each (a run of one line prints its note alone).
const common =
  "Every append carries a command id and the version it expects; every answer is checked, every stream read back and compared with what was sent. Thi Đua column: the PostgreSQL store (THIDUA_PG_URL), a connection per writer, fsync at every commit; NATS: nats-servers this run starts on the same machine, fsync left to nats-server (every 2 minutes by default: an acknowledged append survives a server's crash, not the machine's; on the cluster two servers of three hold it), the cluster's three servers sharing the same two cores. Appends only: no command handler, decoding or projection."

export const natsAppends: Workload = line({
  id: "nats-appends",
  title: `${what}, 1 writer: NATS JetStream (1 server; 3 servers, R3) and PostgreSQL`,
  writers: 1,
  groupPerTenant: false,
  note: common
})

export const natsAppends4: Workload = line({
  id: "nats-appends-4",
  title: "The same, 4 writers (a store and a connection each, as 4 processes), a tenant each, one group",
  writers: 4,
  groupPerTenant: false,
  note: `On NATS the four stores share the group's stream: an append is published on the condition that the stream is at the sequence its store has read up to, so a writer that lost the race reads the others' messages and sends again. ${common}`
})

export const natsAppends4Groups: Workload = line({
  id: "nats-appends-4-groups",
  title: "The same, 4 writers, a group (a JetStream stream) per tenant",
  writers: 4,
  groupPerTenant: true,
  note: `Groups are how the NATS store scales writes: no writer waits for another's stream; on the cluster JetStream places each group's Raft leader. PostgreSQL runs the same workload (it has no groups). ${common}`
})

export const natsAppendWorkloads: ReadonlyArray<Workload> = [natsAppends, natsAppends4, natsAppends4Groups]
