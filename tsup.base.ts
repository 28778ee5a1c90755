/**
 * The build every package shares: its index as ESM with declarations, for ES2022 runtimes, the
 * in-source tests compiled away. A package's `tsup.config.ts` names only its platform and the
 * packages it leaves to its users.
 */
import { defineConfig, type Options } from "tsup"

export const library = (options: { readonly platform: "neutral" | "node"; readonly external: Array<string> }) =>
  defineConfig({
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    define: { "import.meta.vitest": "undefined" },
    ...options
  } satisfies Options)
