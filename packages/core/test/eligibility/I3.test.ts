import { describe, expect, it } from "@effect/vitest"
import { runs } from "../../../../scripts/properties.js"
import { failing, failure, given, initiative, judge, member, memberSubject } from "./build.js"
import { holdsToStatement } from "./harness.js"

const worker = memberSubject("m-1")
const certificate = (record: ReturnType<typeof given>["record"], year: number) =>
  judge(record, worker, "bang-lao-dong-sang-tao", year)

describe("I3 the Creative Labour Certificate: one solution worth 80 M VND, or three consecutive years worth 120 M VND together", () => {
  it("over generated careers, I3 fails exactly when neither threshold is met by counted initiatives", () => {
    const t = holdsToStatement("I3", {
      kinds: ["bang-lao-dong-sang-tao"],
      careers: { profiles: { star: 3, steady: 1, weak: 1 } },
      numRuns: runs(40, 1_000)
    })
    expect(t.fail * t.pass).toBeGreaterThan(0)
  })

  it("one applied, recognised solution of 2024 worth 80,000,000 VND passes; 79,999,999 does not", () => {
    expect(
      certificate(given(member("m-1"), initiative("m-1", "2024-04-01", { benefitVnd: 80_000_000 })).record, 2024).passed
    ).toContain("I3")
    const short = given(member("m-1"), initiative("m-1", "2024-04-01", { benefitVnd: 79_999_999 }))
    expect(failure(certificate(short.record, 2024), "I3")?.details).toEqual({
      subject: "member:m-1",
      year: 2024,
      best: 79_999_999,
      threeYears: 79_999_999
    })
  })

  it("40 M VND in each of 2022, 2023 and 2024 pass for 2024; 60 M in 2023 and 2024 alone (two years) do not", () => {
    const three = given(
      member("m-1"),
      initiative("m-1", "2022-05-01", { benefitVnd: 40_000_000 }),
      initiative("m-1", "2023-05-01", { benefitVnd: 40_000_000 }),
      initiative("m-1", "2024-05-01", { benefitVnd: 40_000_000 })
    )
    expect(certificate(three.record, 2024).passed).toContain("I3")
    expect(failing(certificate(three.record, 2025))).toEqual(["I3"])
    const two = given(
      member("m-1"),
      initiative("m-1", "2023-05-01", { benefitVnd: 60_000_000 }),
      initiative("m-1", "2024-05-01", { benefitVnd: 60_000_000 })
    )
    expect(failing(certificate(two.record, 2024))).toEqual(["I3"])
  })

  it("an initiative counts only applied, recognised and not rejected (I1)", () => {
    for (const o of [{ applied: false }, { scope: null }, { rejected: true }] as const)
      expect(
        failing(
          certificate(
            given(member("m-1"), initiative("m-1", "2024-04-01", { benefitVnd: 90_000_000, ...o })).record,
            2024
          )
        )
      ).toEqual(["I3"])
  })
})
