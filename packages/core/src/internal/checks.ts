/**
 * The checks the schemas of commands and events share: text a database can store, within the
 * limit of its kind, and arrays within theirs (`Limits`). Each check carries its test as a plain
 * predicate (annotation "thidua/holds", run by the compiled validators) and its Vietnamese message
 * (annotation "thidua/vi", read by the decode errors). Tests hold each predicate to its check.
 *
 * @internal
 */
import { Schema, SchemaIssue } from "effect"
import * as Limits from "../Limits.js"

// Each limit by its name, for the messages that name it.
const limits: { readonly [L in Limits.TextLimit | Limits.ArrayLimit]: number } = {
  nameLength: Limits.nameLength,
  textLength: Limits.textLength,
  sectors: Limits.sectors,
  contentsPerSector: Limits.contentsPerSector,
  titlesOffered: Limits.titlesOffered,
  pledgeSigners: Limits.pledgeSigners,
  pledgeTargets: Limits.pledgeTargets,
  clusterMembers: Limits.clusterMembers,
  publishedNominations: Limits.publishedNominations,
  nominationInitiatives: Limits.nominationInitiatives,
  deadlineSubjects: Limits.deadlineSubjects
}

/**
 * The index of the first UTF-16 code unit PostgreSQL cannot store, or -1: a NUL (`text` and
 * `jsonb` refuse it) or a lone surrogate (`jsonb` refuses it, and the encoder of a client turns
 * it into U+FFFD, so what is read back is not what was written). A char-code loop: it runs on
 * every text of every event read.
 *
 * @internal
 */
export const unstorableAt = (s: string): number => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0) return i
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate followed by a low one is a pair: one character outside the BMP.
      if (c <= 0xdbff) {
        const next = s.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++
          continue
        }
      }
      return i
    }
  }
  return -1
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`

const isStorable = (u: unknown): boolean => typeof u === "string" && unstorableAt(u) < 0

/**
 * Text PostgreSQL can store: no NUL, no lone surrogate. Text longer than `max` is left to the
 * length check, which refuses it: a huge text is not scanned to say one thing more about it.
 *
 * @internal
 */
export const storable = (max: number) =>
  Schema.makeFilter<string>(
    (s) => {
      if (s.length > max) return undefined
      const i = unstorableAt(s)
      if (i < 0) return undefined
      const c = s.charCodeAt(i)
      const what =
        c === 0
          ? { en: "a NUL character (U+0000)", vi: "ký tự NUL (U+0000)" }
          : { en: `a lone surrogate (${hex(c)})`, vi: `nửa cặp surrogate UTF-16 đứng lẻ (${hex(c)})` }
      return new SchemaIssue.InvalidValue({
        message: `Expected text a database can store, got ${what.en} at index ${i}`,
        "thidua/vi": `chứa ${what.vi} ở vị trí ${i}, không lưu được vào cơ sở dữ liệu`
      })
    },
    {
      expected: "text without NUL characters or lone surrogates",
      "thidua/holds": (u: unknown) => typeof u === "string" && (u.length > max || isStorable(u))
    }
  )

const nonEmpty = Schema.isMinLength(1, {
  "thidua/vi": "không được để trống",
  "thidua/holds": (u: unknown) => typeof u === "string" && u.length > 0
})

const maxLength = (limit: Limits.TextLimit) => {
  const max = limits[limit]
  return Schema.isMaxLength(max, {
    expected: `at most ${max} characters (Limits.${limit})`,
    message: `Expected at most ${max} characters (Limits.${limit})`,
    "thidua/vi": `dài quá giới hạn Limits.${limit}: tối đa ${max} ký tự`,
    "thidua/holds": (u: unknown) => typeof u === "string" && u.length <= max
  })
}

/**
 * Non-empty text within a limit that a database can store. The three checks are one group with
 * one predicate, so the compiled validators test a text with one call; the full decoder runs each
 * check and says which one failed.
 *
 * @internal
 */
export const text = (limit: Limits.TextLimit) => {
  const max = limits[limit]
  return Schema.String.check(
    Schema.makeFilterGroup([nonEmpty, maxLength(limit), storable(max)], {
      "thidua/holds": (u: unknown) => typeof u === "string" && u.length > 0 && u.length <= max && unstorableAt(u) < 0
    })
  )
}

/**
 * At most the limit's number of items.
 *
 * @internal
 */
export const maxItems = (limit: Limits.ArrayLimit) => {
  const max = limits[limit]
  return Schema.isMaxLength(max, {
    expected: `at most ${max} items (Limits.${limit})`,
    message: `Expected at most ${max} items (Limits.${limit})`,
    "thidua/vi": `có quá nhiều phần tử: tối đa ${max} (giới hạn Limits.${limit})`,
    "thidua/holds": (u: unknown) => Array.isArray(u) && u.length <= max
  })
}

const allDifferent = (u: unknown): boolean => Array.isArray(u) && new Set(u).size === u.length

/**
 * No id twice. `Schema.isUnique` compares every pair (with `Equal`): quadratic in the array, which
 * a command may fill up to its limit. Ids are strings, so a `Set` answers the same in one pass.
 *
 * @internal
 */
export const uniqueIds = Schema.makeFilter<ReadonlyArray<string>>(
  (ids) =>
    allDifferent(ids) ||
    new SchemaIssue.InvalidValue({
      message: "Expected an array with unique items",
      "thidua/vi": "có phần tử trùng nhau"
    }),
  {
    expected: "an array with unique items",
    // Ids are strings, so JSON Schema's `uniqueItems` says exactly the same.
    toJsonSchema: () => ({ uniqueItems: true }),
    "thidua/holds": allDifferent
  }
)
