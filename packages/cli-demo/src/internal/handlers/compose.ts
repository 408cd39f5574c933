/**
 * `entre-pairs compose <pool>`: proposes a group from a pool of volunteers
 * with `Composer.compose` (DIV-03: reproducible from its seed, blocking
 * rules respected, diversity maximised, each volunteer's probability).
 */
import { Composer } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AgentImport from "../../AgentImport.js"
import { CliExit, type Lang } from "../Common.js"
import { handleFailures, invalid } from "../Failure.js"
import { readBytes } from "../Files.js"
import { importFaultLine } from "../Format.js"
import { decodeJson } from "../Input.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"

/** The options of `compose`. */
export interface ComposeOptions {
  readonly pool: string
  readonly size: string
  readonly seed: Option.Option<string>
  readonly quota: ReadonlyArray<string>
  readonly purpose: Option.Option<string>
  readonly perimeter: ReadonlyArray<string>
  readonly mandatory: ReadonlyArray<string>
  readonly occupation: ReadonlyArray<string>
  /** Which groups the lottery may draw: within the tolerance of the diversity optimum, or every quota-feasible group. */
  readonly admissible: Option.Option<"tolerance" | "quotas">
  readonly json: boolean
  readonly lang: Lang
}

/** `9` or `8-10`. */
const parseSize = (raw: string, lang: Lang) => {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(raw)
  if (m === null) return Effect.fail(invalid(messages(lang).badSize(raw)))
  return Effect.succeed(m[2] === undefined ? Number(m[1]) : { min: Number(m[1]), max: Number(m[2]) })
}

/** `sex:female>=3`, `functionHeld:lineManager<=2`, `occupation:controleur-travail=2`. */
const parseQuota = (raw: string, lang: Lang) => {
  const m = /^\s*([A-Za-z]+)\s*:\s*([^<>=]+?)\s*(>=|<=|=)\s*(\d+)\s*$/.exec(raw)
  if (m === null) {
    return Effect.fail(invalid(messages(lang).badQuota(raw)))
  }
  const n = Number(m[4])
  return Effect.succeed({
    dimension: m[1]!,
    category: m[2]!,
    ...(m[3] === ">=" || m[3] === "=" ? { min: n } : {}),
    ...(m[3] === "<=" || m[3] === "=" ? { max: n } : {})
  })
}

const pct = (p: number, lang: Lang) => `${(p * 100).toFixed(1).replace(".", lang === "fr" ? "," : ".")} %`

/** Runs the composer over a pool file. */
export const compose = (o: ComposeOptions) =>
  Effect.gen(function* () {
    const lang = o.lang
    const m = messages(lang)
    const bytes = yield* readBytes(o.pool, lang)
    // A JSON { pool, request } file carries its own request; options override it.
    let fileRequest: Record<string, unknown> = {}
    let input: Uint8Array = bytes
    const { text } = AgentImport.decodeText(bytes)
    if (text.trimStart().startsWith("{")) {
      const parsed = (yield* decodeJson(bytes, o.pool, lang)) as Record<string, unknown>
      if (Array.isArray(parsed["pool"])) {
        fileRequest = typeof parsed["request"] === "object" && parsed["request"] !== null ? (parsed["request"] as Record<string, unknown>) : {}
        input = new TextEncoder().encode(JSON.stringify(parsed["pool"]))
      }
    }
    const parsed = AgentImport.parseAgents(input, o.pool)
    if (Either.isLeft(parsed)) {
      const faults = parsed.left.faults
      if (!o.json) yield* Output.errLines(faults.map((f) => importFaultLine(f, lang)))
      return yield* invalid(m.invalidPool(o.pool), { error: "InvalidPool", file: o.pool, faults })
    }
    const pool: Array<Composer.VolunteerEncoded> = parsed.right.agents.map((a) => ({
      ...(Schema.encodeSync(Schema.Struct(Composer.Volunteer.fields).pipe(Schema.omit("role", "previouslySelected")))(a.agent) as object),
      ...(a.role === undefined ? {} : { role: a.role }),
      ...(a.previouslySelected === undefined ? {} : { previouslySelected: a.previouslySelected })
    })) as Array<Composer.VolunteerEncoded>
    const size = yield* parseSize(o.size, lang)
    const quotas = yield* Effect.forEach(o.quota, (q) => parseQuota(q, lang))
    const seed = Option.getOrElse(o.seed, () => (fileRequest["seed"] as string | undefined) ?? new Date().toISOString().slice(0, 19))
    const perimeter = o.perimeter.length > 0 ? o.perimeter : ((fileRequest["perimeter"] as Array<string> | undefined) ?? [...new Set(pool.map((v) => v.unit))])
    const request = {
      ...fileRequest,
      size: o.size === "8-10" && fileRequest["size"] !== undefined ? fileRequest["size"] : size,
      perimeter,
      seed,
      ...(quotas.length > 0 ? { quotas } : {}),
      ...(Option.isSome(o.purpose) ? { purpose: o.purpose.value } : {}),
      ...(o.mandatory.length > 0 ? { mandatory: o.mandatory } : {}),
      ...(o.occupation.length > 0 ? { occupationsConcerned: o.occupation } : {}),
      ...(Option.isSome(o.admissible) ? { admissible: o.admissible.value } : {})
    } as unknown as Composer.ComposeRequestEncoded
    // The exact lottery (HiGHS, loaded on first use).
    const result = yield* Effect.either(Composer.composeEffect(pool, request))
    if (Either.isLeft(result)) {
      const e = result.left
      if (o.json) yield* Output.json({ ok: false, error: e._tag, ...(e._tag === "InvalidComposeRequest" ? { issues: e.issues } : { obstacles: e.obstacles, relaxations: e.relaxations }) })
      else if (e._tag === "InvalidComposeRequest") {
        yield* Output.errLines([m.invalidComposeRequest, ...e.issues.map((i) => `  - ${i}`)])
      } else {
        yield* Output.errLines([
          m.noGroup,
          ...e.obstacles.map((ob) => `  ✗ ${ob.rule} — ${ob.message}`),
          ...(e.relaxations.length > 0 ? [m.relaxations] : []),
          ...e.relaxations.map((r) => `  · ${JSON.stringify(r)}`)
        ])
      }
      return yield* new CliExit({ code: e._tag === "InvalidComposeRequest" ? 2 : 1, message: e.message, printed: true })
    }
    const r = result.right
    if (o.json) return yield* Output.json(Schema.encodeSync(Composer.ComposeResult)(r))
    const byId = new Map(pool.map((v) => [v.id, v]))
    const name = (id: string) => {
      const v = byId.get(id)
      return v === undefined ? id : `${v.firstName} ${v.lastName}`
    }
    const lines = [
      m.proposedGroup(r.group.length, pool.length, r.seed),
      ...r.group.map((id) => `  ${id.padEnd(14)} ${name(id).padEnd(28)} ${byId.get(id)?.occupation ?? ""}`),
      "",
      m.diversityByDimension,
      ...r.diversity.map(
        (d) =>
          `  ${d.dimension.padEnd(14)} ${m.index} ${d.index.toFixed(2)}  ${d.counts.map((c) => `${c.category}×${c.count}`).join(", ")}${d.missing.length > 0 ? `  ${m.missingThoughInPool} : ${d.missing.join(", ")}` : ""}`
      ),
      ...(r.occupations.concerned.length > 0
        ? [`  ${m.occupations} : ${r.occupations.represented.join(", ")}${r.occupations.missing.length > 0 ? ` (${m.missing} : ${r.occupations.missing.join(", ")})` : ""}`]
        : []),
      "",
      m.probabilities(r.fairness.proven),
      ...(r.tradeOff
        ? [
            m.tradeOff(
              r.tradeOff.chosen,
              r.tradeOff.optimalDiversity.selectable,
              pct(r.tradeOff.optimalDiversity.minWeightedProbability, lang),
              r.tradeOff.quotasOnly.selectable,
              pct(r.tradeOff.quotasOnly.minWeightedProbability, lang)
            )
          ]
        : []),
      ...[...r.probabilities]
        .sort((a, b) => b.probability - a.probability)
        .map((p) => `  ${p.agentId.padEnd(14)} ${name(p.agentId).padEnd(28)} ${pct(p.probability, lang).padStart(8)}  ${p.status}${p.rules.length > 0 ? ` (${p.rules.join(", ")})` : ""}`),
      "",
      m.portfolio(r.portfolio.panels.length, r.portfolio.types.length, r.draw.u.toFixed(6), r.draw.panel + 1),
      ...r.portfolio.panels.slice(0, 10).map((p, i) => `  ${String(i + 1).padStart(2)}. ${pct(p.probability, lang).padStart(8)}  ${p.seats.map((s) => `${m.profile} ${s.type + 1}×${s.count}`).join(", ")}`),
      ...(r.portfolio.panels.length > 10 ? [`  … ${r.portfolio.panels.length - 10} ${m.more}`] : []),
      m.optimum(r.optimal, o.pool, r.seed)
    ]
    yield* Output.lines(lines)
  }).pipe(handleFailures(o))
