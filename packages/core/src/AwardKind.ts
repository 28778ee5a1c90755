/**
 * The award catalogue for the union context (docs/concepts/domain.md): every emulation title and
 * commendation form a campaign can lead to, with its Vietnamese and English labels, whom it is
 * for, and which levels of the union hierarchy may grant it (rule A1).
 *
 * The file is long because it is the catalogue: one entry per kind, read in one place.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Level } from "./Organization.js"

/**
 * The kinds of award, as stable codes.
 *
 * @since 0.1.0
 */
export const AwardKind = Schema.Literals([
  "lao-dong-tien-tien",
  "chien-si-thi-dua-co-so",
  "chien-si-thi-dua-cap-tinh",
  "chien-si-thi-dua-toan-quoc",
  "tap-the-lao-dong-tien-tien",
  "tap-the-lao-dong-xuat-sac",
  "co-thi-dua-cap-tinh",
  "co-thi-dua-chinh-phu",
  "giay-khen",
  "bang-khen-cap-tinh",
  "bang-khen-thu-tuong",
  "huan-chuong-lao-dong",
  "co-thi-dua-ldld",
  "bang-khen-ldld",
  "bang-khen-chuyen-de-tld",
  "bang-lao-dong-sang-tao",
  "giai-thuong-nguyen-duc-canh",
  "ky-niem-chuong-cong-doan",
  "doan-vien-cong-doan-xuat-sac",
  "cong-doan-co-so-vung-manh",
  "to-cong-doan-vung-manh",
  "cong-nhan-gioi-co-so",
  "cong-nhan-gioi-cap-tren",
  "cong-nhan-gioi-thu-do",
  "gioi-viec-nuoc-dam-viec-nha"
])
/** @since 0.1.0 */
export type AwardKind = typeof AwardKind.Type

/**
 * What an award is: an emulation `title` (danh hiệu thi đua, needs registration — rule G1), a
 * commendation `form` (hình thức khen thưởng), a `prize` or a `medal`.
 *
 * @since 0.1.0
 */
export type Category = "title" | "form" | "prize" | "medal"

/** Whether an initiative must back the award, and recognised at which scope (rule I2). @since 0.1.0 */
export type InitiativeScope = "unit" | "province" | "national"

/**
 * One entry of the catalogue.
 *
 * @since 0.1.0
 */
export interface Entry {
  readonly kind: AwardKind
  readonly vi: string
  readonly en: string
  readonly category: Category
  readonly subject: "individual" | "collective" | "both"
  readonly system: "state" | "union"
  /** Levels of the union hierarchy that may grant it; empty when only the Government or the President may. */
  readonly grantingLevels: ReadonlyArray<Level>
  /** Annual titles are decided only after the final (year-end) review (rule C7). */
  readonly annual: boolean
  /** The recognition scope an initiative backing this award needs (rule I2), if any. */
  readonly initiativeScope?: InitiativeScope
}

const e = (
  kind: AwardKind,
  vi: string,
  en: string,
  category: Category,
  subject: Entry["subject"],
  system: Entry["system"],
  grantingLevels: ReadonlyArray<Level>,
  annual: boolean,
  initiativeScope?: InitiativeScope
): Entry =>
  initiativeScope
    ? { kind, vi, en, category, subject, system, grantingLevels, annual, initiativeScope }
    : { kind, vi, en, category, subject, system, grantingLevels, annual }

const heads: ReadonlyArray<Level> = ["grassroots", "upper", "federation", "confederation"]

/**
 * The catalogue, by kind.
 *
 * @example
 * ```ts
 * import { AwardKind } from "@thidua/core"
 * import assert from "node:assert"
 *
 * const flag = AwardKind.catalogue["co-thi-dua-ldld"]
 * assert.equal(flag.vi, "Cờ thi đua của LĐLĐ tỉnh, thành phố")
 * assert.deepEqual(flag.grantingLevels, ["federation"])
 * ```
 *
 * @since 0.1.0
 */
export const catalogue: { readonly [K in AwardKind]: Entry } = {
  "lao-dong-tien-tien": e(
    "lao-dong-tien-tien",
    "Lao động tiên tiến",
    "Advanced Worker",
    "title",
    "individual",
    "state",
    heads,
    true
  ),
  "chien-si-thi-dua-co-so": e(
    "chien-si-thi-dua-co-so",
    "Chiến sĩ thi đua cơ sở",
    "Grassroots Emulation Fighter",
    "title",
    "individual",
    "state",
    heads,
    true,
    "unit"
  ),
  "chien-si-thi-dua-cap-tinh": e(
    "chien-si-thi-dua-cap-tinh",
    "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh (Tổng LĐLĐ)",
    "Ministerial or Provincial Emulation Fighter",
    "title",
    "individual",
    "state",
    ["confederation"],
    true,
    "province"
  ),
  "chien-si-thi-dua-toan-quoc": e(
    "chien-si-thi-dua-toan-quoc",
    "Chiến sĩ thi đua toàn quốc",
    "National Emulation Fighter",
    "title",
    "individual",
    "state",
    [],
    true,
    "national"
  ),
  "tap-the-lao-dong-tien-tien": e(
    "tap-the-lao-dong-tien-tien",
    "Tập thể lao động tiên tiến",
    "Advanced Labour Collective",
    "title",
    "collective",
    "state",
    heads,
    true
  ),
  "tap-the-lao-dong-xuat-sac": e(
    "tap-the-lao-dong-xuat-sac",
    "Tập thể lao động xuất sắc",
    "Excellent Labour Collective",
    "title",
    "collective",
    "state",
    ["confederation"],
    true
  ),
  "co-thi-dua-cap-tinh": e(
    "co-thi-dua-cap-tinh",
    "Cờ thi đua cấp Bộ, ngành, tỉnh (Cờ thi đua Tổng LĐLĐ)",
    "Ministerial or Provincial Emulation Flag",
    "title",
    "collective",
    "state",
    ["confederation"],
    true
  ),
  "co-thi-dua-chinh-phu": e(
    "co-thi-dua-chinh-phu",
    "Cờ thi đua của Chính phủ",
    "Government Emulation Flag",
    "title",
    "collective",
    "state",
    [],
    true
  ),
  "giay-khen": e(
    "giay-khen",
    "Giấy khen",
    "Certificate of Commendation",
    "form",
    "both",
    "state",
    ["grassroots", "upper"],
    false
  ),
  "bang-khen-cap-tinh": e(
    "bang-khen-cap-tinh",
    "Bằng khen cấp Bộ, ngành, tỉnh (Bằng khen Tổng LĐLĐ)",
    "Ministerial or Provincial Certificate of Merit",
    "form",
    "both",
    "state",
    ["confederation"],
    false
  ),
  "bang-khen-thu-tuong": e(
    "bang-khen-thu-tuong",
    "Bằng khen của Thủ tướng Chính phủ",
    "Prime Minister's Certificate of Merit",
    "form",
    "both",
    "state",
    [],
    false
  ),
  "huan-chuong-lao-dong": e(
    "huan-chuong-lao-dong",
    "Huân chương Lao động",
    "Labour Order",
    "medal",
    "both",
    "state",
    [],
    false
  ),
  "co-thi-dua-ldld": e(
    "co-thi-dua-ldld",
    "Cờ thi đua của LĐLĐ tỉnh, thành phố",
    "Emulation Flag of the City Labour Federation",
    "title",
    "collective",
    "union",
    ["federation"],
    true
  ),
  "bang-khen-ldld": e(
    "bang-khen-ldld",
    "Bằng khen của BCH LĐLĐ tỉnh, thành phố",
    "Certificate of Merit of the City Labour Federation",
    "form",
    "both",
    "union",
    ["federation"],
    false
  ),
  "bang-khen-chuyen-de-tld": e(
    "bang-khen-chuyen-de-tld",
    "Bằng khen chuyên đề của Tổng LĐLĐ",
    "Thematic Certificate of Merit of the Confederation",
    "form",
    "both",
    "union",
    ["confederation"],
    false
  ),
  "bang-lao-dong-sang-tao": e(
    "bang-lao-dong-sang-tao",
    "Bằng Lao động sáng tạo",
    "Creative Labour Certificate",
    "form",
    "individual",
    "union",
    ["confederation"],
    false
  ),
  "giai-thuong-nguyen-duc-canh": e(
    "giai-thuong-nguyen-duc-canh",
    "Giải thưởng Nguyễn Đức Cảnh",
    "Nguyen Duc Canh Prize",
    "prize",
    "individual",
    "union",
    ["confederation"],
    false
  ),
  "ky-niem-chuong-cong-doan": e(
    "ky-niem-chuong-cong-doan",
    "Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn",
    "Medal for Building the Trade Union",
    "medal",
    "individual",
    "union",
    ["confederation"],
    false
  ),
  "doan-vien-cong-doan-xuat-sac": e(
    "doan-vien-cong-doan-xuat-sac",
    "Đoàn viên công đoàn xuất sắc",
    "Excellent Union Member",
    "title",
    "individual",
    "union",
    ["grassroots", "upper"],
    true
  ),
  "cong-doan-co-so-vung-manh": e(
    "cong-doan-co-so-vung-manh",
    "Công đoàn cơ sở vững mạnh (hoàn thành xuất sắc nhiệm vụ)",
    "Strong Grassroots Union",
    "title",
    "collective",
    "union",
    ["upper", "federation"],
    true
  ),
  "to-cong-doan-vung-manh": e(
    "to-cong-doan-vung-manh",
    "Tổ công đoàn vững mạnh",
    "Strong Union Group",
    "title",
    "collective",
    "union",
    ["grassroots"],
    true
  ),
  "cong-nhan-gioi-co-so": e(
    "cong-nhan-gioi-co-so",
    "Công nhân giỏi cấp cơ sở",
    "Good Worker (grassroots)",
    "title",
    "individual",
    "union",
    ["grassroots"],
    true
  ),
  "cong-nhan-gioi-cap-tren": e(
    "cong-nhan-gioi-cap-tren",
    "Công nhân giỏi cấp trên cơ sở",
    "Good Worker (upper level)",
    "title",
    "individual",
    "union",
    ["upper"],
    true
  ),
  "cong-nhan-gioi-thu-do": e(
    "cong-nhan-gioi-thu-do",
    "Công nhân giỏi Thủ đô",
    "Good Worker of the Capital",
    "title",
    "individual",
    "union",
    ["federation"],
    true
  ),
  "gioi-viec-nuoc-dam-viec-nha": e(
    "gioi-viec-nuoc-dam-viec-nha",
    "Giỏi việc nước, đảm việc nhà",
    "Good at Public Work, Good at Housework",
    "title",
    "individual",
    "union",
    ["grassroots", "upper", "federation"],
    true
  )
}

/**
 * Whether an organization of `level` may grant `kind` (rule A1).
 *
 * @example
 * ```ts
 * import { AwardKind } from "@thidua/core"
 * import assert from "node:assert"
 *
 * assert.equal(AwardKind.mayGrant("upper", "giay-khen"), true)
 * assert.equal(AwardKind.mayGrant("upper", "bang-lao-dong-sang-tao"), false)
 * ```
 *
 * @since 0.1.0
 */
export const mayGrant = (level: Level, kind: AwardKind): boolean => catalogue[kind].grantingLevels.includes(level)

/** Whether the award is an emulation title (rule G1 applies). @since 0.1.0 */
export const isTitle = (kind: AwardKind): boolean => catalogue[kind].category === "title"
