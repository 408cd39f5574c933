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
import { readFileSync } from "node:fs"
import * as AgentImport from "../AgentImport.js"
import { CliExit, type Lang, t } from "./Common.js"
import { err, handleFailures, out, printJson } from "./Runtime.js"

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
  readonly json: boolean
  readonly lang: Lang
}

const invalid = (message: string) => new CliExit({ code: 2, message })

/** `9` or `8-10`. */
const parseSize = (raw: string, lang: Lang) => {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(raw)
  if (m === null) return Effect.fail(invalid(t(lang, `--size : « ${raw} » (attendu : 9 ou 8-10)`, `--size: "${raw}" (expected 9 or 8-10)`)))
  return Effect.succeed(m[2] === undefined ? Number(m[1]) : { min: Number(m[1]), max: Number(m[2]) })
}

/** `sex:female>=3`, `functionHeld:lineManager<=2`, `occupation:controleur-travail=2`. */
const parseQuota = (raw: string, lang: Lang) => {
  const m = /^\s*([A-Za-z]+)\s*:\s*([^<>=]+?)\s*(>=|<=|=)\s*(\d+)\s*$/.exec(raw)
  if (m === null) {
    return Effect.fail(invalid(t(lang, `--quota : « ${raw} » (attendu : dimension:catégorie>=n, <=n ou =n)`, `--quota: "${raw}" (expected dimension:category>=n, <=n or =n)`)))
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
    const bytes = yield* Effect.try({
      try: () => readFileSync(o.pool),
      catch: (e) => invalid(t(lang, `Fichier illisible : ${o.pool} (${(e as Error).message})`, `Unreadable file: ${o.pool} (${(e as Error).message})`))
    })
    // A JSON { pool, request } file carries its own request; options override it.
    let fileRequest: Record<string, unknown> = {}
    let input: Uint8Array = bytes
    const { text } = AgentImport.decodeText(bytes)
    if (text.trimStart().startsWith("{")) {
      const parsed = yield* Effect.try({ try: () => JSON.parse(text) as Record<string, unknown>, catch: (e) => invalid(`JSON : ${(e as Error).message}`) })
      if (Array.isArray(parsed["pool"])) {
        fileRequest = typeof parsed["request"] === "object" && parsed["request"] !== null ? (parsed["request"] as Record<string, unknown>) : {}
        input = new TextEncoder().encode(JSON.stringify(parsed["pool"]))
      }
    }
    const parsed = AgentImport.parseAgents(input, o.pool)
    if (Either.isLeft(parsed)) {
      for (const f of parsed.left.faults) yield* err(`  ${t(lang, "ligne", "line")} ${f.line}, ${t(lang, "colonne", "column")} « ${f.column} » : ${f.reason}`)
      return yield* invalid(t(lang, `${o.pool} : vivier invalide`, `${o.pool}: invalid pool`))
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
      ...(o.occupation.length > 0 ? { occupationsConcerned: o.occupation } : {})
    } as unknown as Composer.ComposeRequestEncoded
    const result = Composer.compose(pool, request)
    if (Either.isLeft(result)) {
      const e = result.left
      if (o.json) yield* printJson({ ok: false, error: e._tag, ...(e._tag === "InvalidComposeRequest" ? { issues: e.issues } : { obstacles: e.obstacles, relaxations: e.relaxations }) })
      else if (e._tag === "InvalidComposeRequest") {
        yield* err(t(lang, "Demande de composition invalide :", "Invalid composition request:"))
        for (const i of e.issues) yield* err(`  - ${i}`)
      } else {
        yield* err(t(lang, "Aucun groupe ne satisfait la demande :", "No group meets the request:"))
        for (const ob of e.obstacles) yield* err(`  ✗ ${ob.rule} — ${ob.message}`)
        if (e.relaxations.length > 0) yield* err(t(lang, "Assouplissements possibles :", "Possible relaxations:"))
        for (const r of e.relaxations) yield* err(`  · ${JSON.stringify(r)}`)
      }
      return yield* new CliExit({ code: e._tag === "InvalidComposeRequest" ? 2 : 1, message: e.message, printed: true })
    }
    const r = result.right
    if (o.json) return yield* printJson(Schema.encodeSync(Composer.ComposeResult)(r))
    const byId = new Map(pool.map((v) => [v.id, v]))
    const name = (id: string) => {
      const v = byId.get(id)
      return v === undefined ? id : `${v.firstName} ${v.lastName}`
    }
    const lines = [
      t(lang, `Groupe proposé : ${r.group.length} membres parmi ${pool.length} volontaires (graine « ${r.seed} »)`, `Proposed group: ${r.group.length} members out of ${pool.length} volunteers (seed "${r.seed}")`),
      ...r.group.map((id) => `  ${id.padEnd(14)} ${name(id).padEnd(28)} ${byId.get(id)?.occupation ?? ""}`),
      "",
      t(lang, "Diversité par dimension (DIV-01) :", "Diversity by dimension (DIV-01):"),
      ...r.diversity.map(
        (d) =>
          `  ${d.dimension.padEnd(14)} ${t(lang, "indice", "index")} ${d.index.toFixed(2)}  ${d.counts.map((c) => `${c.category}×${c.count}`).join(", ")}${d.missing.length > 0 ? `  ${t(lang, "absent(s) mais présents dans le vivier", "missing though in the pool")} : ${d.missing.join(", ")}` : ""}`
      ),
      ...(r.occupations.concerned.length > 0
        ? [`  ${t(lang, "métiers", "occupations")} : ${r.occupations.represented.join(", ")}${r.occupations.missing.length > 0 ? ` (${t(lang, "manquants", "missing")} : ${r.occupations.missing.join(", ")})` : ""}`]
        : []),
      "",
      t(lang, `Probabilité de sélection de chaque volontaire (loterie maximin${r.fairness.proven ? ", optimum prouvé" : ""}) :`, `Selection probability of each volunteer (maximin lottery${r.fairness.proven ? ", proven optimal" : ""}):`),
      ...[...r.probabilities]
        .sort((a, b) => b.probability - a.probability)
        .map((p) => `  ${p.agentId.padEnd(14)} ${name(p.agentId).padEnd(28)} ${pct(p.probability, lang).padStart(8)}  ${p.status}${p.rules.length > 0 ? ` (${p.rules.join(", ")})` : ""}`),
      "",
      t(lang, `Portefeuille : ${r.portfolio.panels.length} groupe(s) possibles, ${r.portfolio.types.length} profil(s) ; tirage u = ${r.draw.u.toFixed(6)} → groupe n° ${r.draw.panel + 1}`, `Portfolio: ${r.portfolio.panels.length} possible group(s), ${r.portfolio.types.length} profile type(s); draw u = ${r.draw.u.toFixed(6)} → group #${r.draw.panel + 1}`),
      ...r.portfolio.panels.slice(0, 10).map((p, i) => `  ${String(i + 1).padStart(2)}. ${pct(p.probability, lang).padStart(8)}  ${p.seats.map((s) => `${t(lang, "profil", "type")} ${s.type + 1}×${s.count}`).join(", ")}`),
      ...(r.portfolio.panels.length > 10 ? [`  … ${r.portfolio.panels.length - 10} ${t(lang, "autres", "more")}`] : []),
      t(lang, `Optimum${r.optimal ? " prouvé" : " non prouvé (budget)"} ; rejouer : entre-pairs compose ${o.pool} --seed "${r.seed}"`, `Optimum${r.optimal ? " proven" : " not proven (budget)"}; replay: entre-pairs compose ${o.pool} --seed "${r.seed}"`)
    ]
    yield* Effect.forEach(lines, out, { discard: true })
  }).pipe(handleFailures(o))
