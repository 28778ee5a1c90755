/**
 * The NATS JetStream store measured against the PostgreSQL store: appends, reads and a projection's
 * catch-up, on one nats-server and on a cluster of three. Skipped without a nats-server binary.
 */
import type { Workload } from "../../Workload.js"
import { natsAppendWorkloads } from "./appends.js"
import { natsReadWorkloads } from "./catchup.js"

export const natsWorkloads: ReadonlyArray<Workload> = [...natsAppendWorkloads, ...natsReadWorkloads]
