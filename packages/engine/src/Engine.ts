/**
 * The engine as an Effect service: a store, the command handler, read models and workflows wired
 * together behind a few calls (`execute`, `read`, `campaign`, `directory`, `events`, `tick`, and
 * the commendation record's questions `eligibility`, `explain` and `record`). `createThiDua` is the
 * same engine behind Promises; both run this one implementation.
 *
 * Read models are kept in memory by the engine, folded from the log the first time they are read
 * and brought up to date at every read, so a read sees every command the engine has executed (and
 * what other processes appended to the same store before it). Workflows run in the background on
 * the system clock; with a `clock` of the host's own, they run only when `tick` is called.
 *
 * @since 0.5.0
 */
import {
  AwardKind,
  type Campaign,
  Command,
  Stream as CoreStream,
  type Directory,
  Eligibility,
  type Event,
  Ids,
  LocalDate,
  Organization,
  Record,
  Rulebook,
  ThiDuaError
} from "@thidua/core"
import {
  AwardRoll,
  CommendationRecord,
  InitiativeLedger,
  Participation,
  type Projection,
  Runner as ProjectionRunner,
  ReadModelStore,
  Scoreboard,
  SqlReadModelStore,
  Timeline
} from "@thidua/projections"
import {
  Codec,
  CommandHandler,
  EventStore,
  InMemoryStore,
  Position,
  type Principal,
  type Recorded,
  type StoreError,
  Telemetry as StoreTelemetry
} from "@thidua/store"
import { NatsStore } from "@thidua/store-nats"
import { PostgresStore } from "@thidua/store-postgres"
import { type ProcessManager, Runner, SqlLease } from "@thidua/workflow"
import { Clock, Context, Effect, Exit, Layer, Metric, Result, Schedule, Schema, Stream } from "effect"
import type { SqlError } from "effect/sql"
import { InvalidOption, InvalidPrincipal } from "./EngineError.js"
import * as Telemetry from "./Telemetry.js"

/**
 * Where the events are kept: `"memory"` (this process only, gone when it ends), `"embedded"`
 * (PostgreSQL on embedded PGlite, in memory), `{ dataDir }` (PGlite keeping its files in that
 * folder), `{ url }` (a PostgreSQL server, 13 or later) or `{ nats }` (NATS JetStream: one server
 * or a cluster, see `NatsStore.Config` of `@thidua/store-nats`). On JetStream the read models are
 * kept in memory, folded from the log when first read, and the workflows hold no leases: every
 * engine process runs every part, and the command ids of what they send keep each thing done once.
 *
 * @since 0.5.0
 */
export type StoreConfig =
  | "memory"
  | "embedded"
  | { readonly dataDir: string }
  | { readonly url: string }
  | { readonly nats: NatsStore.Config }

/**
 * How to make an engine. Every field is optional.
 *
 * @since 0.5.0
 */
export interface Config {
  /** Where the events are kept. Default `"memory"`. */
  readonly store?: StoreConfig
  /** The rules in force: regimes, parameters, overrides. Default `Rulebook.standard`. */
  readonly rulebook?: Rulebook.Rulebook
  /**
   * The read models `read` serves: the built-in ones (`builtInReadModels`) by default, or your
   * own list. Each is folded from the log when first read, then kept in memory and brought up to
   * date at every read.
   */
  // biome-ignore lint/suspicious/noExplicitAny: projections of different states side by side
  readonly projections?: ReadonlyArray<Projection.Projection<any>>
  /** Process managers to run: `CampaignCalendar.make()`, `Cascade.make()`, your own. Default none. */
  // biome-ignore lint/suspicious/noExplicitAny: managers of different states side by side
  readonly workflows?: ReadonlyArray<ProcessManager.ProcessManager<any>>
  /**
   * The time the workflows see, in milliseconds since 1970 (or a `Date`). With it, workflows run
   * only when `tick` is called (a demo, a test, a host that runs them from its own scheduler);
   * without it they run in the background on the system clock.
   */
  readonly clock?: () => number | Date
  /** The name this process holds workflow leases under, on a PostgreSQL store. Default random. */
  readonly holder?: string
  /**
   * Spans and metrics for operators: `{ otlp: { url } }` (OTLP over HTTP to a collector) or
   * `Telemetry.inMemory()`. Default none: nothing is traced or measured, at no cost.
   */
  readonly telemetry?: Telemetry.Config
}

/**
 * How a command is executed.
 *
 * @since 0.5.0
 */
export interface ExecuteOptions {
  /**
   * Who sends the command, as the host authenticated it: `{ tenantId, organizationId, role }`.
   * The command's tenant and actor must be the principal's, or it fails with
   * `PrincipalMismatch`. Never take it from the command itself.
   */
  readonly principal: Principal.Principal
  /**
   * Execute only if the command's stream is still at this version (HTTP `If-Match`), else fail
   * with `WrongExpectedVersion`.
   */
  readonly expectedVersion?: number
}

/**
 * How `executeAll` runs its commands: all sent by one principal.
 *
 * @since 0.7.0
 */
export interface ExecuteAllOptions {
  /** Who sends the commands, as the host authenticated it (see `ExecuteOptions`). */
  readonly principal: Principal.Principal
}

/**
 * What an executed command did.
 *
 * @since 0.5.0
 */
export interface Executed {
  /** The events the command appended (or appended the first time, when `duplicate`). */
  readonly events: ReadonlyArray<Event.DomainEvent>
  /** The stream: `campaign:<id>` or the tenant's directory, `org:<tenant>`. */
  readonly streamId: string
  /** The stream's version after the command. */
  readonly version: number
  /** True when this command id was executed before: nothing was appended this time. */
  readonly duplicate: boolean
}

/**
 * Everything `execute` can fail with.
 *
 * @since 0.5.0
 */
export type ExecuteError = Command.CommandDecodeError | InvalidPrincipal | InvalidOption | CommandHandler.HandleError

/**
 * Everything a read can fail with.
 *
 * @since 0.5.0
 */
export type ReadError =
  | InvalidOption
  | StoreError.CorruptEvent
  | StoreError.StoreUnavailable
  | ProjectionRunner.Errors
  | CommandHandler.HandleError

/**
 * A read model: a projection, or a module that holds one (`Scoreboard`, `AwardRoll`, ...).
 *
 * @since 0.5.0
 */
export type ReadModel<S> = Projection.Projection<S> | { readonly projection: Projection.Projection<S> }

/**
 * Which partition of a read model: the tenant's, and the campaign's for read models kept per
 * campaign (the scoreboard, the initiative ledger).
 *
 * @since 0.5.0
 */
export interface ReadKey {
  readonly tenantId: string
  readonly campaignId?: string
}

/**
 * A campaign's state and the version of its stream it was folded to.
 *
 * @since 0.7.0
 */
export interface Versioned {
  readonly state: Campaign.State
  readonly version: number
}

/**
 * An event of the log, decoded.
 *
 * @since 0.5.0
 */
export interface LoggedEvent {
  readonly position: Position.Position
  readonly tenantId: string
  readonly streamId: string
  readonly version: number
  /** When the store recorded it, in milliseconds since 1970. */
  readonly recordedAt: number
  /** The command that appended it, when there was one. */
  readonly commandId: string | undefined
  readonly event: Event.DomainEvent
}

/**
 * Which events `events` gives.
 *
 * @since 0.5.0
 */
export interface EventsOptions {
  readonly tenantId: string
  /** Only this stream's events (`campaign:<id>`, `org:<tenant>`, a process's), in its order. */
  readonly streamId?: string
  /** Only events after this position (from a `LoggedEvent`). Default: from the start. */
  readonly after?: string
  /** Keep following new events for ever instead of ending at the log's current end. */
  readonly live?: boolean
}

/**
 * Who or what a question about the commendation record is about, as JSON: a member with the unit
 * managing them (`{ _tag: "Member", memberId, organizationId }`) or a unit
 * (`{ _tag: "Unit", organizationId }`).
 *
 * @since 0.6.0
 */
export type SubjectInput = typeof Organization.Subject.Encoded

/**
 * May a member or unit receive an award for a period: the question `eligibility` answers.
 *
 * @example
 * ```ts
 * import { createThiDua } from "@thidua/engine"
 * import assert from "node:assert"
 *
 * const td = await createThiDua()
 * const worker = { _tag: "Member", memberId: "cnld-01", organizationId: "cdcs-trung-thanh" } as const
 * const period = { start: "2024-01-01", end: "2024-12-31" }
 * const verdict = await td.eligibility({ tenantId: "hanoi", subject: worker, awardKind: "lao-dong-tien-tien", period })
 * // Never registered for emulation (G1): every failing rule is listed, with its messages.
 * assert.equal(verdict.regime, "R2024")
 * assert.ok(verdict.failures.some((e) => e.code === "G1" && e.messages.vi.length > 0))
 * // A question that is not one is refused, naming the field.
 * await assert.rejects(td.eligibility({ tenantId: "hanoi", subject: worker, awardKind: "lao-dong-tien-tien", period: { ...period, end: "2024-02-30" } }), { code: "ENGINE-OPTION", option: "period.end" })
 * await td.close()
 * ```
 *
 * @since 0.6.0
 */
export interface EligibilityQuery {
  readonly tenantId: string
  readonly subject: SubjectInput
  readonly awardKind: AwardKind.AwardKind
  /** The period the award is for, as `YYYY-MM-DD` days; the year it ends is the award's year and picks the regime. */
  readonly period: { readonly start: string; readonly end: string }
  /** The campaign the award would be granted in: the theme thematic certificates are counted by (rule U4). */
  readonly campaignId?: string
  /** The council's vote, once held (rule T7); without it the vote is left unknown. */
  readonly deliberation?: { readonly votesFor: number; readonly councilSize: number }
}

/**
 * Where a member or unit stands for every title of a year: the question `explain` answers.
 *
 * @since 0.6.0
 */
export interface ExplainQuery {
  readonly tenantId: string
  readonly subject: SubjectInput
  readonly year: number
  /** Only these award kinds. Default: every title the subject can receive. */
  readonly kinds?: ReadonlyArray<AwardKind.AwardKind>
}

/**
 * Whose record `record` gives.
 *
 * @since 0.6.0
 */
export interface RecordQuery {
  readonly tenantId: string
  readonly subject: SubjectInput
}

/**
 * A subject's commendation record year by year (`Record.years`): each year's rating, titles and
 * forms (revoked ones marked), initiatives and registration.
 *
 * @since 0.6.0
 */
export type RecordYears = ReturnType<typeof Record.years>

/**
 * The engine's calls, as Effects.
 *
 * @since 0.5.0
 */
export interface Shape {
  /** Decodes a command (a typed object or unknown JSON) and executes it for the principal. */
  readonly execute: (command: unknown, options: ExecuteOptions) => Effect.Effect<Executed, ExecuteError>
  /**
   * Executes commands in order for one principal, each with its own answer, as `execute` one after
   * another would. On the in-memory store a run of commands to one campaign is decided on its
   * state and appended at once (one append for the run).
   */
  readonly executeAll: (
    commands: ReadonlyArray<unknown>,
    options: ExecuteAllOptions
  ) => Effect.Effect<ReadonlyArray<Result.Result<Executed, ExecuteError>>>
  /** One partition of a read model, up to date with the log; `undefined` before its first event. */
  readonly read: <S>(model: ReadModel<S>, key: ReadKey) => Effect.Effect<S | undefined, ReadError>
  /** A campaign's state, up to date with the log; `undefined` when it was never planned. */
  readonly campaign: (tenantId: string, campaignId: string) => Effect.Effect<Campaign.State | undefined, ReadError>
  /**
   * A campaign's state with the version of its stream it was folded to (for an ETag, or an
   * `expectedVersion` of the next command); `undefined` when it was never planned.
   */
  readonly campaignAt: (tenantId: string, campaignId: string) => Effect.Effect<Versioned | undefined, ReadError>
  /** A tenant's directory of organizations, up to date with the log. */
  readonly directory: (tenantId: string) => Effect.Effect<Directory.State, ReadError>
  /** A tenant's events in log order, decoded. */
  readonly events: (options: EventsOptions) => Stream.Stream<LoggedEvent, ReadError>
  /** Runs the workflows once, until nothing more is due at the clock's time. */
  readonly tick: Effect.Effect<Runner.Report, Runner.Errors>
  /**
   * May the subject receive the award for the period, judged on the tenant's commendation record
   * (up to date with the log), its directory and the engine's rulebook: every failing rule (a
   * `DomainError` with the rule id as `code`, `details` and `messages`), the rules left unknown
   * and those passed. The verdict `GrantAward` is judged by.
   */
  readonly eligibility: (query: EligibilityQuery) => Effect.Effect<Eligibility.Verdict, ReadError>
  /** Every title the subject could aim for in the year and what it lacks, with the text in Vietnamese and English. */
  readonly explain: (query: ExplainQuery) => Effect.Effect<Eligibility.Explanation, ReadError>
  /** The subject's commendation record year by year; empty when the record never met it. */
  readonly record: (query: RecordQuery) => Effect.Effect<RecordYears, ReadError>
}

/**
 * The engine service.
 *
 * @since 0.5.0
 */
export class Engine extends Context.Service<Engine, Shape>()("@thidua/engine/Engine") {}

const PrincipalSchema = Schema.Struct({
  tenantId: Ids.TenantId,
  organizationId: Ids.OrganizationId,
  role: Organization.Role,
  personId: Schema.optionalKey(Schema.String),
  memberId: Schema.optionalKey(Ids.MemberId)
})

// Only the input's own fields are read (never inherited ones, which a polluted prototype could
// supply), and an input whose fields cannot be read is refused, not thrown. A refusal names the
// field that is wrong (`subject.memberId`) and why.
const decodeOwn = <A>(schema: Schema.Decoder<A>) => {
  const decode = Schema.decodeUnknownResult(schema)
  return (input: unknown): Result.Result<A, { readonly path: string; readonly reason: string }> => {
    let r: Result.Result<A, Schema.SchemaError>
    try {
      const own =
        typeof input === "object" && input !== null && !Array.isArray(input)
          ? Object.assign(Object.create(null), Object.fromEntries(Object.entries(input)))
          : input
      r = decode(own, { onExcessProperty: "error" })
    } catch (cause) {
      return Result.fail({ path: "", reason: `its fields cannot be read (${ThiDuaError.describeCause(cause)})` })
    }
    if (Result.isSuccess(r)) return Result.succeed(r.success)
    const text = String(r.failure)
    const at = /at ((?:\[[^\]]*\])+)/.exec(text)?.[1] ?? ""
    const path = [...at.matchAll(/\["?([^\]"]*)"?\]/g)].map((m) => m[1]).join(".")
    const message = text.replace(/^SchemaError\(/, "").replace(/\)$/, "")
    return Result.fail({ path, reason: message.split("\n")[0] ?? message })
  }
}

const decodePrincipal = decodeOwn(PrincipalSchema)
const roles: ReadonlySet<unknown> = new Set(Organization.Role.literals)
const isRole = (u: unknown): u is Organization.Role => roles.has(u)
const principalKeys: ReadonlySet<string> = new Set(["tenantId", "organizationId", "role", "personId", "memberId"])
// A principal as hosts pass it (a plain object of valid own fields), checked by hand: the schema's
// decoder, with the copy it decodes, cost as much as deciding the command. Each field is read
// once; anything else (other fields, inherited ones, getters that throw) goes to the decoder,
// which says what is wrong.
const quickPrincipal = (input: unknown): Principal.Principal | undefined => {
  if (typeof input !== "object" || input === null || Object.getPrototypeOf(input) !== Object.prototype) return undefined
  try {
    const o = input as { readonly [k: string]: unknown }
    // Only own enumerable fields are read, each once: an inherited or hidden field is no field.
    const own: { [k: string]: unknown } = {}
    let n = 0
    for (const k in o) {
      if (!principalKeys.has(k) || !Object.hasOwn(o, k)) return undefined
      own[k] = o[k]
      n++
    }
    if (n !== Reflect.ownKeys(o).length) return undefined
    const { tenantId, organizationId, role, personId, memberId } = own
    if (!Ids.isId(tenantId) || !Ids.isId(organizationId) || !isRole(role)) return undefined
    // Without a prototype, as the decoder's copy: a field absent here is absent, whatever a
    // polluted `Object.prototype` holds.
    const principal: { -readonly [K in keyof Principal.Principal]: Principal.Principal[K] } = Object.assign(
      Object.create(null),
      { tenantId, organizationId, role }
    )
    if (typeof personId === "string") principal.personId = personId
    else if ("personId" in own) return undefined
    if (Ids.isId(memberId)) principal.memberId = memberId
    else if ("memberId" in own) return undefined
    return principal
  } catch {
    return undefined
  }
}
const checkPrincipal = (input: unknown): Result.Result<Principal.Principal, InvalidPrincipal> => {
  const quick = quickPrincipal(input)
  return quick !== undefined
    ? Result.succeed(quick)
    : Result.mapError(decodePrincipal(input), (e) => new InvalidPrincipal(e))
}

// The questions about the commendation record, decoded as commands are: ids, days, award kinds
// and years of the catalogue, nothing else.
const Deliberation = Schema.Struct({
  votesFor: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0)),
  councilSize: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
}).check(
  Schema.makeFilter((d: { readonly votesFor: number; readonly councilSize: number }) =>
    d.votesFor <= d.councilSize ? undefined : `more votes (${d.votesFor}) than members (${d.councilSize})`
  )
)
const decodeQuery = <A>(schema: Schema.Decoder<A>) => {
  const decode = decodeOwn(schema)
  return (input: unknown): Result.Result<A, InvalidOption> =>
    Result.mapError(
      decode(input),
      (e) => new InvalidOption({ option: e.path === "" ? "query" : e.path, reason: e.reason })
    )
}
const decodeEligibility = decodeQuery(
  Schema.Struct({
    tenantId: Ids.TenantId,
    subject: Organization.Subject,
    awardKind: AwardKind.AwardKind,
    period: LocalDate.Period,
    campaignId: Schema.optionalKey(Ids.CampaignId),
    deliberation: Schema.optionalKey(Deliberation)
  })
)
const decodeExplain = decodeQuery(
  Schema.Struct({
    tenantId: Ids.TenantId,
    subject: Organization.Subject,
    // The years a day of the calendar may have (LocalDate).
    year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2199 })),
    kinds: Schema.optionalKey(
      Schema.Array(AwardKind.AwardKind).check(Schema.isMaxLength(AwardKind.AwardKind.literals.length))
    )
  })
)
const decodeRecord = decodeQuery(Schema.Struct({ tenantId: Ids.TenantId, subject: Organization.Subject }))

const directoryTags: ReadonlySet<string> = new Set(
  Command.DirectoryCommand.members.map((m) => m.fields._tag.schema.literal)
)
const commandTags: ReadonlySet<string> = new Set([
  ...directoryTags,
  ...Command.CampaignCommand.members.map((m) => m.fields._tag.schema.literal)
])
const commandTypeOf = (input: unknown): string => {
  try {
    const tag = typeof input === "object" && input !== null ? (input as { readonly _tag?: unknown })._tag : undefined
    return typeof tag === "string" && commandTags.has(tag) ? tag : "unknown"
  } catch {
    return "unknown"
  }
}

const projectionOf = <S>(model: ReadModel<S>): Projection.Projection<S> =>
  "projection" in model ? model.projection : model

// The partition a key names, found by asking the projection itself (so a read model kept per
// tenant and one kept per campaign are both read right); a key without the campaign of a read
// model kept per campaign is refused rather than read as an empty partition.
const partitionOf = <S>(projection: Projection.Projection<S>, key: ReadKey): Result.Result<string, InvalidOption> => {
  const meta = (streamId: string): Projection.Meta => ({
    tenantId: key.tenantId,
    streamId,
    version: 1,
    position: Position.start,
    recordedAt: 0
  })
  let a: string
  let b: string
  try {
    if (key.campaignId !== undefined)
      return Result.succeed(projection.partition(meta(CoreStream.campaign(key.campaignId))))
    a = projection.partition(meta(CoreStream.campaign("a")))
    b = projection.partition(meta(CoreStream.campaign("b")))
  } catch (cause) {
    return Result.fail(
      new InvalidOption({
        option: "model",
        reason: `the partition of the read model ${projection.name} threw: ${ThiDuaError.describeCause(cause)}`
      })
    )
  }
  return a === b
    ? Result.succeed(a)
    : Result.fail(
        new InvalidOption({ option: "campaignId", reason: `the read model ${projection.name} is kept per campaign` })
      )
}

const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0

// Every read names its tenant: a store read without one would span every tenant.
const tenantOf = (tenantId: unknown): Result.Result<string, InvalidOption> =>
  isText(tenantId)
    ? Result.succeed(tenantId)
    : Result.fail(new InvalidOption({ option: "tenantId", reason: "must be a non-empty string" }))

// A read hands out a copy: handlers may change a state in place, and a host may change what it
// read; neither must reach the other. States of plain data (objects, arrays, Maps, Sets) are
// copied through their stored form; any other is handed out as it is.
const copy = <S>(state: S | undefined): S | undefined => {
  if (state === undefined) return undefined
  const json = SqlReadModelStore.encodeState(state)
  if (Result.isFailure(json)) return state
  const back = SqlReadModelStore.decodeState(json.success)
  return Result.isSuccess(back) ? (back.success as S) : state
}

// A config that is not one of the five is refused: a typo must not start a store that keeps
// nothing (`{ path: "./data" }` read as PGlite in memory) or throw from inside the layer.
type StoreLayer = Layer.Layer<
  EventStore.EventStore | ReadModelStore.ReadModelStore,
  InvalidOption | StoreError.StoreUnavailable | SqlError.SqlError
>

const storeLayer = (config: unknown): StoreLayer => {
  if (config === "memory") return Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory)
  const keys = typeof config === "object" && config !== null ? Object.keys(config) : []
  if (keys.length === 1 && keys[0] === "nats") {
    const nats = (config as { nats?: unknown }).nats as { servers?: unknown } | undefined
    const servers = typeof nats === "object" && nats !== null ? nats.servers : undefined
    if (!(isText(servers) || (Array.isArray(servers) && servers.length > 0 && servers.every(isText))))
      return Layer.effectContext(
        Effect.fail(
          new InvalidOption({
            option: "store",
            reason: "expected { nats: { servers } } with servers a text or a list of them"
          })
        )
      )
    return Layer.mergeAll(NatsStore.layer((config as { nats: NatsStore.Config }).nats), ReadModelStore.layerMemory)
  }
  const valid =
    config === "embedded" ||
    (keys.length === 1 &&
      ((keys[0] === "dataDir" && isText((config as { dataDir?: unknown }).dataDir)) ||
        (keys[0] === "url" && isText((config as { url?: unknown }).url))))
  if (!valid)
    return Layer.effectContext(
      Effect.fail(
        new InvalidOption({
          option: "store",
          reason: `expected "memory", "embedded", { dataDir }, { url } or { nats }, got ${typeof config === "string" ? JSON.stringify(config) : keys.length > 0 ? `{ ${keys.join(", ")} }` : typeof config}`
        })
      )
    )
  const postgres = PostgresStore.layer(config === "embedded" ? {} : (config as PostgresStore.Config))
  const sql = Layer.mergeAll(SqlReadModelStore.layer, SqlLease.layer)
  return sql.pipe(Layer.provideMerge(postgres))
}

const clockOf = (now: () => number | Date, base: Clock.Clock): Clock.Clock => {
  const millis = () => {
    const t = now()
    return typeof t === "number" ? t : t.getTime()
  }
  return {
    ...base,
    currentTimeMillisUnsafe: millis,
    currentTimeMillis: Effect.sync(millis),
    currentTimeNanosUnsafe: () => BigInt(millis()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n)
  }
}

const make = (config: Config) =>
  Effect.gen(function* () {
    const rulebook = config.rulebook ?? Rulebook.standard
    const store = yield* EventStore.EventStore
    const handler = yield* CommandHandler.make({ rulebook })
    // Read once: with telemetry off, no call below creates a span or touches a metric.
    const telemetry = yield* StoreTelemetry.Enabled
    const clock = yield* Clock.Clock
    const served: ReadonlySet<Projection.Projection<unknown>> = new Set(
      config.projections ?? Object.values(builtInReadModels).map((m) => m.projection as Projection.Projection<unknown>)
    )
    // Per projection (the object itself: two of one name stay apart) and per tenant.
    const followers = new Map<Projection.Projection<unknown>, Map<string, ProjectionRunner.Follower<unknown>>>()
    const follower = <S>(projection: Projection.Projection<S>, tenantId: string) =>
      Effect.suspend(() => {
        const byTenant = followers.get(projection as Projection.Projection<unknown>) ?? new Map()
        followers.set(projection as Projection.Projection<unknown>, byTenant)
        const known = byTenant.get(tenantId)
        if (known !== undefined) return Effect.succeed(known as ProjectionRunner.Follower<S>)
        const made = Effect.provideService(
          ProjectionRunner.follower(projection, { tenantId }),
          EventStore.EventStore,
          store
        )
        return Effect.map(made, (f) => {
          byTenant.set(tenantId, f as ProjectionRunner.Follower<unknown>)
          return f
        })
      })

    // What a call is checked and decoded to before the handler sees it.
    type Prepared = {
      readonly c: Command.DirectoryCommand | Command.CampaignCommand
      readonly opts: CommandHandler.CommandOptions
    }
    const prepare = (input: unknown, options: ExecuteOptions): Result.Result<Prepared, ExecuteError> => {
      const principal = checkPrincipal(options?.principal)
      if (Result.isFailure(principal)) return Result.fail(principal.failure)
      const expectedVersion = options.expectedVersion
      if (expectedVersion !== undefined && !(Number.isSafeInteger(expectedVersion) && expectedVersion >= 0))
        return Result.fail(
          new InvalidOption({
            option: "expectedVersion",
            reason: `must be a whole number from 0, got ${typeof expectedVersion === "number" ? expectedVersion : typeof expectedVersion}`
          })
        )
      const command = Command.decode(input)
      if (Result.isFailure(command)) return Result.fail(command.failure)
      return Result.succeed({
        c: command.success,
        opts: { principal: principal.success, ...(expectedVersion === undefined ? {} : { expectedVersion }) }
      })
    }
    const executePlain = (input: unknown, options: ExecuteOptions): Effect.Effect<Executed, ExecuteError> =>
      Effect.suspend((): Effect.Effect<Executed, ExecuteError> => {
        const prepared = prepare(input, options)
        return Result.isFailure(prepared) ? Effect.fail(prepared.failure) : dispatch(prepared.success)
      })
    // With telemetry on: the command's span opens here, so that the decode is timed in it; the
    // handler completes it (a command refused before it reaches the handler is counted here).
    const executeTraced = (input: unknown, options: ExecuteOptions): Effect.Effect<Executed, ExecuteError> =>
      Effect.useSpan(StoreTelemetry.spans.command, (span) =>
        Effect.withParentSpan(
          Effect.flatMap(Effect.tracer, (tracer): Effect.Effect<Executed, ExecuteError> => {
            const start = clock.currentTimeNanosUnsafe()
            const prepared = prepare(input, options)
            const failure = Result.isFailure(prepared) ? prepared.failure : undefined
            StoreTelemetry.emitSpan(
              tracer,
              span,
              StoreTelemetry.spans.decode,
              start,
              clock.currentTimeNanosUnsafe(),
              Result.isSuccess(prepared)
                ? { [StoreTelemetry.attributes.commandType]: prepared.success.c._tag }
                : { [StoreTelemetry.attributes.errorCode]: failure!.code },
              failure === undefined ? Exit.void : Exit.fail(failure)
            )
            if (Result.isSuccess(prepared)) return dispatch(prepared.success)
            const judged = StoreTelemetry.judge(failure)
            span.attribute(StoreTelemetry.attributes.outcome, judged.outcome)
            span.attribute(StoreTelemetry.attributes.errorCode, failure!.code)
            // Only a known command type names a series: input is the caller's, and could name millions.
            const tag = commandTypeOf(input)
            return Effect.andThen(
              StoreTelemetry.countCommand(judged.outcome, tag, failure!.code),
              Effect.fail(failure!)
            )
          }),
          span
        )
      )
    const dispatch = ({ c, opts }: Prepared): Effect.Effect<Executed, ExecuteError> =>
      directoryTags.has(c._tag)
        ? Effect.map(handler.directory(c as Command.DirectoryCommand, opts), (h) => ({
            events: h.events,
            streamId: CommandHandler.streams.directory(c.tenantId),
            version: h.version,
            duplicate: h.duplicate
          }))
        : Effect.map(handler.campaign(c as Command.CampaignCommand, opts), (h) => ({
            events: h.events,
            streamId: CoreStream.campaign((c as Command.CampaignCommand).campaignId),
            version: h.version,
            duplicate: h.duplicate
          }))
    const execute = telemetry ? executeTraced : executePlain

    const executeAll = (
      inputs: ReadonlyArray<unknown>,
      options: ExecuteAllOptions
    ): Effect.Effect<ReadonlyArray<Result.Result<Executed, ExecuteError>>> =>
      Effect.suspend(() => {
        if (!Array.isArray(inputs))
          return Effect.succeed([
            Result.fail(new InvalidOption({ option: "commands", reason: "must be an array of commands" }))
          ])
        const principal = checkPrincipal(options?.principal)
        if (Result.isFailure(principal)) return Effect.succeed(inputs.map(() => Result.fail(principal.failure)))
        const opts = { principal: principal.success }
        const out: Array<Result.Result<Executed, ExecuteError>> = new Array(inputs.length)
        // Runs of decoded campaign commands go to the handler's batch; the rest one at a time.
        const steps: Array<Effect.Effect<void>> = []
        let run: Array<{ readonly index: number; readonly command: Command.CampaignCommand }> = []
        const flush = () => {
          if (run.length === 0) return
          const batch = run
          run = []
          steps.push(
            Effect.map(
              handler.campaignBatch(
                batch.map((b) => b.command),
                opts
              ),
              (outcomes) => {
                for (let j = 0; j < batch.length; j++) {
                  const { index, command } = batch[j]!
                  const o = outcomes[j]!
                  out[index] = Result.isSuccess(o)
                    ? Result.succeed({
                        events: o.success.events,
                        streamId: CoreStream.campaign(command.campaignId),
                        version: o.success.version,
                        duplicate: o.success.duplicate
                      })
                    : Result.fail(o.failure)
                }
              }
            )
          )
        }
        for (let i = 0; i < inputs.length; i++) {
          const command = Command.decode(inputs[i])
          if (Result.isFailure(command)) {
            out[i] = Result.fail(command.failure)
            continue
          }
          const c = command.success
          if (directoryTags.has(c._tag)) {
            flush()
            steps.push(
              Effect.map(Effect.result(execute(c, opts)), (r) => {
                out[i] = r
              })
            )
          } else run.push({ index: i, command: c as Command.CampaignCommand })
        }
        flush()
        return Effect.as(
          Effect.forEach(steps, (step) => step, { discard: true }),
          out
        )
      })

    const read = <S>(model: ReadModel<S>, key: ReadKey): Effect.Effect<S | undefined, ReadError> =>
      Effect.suspend((): Effect.Effect<S | undefined, ReadError> => {
        const projection = projectionOf(model)
        if (!served.has(projection as Projection.Projection<unknown>))
          return Effect.fail(
            new InvalidOption({
              option: "model",
              reason: `the engine does not serve the read model ${projection.name} (list it in the config's projections)`
            })
          )
        const tenant = tenantOf(key?.tenantId)
        if (Result.isFailure(tenant)) return Effect.fail(tenant.failure)
        const partition = partitionOf(projection, key)
        if (Result.isFailure(partition)) return Effect.fail(partition.failure)
        return Effect.flatMap(follower(projection, tenant.success), (f) =>
          Effect.map(f.catchUp, () => copy(f.states.get(partition.success)))
        )
      })

    const campaign = (tenantId: string, campaignId: string): Effect.Effect<Campaign.State | undefined, ReadError> =>
      Effect.suspend((): Effect.Effect<Campaign.State | undefined, ReadError> => {
        const tenant = tenantOf(tenantId)
        if (Result.isFailure(tenant)) return Effect.fail(tenant.failure)
        if (!isText(campaignId))
          return Effect.fail(new InvalidOption({ option: "campaignId", reason: "must be a non-empty string" }))
        return Effect.flatMap(store.streamVersion(tenantId, CoreStream.campaign(campaignId)), (version) =>
          version === 0 ? Effect.succeed(undefined) : handler.campaignState(tenantId, campaignId)
        )
      })

    const campaignAt = (tenantId: string, campaignId: string): Effect.Effect<Versioned | undefined, ReadError> =>
      Effect.suspend((): Effect.Effect<Versioned | undefined, ReadError> => {
        const tenant = tenantOf(tenantId)
        if (Result.isFailure(tenant)) return Effect.fail(tenant.failure)
        if (!isText(campaignId))
          return Effect.fail(new InvalidOption({ option: "campaignId", reason: "must be a non-empty string" }))
        // State and version from one fold, so the version is the one the state is at.
        return Effect.map(handler.campaignAt(tenantId, campaignId), (c) => (c.version === 0 ? undefined : c))
      })

    const directory = (tenantId: string): Effect.Effect<Directory.State, ReadError> =>
      Effect.suspend((): Effect.Effect<Directory.State, ReadError> => {
        const tenant = tenantOf(tenantId)
        return Result.isFailure(tenant) ? Effect.fail(tenant.failure) : handler.directoryState(tenantId)
      })

    // The tenant's commendation record, up to date with the log: the one the command handler keeps
    // and judges grants by (one record per tenant, not two), read in place; the answers built from
    // it share nothing with it.
    const recordOf = (tenantId: string): Effect.Effect<Record.State, ReadError> => handler.record(tenantId)
    // A question decoded, then answered on the record and the directory.
    const judge =
      <Q extends { readonly tenantId: string }, A>(
        decode: (input: unknown) => Result.Result<Q, InvalidOption>,
        answer: (q: Q, record: Record.State, directory: Directory.State) => A
      ) =>
      (input: unknown): Effect.Effect<A, ReadError> =>
        Effect.suspend(() => {
          const q = decode(input)
          if (Result.isFailure(q)) return Effect.fail(q.failure)
          const { tenantId } = q.success
          return Effect.zipWith(recordOf(tenantId), handler.directoryState(tenantId), (record, directory) =>
            answer(q.success, record, directory)
          )
        })

    const eligibility = judge(decodeEligibility, (q, record, directory) =>
      Eligibility.eligibility(record, q.subject, q.awardKind, q.period, rulebook, {
        directory,
        ...(q.campaignId === undefined ? {} : { campaignId: q.campaignId }),
        ...(q.deliberation === undefined ? {} : { deliberation: q.deliberation })
      })
    )
    const explain = judge(decodeExplain, (q, record, directory) =>
      Eligibility.explain(record, q.subject, q.year, rulebook, {
        directory,
        ...(q.kinds === undefined ? {} : { kinds: q.kinds })
      })
    )
    const record = (input: RecordQuery): Effect.Effect<RecordYears, ReadError> =>
      Effect.suspend(() => {
        const q = decodeRecord(input)
        if (Result.isFailure(q)) return Effect.fail(q.failure)
        return Effect.map(recordOf(q.success.tenantId), (r) => Record.years(r, q.success.subject))
      })

    // A position is the store's own: the in-memory store counts, PostgreSQL pairs a transaction
    // with a count. One of another store is refused here rather than by the store.
    const positionPattern =
      config.store === undefined || config.store === "memory"
        ? /^\d{20}$/
        : typeof config.store === "object" && "nats" in config.store
          ? /^n\d{25}$/
          : /^\d{20}:\d{20}$/

    const events = (options: EventsOptions): Stream.Stream<LoggedEvent, ReadError> => {
      const tenant = tenantOf(options?.tenantId)
      if (Result.isFailure(tenant)) return Stream.fail(tenant.failure)
      const after: unknown = options.after ?? Position.start
      if (after !== Position.start && !(typeof after === "string" && positionPattern.test(after)))
        return Stream.fail(
          new InvalidOption({
            option: "after",
            reason: `not a position of this store: ${typeof after === "string" ? JSON.stringify(after.slice(0, 60)) : typeof after}`
          })
        )
      const streamId: unknown = options.streamId
      if (streamId !== undefined && !isText(streamId))
        return Stream.fail(new InvalidOption({ option: "streamId", reason: "must be a non-empty string" }))
      const all = (options.live === true ? store.subscribe : store.readAll)(after as Position.Position, {
        tenantId: tenant.success
      })
      // One stream read from the store by itself, unless it is to be followed live.
      const log =
        streamId === undefined
          ? all
          : options.live === true
            ? Stream.filter(all, (r) => r.streamId === streamId)
            : Stream.filter(
                Stream.flatMap(Stream.fromEffect(store.readStream(tenant.success, streamId)), Stream.fromIterable),
                (r) => r.position > (after as string)
              )
      return Stream.mapEffect(log, (r: Recorded.RecordedEvent) =>
        Effect.map(Codec.decode(r), (event) => ({
          position: r.position,
          tenantId: r.tenantId,
          streamId: r.streamId,
          version: r.version,
          recordedAt: r.recordedAt,
          commandId: r.commandId,
          event
        }))
      )
    }

    // The workflows: run in the background on the system clock, or by `tick` on the host's.
    const managers = config.workflows ?? []
    let tick: Effect.Effect<Runner.Report, Runner.Errors> = Effect.succeed({
      inputs: 0,
      timersFired: 0,
      commandsSent: 0,
      commandsRefused: 0
    })
    if (new Set(managers.map((m) => m.name)).size !== managers.length)
      return yield* Effect.fail(new InvalidOption({ option: "workflows", reason: "two process managers share a name" }))
    if (managers.length > 0) {
      // The engine's handler: one lock and one record per tenant for the host's commands and the managers'.
      const runner = yield* Runner.make({ managers, rulebook, handler })
      const hostClock = config.clock
      if (hostClock === undefined) {
        // A runner that stops on an error (the store down for a while) is logged and started
        // again, rather than leaving the workflows stopped for the engine's life.
        const run = runner.run(config.holder === undefined ? {} : { holder: config.holder }).pipe(
          Effect.tapError((error) =>
            Effect.logWarning("Thi Đua: the workflow runner stopped; starting again in 5 s", error)
          ),
          Effect.retry(Schedule.spaced("5 seconds"))
        )
        yield* Effect.forkScoped(run)
        tick = runner.tick
      } else {
        const base = yield* Clock.Clock
        tick = Effect.provideService(runner.tick, Clock.Clock, clockOf(hostClock, base))
      }
    }

    const shape = {
      execute,
      executeAll,
      read,
      campaign,
      campaignAt,
      directory,
      events,
      tick,
      eligibility,
      explain,
      record
    } satisfies Shape
    if (!telemetry) return shape
    // The calls run in the caller's context (the Promise face's runtime holds only the engine):
    // each gets the tracer and metric registry the engine was made with, and telemetry on for the
    // read models it makes on demand.
    const tracer = yield* Effect.tracer
    const registry = yield* Metric.MetricRegistry
    const within = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> =>
      effect.pipe(
        Effect.provideService(StoreTelemetry.Enabled, true),
        Effect.provideService(Metric.MetricRegistry, registry),
        Effect.withTracer(tracer)
      )
    return {
      ...shape,
      execute: (command, options) => within(execute(command, options)),
      executeAll: (commands, options) => within(executeAll(commands, options)),
      read: (model, key) => within(read(model, key)),
      campaign: (tenantId, campaignId) => within(campaign(tenantId, campaignId)),
      campaignAt: (tenantId, campaignId) => within(campaignAt(tenantId, campaignId)),
      directory: (tenantId) => within(directory(tenantId)),
      tick: within(tick),
      eligibility: (query) => within(eligibility(query)),
      explain: (query) => within(explain(query)),
      record: (query) => within(record(query))
    } satisfies Shape
  })

/**
 * The read models the library ships: the scoreboard, the initiative ledger, the award roll,
 * participation, the timeline and the commendation record. Pass them (or your own) to `read`.
 *
 * @since 0.5.0
 */
export const builtInReadModels = {
  Scoreboard,
  InitiativeLedger,
  AwardRoll,
  Participation,
  Timeline,
  CommendationRecord
}

/**
 * The engine's layer: its store, read models and workflows, released with the layer's scope.
 *
 * @example
 * ```ts
 * import { Engine } from "@thidua/engine"
 * import { Commands } from "@thidua/core"
 * import { Effect } from "effect"
 * import assert from "node:assert"
 *
 * const principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" } as const
 * const program = Effect.gen(function*() {
 *   const engine = yield* Engine.Engine
 *   const done = yield* engine.execute(Commands.registerOrganization({
 *     commandId: "dir-1", tenantId: "hanoi", actor: { organizationId: "ldld-ha-noi", role: "executive" },
 *     at: "2020-01-02", organizationId: "ldld-ha-noi", name: "Liên đoàn Lao động thành phố Hà Nội", level: "federation"
 *   }), { principal })
 *   return [done.version, done.events[0]?._tag]
 * })
 * const result = await Effect.runPromise(program.pipe(Effect.provide(Engine.layer({ store: "memory" }))))
 * assert.deepEqual(result, [1, "OrganizationRegistered"])
 * ```
 *
 * @since 0.5.0
 */
export const layer = (config: Config = {}) => {
  const engine = Layer.effect(Engine, make(config)).pipe(Layer.provide(storeLayer(config.store ?? "memory")))
  // The store, the handler, the read models and the workflows are made with telemetry on.
  return config.telemetry === undefined ? engine : engine.pipe(Layer.provide(Telemetry.layer(config.telemetry)))
}
