/**
 * The pure core, alone: `decide` + `evolve` per command over generated campaign histories (valid
 * commands and near misses, the mix of a real campaign), and decoding at the edges (commands
 * from JSON, stored payloads through the upcasters).
 */
import { Campaign, Command, Event, Upcast } from "@thidua/core"
import { History } from "@thidua/testing"
import { Result } from "effect"
import fc from "fast-check"
import { CheckFailed } from "../../Workload.js"
import { solo, timed } from "./solo.js"

// Passes over the same inputs per round: one pass takes a few milliseconds, too short to time.
const PASSES = { command: 5, upcast: 20 }

const histories = () => fc.sample(History.campaign({ noise: 0.2, maxSteps: 150 }), { numRuns: 400, seed: 42 })

export const coreDecide = solo({
  id: "core-decide",
  title: "`Campaign.decide` + `evolve` per command, generated histories with near misses",
  unit: "commands",
  prepare: () => {
    const steps = histories().flatMap((h) => h.steps.map((s) => ({ h, s })))
    return async () => {
      const { value: mismatch, ms } = await timed(() => {
        let wrong = -1
        for (const [i, { h, s }] of steps.entries()) {
          const r = Campaign.decide(s.before, s.command, h.context)
          if (Result.isSuccess(r) !== Result.isSuccess(s.result)) wrong = i
          if (Result.isSuccess(r)) {
            let state = s.before
            for (const e of r.success) state = Campaign.evolve(state, e)
          }
        }
        return wrong
      })
      if (mismatch >= 0) throw new CheckFailed(`step ${mismatch} decided otherwise than its history`)
      return { units: steps.length, ms }
    }
  }
})

export const commandDecode = solo({
  id: "command-decode",
  title: "`Command.decode` of commands parsed from JSON (the edge)",
  unit: "commands",
  prepare: () => {
    const json = histories().flatMap((h) => h.steps.map((s) => JSON.parse(JSON.stringify(s.command)) as unknown))
    return async () => {
      const { value: decoded, ms } = await timed(() => {
        let n = 0
        for (let pass = 0; pass < PASSES.command; pass++)
          for (const j of json) if (Result.isSuccess(Command.decode(j))) n++
        return n
      })
      const units = json.length * PASSES.command
      if (decoded !== units) throw new CheckFailed(`${units - decoded} generated commands did not decode`)
      return { units, ms }
    }
  }
})

export const upcastDecode = solo({
  id: "upcast-decode",
  title: "`Upcast.decode` of stored payloads parsed from JSON (the edge)",
  unit: "events",
  prepare: () => {
    const stored = histories()
      .flatMap((h) => h.events)
      .map(({ _tag, ...data }) => ({
        type: _tag,
        version: Event.versions[_tag],
        data: JSON.parse(JSON.stringify(data))
      }))
    return async () => {
      const { value: decoded, ms } = await timed(() => {
        let n = 0
        for (let pass = 0; pass < PASSES.upcast; pass++)
          for (const e of stored) {
            const r = Upcast.decode(e.type, e.version, e.data)
            if (Result.isSuccess(r) && r.success._tag === e.type) n++
          }
        return n
      })
      const units = stored.length * PASSES.upcast
      if (decoded !== units) throw new CheckFailed(`${units - decoded} stored events did not decode`)
      return { units, ms }
    }
  }
})
