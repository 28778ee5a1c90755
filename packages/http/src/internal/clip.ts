/**
 * Values a client sent, cut short before an answer repeats them: a problem names the value that
 * was refused, and a problem must stay small whatever the request held.
 *
 * @internal
 */

/** The longest value a problem repeats, in UTF-16 code units. @internal */
export const maxEcho = 100

/** `text` as it is when short, else its first `maxEcho` code units and "…". @internal */
export const clip = (text: string): string => {
  if (text.length <= maxEcho) return text
  // Never half of a surrogate pair: the answer stays well-formed text.
  const code = text.charCodeAt(maxEcho - 1)
  const end = code >= 0xd800 && code <= 0xdbff ? maxEcho - 1 : maxEcho
  return `${text.slice(0, end)}…`
}
