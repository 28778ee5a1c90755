/**
 * A tenant's history, loaded in bulk before the commands of a round: past campaigns of the shared
 * campaign workload (2,000 campaigns of 100 events, 200,000 events and the directory), decided once
 * per process by both deciders, then loaded into Thi Đua with `BulkImport` and into Emmett with
 * `appendToStream` of whole streams. A workload may take the first campaigns only.
 */
import type { PostgresEventStore } from "@event-driven-io/emmett-postgresql"
import { Stream } from "@thidua/core"
import { BulkImport, PostgresStore } from "@thidua/store-postgres"
import { Effect } from "effect"
import { Campaigns, type EmmettCampaign, Logs } from "../../campaign/index.js"

export const campaigns = 2_000
export const perCampaign = 100

interface Decided {
  readonly workload: Campaigns.Workload
  readonly logs: Logs.Logs
}

let decided: Decided | undefined

// The deciders take a second or two: once per process.
const decide = (): Decided => {
  if (decided === undefined) {
    const workload = Campaigns.generate({ campaigns, commandsPerCampaign: perCampaign, tenantId: "history" })
    decided = { workload, logs: Logs.decideAll(workload) }
  }
  return decided
}

/** Events in Thi Đua's history (its first `campaigns`), the directory's included. */
export const events = (campaigns?: number): number => {
  const { logs } = decide()
  return logs.directory.length + logs.thidua.slice(0, campaigns).reduce((n, l) => n + l.length, 0)
}

/** Events in Emmett's history (its first `campaigns`): the campaigns' (Emmett keeps no directory). */
export const emmettEvents = (campaigns?: number): number =>
  decide()
    .logs.emmett.slice(0, campaigns)
    .reduce((n, l) => n + l.length, 0)

/** The generated commands the history was decided from: what each past campaign must total. */
export const workload = (): Campaigns.Workload => decide().workload

// Past campaigns take ids of their own (`past-<c>`), apart from those the timed commands create;
// their payloads are left as decided (nothing reads them back in a round).
const pastStream = (c: number) => Stream.campaign(`past-${c}`)

/**
 * The history as Thi Đua import streams for `tenantId`: the directory first (the timed commands then
 * find it), each past campaign after it (its first `campaigns`), with event ids of their own and,
 * unless `commandIds` is false, the command id of each event, as a restore of a Thi Đua log brings
 * them.
 */
export const importStreams = (
  tenantId: string,
  options: { readonly commandIds?: boolean; readonly campaigns?: number } = {}
): ReadonlyArray<BulkImport.ImportStream> => {
  const { logs } = decide()
  const own = (commandId: string) => (options.commandIds === false ? {} : { commandId })
  const directory: BulkImport.ImportStream = {
    tenantId,
    streamId: Stream.directory(tenantId),
    events: logs.directory.map((s) => ({ ...s.event, ...own(s.commandId) }))
  }
  return [
    directory,
    ...logs.thidua.slice(0, options.campaigns).map((stored, c) => ({
      tenantId,
      streamId: pastStream(c),
      events: stored.map((s) => ({ ...s.event, eventId: `past-${s.event.eventId}`, ...own(`past-${s.commandId}`) }))
    }))
  ]
}

/** Imports the history (its first `campaigns`) into `tenantId` on the server at `url`, on a pool of its own. */
export const importThidua = (url: string, tenantId: string, campaigns?: number): Promise<BulkImport.Imported> =>
  Effect.runPromise(
    BulkImport.run(importStreams(tenantId, campaigns === undefined ? {} : { campaigns })).pipe(
      Effect.provide(PostgresStore.layer({ url, maxConnections: 4 }))
    )
  )

/**
 * Appends the history's campaigns (its first `campaigns`) to Emmett under `prefix`, a stream per
 * call (its events in one `appendToStream`, as large a batch as a stream makes), `concurrency` at a
 * time (default 3, as `BulkImport` writes).
 */
export const importEmmett = async (
  store: PostgresEventStore,
  prefix: string,
  options: { readonly campaigns?: number; readonly concurrency?: number } = {}
): Promise<number> => {
  const { logs } = decide()
  const streams: ReadonlyArray<ReadonlyArray<EmmettCampaign.CampaignEvent>> = logs.emmett.slice(0, options.campaigns)
  let next = 0
  let appended = 0
  const worker = async () => {
    for (let c = next++; c < streams.length; c = next++) {
      const events = streams[c]!
      await store.appendToStream(`${prefix}past-${c}`, [...events])
      appended += events.length
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker))
  return appended
}
