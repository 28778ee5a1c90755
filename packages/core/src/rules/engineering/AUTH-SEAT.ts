/**
 * AUTH-SEAT: an actor that names a person acts through a seat that person holds. Where a command's
 * actor names a member, the member is registered and, on the day of the command, holds the seat
 * the role needs at the actor's organization: an executive seat for the executive, a council seat
 * for the council, and for an officer membership of that organization or any seat there. An actor
 * that names nobody is checked by role alone (AUTH-ROLE), as before members were data.
 *
 * @since 0.6.0
 */
import { Schema } from "effect"
import type { MemberId, OrganizationId } from "../../Ids.js"
import type { LocalDate } from "../../LocalDate.js"
import { holdsSeat, type Members, member, unitOfMember } from "../../member/state.js"
import { type Check, define, pass } from "../define.js"

/** The actor as AUTH-SEAT reads it. @since 0.6.0 */
export interface SeatActor {
  readonly organizationId: OrganizationId
  readonly role: "executive" | "council" | "officer"
  readonly memberId?: MemberId | undefined
}

const seatLabel = {
  executive: { en: "an executive committee seat", vi: "ghế Ban Chấp hành" },
  council: { en: "a council seat", vi: "ghế Hội đồng Thi đua – Khen thưởng" },
  officer: { en: "membership or a seat", vi: "tư cách đoàn viên hoặc một ghế" }
} as const

export const AUTH_SEAT = define(
  {
    id: "AUTH-SEAT",
    family: "engineering",
    source: { tag: "E", reference: "Authorization" },
    details: Schema.Struct({
      memberId: Schema.String,
      organizationId: Schema.String,
      role: Schema.Literals(["executive", "council", "officer"]),
      date: Schema.String,
      reason: Schema.Literals(["unknown-member", "no-seat"])
    }),
    example: {
      memberId: "m-nguyen-van-a",
      organizationId: "ldld-hoang-mai",
      role: "executive",
      date: "2024-03-01",
      reason: "no-seat"
    },
    reads: [],
    statement: {
      en: "An actor that names a member acts through that member's seat: the member is registered and, on the day, holds an executive seat at the actor's organization for the executive, a council seat for the council, and membership or a seat there for an officer.",
      vi: "Người thực hiện được ghi tên phải là đoàn viên đã đăng ký và, vào ngày thực hiện, giữ ghế tương ứng tại tổ chức: ghế Ban Chấp hành với vai trò Ban Chấp hành, ghế Hội đồng Thi đua – Khen thưởng với vai trò Hội đồng, và là đoàn viên hoặc giữ một ghế tại tổ chức với cán bộ công đoàn."
    },
    message: (d) =>
      d.reason === "unknown-member"
        ? { en: `Member ${d.memberId} is not registered.`, vi: `Đoàn viên ${d.memberId} chưa được đăng ký.` }
        : {
            en: `Member ${d.memberId} does not hold ${seatLabel[d.role].en} at ${d.organizationId} on ${d.date}.`,
            vi: `Đoàn viên ${d.memberId} không có ${seatLabel[d.role].vi} tại ${d.organizationId} vào ngày ${d.date}.`
          }
  },
  (refuse) => ({
    /** The member an actor names holds, on the day, the seat its role needs (nothing to check when it names none). */
    seatForRole: (directory: Members, actor: SeatActor, date: LocalDate): Check => {
      const { memberId, organizationId, role } = actor
      if (memberId === undefined) return pass
      if (member(directory, memberId) === undefined)
        return refuse({ memberId, organizationId, role, date, reason: "unknown-member" })
      const seated = (body: "executive" | "council") => holdsSeat(directory, memberId, organizationId, body, date)
      const holds =
        role === "officer"
          ? unitOfMember(directory, memberId, date) === organizationId || seated("executive") || seated("council")
          : seated(role)
      return holds ? pass : refuse({ memberId, organizationId, role, date, reason: "no-seat" })
    }
  })
)
