/**
 * The Node HTTP server under the API: Node's timeouts set (a request that stops arriving does not
 * hold its connection for Node's 300 s), and a request Node cannot parse answered as a problem,
 * like every other refusal, instead of Node's bare status line.
 *
 * @internal
 */
import { createServer, type Server } from "node:http"
import type { Duplex } from "node:stream"
import { InvalidRequest } from "../HttpError.js"
import * as Problem from "../Problem.js"

/** @internal */
export interface Timeouts {
  /** The longest a request may take to arrive whole, headers and body. 0: none. */
  readonly requestTimeoutMillis?: number
  /** The longest its headers may take. 0: none. */
  readonly headersTimeoutMillis?: number
}

/** @internal */
export const defaultRequestTimeoutMillis = 30_000
/** @internal */
export const defaultHeadersTimeoutMillis = 15_000

// Node's own status for each of its parse errors that is not a plain 400.
const statusOf = (code: string | undefined): 400 | 408 | 431 =>
  code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : code === "HPE_HEADER_OVERFLOW" ? 431 : 400

const reasons = { 400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large" }

/** The bytes answered for a request Node could not read. @internal */
export const clientErrorAnswer = (code: string | undefined): string => {
  const status = statusOf(code)
  const problem = Problem.fromError(
    new InvalidRequest({
      parameter: "request",
      problem: status === 408 ? "timeout" : status === 431 ? "headers-too-large" : "malformed"
    })
  )
  const body = JSON.stringify({ ...problem, title: reasons[status], status })
  return (
    `HTTP/1.1 ${status} ${reasons[status]}\r\n` +
    `content-type: ${Problem.contentType}\r\n` +
    "x-content-type-options: nosniff\r\n" +
    `content-length: ${Buffer.byteLength(body)}\r\n` +
    "connection: close\r\n\r\n" +
    body
  )
}

// As Node's own handler does: answer only while nothing of a response went out on the socket,
// then close it (what follows on it cannot be trusted to start a request).
const onClientError = (error: Error & { readonly code?: string }, socket: Duplex): void => {
  const started = (socket as Duplex & { readonly _httpMessage?: { readonly headersSent?: boolean } })._httpMessage
  if (error.code !== "ECONNRESET" && socket.writable && started?.headersSent !== true)
    socket.end(clientErrorAnswer(error.code))
  else socket.destroy()
}

/** A Node server with the timeouts and the parse-error answer. @internal */
export const make = (timeouts: Timeouts = {}): Server => {
  const requestTimeout = timeouts.requestTimeoutMillis ?? defaultRequestTimeoutMillis
  const headersTimeout =
    timeouts.headersTimeoutMillis ??
    (requestTimeout === 0 ? defaultHeadersTimeoutMillis : Math.min(defaultHeadersTimeoutMillis, requestTimeout))
  const shortest = Math.min(...[requestTimeout, headersTimeout].filter((t) => t > 0), 30_000)
  const server = createServer({
    requestTimeout,
    headersTimeout,
    // Node looks at its timeouts this often (30 s by default, which would double a 30 s limit).
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(shortest / 4)))
  })
  server.on("clientError", onClientError)
  return server
}
