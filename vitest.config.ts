import { availableParallelism } from "node:os"
import { defineConfig } from "vitest/config"
import projects from "./vitest.workspace.ts"

export default defineConfig({
  test: {
    projects,
    // Vitest keeps a core for itself (one worker fewer than cores): on two cores, one worker ran
    // every file while the main process mostly waited. Without a server, two workers there. With
    // one (THIDUA_PG_URL) the default stays, one file at a time on two cores: files on one server
    // see each other's open transactions, which hold back the log (`pg_snapshot_xmin` is the
    // whole server's), and two server suites at once read fewer events than they wrote.
    ...(process.env.THIDUA_PG_URL === undefined ? { maxWorkers: Math.max(2, availableParallelism() - 1) } : {}),
    // Says first what the run leaves out: the PostgreSQL server suites, the long property runs.
    globalSetup: ["./scripts/testBanner.ts"]
  }
})
