// Scripts must run on the Node that the root `node` devDependency pins, never the system one.
const major = Number(process.versions.node.split(".")[0])
console.log(`node ${process.version}`)
if (major < 24) {
  console.error(`Thi Đua needs Node 24 or later inside pnpm scripts; got ${process.version}. Run pnpm install first.`)
  process.exit(1)
}
