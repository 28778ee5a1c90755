import { describe, expect, it } from "@effect/vitest"
import { Arbitraries } from "@thidua/testing"
import { Result, Schema, type SchemaAST } from "effect"
import fc from "fast-check"
import { Command, Event, Ids, Limits, LocalDate, Upcast } from "../src/index.js"
import { maxItemsOf } from "../src/internal/validator.js"
import { get, type Path, print, setAt, stringPlaces } from "./paths.js"

// What decoding guarantees at the edge: text a database can store, the documented limits, and a
// command that is a fresh object of the input's own fields.

const failure = <E>(r: Result.Result<unknown, E>): E => {
  if (Result.isSuccess(r)) throw new Error("expected a failure, got a success")
  return r.failure
}
const payloadOf = (event: Event.DomainEvent) => {
  const { _tag, ...payload } = event
  return { type: _tag, payload }
}
const decodeEvent = (type: string, payload: unknown) =>
  Upcast.decode(type, Event.versions[type as Event.EventType], payload)

// Text PostgreSQL cannot store: a NUL, and surrogates that are not half of a pair.
const unstorable = fc.constantFrom("\u0000", "\ud800", "\udbff", "\udc00", "\udfff")
const spoil = (s: string, bad: string, at: number) => {
  const i = at % (s.length + 1)
  return s.slice(0, i) + bad + s.slice(i)
}

describe("text a database cannot store is refused at decode, naming the field", () => {
  it("a NUL or a lone surrogate in any string of any command", () =>
    fc.assert(
      fc.property(Arbitraries.domainCommand, fc.nat(), unstorable, fc.nat(), (command, pick, bad, at) => {
        const strings = stringPlaces(command)
        const place = strings[pick % strings.length]!
        const error = failure(Command.decode(setAt(command, place.path, spoil(place.value, bad, at))))
        expect(error.path).toBe(print(place.path))
      }),
      { numRuns: 3000 }
    ))

  it("a NUL or a lone surrogate in any string of any event, through Upcast.decode", () =>
    fc.assert(
      fc.property(Arbitraries.domainEvent, fc.nat(), unstorable, fc.nat(), (event, pick, bad, at) => {
        const { type, payload } = payloadOf(event)
        const strings = stringPlaces(payload)
        if (strings.length === 0) return
        const place = strings[pick % strings.length]!
        const error = failure(decodeEvent(type, setAt(payload, place.path, spoil(place.value, bad, at))))
        expect(error._tag).toBe("EventDecodeError")
        expect(error.path).toBe(print(place.path))
      }),
      { numRuns: 3000 }
    ))

  const plan = {
    _tag: "PlanCampaign",
    commandId: "cmd-1",
    tenantId: "hanoi",
    actor: { organizationId: "ldld-hoang-mai", role: "executive" },
    at: "2019-12-20",
    campaignId: "hoang-mai-2020",
    issuerId: "ldld-hoang-mai",
    title: "Phong trào thi đua năm 2020",
    form: "regular",
    period: { start: "2020-01-01", end: "2020-12-31" },
    sectors: [
      {
        sector: "enterprise",
        contents: [
          { contentId: "nd-1", title: "Năng suất, chất lượng" },
          { contentId: "nd-2", title: "Sáng kiến cải tiến" }
        ]
      }
    ],
    titlesOffered: []
  }

  it.each([
    ["\u0000", "a NUL character (U+0000) at index 6", "ký tự NUL (U+0000) ở vị trí 6"],
    ["\ud800", "a lone surrogate (U+D800) at index 6", "nửa cặp surrogate UTF-16 đứng lẻ (U+D800) ở vị trí 6"],
    ["\udc00", "a lone surrogate (U+DC00) at index 6", "nửa cặp surrogate UTF-16 đứng lẻ (U+DC00) ở vị trí 6"]
  ])("sectors[0].contents[1].title holding %j is refused in both languages", (bad, en, vi) => {
    const error = failure(Command.decode(setAt(plan, ["sectors", 0, "contents", 1, "title"], `Sáng k${bad}iến`)))
    expect(error.path).toBe("sectors[0].contents[1].title")
    expect(error.message).toBe(`sectors[0].contents[1].title: Expected text a database can store, got ${en}`)
    expect(error.messages.vi).toBe(
      `Lệnh không hợp lệ: trường sectors[0].contents[1].title chứa ${vi}, không lưu được vào cơ sở dữ liệu`
    )
  })

  it("characters outside the BMP (a surrogate pair) and Vietnamese are text like any other", () => {
    const title = "Thi đua 𠀀 😀 Hoàng Mai"
    const decoded = Result.getOrThrow(Command.decode(setAt(plan, ["sectors", 0, "contents", 1, "title"], title)))
    expect(decoded._tag === "PlanCampaign" && decoded.sectors[0]?.contents[1]?.title).toBe(title)
  })

  // Ids and dates have patterns; these hold them to refusing what a key must never hold.
  it.each(["\u0000", "\ud800", "\udc00", "/", " ", "\t", "\n", "\u007f", "\u0085", "\u00a0", "\u2028", "é"])(
    "ids and dates refuse %j",
    (c) => {
      for (const s of [`a${c}b`, `ab${c}`, c]) expect(Schema.is(Ids.OrganizationId)(s)).toBe(false)
      for (const s of [`2020-01-0${c}`, `2020${c}01-01`, `2020-01-01${c}`])
        expect(Schema.is(LocalDate.LocalDate)(s)).toBe(false)
      const isId = (s: string) => Result.isSuccess(Command.decode({ ...plan, campaignId: s }))
      const isDate = (s: string) => Result.isSuccess(Command.decode({ ...plan, at: s }))
      for (const s of [`a${c}b`, `ab${c}`, c]) expect(isId(s)).toBe(false)
      for (const s of [`2020-01-0${c}`, `2020${c}01-01`, `2020-01-01${c}`]) expect(isDate(s)).toBe(false)
      expect(isId("ab")).toBe(true)
      expect(isDate("2020-01-01")).toBe(true)
    }
  )
})

// ---------------------------------------------------------------------------------------------
// limits
// ---------------------------------------------------------------------------------------------

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`)
const base = {
  commandId: "cmd-1",
  tenantId: "hanoi",
  actor: { organizationId: "ldld-hoang-mai", role: "executive" },
  at: "2020-03-01"
}
const onCampaign = { ...base, campaignId: "hoang-mai-2020" }
const period = { start: "2020-01-01", end: "2020-12-31" }
const planWith = (sectors: unknown, titlesOffered: unknown = []) => ({
  _tag: "PlanCampaign",
  ...onCampaign,
  issuerId: "ldld-hoang-mai",
  title: "Phong trào",
  form: "regular",
  period,
  sectors,
  titlesOffered
})
const contents = (n: number) => ids("nd", n).map((contentId) => ({ contentId, title: "Nội dung" }))
const pledgeWith = (signerIds: unknown, targets: unknown) => ({
  _tag: "SignPledge",
  ...onCampaign,
  pledgeId: "gu-1",
  kind: "covenant",
  signerIds,
  targets
})
const targets = (n: number) => Array.from({ length: n }, () => ({ description: "Hoàn thành kế hoạch" }))

// Each array limit: a command with exactly the limit's number of items, and the path to it.
const arrayLimits: ReadonlyArray<readonly [Limits.ArrayLimit, string, (n: number) => unknown]> = [
  ["sectors", "sectors", (n) => planWith(Array.from({ length: n }, () => ({ sector: "enterprise", contents: [] })))],
  ["contentsPerSector", "sectors[0].contents", (n) => planWith([{ sector: "enterprise", contents: contents(n) }])],
  [
    "titlesOffered",
    "titlesOffered",
    (n) =>
      planWith(
        [],
        Array.from({ length: n }, () => "lao-dong-tien-tien")
      )
  ],
  ["pledgeSigners", "signerIds", (n) => pledgeWith(ids("cdcs", n), [])],
  ["pledgeTargets", "targets", (n) => pledgeWith(["cdcs-1"], targets(n))],
  [
    "clusterMembers",
    "memberIds",
    (n) => ({
      _tag: "FormCluster",
      ...base,
      clusterId: "cum-1",
      name: "Cụm thi đua số 1",
      kind: "cluster",
      year: 2020,
      memberIds: ids("cdcs", n)
    })
  ],
  [
    "publishedNominations",
    "nominationIds",
    (n) => ({ _tag: "PublishNominees", ...onCampaign, nominationIds: ids("dn", n), period })
  ],
  [
    "nominationInitiatives",
    "initiativeIds",
    (n) => ({
      _tag: "ProposeNomination",
      ...onCampaign,
      nominationId: "dn-1",
      subject: { _tag: "Unit", organizationId: "cdcs-1" },
      awardKind: "lao-dong-tien-tien",
      basis: "campaign",
      period,
      initiativeIds: ids("sk", n)
    })
  ]
]

// Each text limit: a command whose field holds a text of a given length.
const textLimits: ReadonlyArray<readonly [Limits.TextLimit, string, (s: string) => unknown]> = [
  [
    "nameLength",
    "name",
    (name) => ({ _tag: "SchedulePhase", ...onCampaign, phaseId: "dot-1", name, kind: "regular", period })
  ],
  ["nameLength", "title", (title) => ({ ...planWith([]), title })],
  [
    "nameLength",
    "sectors[0].contents[0].title",
    (title) => planWith([{ sector: "enterprise", contents: [{ contentId: "nd-1", title }] }])
  ],
  ["textLength", "reason", (reason) => ({ _tag: "CancelCampaign", ...onCampaign, reason })],
  ["textLength", "targets[0].description", (description) => pledgeWith(["cdcs-1"], [{ description }])]
]

const plain = (u: unknown) => JSON.parse(JSON.stringify(u)) as unknown

describe("the limits of commands", () => {
  it.each(arrayLimits)(
    "%s: %s holds up to the limit, and one more is refused naming the limit",
    (limit, path, make) => {
      const max = Limits[limit]
      expect(Result.isSuccess(Command.decode(plain(make(max))))).toBe(true)
      const error = failure(Command.decode(plain(make(max + 1))))
      expect(error.path).toBe(path)
      expect(error.message).toBe(`${path}: Expected at most ${max} items (Limits.${limit})`)
      expect(error.messages.vi).toBe(
        `Lệnh không hợp lệ: trường ${path} có quá nhiều phần tử: tối đa ${max} (giới hạn Limits.${limit})`
      )
    }
  )

  it.each(textLimits)("%s: %s holds up to the limit, and one more is refused naming the limit", (limit, path, make) => {
    const max = Limits[limit]
    expect(Result.isSuccess(Command.decode(make("đ".repeat(max))))).toBe(true)
    const error = failure(Command.decode(make("đ".repeat(max + 1))))
    expect(error.path).toBe(path)
    expect(error.message).toBe(`${path}: Expected at most ${max} characters (Limits.${limit})`)
    expect(error.messages.vi).toBe(
      `Lệnh không hợp lệ: trường ${path} dài quá giới hạn Limits.${limit}: tối đa ${max} ký tự`
    )
  })

  it("a command far over a limit is refused at once, without reading every item", () => {
    const huge = plain(planWith([{ sector: "enterprise", contents: contents(60_000) }]))
    const started = performance.now()
    expect(failure(Command.decode(huge)).path).toBe("sectors[0].contents")
    expect(performance.now() - started).toBeLessThan(200)
  })
})

describe("the limits of events, through Upcast.decode", () => {
  // The event each limited command leads to, with the path of its array.
  const planned = (sectors: unknown, titlesOffered: unknown = []) => ({
    campaignId: "hoang-mai-2020",
    tenantId: "hanoi",
    issuerId: "ldld-hoang-mai",
    title: "Phong trào",
    form: "regular",
    period,
    sectors,
    titlesOffered,
    regime: "R2024",
    at: "2020-01-01"
  })
  const signed = (signerIds: unknown, targets: unknown) => ({
    pledgeId: "gu-1",
    kind: "covenant",
    signerIds,
    targets,
    period,
    at: "2020-01-01"
  })
  const events: ReadonlyArray<readonly [Limits.ArrayLimit, string, string, (n: number) => unknown]> = [
    [
      "sectors",
      "CampaignPlanned",
      "sectors",
      (n) => planned(Array.from({ length: n }, () => ({ sector: "enterprise", contents: [] })))
    ],
    [
      "contentsPerSector",
      "CampaignPlanned",
      "sectors[0].contents",
      (n) => planned([{ sector: "enterprise", contents: contents(n) }])
    ],
    [
      "titlesOffered",
      "CampaignPlanned",
      "titlesOffered",
      (n) =>
        planned(
          [],
          Array.from({ length: n }, () => "lao-dong-tien-tien")
        )
    ],
    ["pledgeSigners", "PledgeSigned", "signerIds", (n) => signed(ids("cdcs", n), [])],
    ["pledgeTargets", "PledgeSigned", "targets", (n) => signed(["cdcs-1"], targets(n))],
    [
      "clusterMembers",
      "ClusterFormed",
      "memberIds",
      (n) => ({
        clusterId: "cum-1",
        name: "Cụm 1",
        kind: "cluster",
        organizerId: "ldld-hoang-mai",
        year: 2020,
        memberIds: ids("cdcs", n)
      })
    ],
    [
      "publishedNominations",
      "NomineesPublished",
      "nominationIds",
      (n) => ({ nominationIds: ids("dn", n), from: "2020-01-01", to: "2020-01-31" })
    ],
    [
      "nominationInitiatives",
      "NominationProposed",
      "initiativeIds",
      (n) => ({
        nominationId: "dn-1",
        subject: { _tag: "Unit", organizationId: "cdcs-1" },
        awardKind: "lao-dong-tien-tien",
        basis: "campaign",
        period,
        proposedById: "ldld-hoang-mai",
        initiativeIds: ids("sk", n),
        at: "2020-01-01"
      })
    ],
    [
      "deadlineSubjects",
      "DeadlineMissed",
      "subjects",
      (n) => ({
        deadline: "registration",
        dueAt: "2020-02-01T17:00:00.000Z",
        subjects: ids("cdcs", n),
        reason: "units have not registered"
      })
    ]
  ]

  it.each(events)("%s: %s.%s holds up to the limit, and one more is refused", (limit, type, path, make) => {
    const max = Limits[limit]
    expect(Result.isSuccess(decodeEvent(type, plain(make(max))))).toBe(true)
    const error = failure(decodeEvent(type, plain(make(max + 1))))
    expect(error.path).toBe(path)
    expect(error.message).toBe(`${path}: Expected at most ${max} items (Limits.${limit})`)
    expect(error.messages.vi).toContain(`trường ${path} có quá nhiều phần tử: tối đa ${max} (giới hạn Limits.${limit})`)
  })

  it("a text over its limit in an event is refused", () => {
    const error = failure(
      decodeEvent("CampaignCancelled", { reason: "x".repeat(Limits.textLength + 1), at: "2020-01-01" })
    )
    expect(error.path).toBe("reason")
    expect(error.message).toContain("Limits.textLength")
  })
})

// Every array and every text of every command and event is bounded: a new field without a limit
// fails here, not in production.
describe("nothing is unbounded", () => {
  const visit = (ast: SchemaAST.AST, path: Path, out: Array<string>, seen: Set<SchemaAST.AST>): void => {
    if (seen.has(ast)) return
    seen.add(ast)
    switch (ast._tag) {
      case "Objects":
        for (const ps of ast.propertySignatures) visit(ps.type, [...path, String(ps.name)], out, seen)
        return
      case "Union":
        for (const t of ast.types) visit(t, path, out, seen)
        return
      case "Arrays":
        if (maxItemsOf(ast) === undefined) out.push(`${print(path)}: an array without a limit`)
        for (const e of [...ast.elements, ...ast.rest]) visit(e, [...path, 0], out, seen)
        return
      case "String": {
        // Bounded by a pattern (ids, dates: anchored, of bounded length) or by a text limit.
        const text = JSON.stringify(
          (ast.checks ?? [])
            .flatMap((c) => (c._tag === "FilterGroup" ? c.checks : [c]))
            .map((c) => c.annotations?.representation)
        )
        if (!text.includes("isPattern") && !text.includes("isMaxLength"))
          out.push(`${print(path)}: a string without a limit`)
        return
      }
      default:
        return
    }
  }
  const unbounded = (schemas: Record<string, { readonly ast: SchemaAST.AST }>) => {
    const out: Array<string> = []
    for (const [tag, schema] of Object.entries(schemas)) visit(schema.ast, [tag], out, new Set())
    return out
  }

  it("in commands", () => expect(unbounded(Command.schemas as never)).toEqual([]))
  it("in events", () => expect(unbounded(Event.schemas as never)).toEqual([]))
  it("ids and dates are anchored patterns of bounded length", () => {
    expect(Schema.is(Ids.CampaignId)("a".repeat(64))).toBe(true)
    expect(Schema.is(Ids.CampaignId)("a".repeat(65))).toBe(false)
    expect(Schema.is(LocalDate.LocalDate)("2020-01-011")).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// Command.decode returns a fresh object of own fields
// ---------------------------------------------------------------------------------------------

const objectsOf = (u: unknown, out = new Set<object>()): Set<object> => {
  if (typeof u === "object" && u !== null) {
    out.add(u)
    for (const v of Object.values(u)) objectsOf(v, out)
  }
  return out
}

describe("Command.decode returns a fresh plain object built from the input's own fields", () => {
  const open = {
    _tag: "OpenPhase",
    ...onCampaign,
    phaseId: "dot-1"
  }

  it("a valid command decodes to an equal object that shares nothing with the input", () =>
    fc.assert(
      fc.property(Arbitraries.domainCommand, (command) => {
        const input = structuredClone(command)
        const decoded = Result.getOrThrow(Command.decode(input))
        expect(decoded).toEqual(command)
        const shared = [...objectsOf(decoded)].filter((o) => objectsOf(input).has(o))
        expect(shared).toEqual([])
        for (const o of objectsOf(decoded))
          expect(Object.getPrototypeOf(o)).toBe(Array.isArray(o) ? Array.prototype : Object.prototype)
        // Changing the input afterwards changes nothing decoded.
        for (const o of objectsOf(input))
          if (Array.isArray(o)) o.length = 0
          else for (const k of Object.keys(o)) (o as Record<string, unknown>)[k] = "changed"
        expect(decoded).toEqual(command)
      }),
      { numRuns: 1000 }
    ))

  it("an object whose prototype carries the fields is refused", () => {
    const error = failure(Command.decode(Object.create(open)))
    expect(error.path).toBe("")
    expect(error.message).toMatch(/plain JSON data/)
  })

  it("a nested object whose prototype carries the fields is refused, at its path", () => {
    const actor = Object.create({ organizationId: "ldld-hoang-mai", role: "executive" })
    expect(failure(Command.decode({ ...open, actor })).path).toBe("actor")
  })

  it("an optional field carried by a prototype is never decoded", () => {
    const input = Object.assign(Object.create({ theme: "kế thừa" }), planWith([]))
    const r = Command.decode(input)
    expect(Result.isFailure(r) || !Object.hasOwn(r.success, "theme")).toBe(true)
    expect(Result.isFailure(r)).toBe(true)
  })

  it("a field inherited from a polluted Object.prototype is never decoded", () => {
    const input = plain(planWith([]))
    const proto = Object.prototype as Record<string, unknown>
    const decodePolluted = () => {
      proto.theme = "polluted"
      try {
        return Command.decode(input)
      } finally {
        delete proto.theme
      }
    }
    const r = decodePolluted()
    expect(Result.isFailure(r) || !Object.hasOwn(r.success, "theme")).toBe(true)
    expect(Result.isFailure(r) && r.failure.path).toBe("theme")
  })

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])("a key %s is refused, at its path", (key) => {
    for (const [at, where] of [
      [/^\{/, ""],
      [/"actor":\{/, "actor."],
      [/"period":\{/, "period."]
    ] as const) {
      // JSON.parse makes `__proto__` an own key, as it arrives from the wire.
      const json = JSON.stringify(planWith([])).replace(at, (m) => `${m}"${key}":{"organizationId":"x"},`)
      const error = failure(Command.decode(JSON.parse(json)))
      expect(error.path).toBe(`${where}${key}`)
      expect(error.message).toBe(`${where}${key}: Expected no excess property`)
    }
  })

  it("a class instance with the fields of its own decodes to a plain object", () => {
    class Input {
      constructor(readonly fields: object) {
        Object.assign(this, fields)
      }
    }
    const input = new Input(open) as unknown as Record<string, unknown>
    delete input.fields
    const decoded = Result.getOrThrow(Command.decode(input))
    expect(decoded).toEqual(open)
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype)
  })

  it("a hidden field, an array with a named property, or a getter that throws is refused, never thrown", () => {
    const hidden = { ...open }
    Object.defineProperty(hidden, "phaseId", { value: "dot-1", enumerable: false })
    expect(failure(Command.decode(hidden)).path).toBe("phaseId")

    const signers = Object.assign(["cdcs-1"], { extra: 1 })
    expect(Result.isFailure(Command.decode(pledgeWith(signers, [])))).toBe(true)

    const throwing = { ...open }
    Object.defineProperty(throwing, "phaseId", {
      enumerable: true,
      get: () => {
        throw new Error("boom")
      }
    })
    expect(failure(Command.decode(throwing)).message).toMatch(/boom/)
  })

  it("a getter is read once, and the decoded command holds the value it gave", () => {
    let reads = 0
    const input = { ...open }
    Object.defineProperty(input, "phaseId", {
      enumerable: true,
      get: () => (++reads === 1 ? "dot-1" : "bad id")
    })
    const decoded = Result.getOrThrow(Command.decode(input))
    expect(decoded._tag === "OpenPhase" && decoded.phaseId).toBe("dot-1")
    expect(Object.getOwnPropertyDescriptor(decoded, "phaseId")?.get).toBeUndefined()
    expect(get(decoded, ["phaseId"])).toBe("dot-1")
  })
})
