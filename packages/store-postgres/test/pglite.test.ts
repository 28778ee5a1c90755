/**
 * The store on embedded PGlite: the conformance suite, and a payload that fails its schema read
 * back as a CorruptEvent. One PGlite for the file: it takes seconds to start.
 */
import { layer } from "@effect/vitest"
import { PostgresStore } from "@thidua/store-postgres"
import { registerImportChecks } from "./bulkImport.js"
import { corruptEventCheck, registerConformance, storeOptions } from "./support.js"

layer(PostgresStore.layer({}, storeOptions), { timeout: "60 seconds", excludeTestServices: true })(
  "PostgresStore on PGlite",
  (it) => {
    registerConformance(it)
    corruptEventCheck(it)
    registerImportChecks(it)
  }
)
