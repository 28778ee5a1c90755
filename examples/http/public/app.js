// The live scoreboard of one campaign: plain ES module, no build step. It reads three read models
// of the Thi Đua HTTP API (scoreboard, initiatives, awards), follows the campaign's stream over
// server-sent events and reads them again when events arrive. Everything the server sends is put
// in the page as text (never as HTML), so a unit named `<script>` is shown, not run.

const params = new URLSearchParams(location.search)
const tenantId = params.get("tenant") || "seed-hoang-mai-2020"
const campaignId = params.get("campaign") || "hoang-mai-2020"
// The example's read-only viewer token (src/auth.ts): public by design, it cannot write.
const token = params.get("token") || "xem-hoang-mai-2020"

// Every event a campaign stream holds (`Event.CampaignEvent` of @thidua/core). EventSource only
// delivers named events to listeners of that name; test/server.test.ts keeps this list in step.
const campaignEvents = [
  "CampaignPlanned",
  "CampaignLaunched",
  "PhaseScheduled",
  "PhaseOpened",
  "PhaseClosed",
  "ParticipantEnrolled",
  "PledgeSigned",
  "RegistrationApproved",
  "RegistrationRejected",
  "InitiativeRecorded",
  "InitiativeApplied",
  "InitiativeRecognized",
  "InitiativeRejected",
  "WorkPlaqued",
  "ScoreAssessed",
  "InterimReviewHeld",
  "CampaignEnded",
  "FinalReviewHeld",
  "NominationProposed",
  "DeliberationHeld",
  "NomineesPublished",
  "NominationSubmitted",
  "NominationDecided",
  "AwardGranted",
  "AwardPresented",
  "AwardRevoked",
  "ExemplarReplicated",
  "CampaignClosed",
  "CampaignCancelled"
]

const text = {
  vi: {
    documentTitle: "Bảng thi đua — Thi Đua",
    skip: "Chuyển đến bảng xếp hạng",
    eyebrow: "Phong trào thi đua",
    loading: "Đang tải…",
    switchTo: "English",
    switchToLang: "en",
    tenant: "Đơn vị quản lý dữ liệu",
    campaign: "Phong trào",
    campaignStatus: "Trạng thái",
    running: "Đang diễn ra",
    scoreboard: "Bảng xếp hạng",
    scoreboardCaption: "Các đơn vị xếp theo điểm thi đua",
    rank: "Hạng",
    unit: "Đơn vị",
    points: "Điểm",
    initiatives: "Sáng kiến",
    awards: "Khen thưởng",
    initiativesHeading: "Sáng kiến",
    initiativesCaption: "Sáng kiến, giải pháp theo thứ tự ghi nhận",
    initiativeTitle: "Tên sáng kiến",
    benefit: "Giá trị làm lợi",
    status: "Trạng thái",
    totals: (t) =>
      `${t.count} sáng kiến, tổng giá trị làm lợi ${vnd(t.benefitVnd)}; ${t.recognized} sáng kiến được công nhận.`,
    awardsHeading: "Khen thưởng",
    awardsCaption: "Hình thức khen thưởng đã trao trong phong trào",
    kind: "Hình thức",
    recipient: "Người, đơn vị nhận",
    date: "Ngày",
    footer: "Số liệu đọc trực tiếp từ máy chủ Thi Đua và tự cập nhật khi có sự kiện mới.",
    noUnits: "Chưa có đơn vị nào tham gia.",
    noInitiatives: "Chưa có sáng kiến nào.",
    noAwards: "Chưa có khen thưởng nào.",
    revoked: "đã thu hồi",
    connecting: "Đang kết nối…",
    live: (time) => `Đang theo dõi trực tiếp · cập nhật lúc ${time}`,
    reconnecting: "Mất kết nối với máy chủ, đang thử lại…",
    notFound: `Không tìm thấy phong trào ${campaignId} của ${tenantId}.`,
    failed: "Không đọc được dữ liệu từ máy chủ.",
    initiativeStatus: {
      Recorded: "Đã ghi nhận",
      Applied: "Đã áp dụng",
      Recognized: "Đã công nhận",
      Rejected: "Không công nhận"
    },
    campaignStatuses: {
      Initial: "Chưa lập kế hoạch",
      Planned: "Đã lập kế hoạch",
      Launched: "Đã phát động",
      Ended: "Đã kết thúc",
      Reviewed: "Đã tổng kết",
      Awarding: "Đang xét khen thưởng",
      Closed: "Đã khép lại",
      Cancelled: "Đã hủy"
    },
    locale: "vi-VN"
  },
  en: {
    documentTitle: "Scoreboard — Thi Đua",
    skip: "Skip to the scoreboard",
    eyebrow: "Emulation campaign",
    loading: "Loading…",
    switchTo: "Tiếng Việt",
    switchToLang: "vi",
    tenant: "Tenant",
    campaign: "Campaign",
    campaignStatus: "Status",
    running: "Running",
    scoreboard: "Scoreboard",
    scoreboardCaption: "Units ranked by emulation points",
    rank: "Rank",
    unit: "Unit",
    points: "Points",
    initiatives: "Initiatives",
    awards: "Awards",
    initiativesHeading: "Initiatives",
    initiativesCaption: "Initiatives and solutions in the order recorded",
    initiativeTitle: "Title",
    benefit: "Benefit",
    status: "Status",
    totals: (t) =>
      `${t.count} ${t.count === 1 ? "initiative" : "initiatives"}, ${vnd(t.benefitVnd)} of benefit in all; ${t.recognized} recognized.`,
    awardsHeading: "Awards",
    awardsCaption: "Awards granted in the campaign",
    kind: "Kind",
    recipient: "Recipient",
    date: "Date",
    footer: "Read live from the Thi Đua server; the page updates itself when new events arrive.",
    noUnits: "No unit has enrolled yet.",
    noInitiatives: "No initiative yet.",
    noAwards: "No award yet.",
    revoked: "revoked",
    connecting: "Connecting…",
    live: (time) => `Live · updated at ${time}`,
    reconnecting: "Lost the connection to the server, retrying…",
    notFound: `No campaign ${campaignId} in ${tenantId}.`,
    failed: "Could not read the data from the server.",
    initiativeStatus: {
      Recorded: "Recorded",
      Applied: "Applied",
      Recognized: "Recognized",
      Rejected: "Rejected"
    },
    campaignStatuses: {
      Initial: "Not planned",
      Planned: "Planned",
      Launched: "Launched",
      Ended: "Ended",
      Reviewed: "Reviewed",
      Awarding: "Awarding",
      Closed: "Closed",
      Cancelled: "Cancelled"
    },
    locale: "en-GB"
  }
}

const stored = (() => {
  try {
    return localStorage.getItem("thidua.lang")
  } catch {
    return null
  }
})()
let lang = params.get("lang") === "en" || (params.get("lang") === null && stored === "en") ? "en" : "vi"
const t = () => text[lang]

// "120.000.000 đ" in Vietnamese, "VND 120,000,000" in English.
const vnd = (amount) =>
  lang === "vi"
    ? `${new Intl.NumberFormat("vi-VN").format(amount)} đ`
    : `VND ${new Intl.NumberFormat("en-GB").format(amount)}`
const number = (n) => new Intl.NumberFormat(t().locale, { maximumFractionDigits: 2 }).format(n)
const day = (iso) =>
  new Intl.DateTimeFormat(t().locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`)
  )

const $ = (id) => document.getElementById(id)

/** A problem+json answer, thrown as an Error that keeps the problem. */
class Problem extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`)
    this.status = status
    this.problem = problem
  }
}

const base = `/v1/tenants/${encodeURIComponent(tenantId)}`
const get = async (path) => {
  const response = await fetch(`${base}${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: "application/json" }
  })
  const body = await response.json().catch(() => undefined)
  if (!response.ok) throw new Problem(response.status, body)
  return body
}

const campaignPath = `/campaigns/${encodeURIComponent(campaignId)}`
let data
let status = { key: "connecting" }

// A table row of text cells; `header` is the cell that names the row (a <th scope="row">).
const row = (cells, { header = -1, numeric = [] } = {}) => {
  const tr = document.createElement("tr")
  cells.forEach((cell, i) => {
    const td = document.createElement(i === header ? "th" : "td")
    if (i === header) td.scope = "row"
    if (numeric.includes(i)) td.className = "num"
    td.textContent = String(cell)
    tr.append(td)
  })
  return tr
}

const empty = (columns, message) => {
  const tr = document.createElement("tr")
  const td = document.createElement("td")
  td.colSpan = columns
  td.className = "empty"
  td.textContent = message
  tr.append(td)
  return tr
}

const renderStatus = () => {
  const s = status
  const message =
    s.key === "live"
      ? t().live(new Intl.DateTimeFormat(t().locale, { timeStyle: "medium" }).format(s.at))
      : s.key === "problem"
        ? (s.problem?.messages?.[lang] ?? t().failed)
        : t()[s.key]
  $("status").textContent = message
  $("status").dataset.state = s.key
}

const render = () => {
  const tx = t()
  document.documentElement.lang = lang
  document.title = tx.documentTitle
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const value = tx[el.dataset.i18n]
    if (typeof value === "string") el.textContent = value
  }
  const button = $("lang")
  button.textContent = tx.switchTo
  button.lang = tx.switchToLang
  renderStatus()
  if (data === undefined) return

  const { campaign, scoreboard, ledger, awards } = data
  $("title").textContent = campaign.plan?.title ?? campaignId
  const open = (campaign.phases ?? []).filter((p) => p.status === "Open").map((p) => p.name)
  $("meta").textContent = [
    `${tx.campaign}: ${campaignId}`,
    `${tx.campaignStatus}: ${tx.campaignStatuses[campaign.status] ?? campaign.status}`,
    ...(open.length > 0 ? [`${tx.running}: ${open.join(", ")}`] : [])
  ].join(" · ")

  $("scoreboard-rows").replaceChildren(
    ...(scoreboard.rows.length === 0
      ? [empty(5, tx.noUnits)]
      : scoreboard.rows.map((r) =>
          row([r.rank, r.name, number(r.points), r.initiatives, r.awards], { header: 1, numeric: [0, 2, 3, 4] })
        ))
  )
  $("initiative-totals").textContent = tx.totals(ledger.totals)
  $("initiative-rows").replaceChildren(
    ...(ledger.entries.length === 0
      ? [empty(4, tx.noInitiatives)]
      : ledger.entries.map((e) =>
          row([e.title, e.unitName, vnd(e.benefitVnd), tx.initiativeStatus[e.status] ?? e.status], {
            header: 0,
            numeric: [2]
          })
        ))
  )
  $("award-rows").replaceChildren(
    ...(awards.rows.length === 0
      ? [empty(3, tx.noAwards)]
      : awards.rows.map((a) =>
          row([a.revoked ? `${a.label[lang]} (${tx.revoked})` : a.label[lang], a.recipientName, day(a.at)])
        ))
  )
}

// One read at a time; events that arrive meanwhile ask for one more read after it.
let reading = false
let again = false
const refresh = async () => {
  if (reading) {
    again = true
    return
  }
  reading = true
  $("live").setAttribute("aria-busy", "true")
  try {
    const [campaign, scoreboard, ledger, awards] = await Promise.all([
      get(campaignPath),
      get(`${campaignPath}/scoreboard`),
      get(`${campaignPath}/initiatives`),
      get(`${campaignPath}/awards`)
    ])
    data = { campaign, scoreboard, ledger, awards }
    status = { key: "live", at: new Date() }
  } catch (error) {
    status =
      error instanceof Problem && error.status === 404
        ? { key: "notFound" }
        : error instanceof Problem
          ? { key: "problem", problem: error.problem }
          : { key: "failed" }
  } finally {
    reading = false
    $("live").setAttribute("aria-busy", "false")
    render()
    if (again) {
      again = false
      schedule()
    }
  }
}

// Events come in bursts (a command appends several): read once per burst.
let timer
const schedule = () => {
  if (timer !== undefined) return
  timer = setTimeout(() => {
    timer = undefined
    refresh()
  }, 100)
}

const follow = () => {
  const query = new URLSearchParams({ stream: `campaign:${campaignId}`, access_token: token })
  const source = new EventSource(`${base}/events?${query}`)
  // Reading again on (re)connecting covers whatever happened while the page was not listening.
  source.addEventListener("open", schedule)
  for (const name of campaignEvents) source.addEventListener(name, schedule)
  source.addEventListener("error", () => {
    status = { key: "reconnecting" }
    renderStatus()
    // EventSource retries by itself after a network error, but not after an HTTP error answer.
    if (source.readyState === EventSource.CLOSED) {
      source.close()
      setTimeout(follow, 5_000)
    }
  })
}

$("lang").addEventListener("click", () => {
  lang = lang === "vi" ? "en" : "vi"
  try {
    localStorage.setItem("thidua.lang", lang)
  } catch {
    // A browser that keeps no storage still switches, for this visit.
  }
  render()
})

render()
refresh()
follow()
