import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { Commands, createThiDua, Engine, Telemetry } from "@thidua/engine"
import { Effect, Layer, Metric, Tracer } from "effect"
import { describe, expect, it } from "vitest"

const actor = { organizationId: "ldld-ha-noi", role: "executive" } as const
const principal = { tenantId: "hanoi", ...actor } as const
const register = (commandId: string) =>
  Commands.registerOrganization({
    commandId,
    tenantId: "hanoi",
    actor,
    at: "2020-01-02",
    organizationId: "ldld-ha-noi",
    name: "Liên đoàn Lao động thành phố Hà Nội",
    level: "federation"
  })
const attrs = (s: Telemetry.SpanData) => s.attributes

describe("one command, read from the in-memory exporter", () => {
  it("an accepted command: its span tree, its attributes, and the counter by outcome", async () => {
    const mem = Telemetry.inMemory()
    const td = await createThiDua({ telemetry: mem })
    const done = await td.execute(register("dir-1"), { principal })
    expect(done.ok).toBe(true)
    const spans = mem.spans()
    const command = spans.filter((s) => s.name === "thidua.command")
    expect(command).toHaveLength(1)
    const root = command[0]!
    expect(root.parentSpanId).toBeUndefined()
    expect(root.status).toBe("ok")
    expect(attrs(root)).toMatchObject({
      "thidua.tenant_id": "hanoi",
      "thidua.stream_id": "org:hanoi",
      "thidua.command.type": "RegisterOrganization",
      "thidua.command.id": "dir-1",
      "thidua.command.outcome": "accepted",
      "thidua.event_count": 1,
      "thidua.version": 1
    })
    const children = spans.filter((s) => s.parentSpanId === root.spanId)
    expect(children.map((s) => s.name)).toEqual([
      "thidua.command.decode",
      "thidua.command.decide",
      "thidua.command.append",
      "thidua.command.inline"
    ])
    for (const child of children) {
      expect(child.traceId).toBe(root.traceId)
      expect(child.status).toBe("ok")
      // Each step lies within the command, in order.
      expect(child.start).toBeGreaterThanOrEqual(root.start)
      expect(child.end!).toBeLessThanOrEqual(root.end!)
    }
    expect(children[1]!.end!).toBeLessThanOrEqual(children[2]!.start)
    expect(attrs(children[2]!)).toMatchObject({ "thidua.event_count": 1, "thidua.attempt": 1 })
    const counted = mem.metrics().filter((m) => m.name === "thidua.commands")
    expect(counted).toEqual([
      expect.objectContaining({
        type: "counter",
        value: 1,
        attributes: { "thidua.command.outcome": "accepted", "thidua.command.type": "RegisterOrganization" }
      })
    ])
    const appends = mem.metrics().find((m) => m.name === "thidua.store.append.duration")
    expect(appends).toMatchObject({ type: "histogram", value: 1, attributes: { "thidua.store": "memory" } })
    await td.close()
  })

  it("a refused command names its rule; a re-sent one is a duplicate; input that is no command stops at decode", async () => {
    const mem = Telemetry.inMemory()
    const td = await createThiDua({ telemetry: mem })
    await td.execute(register("dir-1"), { principal })
    mem.clearSpans()
    const refused = await td.execute(register("dir-2"), { principal })
    expect(!refused.ok && refused.error.code).toBe("REF-EXISTS")
    const root = mem.spans().find((s) => s.name === "thidua.command")!
    expect(root.status).toBe("error")
    expect(attrs(root)).toMatchObject({
      "thidua.command.outcome": "refused",
      "thidua.rule_id": "REF-EXISTS",
      "thidua.error.code": "REF-EXISTS"
    })
    // Decided on the cached state, then once more on a fresh one before refusing: two decisions.
    const decisions = mem.spans().filter((s) => s.parentSpanId === root.spanId && s.name === "thidua.command.decide")
    expect(decisions.map((d) => [d.status, attrs(d)["thidua.rule_id"]])).toEqual([
      ["error", "REF-EXISTS"],
      ["error", "REF-EXISTS"]
    ])
    await td.execute(register("dir-1"), { principal })
    await td.execute({ _tag: "RegisterOrganization", commandId: 7 }, { principal })
    const byOutcome = Object.fromEntries(
      mem
        .metrics()
        .filter((m) => m.name === "thidua.commands")
        .map((m) => [
          `${m.attributes["thidua.command.outcome"]} rule=${m.attributes["thidua.rule_id"] ?? "-"} code=${m.attributes["thidua.error.code"] ?? "-"}`,
          m.value
        ])
    )
    expect(byOutcome).toEqual({
      "accepted rule=- code=-": 1,
      "refused rule=REF-EXISTS code=REF-EXISTS": 1,
      "duplicate rule=- code=-": 1,
      // Refused before the handler, by the decoder: a code, no rule.
      "refused rule=- code=CommandDecodeError": 1
    })
    const decodeFailed = mem
      .spans()
      .filter((s) => s.name === "thidua.command")
      .at(-1)!
    expect(
      mem
        .spans()
        .filter((s) => s.parentSpanId === decodeFailed.spanId)
        .map((s) => [s.name, s.status])
    ).toEqual([["thidua.command.decode", "error"]])
    await td.close()
  })
})

// A collector on loopback: every request it gets, by path, with its body decoded.
const receiver = async () => {
  const received: Array<{ readonly path: string; readonly type: string | undefined; readonly body: unknown }> = []
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      received.push({
        path: req.url ?? "",
        type: req.headers["content-type"],
        body: JSON.parse(Buffer.concat(chunks).toString("utf8"))
      })
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { received, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }
}

type OtlpAttribute = { readonly key: string; readonly value: Record<string, unknown> }
const attributeMap = (list: ReadonlyArray<OtlpAttribute> | undefined) =>
  Object.fromEntries((list ?? []).map((a) => [a.key, Object.values(a.value)[0]]))

describe("OTLP over HTTP", () => {
  it("spans and metrics arrive at a real receiver, as OTLP JSON", async () => {
    const collector = await receiver()
    try {
      const td = await createThiDua({
        telemetry: {
          otlp: {
            url: collector.url,
            serviceName: "thidua-test",
            headers: { "x-api-key": "k" },
            exportInterval: "200 millis"
          }
        }
      })
      await td.execute(register("dir-1"), { principal })
      await td.execute(register("dir-2"), { principal })
      // Closing the engine sends what is left.
      await td.close()
      const traces = collector.received.filter((r) => r.path === "/v1/traces")
      const metrics = collector.received.filter((r) => r.path === "/v1/metrics")
      expect(traces.length).toBeGreaterThan(0)
      expect(metrics.length).toBeGreaterThan(0)
      expect(traces[0]!.type).toContain("application/json")
      type Traces = {
        resourceSpans: Array<{
          resource: { attributes: Array<OtlpAttribute> }
          scopeSpans: Array<{
            spans: Array<{ name: string; spanId: string; parentSpanId?: string; attributes: Array<OtlpAttribute> }>
          }>
        }>
      }
      const all = traces.flatMap((t) => (t.body as Traces).resourceSpans)
      expect(attributeMap(all[0]!.resource.attributes)["service.name"]).toBe("thidua-test")
      const spans = all.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
      const commands = spans.filter((s) => s.name === "thidua.command")
      expect(commands.map((c) => attributeMap(c.attributes)["thidua.command.outcome"]).sort()).toEqual([
        "accepted",
        "refused"
      ])
      const refused = commands.find((c) => attributeMap(c.attributes)["thidua.command.outcome"] === "refused")!
      expect(attributeMap(refused.attributes)["thidua.rule_id"]).toBe("REF-EXISTS")
      expect(spans.filter((s) => s.parentSpanId === refused.spanId).map((s) => s.name)).toContain(
        "thidua.command.decode"
      )
      type Metrics = {
        resourceMetrics: Array<{
          scopeMetrics: Array<{
            metrics: Array<{
              name: string
              sum?: {
                dataPoints: Array<{ asInt?: number | string; asDouble?: number; attributes: Array<OtlpAttribute> }>
              }
            }>
          }>
        }>
      }
      // The last export holds the counts as they ended (cumulative).
      const last = metrics.at(-1)!.body as Metrics
      const commandsMetric = last.resourceMetrics
        .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics))
        .find((m) => m.name === "thidua.commands")!
      const points = commandsMetric.sum!.dataPoints.map((p) => [
        attributeMap(p.attributes)["thidua.command.outcome"],
        Number(p.asInt ?? p.asDouble)
      ])
      expect(points.sort()).toEqual([
        ["accepted", 1],
        ["refused", 1]
      ])
    } finally {
      await collector.close()
    }
  })

  it("an OTLP config that is not one is refused, naming the field", async () => {
    await expect(createThiDua({ telemetry: { otlp: { url: "collector:4318" } } })).rejects.toMatchObject({
      code: "ENGINE-OPTION",
      option: "telemetry.otlp.url"
    })
    await expect(
      createThiDua({ telemetry: { otlp: { url: "http://127.0.0.1:1", headers: { a: 1 as never } } } })
    ).rejects.toMatchObject({ option: "telemetry.otlp.headers" })
    await expect(createThiDua({ telemetry: { jaeger: true } as never })).rejects.toMatchObject({ option: "telemetry" })
  })
})

describe("telemetry off", () => {
  // A tracer and a metric registry provided around the engine: everything our code would record.
  const run = async (telemetry: boolean) => {
    const names: Array<string> = []
    const tracer = Tracer.make({
      span: (options) => {
        names.push(options.name)
        return new Tracer.NativeSpan(options)
      }
    })
    const registry: Metric.MetricRegistry = new Map()
    const engine = Engine.layer().pipe(telemetry ? Layer.provide(Telemetry.enable) : (l) => l)
    await Effect.runPromise(
      Effect.gen(function* () {
        const e = yield* Engine.Engine
        yield* e.execute(register("dir-1"), { principal })
        yield* Effect.result(e.execute(register("dir-2"), { principal }))
        yield* Effect.result(e.execute({ nonsense: true }, { principal }))
        yield* e.executeAll([register("dir-3")], { principal })
        yield* e.read(Engine.builtInReadModels.CommendationRecord, { tenantId: "hanoi" })
        yield* e.directory("hanoi")
        yield* e.tick
      }).pipe(Effect.provide(engine), Effect.provideService(Metric.MetricRegistry, registry), Effect.withTracer(tracer))
    )
    return { names: names.filter((n) => n.startsWith("thidua.")), metrics: [...registry.values()].map((m) => m.id) }
  }

  it("no span and no metric from our code, with a tracer and registry in context", async () => {
    expect(await run(false)).toEqual({ names: [], metrics: [] })
  })

  it("the same calls with telemetry on do record (the check above can fail)", async () => {
    const on = await run(true)
    expect(on.names).toContain("thidua.command")
    expect(on.names).toContain("thidua.projection.batch")
    expect(on.metrics).toContain("thidua.commands")
  })
})
