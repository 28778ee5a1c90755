import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "node",
  external: [
    "effect",
    "@thidua/core",
    "@thidua/store",
    "@effect/sql-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket"
  ],
  define: { "import.meta.vitest": "undefined" }
})
