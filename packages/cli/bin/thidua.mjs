#!/usr/bin/env node
// The published binary runs the built entry (`pnpm build` makes dist/main.js). In the repository,
// run the sources instead: pnpm exec tsx --conditions=@thidua/source packages/cli/src/main.ts
import "../dist/main.js"
