/**
 * The one error type of the domain. Every guard that fails returns a `DomainError` whose `code` is
 * the id of the rule it enforces (C5, G2, A1, ...: see DOMAIN.md (d) and
 * docs/concepts/campaign-lifecycle.md), with the values that broke it and a message in Vietnamese
 * and English.
 *
 * A `DomainError` is an `Error` of the library's one base (`ThiDuaError`): `message` is the English
 * text, so a logger prints something readable, and `messages` holds it in both languages.
 *
 * @since 0.1.0
 */
import { type AwardKind, catalogue } from "./AwardKind.js"
import { type Level, levelLabels } from "./Organization.js"
import * as ThiDuaError from "./ThiDuaError.js"

/**
 * The values each rule reports when it fails, by code.
 *
 * @since 0.1.0
 */
export interface Details {
  readonly C1: { readonly campaignId: string; readonly reason: string; readonly value: string }
  readonly C2: { readonly actorId: string; readonly issuerId: string; readonly targetId: string }
  readonly C3: { readonly campaignId: string; readonly command: string }
  readonly C4: { readonly date: string; readonly start: string; readonly end: string }
  readonly C5: { readonly phaseId: string; readonly reason: string; readonly other: string }
  readonly C6: {
    readonly reason: "phase-not-closed" | "not-running" | "before-end"
    readonly phaseId: string
    readonly value: string
  }
  readonly C7: { readonly awardKind: string; readonly needs: string }
  readonly C8: { readonly campaignId: string; readonly status: string; readonly command: string }
  readonly G1: { readonly subject: string; readonly awardKind: string }
  readonly G2: { readonly subject: string; readonly pledgeId: string; readonly existing: string }
  readonly G3: { readonly clusterId: string; readonly unitId: string; readonly reason: string; readonly other: string }
  readonly G4: { readonly unitId: string; readonly clusterId: string; readonly other: string }
  readonly G5: {
    readonly pledgeId: string
    readonly reason: "already-signed" | "outside-period" | "cannot-supersede"
    readonly other: string
  }
  readonly I1: {
    readonly initiativeId: string
    readonly reason: "not-applied" | "invalid-benefit"
    readonly value: string
  }
  readonly I2: {
    readonly initiativeId: string
    readonly reason: "incompetent-recognizer" | "scope-too-narrow" | "not-recognized"
    readonly level: string
    readonly required: string
  }
  readonly A1: { readonly grantedById: string; readonly level: string; readonly awardKind: string }
  readonly A2: { readonly nominationId: string; readonly from: string; readonly to: string }
  readonly A3: { readonly nominationId: string; readonly status: string }
  readonly U1: { readonly subject: string; readonly existingAwardId: string; readonly basis: string }
  readonly V1: {
    readonly awardId: string
    readonly reason: "already-revoked" | "unlawful-reason"
    readonly value: string
  }
  readonly T4: { readonly unitId: string; readonly count: number; readonly cap: number }
  readonly T7: {
    readonly nominationId: string
    readonly votesFor: number
    readonly councilSize: number
    readonly required: number
  }
  readonly "AUTH-TENANT": { readonly expected: string; readonly actual: string }
  readonly "AUTH-ACTOR": { readonly organizationId: string; readonly date: string }
  readonly "AUTH-SUBTREE": { readonly actorId: string; readonly targetId: string; readonly date: string }
  readonly "AUTH-ROLE": { readonly role: string; readonly command: string; readonly needs: string }
  readonly LIFECYCLE: {
    readonly subject: "campaign" | "phase" | "registration" | "initiative" | "nomination"
    readonly id: string
    readonly status: string
    readonly command: string
  }
  readonly "REF-MISSING": { readonly kind: string; readonly id: string }
  readonly "REF-EXISTS": { readonly kind: string; readonly id: string }
  readonly D1: {
    readonly organizationId: string
    readonly reason:
      | "ends-before-begins"
      | "parent-inactive"
      | "parent-not-higher"
      | "inactive"
      | "cycle"
      | "outside-operation"
      | "successor-inactive"
    readonly other: string
  }
}

/**
 * A rule id, as used in error codes, tests and docs.
 *
 * @since 0.1.0
 */
export type Code = keyof Details

/**
 * What the library knows about a rule: its statement and the strength of its source, as tagged in
 * DOMAIN.md: `V` verified, `V-old` verified for an earlier regime, `P` partly verified, `U`
 * unverified practice, `E` an engineering rule of the library.
 *
 * @since 0.1.0
 */
export interface Rule {
  readonly code: Code
  readonly source: "V" | "V-old" | "P" | "U" | "E"
  readonly reference: string
  readonly statement: { readonly vi: string; readonly en: string }
}

/** A message in both languages. @since 0.1.0 */
export interface Message {
  readonly vi: string
  readonly en: string
}

// Labels for messages: a Vietnamese message names things in Vietnamese.
const statusVi: Readonly<Record<string, string>> = {
  Initial: "chưa có kế hoạch",
  Planned: "đã có kế hoạch, chưa phát động",
  Launched: "đang diễn ra",
  Ended: "đã hết thời gian thi đua",
  Reviewed: "đã tổng kết",
  Awarding: "đang xét khen thưởng",
  Closed: "đã khép lại",
  Cancelled: "đã hủy",
  Scheduled: "đã lên lịch",
  Open: "đang mở",
  Submitted: "đã gửi",
  Approved: "đã duyệt",
  Rejected: "bị từ chối",
  Superseded: "đã được thay thế",
  Signed: "đã ký",
  Recorded: "mới ghi nhận",
  Applied: "đã áp dụng",
  Recognized: "đã công nhận",
  Proposed: "đã đề xuất",
  Deliberated: "đã bình xét",
  Escalated: "đề nghị cấp trên",
  Decided: "đã quyết định"
}
const subjectLabel: Readonly<Record<string, Message>> = {
  campaign: { en: "campaign", vi: "phong trào" },
  phase: { en: "phase", vi: "đợt thi đua" },
  registration: { en: "registration", vi: "bản đăng ký thi đua" },
  pledge: { en: "pledge", vi: "giao ước, đăng ký thi đua" },
  initiative: { en: "initiative", vi: "sáng kiến" },
  nomination: { en: "nomination", vi: "đề nghị khen thưởng" },
  participant: { en: "participant", vi: "đơn vị tham gia" },
  award: { en: "award", vi: "khen thưởng" },
  cluster: { en: "cluster", vi: "cụm, khối thi đua" },
  "cluster member": { en: "cluster member", vi: "thành viên cụm" },
  content: { en: "content", vi: "nội dung thi đua" },
  work: { en: "work", vi: "công trình" },
  plaque: { en: "plaque", vi: "gắn biển công trình" },
  exemplar: { en: "exemplar", vi: "điển hình tiên tiến" },
  organization: { en: "organization", vi: "tổ chức" }
}
const scopeVi: Readonly<Record<string, string>> = { unit: "cơ sở", province: "cấp tỉnh", national: "toàn quốc" }
const label = (kind: string): Message => subjectLabel[kind] ?? { en: kind, vi: kind }
const award = (kind: string): Message => {
  const entry = catalogue[kind as AwardKind] as { readonly vi: string; readonly en: string } | undefined
  return entry === undefined ? { en: kind, vi: kind } : { en: entry.en, vi: entry.vi }
}
const level = (l: string): Message => (levelLabels[l as Level] as Message | undefined) ?? { en: l, vi: l }

type Spec<C extends Code> = Omit<Rule, "code"> & { readonly message: (d: Details[C]) => Message }

const specs: { readonly [C in Code]: Spec<C> } = {
  C1: {
    source: "V",
    reference: "Law 06/2022 Art. 16",
    statement: {
      en: "A campaign's form is regular or thematic, and its scope is the issuer's organization or a cluster that the issuer organizes.",
      vi: "Phong trào thi đua có hình thức thường xuyên hoặc theo chuyên đề; phạm vi là tổ chức phát động hoặc cụm, khối do tổ chức đó tổ chức."
    },
    message: (d) => ({
      en: `Campaign ${d.campaignId} has an invalid ${d.reason}: ${d.value}.`,
      vi: `Phong trào ${d.campaignId} có ${d.reason === "form" ? "hình thức" : "phạm vi"} không hợp lệ: ${d.value}.`
    })
  },
  C2: {
    source: "V",
    reference: "Law 06/2022 Art. 18",
    statement: {
      en: "Only an authority whose jurisdiction contains the campaign's scope may plan and launch it.",
      vi: "Chỉ cấp có thẩm quyền bao trùm phạm vi phong trào mới được xây dựng kế hoạch và phát động."
    },
    message: (d) => ({
      en: `${d.actorId} may not launch a campaign of ${d.issuerId} covering ${d.targetId}: it is outside its jurisdiction.`,
      vi: `${d.actorId} không có thẩm quyền phát động phong trào của ${d.issuerId} đối với ${d.targetId}.`
    })
  },
  C3: {
    source: "P",
    reference: "Law 06/2022 Art. 17 (order of steps)",
    statement: {
      en: "No phase, registration, covenant, initiative, score or review is accepted before the campaign is launched.",
      vi: "Không ghi nhận đợt, đăng ký, giao ước, sáng kiến, chấm điểm hay sơ kết trước khi phong trào được phát động."
    },
    message: (d) => ({
      en: `Campaign ${d.campaignId} has not been launched yet: ${d.command} must wait for the launch.`,
      vi: `Phong trào ${d.campaignId} chưa được phát động nên chưa thể thực hiện ${d.command}.`
    })
  },
  C4: {
    source: "V-old",
    reference: "Training manual S8",
    statement: {
      en: "A thematic campaign starts before it ends, and its activities fall within its period.",
      vi: "Phong trào theo chuyên đề có thời gian bắt đầu trước khi kết thúc, và mọi hoạt động diễn ra trong thời gian đó."
    },
    message: (d) => ({
      en: `The date ${d.date} is outside the campaign period ${d.start} – ${d.end}.`,
      vi: `Ngày ${d.date} nằm ngoài thời gian phong trào (${d.start} – ${d.end}).`
    })
  },
  C5: {
    source: "U",
    reference: "Practice (DOMAIN.md (b))",
    statement: {
      en: "Phases lie within the campaign period, regular phases never overlap, and each starts after the previous one ends; peak phases may overlap when the rulebook allows.",
      vi: "Các đợt thi đua nằm trong thời gian phong trào, các đợt thường không trùng nhau và đợt sau bắt đầu sau khi đợt trước kết thúc; đợt cao điểm có thể trùng nếu quy định cho phép."
    },
    message: (d) =>
      d.reason === "outside"
        ? {
            en: `Phase ${d.phaseId} does not lie within the campaign period ${d.other}.`,
            vi: `Đợt thi đua ${d.phaseId} nằm ngoài thời gian phong trào ${d.other}.`
          }
        : d.reason === "order"
          ? {
              en: `Phase ${d.phaseId} starts before phase ${d.other}, which was scheduled earlier.`,
              vi: `Đợt thi đua ${d.phaseId} bắt đầu trước đợt ${d.other} đã được xếp lịch trước.`
            }
          : {
              en: `Phase ${d.phaseId} overlaps phase ${d.other}.`,
              vi: `Đợt thi đua ${d.phaseId} trùng thời gian với đợt ${d.other}.`
            }
  },
  C6: {
    source: "U",
    reference: "Practice (DOMAIN.md (b))",
    statement: {
      en: "The final review happens once, after the campaign ended and all phases closed; interim reviews only while it runs.",
      vi: "Tổng kết chỉ một lần, sau khi phong trào kết thúc và các đợt đã đóng; sơ kết chỉ khi phong trào đang diễn ra."
    },
    message: (d) => {
      const where = d.phaseId ? { en: ` for phase ${d.phaseId}`, vi: ` cho đợt ${d.phaseId}` } : { en: "", vi: "" }
      switch (d.reason) {
        case "phase-not-closed":
          return {
            en: `Review refused${where.en}: phase ${d.phaseId} is ${d.value}, not closed.`,
            vi: `Chưa thể sơ kết, tổng kết${where.vi}: đợt ${d.phaseId} ${statusVi[d.value] ?? d.value}, chưa kết thúc.`
          }
        case "not-running":
          return {
            en: `Review refused: the campaign is ${d.value}.`,
            vi: `Không thể tổ chức sơ kết, tổng kết khi phong trào ${statusVi[d.value] ?? d.value}.`
          }
        case "before-end":
          return {
            en: `The final review cannot come before the campaign ended on ${d.value}.`,
            vi: `Không thể tổng kết trước ngày phong trào kết thúc (${d.value}).`
          }
      }
    }
  },
  C7: {
    source: "P",
    reference: "Law 06/2022 Art. 17(5)",
    statement: {
      en: "Campaign awards follow a review of their period; annual titles follow the final review; extraordinary awards are exempt.",
      vi: "Khen thưởng theo kết quả phong trào chỉ sau sơ kết hoặc tổng kết; danh hiệu hằng năm chỉ sau tổng kết; khen đột xuất không phải chờ."
    },
    message: (d) => ({
      en: `${award(d.awardKind).en} can only be granted after the ${d.needs}.`,
      vi: `Chỉ được khen ${award(d.awardKind).vi} sau khi ${d.needs === "final review" ? "tổng kết" : "sơ kết hoặc tổng kết"}.`
    })
  },
  C8: {
    source: "U",
    reference: "Event-sourcing practice",
    statement: {
      en: "A closed or cancelled campaign accepts nothing but award revocations.",
      vi: "Phong trào đã kết thúc hồ sơ hoặc đã hủy chỉ còn nhận việc thu hồi khen thưởng."
    },
    message: (d) => ({
      en: `Campaign ${d.campaignId} is ${d.status}: ${d.command} is no longer accepted.`,
      vi: `Phong trào ${d.campaignId} đã ${d.status === "Cancelled" ? "bị hủy" : "khép lại"}, không thể thực hiện ${d.command}.`
    })
  },
  G1: {
    source: "V-old",
    reference: "Training manual S8; union guidance S27",
    statement: {
      en: "An emulation title goes only to a subject that registered for it or signed the covenant.",
      vi: "Không đăng ký thi đua thì không được xét danh hiệu thi đua."
    },
    message: (d) => ({
      en: `${d.subject} did not register for emulation, so it cannot receive the title ${award(d.awardKind).en}.`,
      vi: `${d.subject} không đăng ký thi đua nên không được xét danh hiệu ${award(d.awardKind).vi}.`
    })
  },
  G2: {
    source: "P",
    reference: "MISA registration statuses (S44)",
    statement: {
      en: "A subject has at most one active registration per campaign; it may register again only after a rejection.",
      vi: "Mỗi đối tượng chỉ có một bản đăng ký thi đua còn hiệu lực trong một phong trào; chỉ đăng ký lại khi bị từ chối."
    },
    message: (d) => ({
      en: `${d.subject} already has registration ${d.existing}; ${d.pledgeId} is refused.`,
      vi: `${d.subject} đã có bản đăng ký ${d.existing}; không nhận thêm ${d.pledgeId}.`
    })
  },
  G3: {
    source: "U",
    reference: "Cluster practice (S28, S29)",
    statement: {
      en: "A unit signs at most one covenant per cluster per year, and every signatory belongs to that cluster that year.",
      vi: "Mỗi đơn vị chỉ ký một giao ước với mỗi cụm, khối mỗi năm, và mọi bên ký đều là thành viên cụm, khối năm đó."
    },
    message: (d) => ({
      en:
        d.reason === "not-member"
          ? `${d.unitId} is not a member of cluster ${d.clusterId} that year.`
          : `${d.unitId} already signed covenant ${d.other} in cluster ${d.clusterId} this year.`,
      vi:
        d.reason === "not-member"
          ? `${d.unitId} không phải thành viên cụm, khối ${d.clusterId} trong năm.`
          : `${d.unitId} đã ký giao ước ${d.other} trong cụm, khối ${d.clusterId} năm nay.`
    })
  },
  G4: {
    source: "U",
    reference: "Cluster practice (S28, S29)",
    statement: {
      en: "A unit belongs to at most one cluster and one block per organizing level per year.",
      vi: "Mỗi đơn vị chỉ thuộc một cụm và một khối thi đua của mỗi cấp tổ chức trong một năm."
    },
    message: (d) => ({
      en: `${d.unitId} already belongs to ${d.other} that year, so it cannot join ${d.clusterId}.`,
      vi: `${d.unitId} đã thuộc ${d.other} trong năm nên không thể tham gia ${d.clusterId}.`
    })
  },
  G5: {
    source: "U",
    reference: "Cluster practice (S28, S29)",
    statement: {
      en: "A covenant's period lies within the campaign period, and a signed covenant is never edited: a change is a new covenant that supersedes it.",
      vi: "Thời gian giao ước nằm trong thời gian phong trào; giao ước đã ký không sửa, thay đổi thì ký giao ước mới thay thế."
    },
    message: (d) => {
      switch (d.reason) {
        case "already-signed":
          return {
            en: `Pledge ${d.pledgeId} is already signed; a change is a new pledge that supersedes it.`,
            vi: `Giao ước, đăng ký ${d.pledgeId} đã ký; muốn thay đổi thì ký bản mới thay thế.`
          }
        case "outside-period":
          return {
            en: `Pledge ${d.pledgeId} runs outside the campaign period ${d.other}.`,
            vi: `Thời gian của giao ước, đăng ký ${d.pledgeId} nằm ngoài thời gian phong trào ${d.other}.`
          }
        case "cannot-supersede":
          return {
            en: `Pledge ${d.pledgeId} cannot supersede ${d.other}: it is of another kind or no longer stands.`,
            vi: `Giao ước, đăng ký ${d.pledgeId} không thể thay thế ${d.other}: khác loại hoặc không còn hiệu lực.`
          }
      }
    }
  },
  I1: {
    source: "V",
    reference: "Law 06/2022 Art. 3(4)",
    statement: {
      en: "An initiative's benefit is a non-negative VND amount, and it is recognised only once it has been applied.",
      vi: "Giá trị làm lợi của sáng kiến không âm, và sáng kiến chỉ được công nhận khi đã được áp dụng."
    },
    message: (d) =>
      d.reason === "not-applied"
        ? {
            en: `Initiative ${d.initiativeId} is ${d.value}: it must be applied before it is recognised.`,
            vi: `Sáng kiến ${d.initiativeId} ${statusVi[d.value] ?? d.value}, chưa được áp dụng nên chưa thể công nhận.`
          }
        : {
            en: `Initiative ${d.initiativeId}: ${d.value} is not a valid VND amount (a whole, non-negative number).`,
            vi: `Sáng kiến ${d.initiativeId}: giá trị làm lợi ${d.value} không hợp lệ (phải là số nguyên không âm).`
          }
  },
  I2: {
    source: "V",
    reference: "Law 06/2022 Art. 21–23",
    statement: {
      en: "Recognition is given by a competent level, and its scope matches the title it backs: unit for grassroots, province for provincial, national for national fighters.",
      vi: "Sáng kiến được cấp có thẩm quyền công nhận, và phạm vi công nhận phải tương ứng danh hiệu: cơ sở cho CSTĐ cơ sở, cấp tỉnh cho CSTĐ cấp tỉnh, toàn quốc cho CSTĐ toàn quốc."
    },
    message: (d) => {
      switch (d.reason) {
        case "incompetent-recognizer":
          return {
            en: `Initiative ${d.initiativeId}: the ${level(d.level).en} (${d.level}) cannot recognise at ${d.required} scope.`,
            vi: `Sáng kiến ${d.initiativeId}: ${level(d.level).vi} không có thẩm quyền công nhận ở phạm vi ${scopeVi[d.required] ?? d.required}.`
          }
        case "not-recognized":
          return {
            en: `Initiative ${d.initiativeId} is not recognised; ${d.required} scope is required.`,
            vi: `Sáng kiến ${d.initiativeId} chưa được công nhận; cần công nhận ở phạm vi ${scopeVi[d.required] ?? d.required}.`
          }
        case "scope-too-narrow":
          return {
            en: `Initiative ${d.initiativeId} is recognised at ${d.level} scope; ${d.required} scope is required.`,
            vi: `Sáng kiến ${d.initiativeId} được công nhận ở phạm vi ${scopeVi[d.level] ?? d.level}; cần phạm vi ${scopeVi[d.required] ?? d.required}.`
          }
      }
    }
  },
  A1: {
    source: "V",
    reference: "Law 06/2022 Art. 80; union regulation",
    statement: {
      en: "An award is granted only by an organization whose level may grant that kind.",
      vi: "Chỉ cấp có thẩm quyền đối với hình thức khen thưởng đó mới được quyết định khen thưởng."
    },
    message: (d) => ({
      en: `${d.grantedById} (${d.level}) may not grant ${d.awardKind}.`,
      vi: `${d.grantedById} (${level(d.level).vi}) không có thẩm quyền khen ${award(d.awardKind).vi}.`
    })
  },
  A2: {
    source: "V",
    reference: "Law 06/2022 Art. 83",
    statement: {
      en: "Nominations move up one management level at a time.",
      vi: "Hồ sơ đề nghị khen thưởng được trình lên từng cấp quản lý trực tiếp."
    },
    // An empty `to`: escalated by the top level, which has no level above it.
    message: (d) =>
      d.to === ""
        ? {
            en: `Nomination ${d.nominationId} held by ${d.from} cannot be escalated: no level is above ${d.from}; it decides.`,
            vi: `Đề nghị ${d.nominationId} đang ở ${d.from} không thể trình lên nữa: ${d.from} không có cấp trên, phải tự quyết định.`
          }
        : {
            en: `Nomination ${d.nominationId} held by ${d.from} can only go to its direct parent, not to ${d.to}.`,
            vi: `Đề nghị ${d.nominationId} đang ở ${d.from} chỉ được trình lên cấp trên trực tiếp, không phải ${d.to}.`
          }
  },
  A3: {
    source: "V",
    reference: "Dossier contents (S25, S26)",
    statement: {
      en: "A nomination is decided only after a deliberation whose minutes are in the dossier.",
      vi: "Chỉ quyết định khen thưởng sau khi đã bình xét, có biên bản trong hồ sơ."
    },
    message: (d) => ({
      en: `Nomination ${d.nominationId} is ${d.status}: it needs a deliberation first.`,
      vi: `Đề nghị ${d.nominationId} đang ở trạng thái ${d.status}: cần bình xét trước.`
    })
  },
  U1: {
    source: "V",
    reference: "Law 06/2022 Art. 6",
    statement: {
      en: "One achievement earns at most one commendation form (per subject, basis and period), and each emulation title at most once per period.",
      vi: "Một thành tích chỉ được khen một hình thức (mỗi đối tượng, căn cứ và thời gian), và mỗi danh hiệu thi đua chỉ được xét một lần cho một thời gian."
    },
    message: (d) => ({
      en: `${d.subject} was already awarded (${d.existingAwardId}) for the same achievement (${d.basis}).`,
      vi: `${d.subject} đã được khen thưởng (${d.existingAwardId}) cho cùng thành tích (${d.basis}).`
    })
  },
  V1: {
    source: "V",
    reference: "Law 06/2022 Ch. VII",
    statement: {
      en: "An award is revoked only for fraud, a false dossier, an unlawful appraisal or a violation within the period, and only once.",
      vi: "Chỉ hủy bỏ, thu hồi khen thưởng khi gian dối, hồ sơ giả, thẩm định trái pháp luật hoặc vi phạm trong thời gian lập thành tích, và chỉ một lần."
    },
    message: (d) =>
      d.reason === "already-revoked"
        ? { en: `Award ${d.awardId} is already revoked.`, vi: `Khen thưởng ${d.awardId} đã bị thu hồi.` }
        : {
            en: `Award ${d.awardId} cannot be revoked for "${d.value}": not a reason the law names.`,
            vi: `Không thể thu hồi khen thưởng ${d.awardId} với lý do "${d.value}": không phải lý do luật quy định.`
          }
  },
  T4: {
    source: "V-old",
    reference: "Decree 91/2017 Art. 9 (R2003); rulebook parameter",
    statement: {
      en: "Grassroots Emulation Fighters in a unit are at most the rulebook's share of its Advanced Workers.",
      vi: "Số Chiến sĩ thi đua cơ sở của đơn vị không vượt tỷ lệ quy định trên số Lao động tiên tiến."
    },
    message: (d) => ({
      en: `${d.unitId} would have ${d.count} Grassroots Emulation Fighters; the cap is ${d.cap}.`,
      vi: `${d.unitId} sẽ có ${d.count} Chiến sĩ thi đua cơ sở, vượt mức tối đa ${d.cap}.`
    })
  },
  T7: {
    source: "V-old",
    reference: "Decree 91/2017 Art. 45(8); rulebook parameter",
    statement: {
      en: "A nomination passes the council only with the rulebook's share of all council members voting for it.",
      vi: "Đề nghị chỉ được thông qua khi số phiếu đồng ý đạt tỷ lệ quy định trên tổng số thành viên Hội đồng."
    },
    message: (d) => ({
      en: `Nomination ${d.nominationId} got ${d.votesFor} of ${d.councilSize} votes; at least ${d.required} are needed.`,
      vi: `Đề nghị ${d.nominationId} đạt ${d.votesFor}/${d.councilSize} phiếu; cần ít nhất ${d.required} phiếu.`
    })
  },
  "AUTH-TENANT": {
    source: "E",
    reference: "Authorization",
    statement: {
      en: "A command acts only on data of its own tenant.",
      vi: "Lệnh chỉ tác động đến dữ liệu của chính đơn vị sử dụng (tenant)."
    },
    message: (d) => ({
      en: `This data belongs to tenant ${d.expected}, not ${d.actual}.`,
      vi: `Dữ liệu này thuộc ${d.expected}, không thuộc ${d.actual}.`
    })
  },
  "AUTH-ACTOR": {
    source: "E",
    reference: "Authorization",
    statement: {
      en: "The acting organization exists in the directory and is in operation on the date of the act.",
      vi: "Tổ chức thực hiện phải có trong danh mục và đang hoạt động vào ngày thực hiện."
    },
    message: (d) => ({
      en: `Organization ${d.organizationId} is unknown or not in operation on ${d.date}.`,
      vi: `Tổ chức ${d.organizationId} không có trong danh mục hoặc không hoạt động vào ngày ${d.date}.`
    })
  },
  "AUTH-SUBTREE": {
    source: "E",
    reference: "Authorization (C2, A1)",
    statement: {
      en: "An actor acts only within its own subtree of the hierarchy, as it stands on the date of the act.",
      vi: "Mỗi cấp chỉ thực hiện trong phạm vi các đơn vị trực thuộc mình, theo cơ cấu tại ngày thực hiện."
    },
    message: (d) => ({
      en: `${d.targetId} is outside the subtree of ${d.actorId} on ${d.date}.`,
      vi: `${d.targetId} không trực thuộc ${d.actorId} vào ngày ${d.date}.`
    })
  },
  "AUTH-ROLE": {
    source: "E",
    reference: "Authorization",
    statement: {
      en: "Launching, deciding, granting, revoking, closing and cancelling need the executive; deliberations need the council.",
      vi: "Phát động, quyết định, khen thưởng, thu hồi, khép lại và hủy do Ban Chấp hành; bình xét do Hội đồng Thi đua – Khen thưởng."
    },
    message: (d) => ({
      en: `The role ${d.role} may not ${d.command}; it needs the ${d.needs}.`,
      vi: `Vai trò ${d.role} không được thực hiện ${d.command}; cần ${d.needs === "council" ? "Hội đồng Thi đua – Khen thưởng" : "Ban Chấp hành"}.`
    })
  },
  LIFECYCLE: {
    source: "V",
    reference: "Law 06/2022 Art. 17 (the lifecycle machine)",
    statement: {
      en: "Each command is accepted only in the lifecycle states that allow it.",
      vi: "Mỗi thao tác chỉ được thực hiện ở giai đoạn phù hợp của phong trào."
    },
    message: (d) => ({
      en: `${d.command} is not allowed while the ${label(d.subject).en} ${d.id} is ${d.status}.`,
      vi: `Không thể thực hiện ${d.command} khi ${label(d.subject).vi} ${d.id} ${statusVi[d.status] ?? d.status}.`
    })
  },
  "REF-MISSING": {
    source: "E",
    reference: "Integrity",
    statement: { en: "A command refers only to things that exist.", vi: "Lệnh chỉ tham chiếu đến đối tượng đã có." },
    message: (d) => ({ en: `Unknown ${label(d.kind).en} ${d.id}.`, vi: `Không tìm thấy ${label(d.kind).vi} ${d.id}.` })
  },
  "REF-EXISTS": {
    source: "E",
    reference: "Integrity",
    statement: { en: "Ids are never reused.", vi: "Mã định danh không được dùng lại." },
    message: (d) => ({
      en: `The ${label(d.kind).en} ${d.id} already exists.`,
      vi: `Đã có ${label(d.kind).vi} ${d.id}.`
    })
  },
  D1: {
    source: "P",
    reference: "Union hierarchy; 2025 restructuring",
    statement: {
      en: "An organization sits under a parent of a higher level that is in operation, and a restructuring takes effect after the organization began.",
      vi: "Mỗi tổ chức trực thuộc một cấp trên cao hơn đang hoạt động; việc sắp xếp lại có hiệu lực sau ngày tổ chức bắt đầu hoạt động."
    },
    message: (d) => {
      const reasons: Record<Details["D1"]["reason"], Message> = {
        "ends-before-begins": {
          en: `it would end (${d.other}) before it begins`,
          vi: `ngày kết thúc (${d.other}) trước ngày bắt đầu`
        },
        "parent-inactive": {
          en: `its parent ${d.other} is not in operation`,
          vi: `cấp trên ${d.other} không còn hoạt động`
        },
        "parent-not-higher": {
          en: `its parent's level (${d.other}) is not higher`,
          vi: `cấp trên (${level(d.other).vi}) không cao hơn`
        },
        inactive: { en: `it is not in operation on ${d.other}`, vi: `không hoạt động vào ngày ${d.other}` },
        cycle: { en: `${d.other} lies inside its own subtree`, vi: `${d.other} là đơn vị trực thuộc của chính nó` },
        "outside-operation": {
          en: `${d.other} is outside its time in operation`,
          vi: `ngày ${d.other} nằm ngoài thời gian hoạt động`
        },
        "successor-inactive": {
          en: `the successor ${d.other} is not in operation`,
          vi: `đơn vị kế thừa ${d.other} không hoạt động`
        }
      }
      const r = reasons[d.reason]
      return { en: `Organization ${d.organizationId}: ${r.en}.`, vi: `Tổ chức ${d.organizationId}: ${r.vi}.` }
    }
  }
}

/**
 * Every rule with a code, its statement and its source.
 *
 * @example
 * ```ts
 * import { DomainError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(DomainError.rules.C5.source, "U")
 * assert.ok(DomainError.rules.G1.statement.vi.startsWith("Không đăng ký thi đua"))
 * ```
 *
 * @since 0.1.0
 */
export const rules: { readonly [C in Code]: Rule } = Object.fromEntries(
  Object.entries(specs).map(([code, s]) => [
    code,
    { code, source: s.source, reference: s.reference, statement: s.statement }
  ])
) as { readonly [C in Code]: Rule }

/**
 * A rule that refused a command: `code` is the rule id, `details` the values that broke it,
 * `messages` the explanation in English and Vietnamese, and `message` the English one.
 *
 * @example
 * ```ts
 * import { DomainError, ThiDuaError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const error = DomainError.make("REF-MISSING", { kind: "phase", id: "dot-3" })
 * assert.ok(error instanceof Error)
 * assert.ok(ThiDuaError.isThiDuaError(error))
 * assert.equal(error._tag, "DomainError")
 * assert.equal(String(error), "REF-MISSING: Unknown phase dot-3.")
 * assert.equal(JSON.parse(JSON.stringify(error)).messages.vi, "Không tìm thấy đợt thi đua dot-3.")
 * ```
 *
 * @since 0.1.0
 */
export class DomainError<C extends Code = Code> extends ThiDuaError.Tagged("DomainError")<{
  readonly code: C
  readonly details: Details[C]
  readonly messages: Message
}> {
  override toString(): string {
    return `${this.code}: ${this.messages.en}`
  }
}

/**
 * Makes the error of a rule from the values that broke it.
 *
 * @example
 * ```ts
 * import { DomainError } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const error = DomainError.make("C5", { phaseId: "dot-2", reason: "overlap", other: "dot-1" })
 * assert.equal(error.code, "C5")
 * assert.equal(error.messages.vi, "Đợt thi đua dot-2 trùng thời gian với đợt dot-1.")
 * assert.equal(error.messages.en, "Phase dot-2 overlaps phase dot-1.")
 * assert.equal(error.message, "Phase dot-2 overlaps phase dot-1.")
 * ```
 *
 * @since 0.1.0
 */
export const make = <C extends Code>(code: C, details: Details[C]): DomainError<C> =>
  new DomainError({ code, details, messages: (specs[code] as Spec<C>).message(details) })

/** Whether a value is a DomainError. @since 0.1.0 */
export const isDomainError = (u: unknown): u is DomainError => u instanceof DomainError
