/**
 * The README's terminal session, run: each `$` line of the block under "## The command line" with
 * the binary's own backend (the store its config names, opened for each run), in a fresh folder
 * holding the example campaign file, with the environment the line sets; its output must be the
 * lines that follow it. The lines run in this process (three child processes cost half a minute of
 * the test run's five on two cores, most of it loading the sources); `pipe.test.ts` runs the
 * binary's entry point as a child process.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Backend } from "@thidua/cli"
import { afterAll, expect, it } from "vitest"
import { runner } from "./harness.js"

const cli = runner(Backend.layer)
afterAll(() => cli.dispose())

const root = fileURLToPath(new URL("../../../", import.meta.url))
const readme = readFileSync(join(root, "README.md"), "utf8")

interface Step {
  readonly vars: Record<string, string>
  readonly args: ReadonlyArray<string>
  readonly expected: ReadonlyArray<string>
}

// The session: `$ [VAR=value ...] thidua args...` lines, each followed by its output.
const session = (): ReadonlyArray<Step> => {
  const section = readme.slice(readme.indexOf("## The command line"))
  const block = /```console\n([\s\S]*?)```/.exec(section)?.[1]
  if (block === undefined) throw new Error("no ```console block under ## The command line")
  const steps: Array<{ vars: Record<string, string>; args: Array<string>; expected: Array<string> }> = []
  for (const line of block.replace(/\n$/, "").split("\n")) {
    if (line.startsWith("$ ")) {
      const words = line.slice(2).split(/ +/)
      const vars: Record<string, string> = {}
      while (/^[A-Z_]+=/.test(words[0] ?? "")) {
        const [name, ...value] = words.shift()!.split("=")
        vars[name!] = value.join("=")
      }
      if (words.shift() !== "thidua") throw new Error(`not a thidua command: ${line}`)
      steps.push({ vars, args: words, expected: [] })
    } else steps.at(-1)?.expected.push(line)
  }
  return steps
}

it("the README's command-line session gives the output it shows", { timeout: 300_000 }, async () => {
  const steps = session()
  expect(steps.map((s) => s.args[0])).toEqual(["init", "import", "scoreboard"])
  const cwd = mkdtempSync(join(tmpdir(), "thidua-readme-"))
  copyFileSync(join(root, "packages/cli/examples/hoang-mai-2020.yaml"), join(cwd, "hoang-mai-2020.yaml"))
  for (const step of steps) {
    const ran = await cli.run(step.args, { cwd, vars: { LANG: "C.UTF-8", ...step.vars } })
    expect(ran.err).toEqual([])
    expect([ran.code, ran.out]).toEqual([0, step.expected])
  }
})
