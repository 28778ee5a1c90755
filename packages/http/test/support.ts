/**
 * What the tests share: an engine in memory behind a real server on a free port, a token table
 * mapping bearer tokens to principals (the tests' authentication hook), and the tenant's log read
 * through the engine (to check that a refused request changed nothing).
 */
import { createThiDua, type Engine, type ThiDua } from "@thidua/engine"
import { type Auth, Server } from "@thidua/http"

export type Principal = Engine.ExecuteOptions["principal"]

export const hanoi: Principal = { tenantId: "hanoi", organizationId: "ldld-ha-noi", role: "executive" }
export const hcm: Principal = { tenantId: "hcm", organizationId: "ldld-hcm", role: "executive" }

/** Bearer tokens to principals; `throws` is a token whose lookup fails (the host's bug). */
export const bearer =
  (tokens: ReadonlyMap<string, Principal>): Auth.Authenticate =>
  (request) => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")
    if (match?.[1] === "throws") throw new Error("secret-internal-detail: db password hunter2")
    return match === null ? undefined : tokens.get(match[1]!)
  }

export interface Running {
  readonly td: ThiDua.ThiDua
  readonly server: Server.Served
  readonly url: string
  readonly tokens: Map<string, Principal>
  readonly close: () => Promise<void>
}

export const start = async (options: Partial<Server.Options> = {}): Promise<Running> => {
  const td = await createThiDua()
  const tokens = new Map<string, Principal>([
    ["hanoi", hanoi],
    ["hcm", hcm]
  ])
  const server = await Server.serve(td, { authenticate: bearer(tokens), ...options })
  return {
    td,
    server,
    url: server.url,
    tokens,
    close: async () => {
      await server.close()
      await td.close()
    }
  }
}

/** Every event of a tenant, as the engine logs it. */
export const logOf = async (td: ThiDua.ThiDua, tenantId: string): Promise<ReadonlyArray<Engine.LoggedEvent>> => {
  const out: Array<Engine.LoggedEvent> = []
  for await (const e of td.events({ tenantId })) out.push(e)
  return out
}

export interface Answer {
  readonly status: number
  readonly type: string
  readonly etag: string | null
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field
  readonly body: any
}

const answer = async (response: Response): Promise<Answer> => {
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {}
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    etag: response.headers.get("etag"),
    body
  }
}

export const post = async (
  url: string,
  tenantId: string,
  body: unknown,
  options: { readonly token?: string; readonly headers?: Record<string, string>; readonly raw?: boolean } = {}
): Promise<Answer> =>
  answer(
    await fetch(`${url}/v1/tenants/${tenantId}/commands`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers
      },
      body: options.raw === true ? (body as string) : JSON.stringify(body)
    })
  )

export const get = async (url: string, path: string, token?: string, headers: Record<string, string> = {}) =>
  answer(
    await fetch(`${url}${path}`, {
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers }
    })
  )

const actorOf = (p: Principal) => ({ organizationId: p.organizationId, role: p.role })

/** A root federation registering itself: the first command of a tenant's directory. */
export const registerRoot = (p: Principal, commandId: string, name = "Liên đoàn Lao động thành phố Hà Nội") => ({
  _tag: "RegisterOrganization",
  commandId,
  tenantId: p.tenantId,
  actor: actorOf(p),
  at: "2020-01-02",
  organizationId: p.organizationId,
  name,
  level: "federation"
})

/** A district federation under the root, registered by the root. */
export const registerDistrict = (p: Principal, commandId: string, organizationId: string, name: string) => ({
  _tag: "RegisterOrganization",
  commandId,
  tenantId: p.tenantId,
  actor: actorOf(p),
  at: "2020-01-03",
  organizationId,
  name,
  level: "upper",
  parentId: p.organizationId
})
