import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { Backend, CampaignFile, Settings } from "@thidua/cli"
import { Effect, Option, Result, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { exampleFor, folderWith, freshTenant } from "./fixtures.js"
import { memoryRunner } from "./harness.js"

const cli = memoryRunner()
afterAll(() => cli.dispose())

const events = async (tenant: string) => {
  const r = await cli.run(["events", "--tenant", tenant, "--json"])
  expect(r.code).toBe(0)
  return r.out.filter((l) => l !== "").map((l) => JSON.parse(l))
}

// The example with one line changed (found by its text), for a tenant of its own.
const variant = (tenant: string, from: string, to: string) => {
  const text = exampleFor(tenant)
  expect(text).toContain(from)
  return text.replace(from, to)
}

const importText = async (text: string, name = "campaign.yaml", lang = "en") => {
  const cwd = folderWith(name, text)
  return cli.run(["import", name, "--lang", lang], { cwd })
}

describe("thidua import", () => {
  it("imports the Hoàng Mai file, reading dates, decimals and amounts the Vietnamese way", async () => {
    const tenant = freshTenant("hm")
    const r = await importText(exampleFor(tenant))
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(r.out[0]).toBe(`Imported hoang-mai-2020 (tenant ${tenant}) from campaign.yaml: 32 steps, 32 new.`)
    const log = await events(tenant)
    expect(log).toHaveLength(32)
    const of = (tag: string) => log.filter((e) => e.event._tag === tag).map((e) => e.event)
    // "ngày 2 tháng 1 năm 2020", "30/6/2020", "01/7/2020": days of the calendar.
    expect(of("CampaignLaunched")[0].at).toBe("2020-01-02")
    expect(of("PhaseScheduled").map((e) => [e.start, e.end])).toEqual([
      ["2020-01-01", "2020-06-30"],
      ["2020-07-01", "2020-12-31"]
    ])
    // "8,5" is eight and a half; "85 triệu đồng" is 85,000,000.
    expect(of("ScoreAssessed").map((e) => e.points)).toEqual([9, 8, 8.5, 9])
    expect(of("InitiativeRecorded").map((e) => e.benefitVnd)).toEqual([85_000_000, 0])
    // Command ids come from the campaign and the step's number.
    expect(log.map((e) => e.commandId)).toEqual(log.map((_, i) => `import:hoang-mai-2020:${i + 1}`))
  })

  it("importing the same file again changes nothing and says so", async () => {
    const tenant = freshTenant("again")
    const text = exampleFor(tenant)
    expect((await importText(text)).code).toBe(0)
    const before = await events(tenant)
    const again = await importText(text, "campaign.yaml", "vi")
    expect(again.code).toBe(0)
    expect(again.out[0]).toBe("Không có gì thay đổi: cả 32 bước của campaign.yaml đã được nhập trước đó.")
    expect(await events(tenant)).toEqual(before)
  })

  it("reads an unquoted YAML 38.025 as thirty-eight thousand and twenty-five, not a float", async () => {
    const tenant = freshTenant("yaml")
    const r = await importText(variant(tenant, "benefitVnd: 85 triệu đồng", "benefitVnd: 38.025"))
    expect(r.code).toBe(0)
    const log = await events(tenant)
    expect(log.find((e) => e.event._tag === "InitiativeRecorded").event.benefitVnd).toBe(38025)
  })

  it("reads a JSON campaign file, strings the Vietnamese way and JSON numbers as they are", async () => {
    const tenant = freshTenant("json")
    const file = {
      tenantId: tenant,
      campaignId: "hn-2020",
      actor: { organizationId: "ldld-ha-noi", role: "executive" },
      steps: [
        {
          _tag: "RegisterOrganization",
          at: "ngày 2 tháng 1 năm 2020",
          organizationId: "ldld-ha-noi",
          name: "Liên đoàn Lao động thành phố Hà Nội",
          level: "federation",
          members: "1.250",
          workers: 1300
        }
      ]
    }
    const r = await importText(JSON.stringify(file, null, 2), "hn.json")
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    const [registered] = await events(tenant)
    expect(registered.event).toMatchObject({ validFrom: "2020-01-02", members: 1250, workers: 1300 })
  })

  // Where a change lands, counted on the text itself: its line, and the step (the "- _tag:" lines before it).
  const placeOf = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle))
    const through = text.slice(0, text.indexOf(needle) + needle.length)
    return { line: before.split("\n").length, step: through.split("\n  - _tag:").length - 1 }
  }

  const malformed: ReadonlyArray<readonly [what: string, from: string, to: string, field: string, message: RegExp]> = [
    ["a number with a stray dot", "points: 8,5", "points: 3.5829", "points", /Cannot read “3.5829” as a number/],
    [
      "an impossible date",
      "at: 30/06/2020\n    phaseId: dot-1\n  - _tag: OpenPhase",
      "at: 30/02/2020\n    phaseId: dot-1\n  - _tag: OpenPhase",
      "at",
      /Cannot read “30\/02\/2020” as a date/
    ],
    [
      "a field the command does not have",
      "    pilotUnitId: cdcs-trung-thanh",
      "    pilotUnitId: cdcs-trung-thanh\n    colour: red",
      "colour",
      /excess/
    ],
    [
      "a step that is not a command",
      "  - _tag: ApplyInitiative",
      "  - _tag: ApplyInitiativ",
      "_tag",
      /unknown command type “ApplyInitiativ”/
    ],
    [
      "a huge amount",
      "benefitVnd: 85 triệu đồng",
      "benefitVnd: 99999999999999999999999 đồng",
      "benefitVnd",
      /Cannot read “99999999999999999999999 đồng” as an amount/
    ],
    [
      "a command id in a step",
      "  - _tag: EndCampaign",
      "  - _tag: EndCampaign\n    commandId: mine",
      "commandId",
      /commandId comes from the file/
    ]
  ]
  for (const [what, from, to, field, message] of malformed)
    it(`refuses ${what}, naming the step, field and line, and writes nothing`, async () => {
      const tenant = freshTenant("bad")
      const text = variant(tenant, from, to)
      const r = await importText(text)
      expect(r.code).toBe(1)
      expect(r.out).toEqual([])
      const out = r.err.join("\n")
      expect(out).toMatch(/^CLI-CAMPAIGN-FILE: campaign\.yaml: 1 problem; nothing was imported\./)
      const { line, step } = placeOf(text, to.split("\n").find((l) => l.includes(`${field}:`))!)
      expect(out).toContain(`step ${step}, field ${field}, line ${line}: `)
      expect(out).toMatch(message)
      expect(out).not.toMatch(/\n\s+at /)
      expect(await events(tenant)).toEqual([])
    })

  it("refuses a file with a NUL character, naming its line, and writes nothing", async () => {
    const tenant = freshTenant("nul")
    const text = variant(tenant, "name: Đợt 1", "name: Đợt\u00001")
    const r = await importText(text)
    expect(r.code).toBe(1)
    expect(r.err.join("\n")).toContain(`line ${placeOf(text, "\u0000").line}: the file contains a NUL character`)
    expect(await events(tenant)).toEqual([])
  })

  it("refuses broken YAML with its line, and writes nothing", async () => {
    const tenant = freshTenant("yaml")
    const text = variant(tenant, "  - _tag: EndCampaign", "  - _tag: [EndCampaign")
    const r = await importText(text)
    expect(r.code).toBe(1)
    expect(r.err.join("\n")).toMatch(/line \d+: not YAML/)
    expect(await events(tenant)).toEqual([])
  })

  it("reports in Vietnamese with --lang vi", async () => {
    const tenant = freshTenant("vi")
    const r = await importText(variant(tenant, "points: 8,5", "points: 3.5829"), "campaign.yaml", "vi")
    expect(r.code).toBe(1)
    const text2 = variant(tenant, "points: 8,5", "points: 3.5829")
    const { line, step } = placeOf(text2, "points: 3.5829")
    expect(r.err.join("\n")).toContain(`bước ${step}, trường points, dòng ${line}: `)
    expect(r.err.join("\n")).toMatch(/“3.5829”.*một số/)
  })

  it("refuses broken JSON with its line", async () => {
    const cwd = folderWith("c.json", '{\n  "tenantId": "t",\n  "steps": [,]\n}')
    const r = await cli.run(["import", "c.json"], { cwd })
    expect(r.code).toBe(1)
    expect(r.err.join("\n")).toMatch(/line 3: not JSON/)
  })

  it("stops at a step a rule refuses, naming the rule; the steps before it stay", async () => {
    const tenant = freshTenant("rule")
    // Đợt 1 opened before it is scheduled: the phase does not exist yet.
    const text = variant(
      tenant,
      "  - _tag: OpenPhase\n    at: 02/01/2020\n    phaseId: dot-1",
      "  - _tag: OpenPhase\n    at: 02/01/2020\n    phaseId: dot-9"
    )
    const r = await importText(text)
    expect(r.code).toBe(1)
    expect(r.err.join("\n")).toMatch(
      new RegExp(
        `^CLI-IMPORT-REFUSED: campaign\\.yaml: step 9 \\(line ${placeOf(text, "  - _tag: OpenPhase\n    at: 02/01/2020\n    phaseId: dot-9").line}, OpenPhase\\) was refused by rule REF-MISSING: .+ 8 step\\(s\\) before it are imported`
      )
    )
    const log = await events(tenant)
    expect(log.map((e) => e.commandId)).toEqual(Array.from({ length: 8 }, (_, i) => `import:hoang-mai-2020:${i + 1}`))
  })

  it("--check reads the file and writes nothing", async () => {
    const tenant = freshTenant("check")
    const cwd = folderWith("c.yaml", exampleFor(tenant))
    const r = await cli.run(["import", "c.yaml", "--check"], { cwd })
    expect(r.code).toBe(0)
    expect(r.out[0]).toMatch(/32 steps for hoang-mai-2020/)
    expect(await events(tenant)).toEqual([])
  })

  it("a missing file is a usage error (exit 2)", async () => {
    const cwd = folderWith("other.yaml", "")
    writeFileSync(join(cwd, "x"), "")
    const r = await cli.run(["import", "nowhere.yaml"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toEqual(["CLI-FILE: Cannot read the file nowhere.yaml: no such file"])
  })

  it("refuses a file that is not UTF-8, naming the line, and writes nothing (never U+FFFD)", async () => {
    const tenant = freshTenant("latin1")
    const text = exampleFor(tenant)
    const at = text.indexOf("Hoàng Mai")
    // "Hoàng" as Windows-1258 / Latin-1 would save the "à": one byte 0xE0, not UTF-8.
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, at + 2)),
      Buffer.from([0xe0]),
      Buffer.from(text.slice(at + 3))
    ])
    const cwd = folderWith("c.yaml", "")
    writeFileSync(join(cwd, "c.yaml"), bytes)
    const r = await cli.run(["import", "c.yaml"], { cwd })
    expect(r.code).toBe(1)
    expect(r.err.join("\n")).toContain(`line ${placeOf(text, "Hoàng Mai").line}: not UTF-8 text`)
    expect(await events(tenant)).toEqual([])
  })

  it("reads JSON in a .yaml file by JSON's rules: 1.500 is one and a half there too", async () => {
    const tenant = freshTenant("jsonyaml")
    const file = JSON.stringify({
      tenantId: tenant,
      campaignId: "hn-2020",
      actor: { organizationId: "ldld-ha-noi", role: "executive" },
      steps: [
        {
          _tag: "RegisterOrganization",
          at: "02/01/2020",
          organizationId: "ldld-ha-noi",
          name: "LĐLĐ Hà Nội",
          level: "federation",
          members: "1.250"
        }
      ]
    }).replace('"members":"1.250"', '"members":1.500')
    expect(file).toContain('"members":1.500')
    // As JSON, 1.500 is not a whole number of members: refused the same way whatever the name.
    for (const name of ["c.json", "c.yaml", "c.txt"]) {
      const r = await importText(file, name)
      expect([name, r.code]).toEqual([name, 1])
      expect(r.err.join("\n")).toMatch(/field members/)
    }
    expect(await events(tenant)).toEqual([])
    // And a JSON string the Vietnamese way still reads as 1250.
    const ok = await importText(file.replace('"members":1.500', '"members":"1.250"'), "c.yaml")
    expect(ok.code).toBe(0)
    expect((await events(tenant))[0].event.members).toBe(1250)
  })

  it("reads a .json file that starts with a byte order mark", async () => {
    const tenant = freshTenant("bom")
    const file = {
      tenantId: tenant,
      campaignId: "hn-2020",
      actor: { organizationId: "ldld-ha-noi", role: "executive" },
      steps: [
        {
          _tag: "RegisterOrganization",
          at: "02/01/2020",
          organizationId: "ldld-ha-noi",
          name: "LĐLĐ Hà Nội",
          level: "federation"
        }
      ]
    }
    // Read as text (an embedding host's string) and from a file.
    expect(Result.isSuccess(CampaignFile.parse(`\ufeff${JSON.stringify(file)}`, { file: "c.json" }))).toBe(true)
    const r = await importText(`\ufeff${JSON.stringify(file)}`, "c.json")
    expect(r.err).toEqual([])
    expect(r.code).toBe(0)
    expect(await events(tenant)).toHaveLength(1)
  })

  it("stores names composed (NFC) as people type them", async () => {
    const tenant = freshTenant("nfc")
    const decomposed = "Công đoàn cơ sở Công ty TNHH Trung Thành".normalize("NFD")
    const r = await importText(variant(tenant, "name: Công đoàn cơ sở Công ty TNHH Trung Thành", `name: ${decomposed}`))
    expect(r.code).toBe(0)
    const names = (await events(tenant)).map((e) => e.event.name).filter((n) => n !== undefined)
    expect(names).toContain("Công đoàn cơ sở Công ty TNHH Trung Thành".normalize("NFC"))
    expect(names).not.toContain(decomposed)
  })

  it("an edited step is not 'refused by a rule': it says an import only appends (vi/en)", async () => {
    const tenant = freshTenant("edited")
    expect((await importText(exampleFor(tenant))).code).toBe(0)
    const before = await events(tenant)
    const from = "name: Công đoàn cơ sở Công ty TNHH Trung Thành\n"
    const text = variant(tenant, from, "name: Công đoàn cơ sở Công ty TNHH Trung Thành (sửa)\n")
    const { step } = placeOf(text, "(sửa)")
    const line = placeOf(text, text.slice(text.lastIndexOf("  - _tag:", text.indexOf("(sửa)")))).line
    const en = await importText(text)
    expect(en.code).toBe(1)
    expect(en.err.join("\n")).toBe(
      `CLI-IMPORT-CHANGED: campaign.yaml: step ${step} (line ${line}, RegisterOrganization) differs from what this file imported before (as import:hoang-mai-2020:${step}): an import only appends. Restore the step as it was and add corrections as new steps at the end of the file, or send them with "thidua exec". Nothing was written for this step; ${step - 1} step(s) before it are imported.`
    )
    expect(en.err.join("\n")).not.toMatch(/rule|fix the step/)
    const vi = await importText(text, "campaign.yaml", "vi")
    expect(vi.err.join("\n")).toMatch(
      /^CLI-IMPORT-CHANGED: campaign\.yaml: bước \d+ \(dòng \d+, RegisterOrganization\) khác với bước tệp này đã nhập trước đó .*lệnh nhập chỉ ghi thêm/
    )
    expect(await events(tenant)).toEqual(before)
  })

  it("Ctrl-C during an import says after which step it stopped; the steps done stay", { timeout: 60_000 }, async () => {
    const tenant = freshTenant("ctrlc")
    // The example up to its first initiative, then many more initiatives of the same unit.
    const head = exampleFor(tenant).split("  - _tag: ApplyInitiative")[0]!
    const more = Array.from(
      { length: 1000 },
      (_, i) =>
        `  - _tag: RecordInitiative\n    actor: { organizationId: cdcs-trung-thanh, role: officer }\n    at: 16/04/2020\n    initiativeId: sk-${i}\n    phaseId: dot-1\n    unitId: cdcs-trung-thanh\n    kind: initiative\n    title: Sáng kiến ${i}\n    benefitVnd: 1 triệu đồng\n`
    )
    const text = head + more.join("")
    const total = placeOf(text, "title: Sáng kiến 999").step
    const engine = await cli.runtime.runPromise(
      Effect.flatMap(Backend.Backend, (b) => Effect.scoped(b.engine)).pipe(
        Effect.provideService(Settings.flag, Option.none())
      )
    )
    const logged = () => cli.runtime.runPromise(Stream.runCount(engine.events({ tenantId: tenant })))
    // Interrupt once a few initiatives are in, long before the 1000th: the tenant's live log says when.
    const interrupt = cli.runtime.runPromise(
      engine.events({ tenantId: tenant, live: true }).pipe(Stream.take(30), Stream.runDrain)
    )
    const r = await cli.run(["import", "c.yaml", "--lang", "vi"], { cwd: folderWith("c.yaml", text), interrupt })
    expect([r.interrupted, r.code, r.err, r.out]).toEqual([true, -1, r.err, []])
    const done = await logged()
    expect(done).toBeLessThan(total)
    const [message] = r.err
    const through = Number(
      /^Đã dừng sau bước (\d+) trên (\d+); hãy chạy lại lệnh nhập để tiếp tục\.$/.exec(message ?? "")?.[1]
    )
    expect(message).toContain(`trên ${total};`)
    // Every step up to the one named is in the log (one event each here); at most the one in flight after it.
    expect(done === through || done === through + 1).toBe(true)
    expect(r.out).toEqual([])
  })
})
