import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Rule } from "@thidua/core"
import { ReadModelStore } from "@thidua/projections"
import { CommandHandler, EventStore, InMemoryStore, Position, Principal } from "@thidua/store"
import { Seeds } from "@thidua/testing"
import { Effect, Layer, Stream } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import * as CampaignCalendar from "../src/CampaignCalendar.js"
import * as Cascade from "../src/Cascade.js"
import * as ClusterCovenant from "../src/ClusterCovenant.js"
import * as Runner from "../src/Runner.js"

// No command a manager issues is refused for authorization (rule families `authority` and the
// engineering AUTH-* rules): the calendar, the cascade and the cluster covenant act only as those
// who may, whatever the directory and the campaigns' histories. The histories are generated as
// commands of the people (directory changes on their dates, campaigns planned and launched,
// responding campaigns, covenants and registrations), sent to the real command handler: those
// core refuses simply do not happen. The managers run beside them on a TestClock, and every
// refusal they meet is recorded in their streams as `CommandRefused`.

type Cmd = { readonly _tag: string; readonly at: string; readonly [k: string]: unknown }
type Sector = "enterprise" | "administrative"

const tenantId = "tenant-auth"
const federation = "ldld-hn"
const confederation = "tld"

/** A generated tenant and its year: the people's commands, in the order of their days. */
interface Year {
  readonly year: number
  readonly commands: ReadonlyArray<Cmd>
}

const executive = (organizationId: string) => ({ organizationId, role: "executive" as const })

const history = (options: { readonly restructure: boolean }): fc.Arbitrary<Year> =>
  fc
    .record({
      year: fc.constantFrom(2020, 2024),
      districts: fc.array(
        fc.record({
          units: fc.array(fc.constantFrom<Sector | undefined>("enterprise", "administrative", undefined), {
            minLength: 1,
            maxLength: 3
          }),
          // The district's own campaign: its phases split the year at this day, its cluster's
          // covenant is signed by a prefix of the members on this day.
          own: fc.option(
            fc.record({
              split: fc.integer({ min: 60, max: 300 }),
              launch: fc.integer({ min: 0, max: 40 }),
              covenantDay: fc.integer({ min: 0, max: 60 }),
              signers: fc.integer({ min: 1, max: 3 }),
              registrations: fc.array(fc.record({ unit: fc.nat(2), day: fc.integer({ min: 0, max: 120 }) }), {
                maxLength: 3
              }),
              cancel: fc.option(fc.integer({ min: 30, max: 330 }), { nil: undefined })
            }),
            { nil: undefined }
          ),
          // Its response to the city's campaign, days after the city's launch.
          response: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined })
        }),
        { minLength: 1, maxLength: 3 }
      ),
      /** A grassroots union placed directly under the city federation. */
      direct: fc.boolean(),
      /** District `from` merged into district `into` on a day of the year. */
      restructure: fc.option(fc.record({ from: fc.nat(2), into: fc.nat(2), day: fc.integer({ min: 30, max: 300 }) }), {
        nil: undefined
      }),
      /** A grassroots union moved to another district on a day. */
      move: fc.option(fc.record({ unit: fc.nat(8), to: fc.nat(2), day: fc.integer({ min: 10, max: 300 }) }), {
        nil: undefined
      }),
      /** The city's campaign: its sectors, its launch, and a block of the districts' first units. */
      city: fc.record({
        sectors: fc.constantFrom<ReadonlyArray<Sector>>(
          [],
          ["enterprise"],
          ["administrative"],
          ["enterprise", "administrative"]
        ),
        launch: fc.integer({ min: 0, max: 30 }),
        block: fc.option(fc.record({ day: fc.integer({ min: 0, max: 90 }), signers: fc.integer({ min: 1, max: 3 }) }), {
          nil: undefined
        }),
        split: fc.integer({ min: 60, max: 300 })
      })
    })
    .map(({ year, districts, direct, restructure, move, city }): Year => {
      const on = (offset: number) => LocalDate.addDays(LocalDate.make(`${year}-01-01`), offset)
      const commands: Array<Cmd> = []
      let n = 0
      const dir = (actor: string, at: string, step: Record<string, unknown>) =>
        commands.push({ commandId: `dir-${++n}`, tenantId, actor: executive(actor), at, ...(step as { _tag: string }) })
      const camp = (campaignId: string, actor: string, at: string, step: Record<string, unknown>) =>
        commands.push({
          commandId: `cmd-${++n}`,
          tenantId,
          campaignId,
          actor: executive(actor),
          at,
          ...(step as { _tag: string })
        })
      const founded = `${year - 1}-01-01`
      dir(confederation, founded, {
        _tag: "RegisterOrganization",
        organizationId: confederation,
        name: "Tổng LĐLĐ Việt Nam",
        level: "confederation"
      })
      dir(confederation, founded, {
        _tag: "RegisterOrganization",
        organizationId: federation,
        name: "LĐLĐ thành phố Hà Nội",
        level: "federation",
        parentId: confederation
      })
      const uppers = districts.map((_, i) => `ldld-q${i + 1}`)
      const units: Array<ReadonlyArray<string>> = []
      districts.forEach((d, i) => {
        const upper = uppers[i]!
        dir(federation, founded, {
          _tag: "RegisterOrganization",
          organizationId: upper,
          name: `LĐLĐ quận ${i + 1}`,
          level: "upper",
          parentId: federation
        })
        const ids = d.units.map((sector, j) => {
          const id = `cdcs-${i + 1}-${j + 1}`
          dir(upper, founded, {
            _tag: "RegisterOrganization",
            organizationId: id,
            name: `CĐCS ${i + 1}.${j + 1}`,
            level: "grassroots",
            parentId: upper,
            ...(sector === undefined ? {} : { sector })
          })
          return id
        })
        units.push(ids)
        dir(upper, on(0), {
          _tag: "FormCluster",
          clusterId: `cum-${i + 1}`,
          name: `Cụm thi đua ${i + 1}`,
          kind: "cluster",
          year,
          memberIds: ids
        })
      })
      if (direct)
        dir(federation, founded, {
          _tag: "RegisterOrganization",
          organizationId: "cdcs-truc-thuoc",
          name: "CĐCS trực thuộc LĐLĐ thành phố",
          level: "grassroots",
          parentId: federation,
          sector: "enterprise"
        })
      const firsts = units.map((ids) => ids[0]!)
      dir(federation, on(0), {
        _tag: "FormCluster",
        clusterId: "khoi-thanh-pho",
        name: "Khối thi đua các quận",
        kind: "block",
        year,
        memberIds: firsts
      })
      const all = units.flat()
      if (move !== undefined)
        dir(federation, on(move.day), {
          _tag: "MoveOrganization",
          organizationId: all[move.unit % all.length]!,
          parentId: uppers[move.to % uppers.length]!
        })
      if (options.restructure && restructure !== undefined && uppers.length > 1) {
        const from = uppers[restructure.from % uppers.length]!
        const into = uppers[(restructure.from + 1 + (restructure.into % (uppers.length - 1))) % uppers.length]!
        dir(federation, on(restructure.day), {
          _tag: "RestructureOrganization",
          organizationId: from,
          successorId: into
        })
      }

      // The city's campaign, its phases and its block's covenant.
      const cityId = "tp-2024"
      const contents = (sectors: ReadonlyArray<Sector>) =>
        sectors.map((sector, i) => ({ sector, contents: [{ contentId: `nd-${i + 1}`, title: "Nội dung thi đua" }] }))
      const plan = (campaignId: string, issuerId: string, at: string, extra: Record<string, unknown>) =>
        camp(campaignId, issuerId, at, {
          _tag: "PlanCampaign",
          issuerId,
          title: "Phong trào thi đua",
          form: "regular",
          period: { start: on(0), end: on(-1 + (year % 4 === 0 ? 366 : 365)) },
          titlesOffered: ["lao-dong-tien-tien"],
          ...extra
        })
      const phases = (campaignId: string, issuerId: string, at: string, split: number) => {
        camp(campaignId, issuerId, at, {
          _tag: "SchedulePhase",
          phaseId: "dot-1",
          name: "Đợt 1",
          kind: "regular",
          period: { start: on(0), end: on(split) }
        })
        camp(campaignId, issuerId, at, {
          _tag: "SchedulePhase",
          phaseId: "dot-2",
          name: "Đợt 2",
          kind: "regular",
          period: { start: on(split + 1), end: on(year % 4 === 0 ? 365 : 364) }
        })
      }
      plan(cityId, federation, on(1), { sectors: contents(city.sectors) })
      const cityLaunch = on(1 + city.launch)
      camp(cityId, federation, cityLaunch, { _tag: "LaunchCampaign" })
      phases(cityId, federation, cityLaunch, city.split)
      if (city.block !== undefined) {
        const signers = firsts.slice(0, Math.min(city.block.signers, firsts.length))
        camp(cityId, signers[0]!, LocalDate.addDays(cityLaunch, city.block.day), {
          _tag: "SignPledge",
          pledgeId: "giao-uoc-khoi",
          kind: "covenant",
          signerIds: signers,
          clusterId: "khoi-thanh-pho",
          targets: []
        })
      }

      districts.forEach((d, i) => {
        const upper = uppers[i]!
        if (d.response !== undefined) {
          const id = `q${i + 1}-huong-ung`
          const launch = LocalDate.addDays(cityLaunch, d.response)
          plan(id, upper, launch, { sectors: contents(["enterprise"]), parentCampaignId: cityId })
          camp(id, upper, launch, { _tag: "LaunchCampaign" })
        }
        if (d.own !== undefined) {
          const id = `q${i + 1}-nam`
          const launch = on(1 + d.own.launch)
          plan(id, upper, on(1), { sectors: contents(["enterprise", "administrative"]) })
          camp(id, upper, launch, { _tag: "LaunchCampaign" })
          phases(id, upper, launch, d.own.split)
          const members = units[i]!
          const signers = members.slice(0, Math.min(d.own.signers, members.length))
          camp(id, signers[0]!, LocalDate.addDays(launch, d.own.covenantDay), {
            _tag: "SignPledge",
            pledgeId: `giao-uoc-cum-${i + 1}`,
            kind: "covenant",
            signerIds: signers,
            clusterId: `cum-${i + 1}`,
            targets: []
          })
          d.own.registrations.forEach((r, k) => {
            const unit = members[r.unit % members.length]!
            camp(id, unit, LocalDate.addDays(launch, r.day), {
              _tag: "SignPledge",
              pledgeId: `dang-ky-${k + 1}`,
              kind: "registration",
              signerIds: [unit],
              targets: [{ awardKind: "lao-dong-tien-tien", description: "Đăng ký thi đua" }]
            })
          })
          if (d.own.cancel !== undefined)
            camp(id, upper, on(d.own.cancel), { _tag: "CancelCampaign", reason: "Sáp nhập đơn vị" })
        }
      })
      // Stable: the commands of a day keep the order they were built in.
      return { year, commands: commands.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)) }
    })

const isAuthorization = (code: string) =>
  code.startsWith("AUTH-") ||
  (Rule.byId as Record<string, { readonly family: string } | undefined>)[code]?.family === "authority"

const send = (handler: CommandHandler.CommandHandler, c: Cmd) => {
  const principal = Principal.trustClaim(c as never)
  const sent =
    "campaignId" in c ? handler.campaign(c as never, { principal }) : handler.directory(c as never, { principal })
  // A command of the people that core refuses does not happen: that is all.
  return Effect.ignore(sent)
}

const utc = (iso: string) => Date.parse(iso)
const issuedBy: Record<string, number> = {}
type AnyManager = Parameters<typeof Runner.make>[0]["managers"][number]

/**
 * Runs the people's commands from `from` to `until` with the managers beside them: a tick at
 * 08:00 local on each day something is done (before and after it is sent) and every week; answers
 * the authorization refusals the managers met, with the command refused.
 */
const run = (options: {
  readonly tenantId: string
  readonly commands: ReadonlyArray<Cmd>
  readonly managers: ReadonlyArray<AnyManager>
  readonly from: string
  readonly until: string
}) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(utc(`${options.from}T01:00:00.000Z`))
    const handler = yield* CommandHandler.make({ backoff: 0 })
    const runner = yield* Runner.make({ managers: options.managers })
    const days = new Set(options.commands.map((c) => c.at))
    for (let d = LocalDate.make(options.from); d <= options.until; d = LocalDate.addDays(d, 7)) days.add(d)
    const todo = [...options.commands]
    for (const d of [...days].sort()) {
      yield* TestClock.setTime(utc(`${d}T01:00:00.000Z`))
      yield* runner.tick
      while (todo.length > 0 && todo[0]!.at <= d) yield* send(handler, todo.shift()!)
      yield* runner.tick
    }
    const store = yield* EventStore.EventStore
    const events = yield* Stream.runCollect(store.readAll(Position.start, { tenantId: options.tenantId }))
    const issued = new Map<string, { readonly stream: string; readonly command: unknown }>()
    for (const e of events)
      if (e.type === "CommandIssued") {
        issued.set(e.data.commandId as string, { stream: e.streamId, command: e.data.command })
        const key = `${e.streamId.split(":")[1]}:${(e.data.command as { _tag: string })._tag}`
        issuedBy[key] = (issuedBy[key] ?? 0) + 1
      }
    return events
      .filter((e) => e.type === "CommandRefused" && isAuthorization(e.data.code as string))
      .map((e) => ({
        code: e.data.code,
        message: (e.data.message as { en: string }).en,
        ...issued.get(e.data.commandId as string)
      }))
  }).pipe(Effect.provide(Layer.mergeAll(InMemoryStore.layer, ReadModelStore.layerMemory, TestClock.layer())))

const year = (y: Year, managers: ReadonlyArray<AnyManager>) =>
  run({ tenantId, commands: y.commands, managers, from: `${y.year - 1}-12-25`, until: `${y.year + 1}-02-15` })

describe("authorization: no command the workflow managers issue is refused for who sent it", () => {
  it("cascade and cluster covenant, over generated directories (districts merged, units moved) and campaign histories", async () => {
    await fc.assert(
      fc.asyncProperty(history({ restructure: true }), async (y) => {
        expect(await Effect.runPromise(year(y, [Cascade.make(), ClusterCovenant.make()]))).toEqual([])
      }),
      { numRuns: 25 }
    )
    expect(issuedBy["cluster-covenant:EnrollParticipant"] ?? 0).toBeGreaterThan(0)
  })

  it("calendar, cascade and cluster covenant together, over generated histories whose issuers stay in operation", async () => {
    await fc.assert(
      fc.asyncProperty(history({ restructure: false }), async (y) => {
        const managers = [CampaignCalendar.make(), Cascade.make(), ClusterCovenant.make()]
        expect(await Effect.runPromise(year(y, managers))).toEqual([])
      }),
      { numRuns: 25 }
    )
    // The property is not empty: the calendar opened and closed phases, the covenant enrolled.
    expect(issuedBy["calendar:OpenPhase"] ?? 0).toBeGreaterThan(0)
    expect(issuedBy["calendar:ClosePhase"] ?? 0).toBeGreaterThan(0)
  })

  // Known bug (reported, CampaignCalendar.ts is not ours to mend here): the calendar sends
  // OpenPhase/ClosePhase as the campaign's issuer even once the issuer was restructured away, and
  // core refuses an actor no longer in operation (AUTH-ACTOR). LĐLĐ quận Hoàn Kiếm ceased on
  // 30/6/2025 and LĐLĐ thành phố Hà Nội carries its 2025 campaign on: the calendar opens Đợt 2 on
  // 1/7 as Hoàn Kiếm. The property above found it first (a district merged into another mid-year).
  // This fails while the bug is there; when it is mended, `it.fails` fails: make it `it`.
  it("the calendar opens and closes Hoàn Kiếm 2025's phases after the reform as the organization carrying it on", async () => {
    const seed = Seeds.hoanKiem2025
    const people = (seed.campaign as ReadonlyArray<Cmd>).filter(
      (c) => c._tag !== "OpenPhase" && c._tag !== "ClosePhase"
    )
    const commands = [...(seed.directory as ReadonlyArray<Cmd>), ...people].sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : 0
    )
    const refused = await Effect.runPromise(
      run({
        tenantId: seed.tenantId,
        commands,
        managers: [CampaignCalendar.make()],
        from: "2024-11-25",
        until: "2026-01-31"
      })
    )
    expect(refused).toEqual([])
  })
})
