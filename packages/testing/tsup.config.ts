import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["effect", "fast-check", "@thidua/core", "@thidua/store", "@thidua/projections"],
  define: { "import.meta.vitest": "undefined" }
})
