/**
 * An error as the problem answered for it, told to the logs first when the caller cannot fix it:
 * a 500 (a bug of the server or of the host's hook) is logged as an error with its cause, a 503
 * (the engine closing, the store out of reach) as a warning. The answer itself says nothing of
 * either cause.
 *
 * @internal
 */
import { Cause, Effect } from "effect"
import * as Problem from "../Problem.js"

/** Logs the host's own failure (its hook), which the answer hides. @internal */
export const logHookFailure = (cause: unknown): Effect.Effect<void> =>
  Effect.logError("Thi Đua HTTP: the authentication hook failed", Cause.fail(cause))

/** The problem for an error, logged when it is a 500 or a 503. @internal */
export const problemOf = (error: unknown): Effect.Effect<Problem.Problem> => {
  const problem = Problem.fromError(error)
  // The hook's failure was logged where its cause was still at hand.
  if (problem.status === 500 && problem.code !== "HTTP-AUTH-HOOK")
    return Effect.as(Effect.logError("Thi Đua HTTP: a request failed", Cause.fail(error)), problem)
  if (problem.status === 503)
    return Effect.as(Effect.logWarning("Thi Đua HTTP: the engine cannot answer now", Cause.fail(error)), problem)
  return Effect.succeed(problem)
}
