/**
 * The store on a PostgreSQL server (`THIDUA_PG_URL`), in a database of its own: the conformance
 * suite and the corrupt-event check. Without `THIDUA_PG_URL` it is left out, except under CI,
 * where it fails.
 */
import { describe, layer } from "@effect/vitest"
import { registerImportChecks } from "./bulkImport.js"
import { corruptEventCheck, registerConformance, runServerSuites, serverStore } from "./support.js"

describe.runIf(runServerSuites)("PostgresStore on a server", () => {
  layer(serverStore(), { timeout: "60 seconds", excludeTestServices: true })("conformance", (it) => {
    registerConformance(it)
    corruptEventCheck(it)
    registerImportChecks(it)
  })
})
