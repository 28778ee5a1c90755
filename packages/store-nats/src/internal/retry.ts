/**
 * What waiting cures, for the store and for a move alike: one list, so that neither gives up on an
 * election the other waits out.
 */
import { JetStreamApiError } from "@nats-io/jetstream"

/** What a publish or a read can meet that waiting can cure: no answer, no server, an election. */
export const transient = (cause: unknown): boolean => {
  // 10014: the consumer is gone (an ephemeral one does not outlive its server's restart): a read
  // opens another where it stopped.
  if (cause instanceof JetStreamApiError) return cause.status === 503 || cause.code === 10008 || cause.code === 10014
  const name = (cause as { name?: string } | null)?.name ?? ""
  const message = String((cause as { message?: string } | null)?.message ?? "")
  return (
    name === "TimeoutError" ||
    name === "NoRespondersError" ||
    // What the client makes of "no responders" to a publish: no stream leader, for the moment.
    name === "JetStreamNotEnabled" ||
    name === "RequestError" ||
    name === "ConsumerNotFoundError" ||
    /timeout|no responders|disconnect|closed|reconnect|consumer (is )?(not found|deleted)/i.test(message)
  )
}

/**
 * Runs `f` again while what it meets is `retryable`, backing off from 25 ms to a second, until
 * `retryFor` ms have passed.
 */
export const persist = async <A>(
  f: () => Promise<A>,
  retryFor: number,
  retryable: (cause: unknown) => boolean = transient
): Promise<A> => {
  const deadline = performance.now() + retryFor
  for (let wait = 25; ; wait = Math.min(wait * 2, 1000)) {
    try {
      return await f()
    } catch (cause) {
      if (!retryable(cause) || performance.now() + wait > deadline) throw cause
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}
