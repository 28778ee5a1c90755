import { Cli, Env, Events, Output, Progress } from "@thidua/cli"
import { Effect, Fiber, Sink, Stdio } from "effect"
import { TestConsole } from "effect/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { exampleFor, folderWith, freshTenant, registerRoot } from "./fixtures.js"
import { memoryRunner } from "./harness.js"

const cli = memoryRunner()
const tenant = freshTenant("views")
const campaign = ["--tenant", tenant, "--campaign", "hoang-mai-2020"]
const trungThanh = "Công đoàn cơ sở Công ty TNHH Trung Thành"

beforeAll(async () => {
  const r = await cli.run(["import", "c.yaml"], { cwd: folderWith("c.yaml", exampleFor(tenant)) })
  expect(r.code).toBe(0)
})
afterAll(() => cli.dispose())

describe("scoreboard, ledger, awards", () => {
  it("--json prints the Views rows", async () => {
    const r = await cli.run(["scoreboard", ...campaign, "--json"])
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.out.join("\n"))
    expect(rows.map((x: { rank: number; unitId: string }) => [x.rank, x.unitId])).toEqual([
      [1, "cdcs-trung-thanh"],
      [2, "cdcs-co-quan-ubnd-hoang-mai"]
    ])
    // The file's scores: Trung Thành 9 by itself and "8,5" by the district; the office 8 + 9 by itself.
    expect(rows.map((x: { self: number; cross: number }) => [x.self, x.cross])).toEqual([
      [9, 8.5],
      [17, 0]
    ])
    expect(rows[0]).toMatchObject({ name: trungThanh, initiatives: 1, recognized: 1, recognizedBenefitVnd: 85_000_000 })
  })

  it("prints a table with Vietnamese headers and numbers when LANG is Vietnamese", async () => {
    const r = await cli.run(["scoreboard", ...campaign], { vars: { LANG: "vi_VN.UTF-8" } })
    expect(r.code).toBe(0)
    expect(r.out[0]).toMatch(
      /^Hạng {2}Đơn vị {2,}Điểm {2}Tự chấm {2}Chấm chéo {2}Sáng kiến {2}Làm lợi được công nhận {2}Khen thưởng$/
    )
    expect(r.out[2]).toMatch(new RegExp(`^ {3}1 {2}${trungThanh} .* 8,5 .* 85\\.000\\.000 đồng .*2$`))
    // Aligned: every line as long as the header, the ranks right-aligned.
    const widths = r.out.filter((l) => l !== "").map((l) => [...l].length)
    expect(new Set(widths.slice(0, 2)).size).toBe(1)
    expect(Math.max(...widths)).toBe(widths[0])
  })

  it("prints English with en-US grouping by --lang en, over a Vietnamese LANG", async () => {
    const r = await cli.run(["scoreboard", ...campaign, "--lang", "en"], { vars: { LANG: "vi_VN.UTF-8" } })
    expect(r.out[0]).toMatch(/^Rank {2}Unit/)
    expect(r.out[2]).toMatch(/ 8\.5 .* 85,000,000 VND /)
  })

  it("LC_ALL wins over LANG", async () => {
    const r = await cli.run(["scoreboard", ...campaign], { vars: { LC_ALL: "vi_VN.UTF-8", LANG: "en_US.UTF-8" } })
    expect(r.out[0]).toMatch(/^Hạng/)
  })

  it("ledger: the initiatives and their totals", async () => {
    const json = JSON.parse((await cli.run(["ledger", ...campaign, "--json"])).out.join("\n"))
    expect(json.totals).toMatchObject({ count: 2, benefitVnd: 85_000_000, recognized: 1 })
    expect(json.entries.map((e: { initiativeId: string; status: string }) => [e.initiativeId, e.status])).toEqual([
      ["hm2020-sk-1", "Recognized"],
      ["hm2020-gp-1", "Recorded"]
    ])
    const vi = await cli.run(["ledger", ...campaign, "--lang", "vi"])
    expect(vi.out.at(-1)).toBe(
      "Tổng: 2 sáng kiến, làm lợi 85.000.000 đồng; 1 được công nhận (85.000.000 đồng), 0 không được công nhận."
    )
  })

  it("awards: those of the campaign, with their Vietnamese names", async () => {
    const json = JSON.parse((await cli.run(["awards", ...campaign, "--json"])).out.join("\n"))
    expect(json.map((a: { awardId: string }) => a.awardId)).toEqual([
      "hm2020-gk-dot-1",
      "hm2020-ttldtt-ubnd-quan",
      "hm2020-cdcs-vung-manh-trung-thanh"
    ])
    const vi = await cli.run(["awards", ...campaign, "--lang", "vi"])
    expect(vi.out[2]).toMatch(new RegExp(`^hm2020-gk-dot-1 +Giấy khen +${trungThanh} +10/07/2020 +Đã quyết định$`))
    const other = await cli.run(["awards", "--tenant", tenant, "--campaign", "another", "--json"])
    // Another campaign of the tenant: none launched, so not an empty list but "not found".
    expect([other.code, other.out]).toEqual([1, []])
  })

  it("a campaign or tenant that does not exist is CLI-NOT-FOUND (exit 1), not an empty table", async () => {
    for (const view of ["scoreboard", "ledger", "awards"]) {
      const vi = await cli.run([view, "--tenant", tenant, "--campaign", "hoang-mai-2021", "--lang", "vi"])
      expect([view, vi.code, vi.out]).toEqual([view, 1, []])
      expect(vi.err).toEqual([`CLI-NOT-FOUND: Không có chiến dịch hoang-mai-2021 của đơn vị ${tenant}.`])
      const json = await cli.run([view, "--tenant", "nope", "--campaign", "hoang-mai-2020", "--json"])
      expect([view, json.code, json.out]).toEqual([view, 1, []])
      expect(json.err).toEqual(["CLI-NOT-FOUND: No campaign hoang-mai-2020 in tenant nope."])
    }
  })

  it("escapes control characters and bidi marks a title holds, and keeps the columns aligned", async () => {
    const t = freshTenant("esc")
    const title = "Cải tiến quy trình làm việc tại tổ sản xuất, giảm thời gian chờ giữa các công đoạn"
    const text = exampleFor(t).replace(`title: ${title}`, 'title: "\\e[2J\\e[31mRED\\nx\\u202Eabc"')
    expect(text).toContain("RED")
    expect((await cli.run(["import", "c.yaml"], { cwd: folderWith("c.yaml", text) })).code).toBe(0)
    const r = await cli.run(["ledger", "--tenant", t, "--campaign", "hoang-mai-2020"])
    expect(r.code).toBe(0)
    const all = r.out.join("\n")
    expect([all.includes("\u001b"), all.includes("\u202e")]).toEqual([false, false])
    const row = r.out.find((l) => l.includes("RED"))!
    expect(row.endsWith("\\x1b[2J\\x1b[31mRED\\nx\\u202eabc")).toBe(true)
    // The table's rows are the header, the rule and one a initiative: the newline broke none.
    expect(r.out.indexOf("")).toBe(4)
    // Aligned: the status column starts at the same place on every row.
    const at = r.out[0]!.indexOf("Status")
    expect(r.out.slice(2, 4).map((l) => /Recognized|Recorded/.exec(l)?.index)).toEqual([at, at])
  })
})

describe("what a terminal is shown", () => {
  it("counts East Asian wide characters and emoji as two columns", () => {
    const lines = Output.table(
      "en",
      [{ header: { vi: "Tên", en: "Name" } }, { header: { vi: "Số", en: "N" }, right: true }],
      [
        ["工会🏆", "1"],
        ["ab", "22"]
      ]
    )
    expect(lines).toEqual(["Name     N", "------  --", "工会🏆   1", "ab      22"])
  })

  it("escapes an event line's text", () => {
    const line = Events.text({
      position: "1" as never,
      tenantId: "t",
      streamId: "campaign:\u001b]0;pwned\u0007",
      version: 1,
      recordedAt: 0,
      commandId: "c\u202e-1",
      event: { _tag: "CampaignLaunched" } as never
    })
    expect(line).toBe("1  1970-01-01T00:00:00.000Z  campaign:\\x1b]0;pwned\\x07#1  CampaignLaunched  c\\u202e-1")
  })
})

describe("events", () => {
  it("--json: one event a line, in log order; --stream and --after narrow it", async () => {
    const all = (await cli.run(["events", "--tenant", tenant, "--json"])).out.filter((l) => l).map((l) => JSON.parse(l))
    expect(all).toHaveLength(32)
    expect(all.map((e) => e.position)).toEqual([...all.map((e) => e.position)].sort())
    const org = (await cli.run(["events", "--tenant", tenant, "--stream", `org:${tenant}`, "--json"])).out.filter(
      (l) => l
    )
    expect(org.map((l) => JSON.parse(l).event._tag)).toEqual(Array(4).fill("OrganizationRegistered"))
    const after = (await cli.run(["events", "--tenant", tenant, "--after", all[29].position, "--json"])).out.filter(
      (l) => l
    )
    expect(after.map((l) => JSON.parse(l).position)).toEqual([all[30].position, all[31].position])
    const text = await cli.run(["events", "--tenant", tenant])
    expect(text.out[0]).toMatch(
      new RegExp(`^\\d{20} {2}\\S+Z {2}org:${tenant}#1 {2}OrganizationRegistered {2}import:hoang-mai-2020:1$`)
    )
  })

  it("a position that is not one is refused (exit 1)", async () => {
    const r = await cli.run(["events", "--tenant", tenant, "--after", "yesterday"])
    expect(r.code).toBe(1)
    expect(r.err[0]).toMatch(/^ENGINE-OPTION: /)
  })

  it("--follow prints events appended after it started, until interrupted", async () => {
    const t = freshTenant("follow")
    const lines: Array<string> = []
    const follow = Effect.gen(function* () {
      const fiber = yield* Effect.forkChild(
        Cli.run(["events", "--tenant", t, "--follow", "--json"]).pipe(
          Effect.provideService(Env.Env, { cwd: process.cwd(), vars: {} })
        )
      )
      yield* Effect.promise(() => cli.run(["exec"], { stdin: JSON.stringify(registerRoot(t, "c-1")) }))
      for (let i = 0; i < 100 && (yield* TestConsole.logLines).length === 0; i++) yield* Effect.sleep("20 millis")
      lines.push(...((yield* TestConsole.logLines) as Array<string>))
      yield* Fiber.interrupt(fiber)
    }).pipe(Effect.provide(TestConsole.layer))
    await cli.runtime.runPromise(follow)
    expect(lines.map((l) => JSON.parse(l).commandId)).toEqual(["c-1"])
  })
})

describe("explain and diagram", () => {
  it("explains a unit's titles of a year in the run's language", async () => {
    const en = await cli.run([
      "explain",
      "--tenant",
      tenant,
      "--unit",
      "cdcs-co-quan-ubnd-hoang-mai",
      "--year",
      "2020",
      "--kind",
      "tap-the-lao-dong-tien-tien"
    ])
    expect(en.code).toBe(0)
    expect(en.out.join("\n")).toMatch(/Advanced Labour Collective: held/)
    const vi = await cli.run([
      "explain",
      "--tenant",
      tenant,
      "--unit",
      "cdcs-co-quan-ubnd-hoang-mai",
      "--year",
      "2020",
      "--kind",
      "tap-the-lao-dong-tien-tien",
      "--lang",
      "vi"
    ])
    expect(vi.out.join("\n")).toMatch(/Tập thể lao động tiên tiến: đã đạt/)
    const json = JSON.parse(
      (
        await cli.run([
          "explain",
          "--tenant",
          tenant,
          "--member",
          "trung-thanh-cnld-01",
          "--of",
          "cdcs-trung-thanh",
          "--year",
          "2020",
          "--json"
        ])
      ).out.join("\n")
    )
    expect(json.subject).toEqual({
      _tag: "Member",
      memberId: "trung-thanh-cnld-01",
      organizationId: "cdcs-trung-thanh"
    })
    expect(json.lines.length).toBeGreaterThan(0)
  })

  it("refuses a member without their unit (exit 2)", async () => {
    const r = await cli.run(["explain", "--tenant", tenant, "--member", "m-1", "--year", "2020"])
    expect(r.code).toBe(2)
    expect(r.err[0]).toMatch(/^CLI-USAGE: name a unit/)
  })

  it("prints the campaign lifecycle as Mermaid", async () => {
    const r = await cli.run(["diagram"])
    expect(r.code).toBe(0)
    expect(r.out[0]).toBe("stateDiagram-v2")
    expect(r.out.join("\n")).toMatch(/Planned --> Launched: LaunchCampaign/)
  })

  it("a flag it does not know is a usage error (exit 2): CLI-USAGE and a hint, not the whole help", async () => {
    const en = await cli.run(["scoreboard", ...campaign, "--colour"])
    expect(en.code).toBe(2)
    expect(en.out).toEqual([])
    expect(en.err).toEqual([
      expect.stringMatching(/^CLI-USAGE: Invalid command line: .*--colour/),
      'See "thidua scoreboard --help".'
    ])
    const vi = await cli.run(["explain", "--tenant", tenant, "--unit", "u", "--year", "twenty"], {
      vars: { LANG: "vi_VN.UTF-8" }
    })
    expect(vi.code).toBe(2)
    expect(vi.out).toEqual([])
    expect(vi.err).toEqual([
      expect.stringMatching(/^CLI-USAGE: Lệnh gọi không hợp lệ: .*twenty/),
      'Xem "thidua explain --help".'
    ])
    const flag = await cli.run(["--lang", "vi", "nosuch"])
    expect(flag.code).toBe(2)
    expect(flag.err[0]).toMatch(/^CLI-USAGE: Lệnh gọi không hợp lệ: /)
    // Help asked for is still help, on stdout.
    const help = await cli.run(["scoreboard", "--help"])
    expect(help.code).toBe(0)
    expect(help.out.join("\n")).toMatch(/--campaign/)
  })
})

describe("progress", () => {
  const shown = (tty: boolean) =>
    Effect.gen(function* () {
      let raw = ""
      const stdio = Stdio.layerTest({
        stderrIsTerminal: Effect.succeed(tty),
        // biome-ignore lint/suspicious/useIterableCallbackReturn: Sink.forEach takes an Effect per chunk
        stderr: () => Sink.forEach((c: string | Uint8Array) => Effect.sync(() => (raw += String(c))))
      })
      const progress = yield* Effect.provide(Progress.make("thidua.scoreboard@hm", 2000, "vi"), stdio)
      yield* progress.update(1000)
      yield* progress.finish(2000)
      return { raw, lines: (yield* TestConsole.errorLines) as ReadonlyArray<string> }
    }).pipe(Effect.provide(TestConsole.layer))

  it("on a terminal, redraws one line with a bar, the count and the rate", async () => {
    const { raw, lines } = await Effect.runPromise(shown(true))
    expect(lines).toEqual([])
    expect(raw).toMatch(/\rthidua\.scoreboard@hm: \[#{30}\] 2\.000\/2\.000 sự kiện \(100%\), [\d.]+ sự kiện\/giây\n$/)
  })

  it("elsewhere, writes plain lines", async () => {
    const { raw, lines } = await Effect.runPromise(shown(false))
    expect(raw).toBe("")
    expect(lines.at(-1)).toMatch(/^thidua\.scoreboard@hm: 2\.000\/2\.000 sự kiện \(100%\), [\d.]+ sự kiện\/giây$/)
  })
})
