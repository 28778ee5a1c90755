/**
 * What the example's tests share: the seed's names, and commands sent over HTTP the way a client
 * would, with a token from the example's table.
 */
import { Seeds } from "@thidua/testing"

export const tenantId = Seeds.hoangMai2020.tenantId
export const campaignId = "hoang-mai-2020"
export const trungThanh = "cdcs-trung-thanh"
export const ubndQuan = "cdcs-co-quan-ubnd-hoang-mai"
export const hoangMai = "ldld-hoang-mai"

export interface Answer {
  readonly status: number
  readonly type: string
  readonly etag: string | null
  // biome-ignore lint/suspicious/noExplicitAny: JSON read from the wire, checked by the tests
  readonly body: any
}

const answer = async (response: Response): Promise<Answer> => {
  const raw = await response.text()
  let body: unknown = raw
  try {
    body = JSON.parse(raw)
  } catch {
    // Not JSON: the test looks at the text.
  }
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    etag: response.headers.get("etag"),
    body
  }
}

/** POSTs a command to the commands route, with a bearer token unless `token` is undefined. */
export const send = async (
  url: string,
  token: string | undefined,
  command: object,
  options: { readonly query?: string } = {}
): Promise<Answer> =>
  answer(
    await fetch(`${url}/v1/tenants/${tenantId}/commands${options.query ?? ""}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token !== undefined ? { authorization: `Bearer ${token}` } : {})
      },
      body: JSON.stringify(command)
    })
  )

/** GETs a path of the tenant's API. */
export const read = async (url: string, token: string | undefined, path: string): Promise<Answer> =>
  answer(
    await fetch(`${url}/v1/tenants/${tenantId}${path}`, {
      headers: token !== undefined ? { authorization: `Bearer ${token}` } : {}
    })
  )

const actor = (organizationId: string, role: "executive" | "council" | "officer") => ({ organizationId, role })

let n = 0
const id = (what: string) => `example-test-${what}-${++n}-${Date.now()}`

/** Hoàng Mai's officers cross-assess a unit on a content of Đợt 2 (open in the seed as loaded). */
export const crossAssess = (unitId: string, contentId: string, points: number) => ({
  _tag: "AssessScore",
  commandId: id("assess"),
  tenantId,
  campaignId,
  actor: actor(hoangMai, "officer"),
  at: "2020-12-22",
  unitId,
  phaseId: "dot-2",
  contentId,
  points,
  kind: "cross"
})

/** The unit's officer records an initiative in Đợt 2. */
export const recordInitiative = (initiativeId: string, title: string, benefitVnd: number) => ({
  _tag: "RecordInitiative",
  commandId: id("record"),
  tenantId,
  campaignId,
  actor: actor(ubndQuan, "officer"),
  at: "2020-12-22",
  initiativeId,
  phaseId: "dot-2",
  unitId: ubndQuan,
  kind: "initiative",
  title,
  benefitVnd
})

export const applyInitiative = (initiativeId: string) => ({
  _tag: "ApplyInitiative",
  commandId: id("apply"),
  tenantId,
  campaignId,
  actor: actor(ubndQuan, "officer"),
  at: "2020-12-23",
  initiativeId
})

export const recognizeInitiative = (initiativeId: string) => ({
  _tag: "RecognizeInitiative",
  commandId: id("recognize"),
  tenantId,
  campaignId,
  actor: actor(ubndQuan, "executive"),
  at: "2020-12-24",
  initiativeId,
  level: "unit"
})
