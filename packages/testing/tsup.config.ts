import { library } from "../../tsup.base.js"

export default library({
  platform: "neutral",
  external: ["effect", "fast-check", "@thidua/core", "@thidua/store", "@thidua/projections", "@thidua/workflow"]
})
