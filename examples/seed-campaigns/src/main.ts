/**
 * The seed campaigns demo. It grows with the library: today it reports what it will run.
 */
import { Version } from "@thidua/core"

const seeds = [
  "LĐLĐ quận Hoàng Mai 2020 — two phases",
  "LĐLĐ huyện Phúc Thọ 2024",
  "LĐLĐ thành phố Hà Nội — peak phase",
  "LĐLĐ quận Nam Từ Liêm 2021 — pilot launch at CĐCS phường Cầu Diễn",
  "LĐLĐ quận Hoàn Kiếm 2025"
]

console.log(`Thi Đua ${Version.version} — seed campaigns`)
for (const seed of seeds) console.log(`  · ${seed}`)
console.log("The campaign engine is not wired in yet; the demo runs these campaigns once it is.")
