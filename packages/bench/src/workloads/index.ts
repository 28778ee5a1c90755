/**
 * Every workload `pnpm bench` knows, in the order it runs and prints them.
 */
import type { Workload } from "../Workload.js"
import { memoryBatched } from "./memoryBatched.js"
import { memoryCommands, memoryCommandsRefused } from "./memoryCommands.js"
import { natsWorkloads } from "./nats/index.js"
import { postgresWorkloads } from "./postgres/index.js"
import { readAllFold1m } from "./readAllFold.js"
import { rehydrate100k } from "./rehydrate.js"
import { commandDecode, coreDecide, upcastDecode } from "./solo/core.js"
import { foldLifecycles, foldScoreboard, inlineMemory } from "./solo/folds.js"
import { handlerCommands, storeAppend, storeAppendLog, storeReadAll } from "./solo/store.js"

export const workloads: ReadonlyArray<Workload> = [
  memoryCommands,
  memoryCommandsRefused,
  memoryBatched,
  rehydrate100k,
  readAllFold1m,
  // Thi Đua alone: the figures of the old per-package scripts.
  handlerCommands,
  coreDecide,
  commandDecode,
  upcastDecode,
  storeAppend,
  storeAppendLog,
  storeReadAll,
  foldScoreboard,
  foldLifecycles,
  inlineMemory,
  ...postgresWorkloads,
  ...natsWorkloads
]
