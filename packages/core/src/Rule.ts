/**
 * Every rule of the library, by id. A rule is one value (see `rules/define.ts`): its id, its source
 * in law or practice, its statement and messages in Vietnamese and English, the details it reports,
 * the rulebook parameters it reads and its guards. Its file is `rules/<family>/<ID>.ts`, its tests
 * `test/rules/<ID>.test.ts`, its line in docs/concepts/domain.md and campaign-lifecycle.md is
 * anchored `rule-<id>`: one search for the id finds them all.
 *
 * @since 0.3.0
 */

import { A1 } from "./rules/authority/A1.js"
import { A2 } from "./rules/authority/A2.js"
import { A3 } from "./rules/authority/A3.js"
import { A4 } from "./rules/authority/A4.js"
import { AWARD_SUBJECT } from "./rules/award/AWARD-SUBJECT.js"
import { E2 } from "./rules/award/E2.js"
import { K1 } from "./rules/award/K1.js"
import { K2 } from "./rules/award/K2.js"
import { K3 } from "./rules/award/K3.js"
import { K4 } from "./rules/award/K4.js"
import { K5 } from "./rules/award/K5.js"
import { K6 } from "./rules/award/K6.js"
import { T1 } from "./rules/award/T1.js"
import { T2 } from "./rules/award/T2.js"
import { T3 } from "./rules/award/T3.js"
import { T4 } from "./rules/award/T4.js"
import { T5 } from "./rules/award/T5.js"
import { T6 } from "./rules/award/T6.js"
import { T7 } from "./rules/award/T7.js"
import { U1 } from "./rules/award/U1.js"
import { U3 } from "./rules/award/U3.js"
import { U4 } from "./rules/award/U4.js"
import { U5 } from "./rules/award/U5.js"
import { U6 } from "./rules/award/U6.js"
import { V1 } from "./rules/award/V1.js"
import { V2 } from "./rules/award/V2.js"
import { X1 } from "./rules/award/X1.js"
import { C1 } from "./rules/campaign/C1.js"
import { C2 } from "./rules/campaign/C2.js"
import { C3 } from "./rules/campaign/C3.js"
import { C4 } from "./rules/campaign/C4.js"
import { C5 } from "./rules/campaign/C5.js"
import { C6 } from "./rules/campaign/C6.js"
import { C7 } from "./rules/campaign/C7.js"
import { C8 } from "./rules/campaign/C8.js"
import type { Any } from "./rules/define.js"
import { D1 } from "./rules/directory/D1.js"
import { D2 } from "./rules/directory/D2.js"
import { E1 } from "./rules/directory/E1.js"
import { AUTH_ACTOR } from "./rules/engineering/AUTH-ACTOR.js"
import { AUTH_ROLE } from "./rules/engineering/AUTH-ROLE.js"
import { AUTH_SEAT } from "./rules/engineering/AUTH-SEAT.js"
import { AUTH_SUBTREE } from "./rules/engineering/AUTH-SUBTREE.js"
import { AUTH_TENANT } from "./rules/engineering/AUTH-TENANT.js"
import { LIFECYCLE } from "./rules/engineering/LIFECYCLE.js"
import { REF_EXISTS } from "./rules/engineering/REF-EXISTS.js"
import { REF_MISSING } from "./rules/engineering/REF-MISSING.js"
import { I1 } from "./rules/initiative/I1.js"
import { I2 } from "./rules/initiative/I2.js"
import { I3 } from "./rules/initiative/I3.js"
import { G1 } from "./rules/registration/G1.js"
import { G2 } from "./rules/registration/G2.js"
import { G3 } from "./rules/registration/G3.js"
import { G4 } from "./rules/registration/G4.js"
import { G5 } from "./rules/registration/G5.js"

export type {
  /** @since 0.3.0 */
  Any,
  /** @since 0.3.0 */
  Check,
  /** @since 0.3.0 */
  Family,
  /** @since 0.3.0 */
  Rule,
  /** @since 0.3.0 */
  Spec,
  /** @since 0.3.0 */
  Tag
} from "./rules/define.js"
export {
  /** @since 0.3.0 */
  define,
  /** @since 0.3.0 */
  pass
} from "./rules/define.js"

/**
 * Every rule, by id.
 *
 * @example
 * ```ts
 * import { Rule } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(Rule.byId.G1.source.tag, "V-old")
 * assert.ok(Rule.byId.G1.statement.vi.startsWith("Không đăng ký thi đua"))
 * assert.equal(Rule.byId.G1.error(Rule.byId.G1.example).code, "G1")
 * ```
 *
 * @since 0.3.0
 */
export const byId = {
  C1,
  C2,
  C3,
  C4,
  C5,
  C6,
  C7,
  C8,
  G1,
  G2,
  G3,
  G4,
  G5,
  I1,
  I2,
  I3,
  A1,
  A2,
  A3,
  A4,
  T1,
  T2,
  T3,
  T4,
  T5,
  T6,
  T7,
  K1,
  K2,
  K3,
  K4,
  K5,
  K6,
  U1,
  U3,
  U4,
  U5,
  U6,
  V1,
  V2,
  X1,
  E2,
  "AWARD-SUBJECT": AWARD_SUBJECT,
  D1,
  D2,
  E1,
  "AUTH-ACTOR": AUTH_ACTOR,
  "AUTH-ROLE": AUTH_ROLE,
  "AUTH-SEAT": AUTH_SEAT,
  "AUTH-SUBTREE": AUTH_SUBTREE,
  "AUTH-TENANT": AUTH_TENANT,
  LIFECYCLE,
  "REF-EXISTS": REF_EXISTS,
  "REF-MISSING": REF_MISSING
} as const

/**
 * A rule id, as used in error codes, tests and docs.
 *
 * @since 0.3.0
 */
export type Code =
  | "C1"
  | "C2"
  | "C3"
  | "C4"
  | "C5"
  | "C6"
  | "C7"
  | "C8"
  | "G1"
  | "G2"
  | "G3"
  | "G4"
  | "G5"
  | "I1"
  | "I2"
  | "I3"
  | "A1"
  | "A2"
  | "A3"
  | "A4"
  | "T1"
  | "T2"
  | "T3"
  | "T4"
  | "T5"
  | "T6"
  | "T7"
  | "K1"
  | "K2"
  | "K3"
  | "K4"
  | "K5"
  | "K6"
  | "U1"
  | "U3"
  | "U4"
  | "U5"
  | "U6"
  | "V1"
  | "V2"
  | "X1"
  | "E2"
  | "AWARD-SUBJECT"
  | "D1"
  | "D2"
  | "E1"
  | "AUTH-ACTOR"
  | "AUTH-ROLE"
  | "AUTH-SEAT"
  | "AUTH-SUBTREE"
  | "AUTH-TENANT"
  | "LIFECYCLE"
  | "REF-EXISTS"
  | "REF-MISSING"

// A rule in the registry without its id in \`Code\`, or the reverse, fails here.
const sameCodes: [Code, keyof typeof byId] extends [keyof typeof byId, Code] ? true : never = true
void sameCodes

/**
 * The values each rule reports when it refuses, by id.
 *
 * @since 0.3.0
 */
export type Details = { readonly [C in Code]: (typeof byId)[C]["details"]["Type"] }

/**
 * Every rule, in the order of the docs: campaign, registration, initiative, authority, award,
 * directory, engineering.
 *
 * @since 0.3.0
 */
export const all: ReadonlyArray<Any> = Object.values(byId) as ReadonlyArray<Any>
