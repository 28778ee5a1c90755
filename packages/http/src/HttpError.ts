/**
 * The errors of the HTTP layer itself: a request refused before it reaches the engine (no
 * principal, another tenant, a body that is not JSON or is too big, a header that is not what it
 * should be, a route that does not exist). Each is an `Error` of the library's one base
 * (`ThiDuaError` of `@thidua/core`): a stable `_tag` and `code`, an English `message` and
 * `messages` in Vietnamese and English. The server answers each as a problem
 * (`application/problem+json`, see `Problem`). Nothing was read or written when one is raised.
 *
 * @since 0.7.0
 */
import { ThiDuaError } from "@thidua/core"

/**
 * The authentication hook found no principal for the request (HTTP 401).
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.Unauthenticated()
 * assert.equal(e.code, "HTTP-UNAUTHENTICATED")
 * assert.match(e.messages.vi, /xác thực/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class Unauthenticated extends ThiDuaError.Tagged("Unauthenticated")<Record<never, never>> {
  readonly code = "HTTP-UNAUTHENTICATED"
  get messages(): ThiDuaError.Messages {
    return {
      en: "The request carries no valid credentials: sign in, then send it again.",
      vi: "Yêu cầu không có thông tin xác thực hợp lệ: hãy đăng nhập rồi gửi lại."
    }
  }
}

/**
 * The request names a tenant that is not the caller's: the path's tenant is not the principal's,
 * or the command's `tenantId` is not the path's (HTTP 403).
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.WrongTenant({ where: "path", tenantId: "hcm", expected: "hanoi" })
 * assert.equal(e.code, "HTTP-TENANT")
 * assert.equal(e.message, "The path names the tenant hcm, but the caller belongs to hanoi.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class WrongTenant extends ThiDuaError.Tagged("WrongTenant")<{
  /** `path`: the path's tenant is not the principal's; `body`: the command's is not the path's. */
  readonly where: "path" | "body"
  readonly tenantId: string
  readonly expected: string
}> {
  readonly code = "HTTP-TENANT"
  get messages(): ThiDuaError.Messages {
    return this.where === "path"
      ? {
          en: `The path names the tenant ${this.tenantId}, but the caller belongs to ${this.expected}.`,
          vi: `Đường dẫn ghi đơn vị sử dụng ${this.tenantId}, nhưng người gửi thuộc ${this.expected}.`
        }
      : {
          en: `The command names the tenant ${this.tenantId}, but the path names ${this.expected}.`,
          vi: `Lệnh ghi đơn vị sử dụng ${this.tenantId}, nhưng đường dẫn ghi ${this.expected}.`
        }
  }
}

/**
 * The request's body is not sent as JSON (HTTP 415): commands are `application/json`, not
 * compressed (`Content-Encoding` absent or `identity`).
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.UnsupportedMediaType({ contentType: "text/plain" })
 * assert.equal(e.code, "HTTP-MEDIA-TYPE")
 * assert.match(e.messages.vi, /application\/json/)
 * const gzip = new HttpError.UnsupportedMediaType({ contentType: "application/json", contentEncoding: "gzip" })
 * assert.equal(gzip.messages.vi, "Nội dung không được nén (Content-Encoding: gzip): hãy gửi application/json nguyên bản.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class UnsupportedMediaType extends ThiDuaError.Tagged("UnsupportedMediaType")<{
  readonly contentType: string
  /** The `Content-Encoding` sent, when it is what is refused (the server reads plain bodies only). */
  readonly contentEncoding?: string
}> {
  readonly code = "HTTP-MEDIA-TYPE"
  get messages(): ThiDuaError.Messages {
    if (this.contentEncoding !== undefined)
      return {
        en: `The body must not be compressed (Content-Encoding: ${this.contentEncoding}): send plain application/json.`,
        vi: `Nội dung không được nén (Content-Encoding: ${this.contentEncoding}): hãy gửi application/json nguyên bản.`
      }
    const sent = this.contentType === "" ? "none" : this.contentType
    return {
      en: `The body must be sent as application/json, not ${sent}.`,
      vi: `Nội dung phải được gửi dưới dạng application/json, không phải ${sent === "none" ? "không khai báo" : sent}.`
    }
  }
}

/**
 * The request's body is over the server's limit (HTTP 413). Nothing of it was decoded.
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.BodyTooLarge({ max: 1_048_576 })
 * assert.equal(e.code, "HTTP-BODY-TOO-LARGE")
 * assert.match(e.message, /1048576 bytes/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class BodyTooLarge extends ThiDuaError.Tagged("BodyTooLarge")<{ readonly max: number }> {
  readonly code = "HTTP-BODY-TOO-LARGE"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The body is larger than ${this.max} bytes, the most this server reads.`,
      vi: `Nội dung vượt quá ${this.max} byte, mức tối đa máy chủ này nhận.`
    }
  }
}

/**
 * The request's body cannot be read as a command: not UTF-8, not JSON, nested too deep (more than
 * 64 levels of objects and arrays), not an object, or holding a NUL character (HTTP 400). A body that is JSON but not a command is the engine's
 * `CommandDecodeError` instead.
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.InvalidBody({ problem: "nul", at: "name" })
 * assert.equal(e.code, "HTTP-BODY")
 * assert.equal(e.message, "The body holds a NUL character (U+0000) at name.")
 * assert.equal(e.messages.vi, "Nội dung yêu cầu chứa ký tự NUL (U+0000) tại name.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class InvalidBody extends ThiDuaError.Tagged("InvalidBody")<{
  /** What is wrong with it. */
  readonly problem: "not-utf8" | "empty" | "not-json" | "too-deep" | "not-object" | "nul"
  /** Where the NUL character is (`name`, `sectors[0].title`, cut at 100 characters), for `nul`. */
  readonly at?: string
  /** The deepest nesting taken, for `too-deep`. */
  readonly max?: number
}> {
  readonly code = "HTTP-BODY"
  get messages(): ThiDuaError.Messages {
    const texts: { readonly [P in typeof this.problem]: ThiDuaError.Messages } = {
      "not-utf8": { en: "The body is not valid UTF-8.", vi: "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ." },
      empty: {
        en: "The body is empty: send one command as JSON.",
        vi: "Nội dung yêu cầu trống: hãy gửi một lệnh dưới dạng JSON."
      },
      "not-json": { en: "The body is not JSON.", vi: "Nội dung yêu cầu không phải JSON hợp lệ." },
      "too-deep": {
        en: `The body nests objects and arrays more than ${this.max ?? 64} levels deep.`,
        vi: `Nội dung yêu cầu lồng đối tượng và mảng sâu quá ${this.max ?? 64} cấp.`
      },
      "not-object": {
        en: "The body is not a JSON object: send one command.",
        vi: "Nội dung yêu cầu không phải một đối tượng JSON: hãy gửi một lệnh."
      },
      nul: {
        en: `The body holds a NUL character (U+0000) at ${this.at ?? "(the body)"}.`,
        vi: `Nội dung yêu cầu chứa ký tự NUL (U+0000) tại ${this.at ?? "(nội dung)"}.`
      }
    }
    return texts[this.problem]
  }
}

/**
 * A header is not what it must be: an `If-Match` that is not one version (`"7"`, no leading
 * zeros), an `Idempotency-Key` that is empty, longer than 64 characters (a command id's limit)
 * or disagrees with the body's `commandId` (HTTP 400).
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.InvalidHeader({ header: "if-match", problem: "not-a-version" })
 * assert.equal(e.code, "HTTP-HEADER")
 * assert.match(e.messages.vi, /If-Match/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class InvalidHeader extends ThiDuaError.Tagged("InvalidHeader")<{
  readonly header: "if-match" | "idempotency-key"
  /** `not-a-version` (If-Match), `length` or `differs` (Idempotency-Key). */
  readonly problem: "not-a-version" | "length" | "differs"
}> {
  readonly code = "HTTP-HEADER"
  get messages(): ThiDuaError.Messages {
    const texts: { readonly [P in typeof this.problem]: ThiDuaError.Messages } = {
      "not-a-version": {
        en: 'The header If-Match must be one version in quotes, such as "7".',
        vi: 'Tiêu đề If-Match phải là một số phiên bản đặt trong dấu ngoặc kép, ví dụ "7".'
      },
      length: {
        en: "The header Idempotency-Key must have 1 to 64 characters.",
        vi: "Tiêu đề Idempotency-Key phải có từ 1 đến 64 ký tự."
      },
      differs: {
        en: "The header Idempotency-Key differs from the body's commandId: send one of them, or the same in both.",
        vi: "Tiêu đề Idempotency-Key khác với commandId trong nội dung: hãy gửi một trong hai, hoặc cùng một giá trị ở cả hai."
      }
    }
    return texts[this.problem]
  }
}

/**
 * A path parameter or a query parameter is not what the route takes, such as a parameter given
 * twice or an `after` that is not a position (HTTP 400).
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.InvalidRequest({ parameter: "after", problem: "not-a-position" })
 * assert.equal(e.code, "HTTP-REQUEST")
 * assert.match(e.messages.vi, /after/)
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class InvalidRequest extends ThiDuaError.Tagged("InvalidRequest")<{
  /**
   * The parameter (`after`, `last-event-id`, `stream`) or the part of the request (`query`,
   * `headers`; `request` for a request that is not HTTP Node can read).
   */
  readonly parameter: string
  /**
   * `malformed`: not well-formed HTTP (a length shorter than the body, both a length and chunks,
   * a folded header line); `headers-too-large` (answered 431); `timeout`: the request did not
   * arrive whole in time (answered 408).
   */
  readonly problem: "not-a-position" | "stream" | "schema" | "malformed" | "headers-too-large" | "timeout"
}> {
  readonly code = "HTTP-REQUEST"
  get messages(): ThiDuaError.Messages {
    const texts: { readonly [P in typeof this.problem]: ThiDuaError.Messages } = {
      "not-a-position": {
        en: `The parameter ${this.parameter} is not a position of the log (an event's id).`,
        vi: `Tham số ${this.parameter} không phải một vị trí trong nhật ký sự kiện (mã của một sự kiện).`
      },
      stream: {
        en: "The parameter stream must be a stream id of 1 to 300 characters.",
        vi: "Tham số stream phải là mã luồng dài từ 1 đến 300 ký tự."
      },
      schema: {
        en: `The request's ${this.parameter} do not match the route (a parameter given twice?).`,
        vi: `Phần ${this.parameter} của yêu cầu không đúng với đường dẫn (có tham số bị lặp lại?).`
      },
      malformed: {
        en: "The request is not well-formed HTTP/1.1 (its length, its framing or a header line).",
        vi: "Yêu cầu không đúng định dạng HTTP/1.1 (độ dài, cách chia khối hoặc một dòng tiêu đề)."
      },
      "headers-too-large": {
        en: "The request's headers are too large.",
        vi: "Phần tiêu đề của yêu cầu quá lớn."
      },
      timeout: {
        en: "The request did not arrive whole in time: send it again.",
        vi: "Yêu cầu không được gửi đến đầy đủ trong thời hạn: hãy gửi lại."
      }
    }
    return texts[this.problem]
  }
}

/**
 * Nothing is there: no route for the method and path, or a campaign that was never planned
 * (HTTP 404).
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.NotFound({ resource: "campaign", id: "hm-2031" })
 * assert.equal(e.code, "HTTP-NOT-FOUND")
 * assert.equal(e.messages.vi, "Không tìm thấy phong trào thi đua hm-2031.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class NotFound extends ThiDuaError.Tagged("NotFound")<{
  readonly resource: "route" | "campaign"
  readonly id: string
}> {
  readonly code = "HTTP-NOT-FOUND"
  get messages(): ThiDuaError.Messages {
    return this.resource === "campaign"
      ? { en: `No campaign ${this.id}.`, vi: `Không tìm thấy phong trào thi đua ${this.id}.` }
      : { en: `No route ${this.id}.`, vi: `Không có đường dẫn ${this.id}.` }
  }
}

/**
 * The path is a route of the API, but not for this method (HTTP 405); `allow` lists the methods
 * it takes, also sent as the `Allow` header.
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * const e = new HttpError.MethodNotAllowed({ method: "DELETE", allow: ["GET"] })
 * assert.equal(e.code, "HTTP-METHOD")
 * assert.equal(e.messages.vi, "Đường dẫn này không nhận phương thức DELETE; chỉ nhận GET.")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class MethodNotAllowed extends ThiDuaError.Tagged("MethodNotAllowed")<{
  readonly method: string
  readonly allow: ReadonlyArray<string>
}> {
  readonly code = "HTTP-METHOD"
  get messages(): ThiDuaError.Messages {
    const allow = this.allow.join(", ")
    return {
      en: `This path does not take the method ${this.method}; it takes ${allow}.`,
      vi: `Đường dẫn này không nhận phương thức ${this.method}; chỉ nhận ${allow}.`
    }
  }
}

/**
 * The host's authentication hook failed: it threw, or answered something that is not a principal
 * (HTTP 500). The host's bug, reported without its details.
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * assert.equal(new HttpError.AuthenticationFailed({ problem: "threw" }).code, "HTTP-AUTH-HOOK")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class AuthenticationFailed extends ThiDuaError.Tagged("AuthenticationFailed")<{
  readonly problem: "threw" | "not-a-principal"
}> {
  readonly code = "HTTP-AUTH-HOOK"
  get messages(): ThiDuaError.Messages {
    return this.problem === "threw"
      ? {
          en: "The server could not authenticate the request: its authentication hook failed.",
          vi: "Máy chủ không xác thực được yêu cầu: bộ xác thực gặp lỗi."
        }
      : {
          en: "The server could not authenticate the request: its authentication hook answered no valid principal.",
          vi: "Máy chủ không xác thực được yêu cầu: bộ xác thực không trả về người gửi hợp lệ."
        }
  }
}

/**
 * Something failed on the server's side that the caller cannot fix (HTTP 500); what it was is
 * logged, not sent.
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * assert.equal(new HttpError.Internal().code, "HTTP-INTERNAL")
 * ```
 *
 * @since 0.7.0
 * @category errors
 */
export class Internal extends ThiDuaError.Tagged("Internal")<Record<never, never>> {
  readonly code = "HTTP-INTERNAL"
  get messages(): ThiDuaError.Messages {
    return {
      en: "The server failed to answer the request. Try again later.",
      vi: "Máy chủ gặp lỗi khi xử lý yêu cầu. Hãy thử lại sau."
    }
  }
}

/**
 * The server cannot answer now, and may later: the engine is closing or its store cannot be
 * reached. Answered with status 503; nothing of the cause is sent.
 *
 * @example
 * ```ts
 * import { HttpError } from "@thidua/http"
 * import assert from "node:assert"
 *
 * assert.equal(new HttpError.Unavailable().code, "HTTP-UNAVAILABLE")
 * ```
 *
 * @since 0.7.0
 */
export class Unavailable extends ThiDuaError.Tagged("Unavailable")<Record<never, never>> {
  readonly code = "HTTP-UNAVAILABLE"
  get messages(): ThiDuaError.Messages {
    return {
      en: "The service is unavailable for now. Try again later.",
      vi: "Dịch vụ tạm thời không phục vụ được. Hãy thử lại sau."
    }
  }
}
