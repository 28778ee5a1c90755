import { library } from "../../tsup.base.js"

export default library({
  platform: "neutral",
  external: ["effect", "@thidua/core", "@thidua/store", "@thidua/projections"]
})
