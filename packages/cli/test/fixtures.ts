/** The example campaign file, and copies of it for a tenant of a test's own. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const exampleText = readFileSync(new URL("../examples/hoang-mai-2020.yaml", import.meta.url), "utf8")

/** A fresh folder holding `text` as `name`. */
export const folderWith = (name: string, text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), "thidua-cli-"))
  writeFileSync(join(dir, name), text)
  return dir
}

/** The example file for another tenant. */
export const exampleFor = (tenantId: string): string =>
  exampleText.replace(/^tenantId: hoang-mai$/m, `tenantId: ${tenantId}`)

let counter = 0
/** A tenant id no other test of the file uses. */
export const freshTenant = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`

/** A directory command as JSON, registering a root federation of a tenant. */
export const registerRoot = (tenantId: string, commandId: string, name = "Liên đoàn Lao động thành phố Hà Nội") => ({
  _tag: "RegisterOrganization",
  commandId,
  tenantId,
  actor: { organizationId: "ldld-ha-noi", role: "executive" },
  at: "2020-01-02",
  organizationId: "ldld-ha-noi",
  name,
  level: "federation"
})
