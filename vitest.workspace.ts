/**
 * The one list of test projects. Every package and example is a project named after its folder;
 * `pnpm test` runs them all, `pnpm test:one <name>` runs one.
 *
 * Tests import workspace packages through the `@thidua/source` export condition, so they run
 * against the TypeScript sources and need no build first.
 */
import type { TestProjectInlineConfiguration } from "vitest/config"

const sourceConditions = ["@thidua/source"]

const project = (
  dir: string,
  name: string,
  options: { readonly isolate?: boolean } = {}
): TestProjectInlineConfiguration => ({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    name,
    root: dir,
    include: ["test/**/*.test.ts"],
    // Property tests and the PostgreSQL suites share two cores with the server: leave them room.
    testTimeout: 60_000,
    includeSource: ["src/**/*.ts"],
    ...options
  }
})

export default [
  // Pure functions over plain data in some forty small files, none leaving global state behind: a
  // worker loads the modules once for all of them instead of once per file (on two cores the
  // project takes 15 s instead of 45 s, two thirds of it spent importing).
  project("packages/core", "core", { isolate: false }),
  project("packages/testing", "testing"),
  project("packages/store", "store"),
  project("packages/projections", "projections"),
  project("packages/store-postgres", "store-postgres"),
  project("packages/store-nats", "store-nats"),
  project("packages/workflow", "workflow"),
  project("packages/engine", "engine"),
  // The surfaces load the whole engine (and PGlite) in every file; each file starts and closes its
  // own servers and stores and leaves no global state, so one worker loads them once for all
  // (a fifth less time for the three projects).
  project("packages/cli", "cli", { isolate: false }),
  project("packages/http", "http", { isolate: false }),
  project("examples/seed-campaigns", "example-seed-campaigns"),
  project("examples/property-testing", "example-property-testing"),
  project("examples/http", "example-http", { isolate: false }), // see cli and http above
  project("docs", "docs")
] satisfies Array<TestProjectInlineConfiguration>
