/**
 * AUTH-ROLE: the acts of leadership need the executive committee; deliberations need the
 * emulation and commendation council.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { type Check, define, pass } from "../define.js"

// Acts of the organization's leadership: planning, launching, deciding, granting, revoking,
// presenting, closing and cancelling.
const executive: ReadonlySet<string> = new Set([
  "PlanCampaign",
  "LaunchCampaign",
  "EndCampaign",
  "HoldFinalReview",
  "ApproveRegistration",
  "RejectRegistration",
  "RecognizeInitiative",
  "PlaqueWork",
  "DecideNomination",
  "GrantAward",
  "PresentAward",
  "RevokeAward",
  "CloseCampaign",
  "CancelCampaign",
  "RegisterOrganization",
  "MoveOrganization",
  "RestructureOrganization",
  "FormCluster",
  // Judging a member or a unit and seating people are the committee's decisions.
  "RecordDiscipline",
  "RateMember",
  "RateUnit",
  "AssignSeat",
  "EndSeat",
  "RecordDeparture"
])

// The members' day-to-day records: an officer keeps them, the executive may too.
const officer: ReadonlySet<string> = new Set(["RegisterMember", "TransferMember", "RecordLeave"])

/**
 * The role a command needs: the executive committee for the acts of leadership, the emulation
 * and commendation council for deliberations, an officer (or the executive) for the members'
 * day-to-day records, any role for the rest.
 *
 * @since 0.3.0
 */
export const neededRole = (command: string): "executive" | "council" | "officer" | undefined =>
  command === "HoldDeliberation"
    ? "council"
    : executive.has(command)
      ? "executive"
      : officer.has(command)
        ? "officer"
        : undefined

const needsLabel: Readonly<Record<string, { readonly en: string; readonly vi: string }>> = {
  executive: { en: "the executive", vi: "Ban Chấp hành" },
  council: { en: "the council", vi: "Hội đồng Thi đua – Khen thưởng" },
  officer: { en: "an officer or the executive", vi: "cán bộ công đoàn hoặc Ban Chấp hành" }
}
const needed = (needs: string) => needsLabel[needs] ?? { en: `the ${needs}`, vi: needs }

export const AUTH_ROLE = define(
  {
    id: "AUTH-ROLE",
    family: "engineering",
    source: { tag: "E", reference: "Authorization" },
    details: Schema.Struct({ role: Schema.String, command: Schema.String, needs: Schema.String }),
    example: { role: "officer", command: "GrantAward", needs: "executive" },
    reads: [],
    statement: {
      en: "The acts of leadership (planning, launching, ending, the final review, approving or rejecting registrations, recognising initiatives, plaquing works, deciding nominations, granting, presenting, revoking, closing, cancelling, changing the directory, disciplining and rating members, rating units, seating members) need the executive; deliberations need the council; registering and transferring members and recording their leave need an officer or the executive.",
      vi: "Phát động, quyết định, khen thưởng, trao tặng, thu hồi, khép lại, hủy, thay đổi danh mục tổ chức, kỷ luật và xếp loại đoàn viên, xếp loại đơn vị, ghi nhận thành viên Ban Chấp hành và Hội đồng do Ban Chấp hành; bình xét do Hội đồng Thi đua – Khen thưởng; đăng ký, chuyển sinh hoạt đoàn viên và ghi nhận nghỉ phép do cán bộ công đoàn hoặc Ban Chấp hành."
    },
    message: (d) => ({
      en: `The role ${d.role} may not ${d.command}; it needs ${needed(d.needs).en}.`,
      vi: `Vai trò ${d.role} không được thực hiện ${d.command}; cần ${needed(d.needs).vi}.`
    })
  },
  (refuse) => ({
    /** The actor's role is the one the command needs (the executive may also do an officer's work). */
    roleFor: (role: string, command: string): Check => {
      const needs = neededRole(command)
      return needs === undefined || role === needs || (needs === "officer" && role === "executive")
        ? pass
        : refuse({ role, command, needs })
    }
  })
)
