/**
 * Writes docs/concepts/campaign-lifecycle.md from the code: the machines of `Lifecycle` and the
 * rules of `DomainError`. The page is a view of data the deciders already run on, so it is
 * generated rather than written by hand, and test/lifecycle-doc.test.ts fails when the file on
 * disk no longer matches `render()`.
 *
 *   npx tsx --conditions=@thidua/source packages/core/scripts/lifecycle-doc.ts
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { DomainError, Lifecycle } from "../src/index.js"

/** The command that regenerates the page, as printed in its header and in the test's failure. */
export const command = "npx tsx --conditions=@thidua/source packages/core/scripts/lifecycle-doc.ts"

/** Where the page lives. */
export const outputPath = join(import.meta.dirname, "..", "..", "..", "docs", "concepts", "campaign-lifecycle.md")

// Keyed by every code, so a new rule does not typecheck until it has an example message here.
export const samples: { readonly [C in DomainError.Code]: DomainError.Details[C] } = {
  C1: { campaignId: "hoang-mai-2020", reason: "scope", value: "cum-thi-dua-3" },
  C2: { actorId: "ldld-hoang-mai", issuerId: "ldld-ha-noi", targetId: "ldld-ha-noi" },
  C3: { campaignId: "hoang-mai-2020", command: "SchedulePhase" },
  C4: { date: "2021-01-05", start: "2020-03-01", end: "2020-12-31" },
  C5: { phaseId: "dot-2", reason: "overlap", other: "dot-1" },
  C6: { reason: "phase-not-closed", phaseId: "dot-2", value: "Open" },
  C7: { awardKind: "lao-dong-tien-tien", needs: "final review" },
  C8: { campaignId: "hoang-mai-2020", status: "Closed", command: "GrantAward" },
  G1: { subject: "member:m-1", awardKind: "chien-si-thi-dua-co-so" },
  G2: { subject: "unit:cdcs-trung-thanh", pledgeId: "dk-2", existing: "dk-1" },
  G3: { clusterId: "cum-thi-dua-3", unitId: "cdcs-trung-thanh", reason: "already-signed", other: "gu-1" },
  G4: { unitId: "cdcs-trung-thanh", clusterId: "cum-thi-dua-4", other: "cum-thi-dua-3" },
  G5: { pledgeId: "gu-2", reason: "outside-period", other: "2020-01-01 – 2020-12-31" },
  I1: { initiativeId: "sk-1", reason: "not-applied", value: "Recorded" },
  I2: { initiativeId: "sk-1", reason: "scope-too-narrow", level: "unit", required: "province" },
  A1: { grantedById: "cdcs-trung-thanh", level: "grassroots", awardKind: "bang-khen-ldld" },
  A2: { nominationId: "de-nghi-1", from: "cdcs-trung-thanh", to: "ldld-ha-noi" },
  A3: { nominationId: "de-nghi-1", status: "Proposed" },
  U1: { subject: "member:m-1", existingAwardId: "kt-1", basis: "campaign 2020-01-01 – 2020-12-31" },
  V1: { awardId: "kt-1", reason: "already-revoked", value: "" },
  T4: { unitId: "cdcs-trung-thanh", count: 3, cap: 2 },
  T7: { nominationId: "de-nghi-1", votesFor: 8, councilSize: 11, required: 10 },
  "AUTH-TENANT": { expected: "hanoi", actual: "hai-phong" },
  "AUTH-ACTOR": { organizationId: "ldld-hoang-mai", date: "2025-07-01" },
  "AUTH-SUBTREE": { actorId: "ldld-hoang-mai", targetId: "cdcs-cau-giay", date: "2020-03-01" },
  "AUTH-ROLE": { role: "officer", command: "GrantAward", needs: "executive" },
  LIFECYCLE: { subject: "phase", id: "dot-1", status: "Closed", command: "OpenPhase" },
  "REF-MISSING": { kind: "phase", id: "dot-3" },
  "REF-EXISTS": { kind: "award", id: "kt-1" },
  D1: { organizationId: "cdcs-trung-thanh", reason: "parent-not-higher", other: "grassroots" }
}

const statusLabels: { readonly [S in Lifecycle.Status]: { readonly vi: string; readonly en: string } } = {
  Initial: { vi: "chưa có kế hoạch", en: "nothing yet: the stream is empty" },
  Planned: { vi: "đã xây dựng kế hoạch", en: "the plan is adopted (Art. 17 step 1)" },
  Launched: {
    vi: "đã phát động, đang triển khai",
    en: "launched and running: phases, registrations, covenants, initiatives, scores, interim reviews (steps 2–4)"
  },
  Ended: { vi: "đã kết thúc thời gian thi đua", en: "the period is over; late records are still accepted" },
  Reviewed: { vi: "đã tổng kết", en: "the final review is held (step 5)" },
  Awarding: { vi: "đang bình xét, khen thưởng", en: "nominations and awards after the final review (step 5)" },
  Closed: { vi: "đã khép lại", en: "terminal: only award revocations follow" },
  Cancelled: { vi: "đã hủy", en: "terminal: only award revocations follow" }
}

// Each machine keeps its own state and command types, so each is named and drawn here.
const subMachines: ReadonlyArray<{ readonly name: string; readonly diagram: string; readonly note: string }> = [
  {
    name: Lifecycle.phase.name,
    diagram: Lifecycle.toMermaid(Lifecycle.phase),
    note: "A phase (đợt thi đua) is scheduled, opened, closed, then reviewed at its interim review (sơ kết). Its dates are checked by C5 when it is scheduled."
  },
  {
    name: Lifecycle.registration.name,
    diagram: Lifecycle.toMermaid(Lifecycle.registration),
    note: "A registration (đăng ký thi đua) is approved or rejected once. A subject has one standing registration at a time (G2): after a rejection it registers again with a new pledge; a standing one is replaced only by a pledge that supersedes it (G5)."
  },
  {
    name: Lifecycle.initiative.name,
    diagram: Lifecycle.toMermaid(Lifecycle.initiative),
    note: "An initiative (sáng kiến) is recognised only after it has been applied (I1), by a level competent for the scope (I2)."
  },
  {
    name: Lifecycle.nomination.name,
    diagram: Lifecycle.toMermaid(Lifecycle.nomination),
    note: "A nomination (đề nghị khen thưởng) is deliberated by the council (T7 counts the votes), then decided at its level or escalated and submitted to the direct parent (A2), where it is deliberated again. `Decide` and `Escalate` are `DecideNomination` by its outcome; a decision needs a deliberation first (A3)."
  }
]

const sourceTags: ReadonlyArray<readonly [DomainError.Rule["source"], string]> = [
  ["V", "verified in a source: a legal text or official guidance"],
  ["V-old", "verified for an earlier legal regime (R2003); not confirmed for the regimes since"],
  ["P", "partly verified: a source supports part of the rule, the rest is the library's reading"],
  ["U", "unverified practice, seen in union documents, articles or existing software, not in a legal text"],
  ["E", "an engineering rule of the library: authorization, tenancy, referential integrity"]
]

const cell = (s: string): string => s.replaceAll("|", "\\|").replaceAll("\n", " ")
const code = (s: string): string => `\`${s}\``
const ruleLink = (c: DomainError.Code): string => `[${code(c)}](#rule-${c.toLowerCase()})`

const mermaid = (diagram: string): string => ["```mermaid", diagram, "```"].join("\n")

const header = [
  `<!-- generated by \`${command}\` from packages/core/src/Lifecycle.ts and DomainError.ts; do not edit: change the code and run it again -->`,
  "",
  "# The campaign lifecycle",
  "",
  "A campaign (phong trào thi đua) goes through the steps that Law 06/2022 Art. 17 lists in order: (1) a plan",
  "(kế hoạch) with goals, scope, participants, content, criteria and time frame; (2) the launch (phát động),",
  "deployment and execution; (3) inspection and supervision; (4) promotion, discovery and replication of",
  "exemplary models (nhân rộng điển hình tiên tiến); (5) interim and final reviews (sơ kết, tổng kết) and",
  "awards (khen thưởng). `@thidua/core` holds that order as data in `Lifecycle`: state machines whose",
  "transitions are named by the command that takes them. `Campaign.decide` asks the campaign machine",
  "first (after the tenant check) whether a command may run in the campaign's status, and",
  "`Lifecycle.refusal` names the rule that refuses it when it may not; the sub-machines then decide",
  "what a phase, a registration, an initiative or a nomination may do. Every diagram and table below",
  "is printed from that data, so it is the lifecycle the code enforces."
]

const campaignSection = (): Array<string> => [
  "## The campaign",
  "",
  mermaid(Lifecycle.toMermaid(Lifecycle.campaign)),
  "",
  "Commands that keep the status are drawn as one self-loop per status. Step 3 (inspection) has no",
  "command of its own in the library; it shows in scores (`AssessScore`) and interim reviews.",
  "",
  "| status | vi | what it means |",
  "|---|---|---|",
  ...Lifecycle.campaign.states.map((s) => `| ${code(s)} | ${statusLabels[s].vi} | ${cell(statusLabels[s].en)} |`)
]

const subMachineSection = (): Array<string> => [
  "## The parts of a campaign",
  "",
  ...subMachines.flatMap(({ name, diagram, note }) => [`### ${name}`, "", mermaid(diagram), "", note, ""])
]

/** The statuses outside `allowed`, grouped by the rule that refuses the command there. */
const refusals = (on: Lifecycle.CommandTag, allowed: ReadonlyArray<Lifecycle.Status>): string => {
  const byCode = new Map<DomainError.Code, Array<Lifecycle.Status>>()
  for (const s of Lifecycle.campaign.states) {
    if (allowed.includes(s)) continue
    const c = Lifecycle.refusal(s, on)
    byCode.set(c, [...(byCode.get(c) ?? []), s])
  }
  return [...byCode].map(([c, states]) => `${states.join(", ")}: ${ruleLink(c)}`).join("; ")
}

const moves = (on: Lifecycle.CommandTag): string => {
  const steps = Lifecycle.campaign.transitions.filter((t) => t.on === on && t.from !== t.to)
  return steps.length === 0 ? "—" : steps.map((t) => `${t.from} → ${t.to}`).join(", ")
}

const commandSection = (): Array<string> => [
  "## Where each command is allowed",
  "",
  "From `Lifecycle.campaignCommands`. A command outside its statuses is refused before its own rules",
  "are read (only the tenant check comes first), by the rule in the last column: `REF-MISSING` before",
  "the plan, `C3` before the launch, `C8` once the campaign is closed or cancelled, `C6` for reviews at",
  "the wrong time, `LIFECYCLE` otherwise.",
  "",
  "| command | allowed in | moves the campaign | refused elsewhere by |",
  "|---|---|---|---|",
  ...(Object.keys(Lifecycle.campaignCommands) as Array<Lifecycle.CommandTag>).map((on) => {
    const allowed = Lifecycle.campaignCommands[on].in
    return `| ${code(on)} | ${allowed.join(", ")} | ${moves(on)} | ${refusals(on, allowed)} |`
  })
]

const ruleRow = <C extends DomainError.Code>(c: C): string => {
  const rule = DomainError.rules[c]
  const example = DomainError.make(c, samples[c]).messages
  return [
    "",
    `<a id="rule-${c.toLowerCase()}"></a>${code(c)}`,
    code(rule.source),
    cell(rule.reference),
    cell(rule.statement.en),
    cell(rule.statement.vi),
    `${cell(example.en)}<br>${cell(example.vi)}`,
    ""
  ]
    .join(" | ")
    .trim()
}

const ruleSection = (): Array<string> => [
  "## The rules",
  "",
  "Every guard that refuses a command returns a `DomainError` whose `code` is the id of its rule, with the",
  "values that broke it and a message in English and Vietnamese. The ids are stable: the same in error",
  "codes, tests and these pages. Each rule is tagged with the strength of its source:",
  "",
  "| tag | meaning |",
  "|---|---|",
  ...sourceTags.map(([tag, meaning]) => `| ${code(tag)} | ${meaning} |`),
  "",
  "Where a rule's number or switch differs between legal regimes or organizations, it is read from the",
  "rulebook (see [the rulebook](rulebook.md)). The example messages are `DomainError.make(code, details)`",
  "with sample details.",
  "",
  "| rule | source | reference | statement (en) | statement (vi) | example message (en, vi) |",
  "|---|---|---|---|---|---|",
  ...(Object.keys(DomainError.rules) as Array<DomainError.Code>).map(ruleRow)
]

/** The page, as it should be on disk. */
export const render = (): string =>
  [...header, "", ...campaignSection(), "", ...subMachineSection(), ...commandSection(), "", ...ruleSection(), ""].join(
    "\n"
  )

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(outputPath), { recursive: true })
  writeFileSync(outputPath, render())
  console.log(`wrote ${outputPath}`)
}
