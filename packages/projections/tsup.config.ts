import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["effect", "@thidua/core", "@thidua/store"],
  define: { "import.meta.vitest": "undefined" }
})
