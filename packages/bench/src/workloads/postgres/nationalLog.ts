/**
 * A synthetic national log, made lazily in pages of stored events: the Vietnam General
 * Confederation of Labour (Tổng Liên đoàn), 63 provincial federations, 700 district unions and
 * 130,000 grassroots unions with 11,000,000 members between them (the directory states a union's
 * members as a count, as `Participation` reads them), a national campaign that cascades down every
 * level, and a year of scoring in the district campaigns: 20,000,000 events in all.
 *
 * The split: 130,764 `OrganizationRegistered`; 130,764 `CampaignPlanned` and 117,764
 * `CampaignLaunched` (one grassroots union in ten plans without launching); 1,400 `PhaseScheduled`
 * and 1,400 `PhaseOpened`; 130,000 `ParticipantEnrolled` (each grassroots union in its district's
 * campaign); the rest, 19,487,908, scores (`ScoreAssessed`) with an `InitiativeRecorded` in twenty,
 * spread over every grassroots union in turn, so that consecutive events belong to different
 * streams, as in a live log.
 *
 * Payloads are fresh objects each time, never events this process encoded: decoding them is the
 * full validation a read from a database gets.
 */
import type { Recorded } from "@thidua/store"

export const tenantId = "vn"
export const provinces = 63
export const districts = 700
export const grassroots = 130_000
export const members = 11_000_000
export const totalEvents = 20_000_000

const organizations = 1 + provinces + districts + grassroots
const launchedGrassroots = grassroots - grassroots / 10
const campaignEvents = organizations + (1 + provinces + districts + launchedGrassroots)
const phaseEvents = districts * 4
const scoringEvents = totalEvents - organizations - campaignEvents - phaseEvents - grassroots

const day = "2025-01-02"
const period = { start: "2025-01-01", end: "2025-12-31" }
const directoryStream = `org:${tenantId}`
const pad6 = (n: number) => String(n).padStart(6, "0")
const provinceId = (p: number) => `ldld-t${pad6(p)}`
const districtId = (d: number) => `ldld-h${pad6(d)}`
const unionId = (g: number) => `cdcs-${pad6(g)}`
const provinceOf = (d: number) => d % provinces
const districtOf = (g: number) => g % districts
const campaignOf = (issuer: string) => `${issuer}-2025`

/**
 * Members of grassroots union `g`: 84 or 85 (80,000 of them 85, for 11,000,000 in all), spread by
 * up to ±59 in pairs that cancel out.
 */
export const membersOf = (g: number): number => {
  const base = g % 13 < 8 ? 85 : 84
  const spread = (g >> 1) % 60
  return g % 2 === 0 ? base - spread : base + spread
}

/** What the generator made, for the round's checks. */
export interface Totals {
  events: number
  selfPoints: number
  crossPoints: number
  initiatives: number
}

/**
 * The log, page by page: each call of the returned function gives the next page (fresh objects),
 * or `undefined` at the end. `totals` counts what was handed out.
 */
export const pages = (pageSize: number) => {
  const totals: Totals = { events: 0, selfPoints: 0, crossPoints: 0, initiatives: 0 }
  const versions = new Map<string, number>()
  let position = 0
  const recordedAt = Date.parse("2025-01-02T08:00:00Z")
  const stored = (
    streamId: string,
    version: number,
    type: string,
    data: Record<string, unknown>
  ): Recorded.RecordedEvent => {
    position++
    return {
      eventId: `e-${position}`,
      type,
      data,
      schemaVersion: 1,
      tenantId,
      streamId,
      version,
      position: String(position).padStart(20, "0") as Recorded.RecordedEvent["position"],
      recordedAt
    }
  }
  const next = (streamId: string, type: string, data: Record<string, unknown>) => {
    const version = (versions.get(streamId) ?? 0) + 1
    versions.set(streamId, version)
    return stored(streamId, version, type, data)
  }
  const registered = (organizationId: string, name: string, level: string, parentId?: string, count?: number) =>
    next(directoryStream, "OrganizationRegistered", {
      organizationId,
      name,
      level,
      ...(parentId === undefined ? {} : { parentId }),
      ...(count === undefined ? {} : { sector: "enterprise", members: count }),
      validFrom: "2020-01-01"
    })
  const planned = (issuerId: string, parent: string | undefined) =>
    next(`campaign:${campaignOf(issuerId)}`, "CampaignPlanned", {
      campaignId: campaignOf(issuerId),
      tenantId,
      issuerId,
      title: `Thi đua lao động giỏi, lao động sáng tạo 2025 (${issuerId})`,
      form: "regular",
      period,
      ...(parent === undefined ? {} : { parentCampaignId: parent }),
      sectors: [],
      titlesOffered: [],
      regime: "R2024",
      at: "2024-12-20"
    })
  const launched = (issuerId: string) => next(`campaign:${campaignOf(issuerId)}`, "CampaignLaunched", { at: day })

  // The directory, the cascade of campaigns and the enrolments: half a million events.
  function* setup(): Generator<Recorded.RecordedEvent> {
    yield registered("tld-vn", "Tổng Liên đoàn Lao động Việt Nam", "confederation")
    for (let p = 0; p < provinces; p++)
      yield registered(provinceId(p), `Liên đoàn Lao động tỉnh ${p}`, "federation", "tld-vn")
    for (let d = 0; d < districts; d++)
      yield registered(districtId(d), `Liên đoàn Lao động huyện ${d}`, "upper", provinceId(provinceOf(d)))
    for (let g = 0; g < grassroots; g++)
      yield registered(unionId(g), `Công đoàn cơ sở ${g}`, "grassroots", districtId(districtOf(g)), membersOf(g))
    yield planned("tld-vn", undefined)
    yield launched("tld-vn")
    for (let p = 0; p < provinces; p++) {
      yield planned(provinceId(p), campaignOf("tld-vn"))
      yield launched(provinceId(p))
    }
    for (let d = 0; d < districts; d++) {
      const issuer = districtId(d)
      const streamId = `campaign:${campaignOf(issuer)}`
      yield planned(issuer, campaignOf(provinceId(provinceOf(d))))
      yield launched(issuer)
      for (const [phaseId, start, end] of [
        ["dot-1", "2025-01-01", "2025-06-30"],
        ["dot-2", "2025-07-01", "2025-12-31"]
      ] as const)
        yield next(streamId, "PhaseScheduled", { phaseId, name: `Đợt ${phaseId}`, kind: "regular", start, end })
      for (const phaseId of ["dot-1", "dot-2"]) yield next(streamId, "PhaseOpened", { phaseId, at: day })
    }
    for (let g = 0; g < grassroots; g++) {
      yield planned(unionId(g), campaignOf(districtId(districtOf(g))))
      if (g % 10 !== 9) yield launched(unionId(g))
    }
    for (let g = 0; g < grassroots; g++)
      yield next(`campaign:${campaignOf(districtId(districtOf(g)))}`, "ParticipantEnrolled", {
        unitId: unionId(g),
        sector: "enterprise",
        at: day
      })
  }

  // The scores, the bulk of the log, made by a plain loop over ids made once: the making of the
  // events is to stand in for a database's read, not to outweigh the fold.
  const unions = Array.from({ length: grassroots }, (_, g) => unionId(g))
  const districtIds = Array.from({ length: districts }, (_, d) => districtId(d))
  const districtStreams = districtIds.map((id) => `campaign:${campaignOf(id)}`)
  const districtVersions = new Int32Array(districts)
  let scored = 0
  const score = (page: Array<Recorded.RecordedEvent>, n: number) => {
    if (scored === 0) for (let d = 0; d < districts; d++) districtVersions[d] = versions.get(districtStreams[d]!) ?? 0
    const end = Math.min(scoringEvents, scored + n)
    for (let k = scored; k < end; k++) {
      // 7,919 is prime to 130,000: every union comes round once in 130,000 events, in a scattered order.
      const g = (k * 7_919) % grassroots
      const d = g % districts
      const unitId = unions[g]!
      const version = ++districtVersions[d]!
      const phaseId = k % 2 === 0 ? "dot-1" : "dot-2"
      if (k % 20 === 19) {
        totals.initiatives++
        page.push(
          stored(districtStreams[d]!, version, "InitiativeRecorded", {
            initiativeId: `sk-${k}`,
            phaseId,
            unitId,
            kind: "initiative",
            title: "Cải tiến quy trình sản xuất",
            benefitVnd: (k % 50) * 1_000_000,
            at: "2025-03-01"
          })
        )
      } else {
        const points = k % 13
        const cross = k % 3 === 0
        if (cross) totals.crossPoints += points
        else totals.selfPoints += points
        page.push(
          stored(districtStreams[d]!, version, "ScoreAssessed", {
            unitId,
            phaseId,
            contentId: "nd-1",
            points,
            kind: cross ? "cross" : "self",
            assessorId: cross ? districtIds[d]! : unitId,
            at: "2025-06-01"
          })
        )
      }
    }
    scored = end
  }

  const first = setup()
  const page = (): Array<Recorded.RecordedEvent> | undefined => {
    const out: Array<Recorded.RecordedEvent> = []
    while (out.length < pageSize) {
      const n = first.next()
      if (n.done === true) break
      out.push(n.value)
    }
    if (out.length < pageSize) score(out, pageSize - out.length)
    totals.events += out.length
    return out.length === 0 ? undefined : out
  }
  return { next: page, totals }
}

/** The national campaign. */
export const nationalCampaign = campaignOf("tld-vn")
