import { describe, expect, it } from "@effect/vitest"
import { Command, Eligibility, LocalDate, Organization, Record, Rulebook } from "@thidua/core"
import { CommandHandler, InMemoryStore, Principal } from "@thidua/store"
import { Effect, Result, Schema } from "effect"
import { Seeds } from "../src/index.js"

// The awards the seeds' articles name, judged by the eligibility engine over the commendation record
// the store's command handler keeps. The handler consults that record on every GrantAward and
// DecideNomination, so a seed that runs to its close had each of its grants accepted by it; here the
// two awards of the articles are judged again, with the facts that carry them. What is expected is
// typed from the articles, not read from the seeds.

// The seeds are trusted input: each command's claimed sender is its principal.
const by = (command: Principal.Claim & { readonly actor: { readonly role: "executive" | "council" | "officer" } }) => ({
  principal: Principal.trustClaim(command)
})

const runSeed = (seed: Seeds.Seed) =>
  Effect.gen(function* () {
    const handler = yield* CommandHandler.make()
    for (const raw of seed.directory) {
      const c = Result.getOrThrow(Command.decodeDirectory(raw))
      yield* handler.directory(c, by(c))
    }
    for (const raw of seed.campaign) {
      const c = Result.getOrThrow(Command.decodeCampaign(raw))
      yield* handler.campaign(c, by(c))
    }
    return {
      record: yield* handler.record(seed.tenantId),
      directory: yield* handler.directoryState(seed.tenantId)
    }
  })

const unit = (organizationId: string) =>
  Schema.decodeUnknownSync(Organization.Subject)({ _tag: "Unit", organizationId })
const period = Schema.decodeUnknownSync(LocalDate.Period)

// Every standing grant of the tenant, judged again with itself left out: none may have lost its basis.
const broken = (record: Record.State) =>
  [
    ...[...record.units.values()].map((u) => unit(u.organizationId)),
    ...[...record.members.values()].map((m) =>
      Schema.decodeUnknownSync(Organization.Subject)({
        _tag: "Member",
        memberId: m.memberId,
        organizationId: m.units[0]?.organizationId
      })
    )
  ].flatMap((s) => Eligibility.review(record, s, Rulebook.standard))

describe("the seeds' awards pass the eligibility engine", () => {
  it.effect(
    "Nam Từ Liêm 2021: the Confederation's Bằng khen for the pilot ward Cầu Diễn, rated excellent in 2020 and 2021",
    () =>
      Effect.gen(function* () {
        const { record, directory } = yield* runSeed(Seeds.namTuLiem2021)
        const cauDien = Record.unit(record, "cd-phuong-cau-dien")
        // The grant went through the handler, which judged it on the record.
        const grant = cauDien?.grants.find((g) => g.kind === "bang-khen-cap-tinh")
        expect(grant).toMatchObject({
          awardId: "ntl2021-bk-cau-dien",
          campaignId: "nam-tu-liem-2021",
          grantedById: "tong-ldld-viet-nam",
          year: 2021
        })
        expect(grant?.revoked).toBeUndefined()
        // The records that carry it: the ward registered for 2021, and the district rated it
        // "completed tasks excellently" in 2020 (the article's "tiếp tục hoàn thành xuất sắc") and 2021.
        expect(cauDien?.registered.has(2021)).toBe(true)
        expect([cauDien?.ratings.get(2020), cauDien?.ratings.get(2021)]).toEqual(["excellent", "excellent"])

        const verdict = Eligibility.eligibility(
          record,
          unit("cd-phuong-cau-dien"),
          "bang-khen-cap-tinh",
          grant!.period,
          Rulebook.standard,
          { directory, campaignId: "nam-tu-liem-2021", excluding: grant! }
        )
        // A 2021 period ends under Law 15/2003; a certificate needs no lower form (U6) and the ward has
        // no thematic certificate of the Confederation that year (U3). Nothing left unknown.
        expect(verdict).toMatchObject({ regime: "R2003", year: 2021, eligible: true, unknown: [] })
        expect(verdict.failures.map((f) => f.code)).toEqual([])
        expect(verdict.passed).toEqual(["AWARD-SUBJECT", "U1", "U6", "U3"])

        // Mỹ Đình 2's Strong Grassroots Union title rests on its 2021 rating (E1), now recorded.
        // Asked as before the decision: its own grant left out (else U1 answers that it holds it).
        const held = Record.unit(record, "cd-phuong-my-dinh-2")?.grants.find(
          (g) => g.kind === "cong-doan-co-so-vung-manh" && g.year === 2021
        )
        const strong = Eligibility.eligibility(
          record,
          unit("cd-phuong-my-dinh-2"),
          "cong-doan-co-so-vung-manh",
          period({ start: "2021-01-01", end: "2021-11-30" }),
          Rulebook.standard,
          { directory, ...(held !== undefined ? { excluding: held } : {}) }
        )
        expect(strong).toMatchObject({ eligible: true, unknown: [], passed: ["AWARD-SUBJECT", "U1", "E1"] })

        expect(broken(record)).toEqual([])
      }).pipe(Effect.provide(InMemoryStore.layer))
  )

  it.effect("Hoàn Kiếm 2025: the city federation's Cờ thi đua for 2024, on the district rated excellent for 2024", () =>
    Effect.gen(function* () {
      const { record, directory } = yield* runSeed(Seeds.hoanKiem2025)
      // The article's award: "năm 2024, LĐLĐ quận Hoàn Kiếm đã vinh dự nhận Cờ thi đua xuất sắc của LĐLĐ Thành phố".
      const [flag] = Seeds.hoanKiem2025.facts.awards
      expect([flag?.kind, flag?.year, flag?.recipient.organizationId, flag?.grantedBy.organizationId]).toEqual([
        "co-thi-dua-ldld",
        2024,
        "ldld-hoan-kiem",
        "ldld-ha-noi"
      ])
      // The record that carries it: the city federation's rating of the district for 2024 (rule E1).
      expect(Record.unit(record, "ldld-hoan-kiem")?.ratings.get(2024)).toBe("excellent")

      const year2024 = period({ start: "2024-01-01", end: "2024-12-31" })
      // Asked as before the decision: the flag the seed granted is left out (else U1: already held).
      const granted = Record.unit(record, "ldld-hoan-kiem")?.grants.find(
        (g) => g.kind === "co-thi-dua-ldld" && g.year === 2024
      )
      const verdict = Eligibility.eligibility(
        record,
        unit("ldld-hoan-kiem"),
        "co-thi-dua-ldld",
        year2024,
        Rulebook.standard,
        { directory, ...(granted !== undefined ? { excluding: granted } : {}) }
      )
      // Rated "completed tasks excellently" (K6), and no other unit of a cluster with it holds the
      // flag for 2024 (K4: the seed forms no cluster). Judged under Law 06/2022.
      expect(verdict).toMatchObject({ regime: "R2024", year: 2024, eligible: true, unknown: [] })
      expect(verdict.failures.map((f) => f.code)).toEqual([])
      expect(verdict.passed).toEqual(["AWARD-SUBJECT", "U1", "K6", "K4"])

      // Without the rating the engine could not say: K6 is unknown, never a failure.
      const bare = Eligibility.eligibility(
        Record.empty(),
        unit("ldld-hoan-kiem"),
        "co-thi-dua-ldld",
        year2024,
        Rulebook.standard
      )
      expect([bare.eligible, bare.unknown.map((u) => u.rule)]).toEqual([true, ["K6"]])

      expect(broken(record)).toEqual([])
    }).pipe(Effect.provide(InMemoryStore.layer))
  )
})
