/**
 * The campaign the example starts with: LĐLĐ quận Hoàng Mai's 2020 campaign from the seeds of
 * `@thidua/testing`, as it stood on 21/12/2020, in the middle of Đợt 2: two units enrolled and
 * scored, an initiative recognized, a Giấy khen after the Đợt 1 review. The campaign is still
 * running, so the page has something to follow: the rest of the seed (closing, the final review,
 * the awards) and any command of your own can be sent over HTTP.
 *
 * The seed runs through the engine as a host's trusted input: each command's actor is its
 * principal. Its command ids make it idempotent: on a store that already holds it, every command
 * is answered as a duplicate and nothing is written.
 *
 * @since 0.7.0
 */
import { ThiDuaError } from "@thidua/core"
import type { ThiDua } from "@thidua/engine"
import { Seeds } from "@thidua/testing"

/**
 * The seed the example loads.
 *
 * @since 0.7.0
 */
export const seed: Seeds.Seed = Seeds.hoangMai2020

/**
 * The campaign's id in the seed.
 *
 * @since 0.7.0
 */
export const campaignId = "hoang-mai-2020"

/**
 * The last day of the seed that is loaded: its commands of later days are left for you to send.
 *
 * @since 0.7.0
 */
export const asOf = "2020-12-21"

interface Raw {
  readonly _tag: string
  readonly commandId: string
  readonly tenantId: string
  readonly at: string
  readonly actor: { readonly organizationId: string; readonly role: "executive" | "council" | "officer" }
}

/**
 * The seed's commands up to a day, directory first (`asOf` by default).
 *
 * @example
 * ```ts no-run
 * const rest = Seeds.hoangMai2020.campaign.length - commands().length + Seeds.hoangMai2020.directory.length
 * ```
 *
 * @since 0.7.0
 */
export const commands = (until: string = asOf): ReadonlyArray<Raw> => [
  ...(seed.directory as ReadonlyArray<Raw>),
  ...(seed.campaign as ReadonlyArray<Raw>).filter((c) => c.at <= until)
]

/**
 * What loading did: how many commands were sent and how many of them wrote events (0 when the
 * store already held the seed).
 *
 * @since 0.7.0
 */
export interface Loaded {
  readonly sent: number
  readonly written: number
}

/**
 * The engine refused one of the seed's commands: a bug in the seed or in the engine, never bad
 * input, so the server does not start. The commands before it were written.
 *
 * @example
 * ```ts no-run
 * const e = new SeedRefused({ command: "AssessScore hoang-mai-2020-cmd-017", refusal: "C5", reason: "..." })
 * assert.equal(e.code, "EXAMPLE-SEED")
 * ```
 *
 * @since 0.7.0
 */
export class SeedRefused extends ThiDuaError.Tagged("SeedRefused")<{
  readonly command: string
  readonly refusal: string
  readonly reason: string
}> {
  readonly code = "EXAMPLE-SEED"
  get messages(): ThiDuaError.Messages {
    return {
      en: `The engine refused the seed's command ${this.command} (${this.refusal}): ${this.reason}`,
      vi: `Bộ máy đã từ chối lệnh ${this.command} của dữ liệu mẫu (${this.refusal}): ${this.reason}`
    }
  }
}

/**
 * Sends the seed's commands up to `asOf` through the engine, in order. A refusal is a bug in the
 * seed or the engine, so it throws, naming the command and the rule.
 *
 * @example
 * ```ts no-run
 * const td = await createThiDua({ store: "memory" })
 * const { written } = await load(td) // every command the first time
 * assert.equal((await load(td)).written, 0) // nothing the second
 * ```
 *
 * @since 0.7.0
 */
export const load = async (td: ThiDua.ThiDua, until: string = asOf): Promise<Loaded> => {
  let written = 0
  const all = commands(until)
  for (const raw of all) {
    const principal = { tenantId: raw.tenantId, ...raw.actor }
    const r = await td.execute(raw, { principal })
    if (!r.ok)
      throw new SeedRefused({
        command: `${raw._tag} ${raw.commandId}`,
        refusal: r.error.code,
        reason: r.error.messages.en
      })
    if (!r.duplicate) written++
  }
  return { sent: all.length, written }
}
