/**
 * The binary on a closed pipe (`thidua … | head -1`): a real child process whose stdout reader has
 * gone before it writes. It must end quietly with 141, as `cat` or `seq` would, not with a stack.
 */
import { spawn } from "node:child_process"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect, it } from "vitest"

const root = fileURLToPath(new URL("../../../", import.meta.url))

it("ends quietly with 141 when its reader has gone (EPIPE)", { timeout: 60_000 }, async () => {
  const child = spawn(
    join(root, "node_modules/.bin/tsx"),
    ["--conditions=@thidua/source", join(root, "packages/cli/src/main.ts"), "diagram"],
    { stdio: ["ignore", "pipe", "pipe"] }
  )
  // The reader goes away at once: every write of the child meets a closed pipe.
  child.stdout.destroy()
  let stderr = ""
  child.stderr.on("data", (d) => (stderr += String(d)))
  const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)))
  expect(stderr).toBe("")
  expect(code).toBe(141)
})
