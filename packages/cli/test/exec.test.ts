import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { folderWith, freshTenant, registerRoot } from "./fixtures.js"
import { memoryRunner } from "./harness.js"

const cli = memoryRunner()
afterAll(() => cli.dispose())

const ndjson = (...lines: ReadonlyArray<unknown>) =>
  lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")

const answers = (out: ReadonlyArray<string>) => out.filter((l) => l !== "").map((l) => JSON.parse(l))

const log = async (tenant: string) => {
  const r = await cli.run(["events", "--tenant", tenant, "--json"])
  return r.out.filter((l) => l !== "")
}

describe("thidua exec", () => {
  it("answers every line in order, refusing what is not a command by its line number (exit 1)", async () => {
    const t = freshTenant("exec")
    const stdin = ndjson(
      registerRoot(t, "c-1"),
      "{not json",
      "",
      {
        ...registerRoot(t, "c-2"),
        organizationId: "ldld-hoang-mai",
        name: "Liên đoàn Lao động quận Hoàng Mai",
        level: "upper",
        parentId: "ldld-ha-noi"
      },
      { ...registerRoot(t, "c-3"), level: "empire" },
      "[1, 2]"
    )
    const r = await cli.run(["exec"], { stdin })
    expect(r.code).toBe(1)
    const a = answers(r.out)
    expect(a.map((x) => [x.line, x.ok])).toEqual([
      [1, true],
      [2, false],
      [4, true],
      [5, false],
      [6, false]
    ])
    expect(a[0]).toEqual({ line: 1, ok: true, commandId: "c-1", streamId: `org:${t}`, version: 1, duplicate: false })
    expect(a[1]).toMatchObject({
      code: "CLI-LINE",
      messages: { vi: expect.stringMatching(/^Dòng này không phải là lệnh: không phải JSON/) }
    })
    expect(a[3]).toMatchObject({ code: "CommandDecodeError" })
    expect(a[3].message).toMatch(/level/)
    expect(r.err).toEqual(["CLI-REFUSED: 3 of 5 commands refused."])
    expect(await log(t)).toHaveLength(2)
  })

  it("exits 0 when every command is accepted, and a repeated command is a duplicate", async () => {
    const t = freshTenant("ok")
    const first = await cli.run(["exec", "-"], { stdin: ndjson(registerRoot(t, "c-1")) })
    expect(first.code).toBe(0)
    const again = await cli.run(["exec"], { stdin: ndjson(registerRoot(t, "c-1")) })
    expect(again.code).toBe(0)
    expect(answers(again.out)).toEqual([
      { line: 1, ok: true, commandId: "c-1", streamId: `org:${t}`, version: 1, duplicate: true }
    ])
    expect(await log(t)).toHaveLength(1)
  })

  it("reads a file", async () => {
    const t = freshTenant("file")
    const cwd = folderWith("cmds.ndjson", `${ndjson(registerRoot(t, "c-1"))}\n`)
    const r = await cli.run(["exec", "cmds.ndjson"], { cwd })
    expect(r.code).toBe(0)
    expect(answers(r.out)).toHaveLength(1)
  })

  it("refuses a command of another tenant than the principal's, writing nothing (forged principal)", async () => {
    const a = freshTenant("a")
    const b = freshTenant("b")
    const r = await cli.run(["exec", "--tenant", a, "--organization", "ldld-ha-noi", "--role", "executive"], {
      stdin: ndjson(registerRoot(b, "c-1"))
    })
    expect(r.code).toBe(1)
    expect(answers(r.out)[0]).toMatchObject({ line: 1, ok: false, code: "AUTH-PRINCIPAL" })
    expect(await log(b)).toEqual([])
    expect(await log(a)).toEqual([])
  })

  it("refuses a command whose actor is not the principal (another role)", async () => {
    const t = freshTenant("role")
    const r = await cli.run(["exec", "--tenant", t, "--organization", "ldld-ha-noi", "--role", "officer"], {
      stdin: ndjson(registerRoot(t, "c-1"))
    })
    expect(answers(r.out)[0]).toMatchObject({ ok: false, code: "AUTH-PRINCIPAL" })
    expect(await log(t)).toEqual([])
  })

  it("refuses a stale expected version and a reused command id, leaving the log as it was", async () => {
    const t = freshTenant("stale")
    expect((await cli.run(["exec"], { stdin: ndjson(registerRoot(t, "c-1")) })).code).toBe(0)
    const before = await log(t)
    const second = {
      ...registerRoot(t, "c-2"),
      organizationId: "ldld-hm",
      name: "LĐLĐ quận Hoàng Mai",
      level: "upper",
      parentId: "ldld-ha-noi"
    }
    const r = await cli.run(["exec"], {
      stdin: ndjson(
        { command: second, expectedVersion: 0 },
        { ...registerRoot(t, "c-1"), name: "Một tên khác" },
        { command: second, expectedVersion: "1" }
      )
    })
    expect(r.code).toBe(1)
    expect(answers(r.out).map((a) => a.code)).toEqual(["WrongExpectedVersion", "IdempotencyConflict", "CLI-LINE"])
    expect(await log(t)).toEqual(before)
    const ok = await cli.run(["exec"], { stdin: ndjson({ command: second, expectedVersion: 1 }) })
    expect(answers(ok.out)[0]).toMatchObject({ ok: true, version: 2 })
  })

  it("a principal needs --tenant, --organization and --role together (exit 2, nothing read)", async () => {
    const t = freshTenant("usage")
    const r = await cli.run(["exec", "--tenant", t], { stdin: ndjson(registerRoot(t, "c-1")) })
    expect(r.code).toBe(2)
    expect(r.err[0]).toMatch(/^CLI-USAGE: /)
    expect(r.out).toEqual([])
    expect(await log(t)).toEqual([])
  })

  it("a missing file exits 2", async () => {
    const cwd = folderWith("x", "")
    writeFileSync(join(cwd, "dir.ndjson"), "")
    const r = await cli.run(["exec", "none.ndjson"], { cwd })
    expect(r.code).toBe(2)
    expect(r.err).toEqual(["CLI-FILE: Cannot read the file none.ndjson: no such file"])
  })

  it("refuses a line that is not UTF-8 by its number, never storing U+FFFD; the lines after it go on", async () => {
    const t = freshTenant("utf8")
    const enc = (x: unknown) => new TextEncoder().encode(`${JSON.stringify(x)}\n`)
    const bad = enc({ ...registerRoot(t, "c-1"), name: "AXB" })
    bad[bad.indexOf(0x58)] = 0xff // the X: a byte no UTF-8 text holds
    const second = {
      ...registerRoot(t, "c-2"),
      organizationId: "ldld-hm",
      name: "LĐLĐ quận Hoàng Mai",
      level: "upper",
      parentId: "ldld-ha-noi"
    }
    const stdin = Buffer.concat([enc(registerRoot(t, "c-0")), bad, enc(second)])
    const r = await cli.run(["exec"], { stdin })
    expect(r.code).toBe(1)
    const a = answers(r.out)
    expect(a.map((x) => [x.line, x.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true]
    ])
    expect(a[1]).toMatchObject({ code: "CLI-LINE", message: expect.stringMatching(/not UTF-8/) })
    const logged = await log(t)
    expect(logged).toHaveLength(2)
    expect(logged.join("\n")).not.toContain("\ufffd")
  })

  it("reads CRLF lines and a first line after a byte order mark", async () => {
    const t = freshTenant("crlf")
    const r = await cli.run(["exec"], { stdin: `\ufeff${JSON.stringify(registerRoot(t, "c-1"))}\r\n` })
    expect(r.err).toEqual([])
    expect(answers(r.out)).toEqual([
      { line: 1, ok: true, commandId: "c-1", streamId: `org:${t}`, version: 1, duplicate: false }
    ])
  })
})
