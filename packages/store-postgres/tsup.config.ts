import { library } from "../../tsup.base.js"

export default library({
  platform: "node",
  external: [
    "effect",
    "@thidua/core",
    "@thidua/store",
    "@effect/sql-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket"
  ]
})
