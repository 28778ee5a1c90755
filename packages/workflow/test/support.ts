/**
 * What the workflow tests share: the people's commands as the seeds hold them, sent through the
 * command handler as their own claim (tests trust the seeds as a host trusts its imports).
 */
import { type CommandHandler, Principal } from "@thidua/store"

/** A command of a seed: its type, its day, and its fields. */
export type Cmd = { readonly _tag: string; readonly at: string; readonly [k: string]: unknown }

/** Sends a seed's command, campaign or directory, as its own claim. */
export const send = (handler: CommandHandler.CommandHandler, c: Cmd) => {
  const principal = Principal.trustClaim(c as never)
  return "campaignId" in c ? handler.campaign(c as never, { principal }) : handler.directory(c as never, { principal })
}
