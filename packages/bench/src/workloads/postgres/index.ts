/**
 * The workloads that need a PostgreSQL server, and the national-scale fold (in memory).
 */
import type { Workload } from "../../Workload.js"
import { append100 } from "./append.js"
import { catchup } from "./catchup.js"
import { ceilings } from "./ceiling.js"
import { commandWorkloads } from "./commands.js"
import { bulkImport } from "./import.js"
import { inlineWorkloads } from "./inline.js"
import { nationalScale } from "./national.js"
import { rebuild } from "./rebuild.js"

export const postgresWorkloads: ReadonlyArray<Workload> = [
  ...ceilings,
  ...commandWorkloads,
  append100,
  bulkImport,
  ...inlineWorkloads,
  catchup,
  rebuild,
  nationalScale
]
