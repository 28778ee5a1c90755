/**
 * The seed campaigns demo: the five campaigns of the source articles, run through the deciders
 * from their plan to their close. (The embedded default store joins when it lands.)
 */
import { Version } from "@thidua/core"
import { Seeds } from "@thidua/testing"
import { describe, run } from "./run.js"

console.log(`Thi Đua ${Version.version} — the seed campaigns\n`)
let refused = 0
for (const seed of Seeds.all) {
  const report = run(seed)
  refused += report.refused.length
  for (const line of describe(report)) console.log(line)
  console.log("")
}
if (refused > 0) {
  console.error(`${refused} commands were refused`)
  process.exit(1)
}
