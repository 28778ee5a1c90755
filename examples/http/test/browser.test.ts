/**
 * The page, end to end, in headless Chromium: the example server on a free port, the page read as
 * a person sees it, commands sent over HTTP by another client, and the page following them live,
 * without a reload. Then English, and a screenshot in `test-results/scoreboard.png`.
 *
 * It needs Debian's chromium (`apt-get install chromium`; `THIDUA_CHROMIUM` names another
 * binary). Without it the test is skipped and says so, unless `THIDUA_BROWSER_REQUIRED=true`
 * (set by `.ci/run` where chromium is installed): then it fails.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type Browser, chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Started, start } from "../src/server.js"
import {
  applyInitiative,
  campaignId,
  crossAssess,
  recognizeInitiative,
  recordInitiative,
  send,
  tenantId,
  ubndQuan
} from "./support.js"

// The browser's globals that the functions run in the page use. The repository's TypeScript has
// no DOM library (its code runs on Node); these stay in this module.
interface PageElement {
  readonly id: string
  readonly className: string
  readonly textContent: string | null
  getAttribute(name: string): string | null
  querySelector(selector: string): PageElement | null
  querySelectorAll(selector: string): Iterable<PageElement>
  blur(): void
}
declare const document: PageElement & { readonly activeElement: PageElement | null }
declare const window: { mark?: number; pwned?: number }
declare const getComputedStyle: (element: unknown) => { readonly outlineStyle: string }

const executable = process.env.THIDUA_CHROMIUM || "/usr/bin/chromium"
const required = process.env.THIDUA_BROWSER_REQUIRED === "true"
const results = fileURLToPath(new URL("../test-results/", import.meta.url))
const screenshot = `${results}scoreboard.png`

// Without these flags Chromium reaches for Google's services at start, and this machine's closed
// network refuses them slowly.
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
]

const names = {
  trungThanh: "Công đoàn cơ sở Công ty TNHH Trung Thành",
  ubndQuan: "Công đoàn cơ quan Ủy ban nhân dân quận Hoàng Mai"
}

/** The scoreboard as the page shows it: rank, unit, points, initiatives, awards. */
const scoreboard = (page: Page) =>
  page.$$eval("#scoreboard-rows tr", (rows) =>
    rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? ""))
  )

const rowsOf = (page: Page, id: string) =>
  page.$$eval(`#${id} tr`, (rows) =>
    rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? ""))
  )

/** Waits until the scoreboard shows `expected`, and says what it showed when it does not. */
const waitForScoreboard = async (page: Page, expected: ReadonlyArray<ReadonlyArray<string>>) => {
  const want = JSON.stringify(expected)
  await page
    .waitForFunction(
      (w) =>
        JSON.stringify(
          [...document.querySelectorAll("#scoreboard-rows tr")].map((r) =>
            [...r.querySelectorAll("th, td")].map((c) => c.textContent?.trim() ?? "")
          )
        ) === w,
      want,
      { timeout: 10_000 }
    )
    .catch(async () => {
      throw new Error(`the scoreboard shows ${JSON.stringify(await scoreboard(page))}, not ${want}`)
    })
}

if (!existsSync(executable) && !required)
  describe("the live scoreboard in a browser", () => {
    it.skipIf(true)(
      `skipped: no Chromium at ${executable}. Install Debian's (apt-get install chromium) or set THIDUA_CHROMIUM; THIDUA_BROWSER_REQUIRED=true makes its absence a failure`,
      () => {}
    )
  })
else
  describe("the live scoreboard in a browser", () => {
    let server: Started
    let browser: Browser

    beforeAll(async () => {
      if (!existsSync(executable))
        throw new Error(
          `THIDUA_BROWSER_REQUIRED=true but there is no Chromium at ${executable}: apt-get install chromium`
        )
      server = await start({ port: 0 })
      browser = await chromium.launch({ executablePath: executable, args })
    })
    afterAll(async () => {
      await browser?.close()
      await server?.close()
    })

    it("shows the seed, follows commands sent by others without a reload, and switches to English", async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } })
      const failures: Array<string> = []
      page.on("pageerror", (e) => failures.push(String(e)))
      page.on("console", (m) => {
        if (m.type() === "error") failures.push(m.text())
      })
      page.on("response", (r) => {
        if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`)
      })
      await page.goto(`${server.url}/?tenant=${tenantId}&campaign=${campaignId}`)

      // The seed as of 21/12/2020, by the standard weights: Trung Thành self 9 (×0.5) + cross 8.5
      // + a recognized initiative (10) worth 85,000,000 VND (8) + a registration (5) + a Giấy
      // khen (20) = 56; the UBND's union self 8 + 9 (×0.5) + a registration (5) = 13.5.
      await waitForScoreboard(page, [
        ["1", names.trungThanh, "56", "1", "1"],
        ["2", names.ubndQuan, "13,5", "1", "0"]
      ])
      expect(await page.getAttribute("html", "lang")).toBe("vi")
      expect(await page.$$eval("h2", (hs) => hs.map((h) => h.textContent))).toEqual([
        "Bảng xếp hạng",
        "Sáng kiến",
        "Khen thưởng"
      ])
      expect(await page.textContent("h1")).toBe(
        "Phong trào thi đua công nhân viên chức lao động quận Hoàng Mai năm 2020"
      )
      expect(await page.textContent("#meta")).toContain("Đang diễn ra: Đợt 2")
      expect(await rowsOf(page, "initiative-rows")).toEqual([
        [
          "Cải tiến quy trình làm việc tại tổ sản xuất, giảm thời gian chờ giữa các công đoạn",
          names.trungThanh,
          "85.000.000 đ",
          "Đã công nhận"
        ],
        [
          "Ứng dụng công nghệ thông tin trong tiếp nhận và trả kết quả thủ tục hành chính",
          names.ubndQuan,
          "0 đ",
          "Đã ghi nhận"
        ]
      ])
      expect(await rowsOf(page, "award-rows")).toEqual([["Giấy khen", names.trungThanh, "10/07/2020"]])
      await page.waitForFunction(() => document.querySelector("#status")?.getAttribute("data-state") === "live")

      // A mark on this document: a reload would lose it.
      await page.evaluate(() => {
        window.mark = 42
      })

      // Hoàng Mai's officer cross-assesses the UBND's union: 13.5 + 9.
      expect((await send(server.url, "hoang-mai-can-bo", crossAssess(ubndQuan, "hm2020-hc-1", 9))).status).toBe(200)
      await waitForScoreboard(page, [
        ["1", names.trungThanh, "56", "1", "1"],
        ["2", names.ubndQuan, "22,5", "1", "0"]
      ])

      // Its officer records an initiative worth 450 million đồng: a new row, as recorded.
      const title = "Số hóa hồ sơ một cửa, rút ngắn thời gian trả kết quả"
      expect(
        (await send(server.url, "ubnd-quan-can-bo", recordInitiative("hm2020-sk-ubnd-2", title, 450_000_000))).status
      ).toBe(200)
      await page.waitForFunction((t) => document.querySelector("#initiative-rows")?.textContent?.includes(t), title)
      expect((await rowsOf(page, "initiative-rows"))[2]).toEqual([
        title,
        names.ubndQuan,
        "450.000.000 đ",
        "Đã ghi nhận"
      ])

      // Applied, then recognized by the union's executive: 10 for the recognition and 45 for the
      // benefit (one point per 10,000,000 VND) take the UBND's union to the top, 77.5 to 56.
      expect((await send(server.url, "ubnd-quan-can-bo", applyInitiative("hm2020-sk-ubnd-2"))).status).toBe(200)
      expect((await send(server.url, "ubnd-quan-ban-chap-hanh", recognizeInitiative("hm2020-sk-ubnd-2"))).status).toBe(
        200
      )
      await waitForScoreboard(page, [
        ["1", names.ubndQuan, "77,5", "2", "0"],
        ["2", names.trungThanh, "56", "1", "1"]
      ])
      expect((await rowsOf(page, "initiative-rows"))[2]?.[3]).toBe("Đã công nhận")
      expect(await page.evaluate(() => window.mark)).toBe(42)

      // English: the button, the lang attribute, every heading, and the numbers the English way.
      await page.click("#lang")
      expect(await page.getAttribute("html", "lang")).toBe("en")
      expect(await page.$$eval("h2", (hs) => hs.map((h) => h.textContent))).toEqual([
        "Scoreboard",
        "Initiatives",
        "Awards"
      ])
      expect(await page.$$eval("#bang-xep-hang thead th", (hs) => hs.map((h) => h.textContent))).toEqual([
        "Rank",
        "Unit",
        "Points",
        "Initiatives",
        "Awards"
      ])
      expect(await page.textContent("#lang")).toBe("Tiếng Việt")
      expect((await scoreboard(page))[0]).toEqual(["1", names.ubndQuan, "77.5", "2", "0"])
      expect((await rowsOf(page, "initiative-rows"))[2]).toEqual([
        title,
        names.ubndQuan,
        "VND 450,000,000",
        "Recognized"
      ])
      expect(await rowsOf(page, "award-rows")).toEqual([
        ["Certificate of Commendation", names.trungThanh, "10/07/2020"]
      ])
      expect(await page.textContent("#meta")).toContain("Running: Đợt 2")

      // The keyboard goes from the button back to the skip link and forth, and focus is visible.
      await page.keyboard.press("Shift+Tab")
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip")
      expect(await page.$eval("a.skip", (a) => getComputedStyle(a).outlineStyle)).toBe("solid")
      await page.keyboard.press("Tab")
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("lang")
      expect(await page.$eval("#lang", (b) => getComputedStyle(b).outlineStyle)).toBe("solid")
      await page.keyboard.press("Enter")
      expect(await page.getAttribute("html", "lang")).toBe("vi")

      mkdirSync(results, { recursive: true })
      await page.evaluate(() => document.activeElement?.blur())
      await page.screenshot({ path: screenshot, fullPage: true })
      expect(statSync(screenshot).size).toBeGreaterThan(10_000)
      expect(readFileSync(screenshot).subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      )
      expect(failures).toEqual([])
      await page.close()
    })

    it("says so when the campaign does not exist", async () => {
      const page = await browser.newPage()
      await page.goto(`${server.url}/?campaign=khong-co&lang=en`)
      await page.waitForFunction(() => document.querySelector("#status")?.getAttribute("data-state") === "notFound")
      expect(await page.textContent("#status")).toBe(`No campaign khong-co in ${tenantId}.`)
      expect(await page.$$eval("#scoreboard-rows tr", (rows) => rows.length)).toBe(0)
      await page.close()
    })

    it("shows a title that is HTML as text, and runs nothing of it", async () => {
      const page = await browser.newPage()
      await page.goto(`${server.url}/`)
      await page.waitForFunction(() => document.querySelector("#status")?.getAttribute("data-state") === "live")
      const title = `<img src="x" onerror="window.pwned = 1">Sáng kiến <b>đậm</b>`
      expect(
        (await send(server.url, "ubnd-quan-can-bo", recordInitiative("hm2020-sk-ubnd-html", title, 1_000_000))).status
      ).toBe(200)
      await page.waitForFunction(
        (t) => [...document.querySelectorAll("#initiative-rows th")].some((c) => c.textContent === t),
        title
      )
      expect(await page.$$eval("#initiative-rows img, #initiative-rows b", (found) => found.length)).toBe(0)
      expect(await page.evaluate(() => window.pwned)).toBeUndefined()
      await page.close()
    })
  })
