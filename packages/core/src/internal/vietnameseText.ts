/**
 * What the Vietnamese readers share: text as a spreadsheet hands it over, made comparable, and
 * quoted for a message.
 *
 * @internal
 */

/**
 * The longest text read. No cell a person writes is longer; every finite number up to 2^53 - 1,
 * written out in full ("0,000…0005" has some 330 characters), fits, so formatting and reading
 * back holds for all of them.
 *
 * @internal
 */
export const maxLength = 1000

// C0 controls and DEL, except tab, line feed and carriage return, which are whitespace here.
const hasControl = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true
  }
  return false
}

/**
 * Text made comparable, or why it cannot be: NFC (some spreadsheets export decomposed letters),
 * trimmed, lower case ("Tỷ", "VNĐ"). No-break spaces (U+00A0 from spreadsheets, U+202F, U+2007
 * from number formats) need nothing: they are whitespace to `trim` and to `\s`, which the readers
 * match between words.
 *
 * @internal
 */
export const normalize = (
  text: string
): { readonly text: string } | { readonly reason: "empty" | "too-long" | "control-character" } => {
  if (text.length > maxLength) return { reason: "too-long" }
  if (hasControl(text)) return { reason: "control-character" }
  const normalized = text.normalize("NFC").trim().toLowerCase()
  return normalized === "" ? { reason: "empty" } : { text: normalized }
}

const quotedLength = 40

/**
 * The input as a message quotes it: controls and lone surrogates written as escapes (a NUL would
 * end the message in some terminals and databases), long text cut.
 *
 * @internal
 */
export const quote = (input: string): string => {
  const cut = input.length > quotedLength ? `${input.slice(0, quotedLength)}…` : input
  let printable = ""
  for (let i = 0; i < cut.length; i++) {
    const c = cut.charCodeAt(i)
    const pair = c >= 0xd800 && c <= 0xdbff && (cut.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    if (pair) {
      printable += cut.slice(i, i + 2)
      i++
    } else if (c < 0x20 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff))
      printable += `\\u${c.toString(16).toUpperCase().padStart(4, "0")}`
    else printable += cut[i]
  }
  return `“${printable}”`
}
