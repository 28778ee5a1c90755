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
  "FormCluster"
])

/**
 * The role a command needs: the executive committee for the acts of leadership, the emulation
 * and commendation council for deliberations, any role for the rest.
 *
 * @since 0.3.0
 */
export const neededRole = (command: string): "executive" | "council" | undefined =>
  command === "HoldDeliberation" ? "council" : executive.has(command) ? "executive" : undefined

export const AUTH_ROLE = define(
  {
    id: "AUTH-ROLE",
    family: "engineering",
    source: { tag: "E", reference: "Authorization" },
    details: Schema.Struct({ role: Schema.String, command: Schema.String, needs: Schema.String }),
    example: { role: "officer", command: "GrantAward", needs: "executive" },
    reads: [],
    statement: {
      en: "The acts of leadership (planning, launching, ending, the final review, approving or rejecting registrations, recognising initiatives, plaquing works, deciding nominations, granting, presenting, revoking, closing, cancelling, changing the directory) need the executive; deliberations need the council.",
      vi: "Phát động, quyết định, khen thưởng, trao tặng, thu hồi, khép lại, hủy và thay đổi danh mục tổ chức do Ban Chấp hành; bình xét do Hội đồng Thi đua – Khen thưởng."
    },
    message: (d) => ({
      en: `The role ${d.role} may not ${d.command}; it needs the ${d.needs}.`,
      vi: `Vai trò ${d.role} không được thực hiện ${d.command}; cần ${d.needs === "council" ? "Hội đồng Thi đua – Khen thưởng" : "Ban Chấp hành"}.`
    })
  },
  (refuse) => ({
    /** The actor's role is the one the command needs. */
    roleFor: (role: string, command: string): Check => {
      const needs = neededRole(command)
      return needs === undefined || role === needs ? pass : refuse({ role, command, needs })
    }
  })
)
