/**
 * Messages read as French written by the administration (issue 11, item 4):
 * every French text the rules, the decider, the views, the obligations and
 * the CLI's message table can produce is scanned in the sources (the `fr`
 * side of each `{ fr, en }`, the French argument of `blocking`/`advisory`,
 * of `title` and of `obligation`), and carries no code identifier (a
 * camelCase token, a raw state or enum value), no English number (« 0.68 »
 * for « 0,68 »), no percent sign without its narrow no-break space, and no
 * raw enum value inserted in a template. English stays beside each French
 * text. The scanner is checked on bad messages first, so that it can fail.
 */
import { assert, describe, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const packages = fileURLToPath(new URL("../../", import.meta.url))
const dir = (d: string) =>
  readdirSync(join(packages, d))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(d, f))
const sources = [
  ...dir("core/src/internal/rules"),
  ...dir("core/src/internal/decide"),
  ...dir("core/src/internal/views"),
  "core/src/internal/fr.ts",
  "core/src/internal/util.ts",
  "core/src/internal/release.ts",
  "core/src/internal/evaluate.ts",
  "core/src/Policy.ts",
  "core/src/Obligations.ts",
  "core/src/Decider.ts",
  "cli-demo/src/internal/Messages.ts",
  "cli-demo/src/internal/Format.ts"
]

/** Values of the model's enumerations and command tags that must never appear raw in French text. */
const rawValues = [
  // lifecycle states
  "proposed", "framed", "approved", "announced", "composed", "charterAdopted", "inSessions", "concluded", "restituted", "closed", "abandoned",
  // framing, facilitation, arbitration, audiences
  "objectives", "problemSolving", "professionalisation", "lineManager", "hr", "workPsychologist", "noteTaking",
  "desirable", "conditional", "discontinue", "lineManagers", "socialDialogue",
  // command tags
  "Compose", "Frame", "Approve", "Invite", "Volunteer", "AdoptCharter", "ScheduleSession", "HoldSession", "SendMinutes", "Restitute"
]
/**
 * An identifier (`${s.id}`, `${g.agentId}`, `${p.presenter}`, `${id}`): French
 * text names sessions by rank and date, people by name, questions and variants
 * by their text (internal/labels.ts). Outside the rules, an identifier may be
 * quoted (« … ») where the snapshot has no name for it: the session or agent a
 * command names does not exist, or the identifier itself is the subject.
 */
const idInsert = /(^|\.)(id|[a-z]+Id|presenter|participant)$/
/** An identifier written into French text (« la séance ses-2 », « l'invité agt-002 »). */
const idLiteral = /(^|[^\p{L}\d-])(ses|agt|var|pres|tem|q|v)-[\p{L}\d-]*\d/u
/** Fields whose value is an enumeration: inserted raw (`${x.state}`), it would print a code value. */
const enumField = /\.(state|status|kind|profile|outcome|role|purpose|mode|audience|output|origin|nature|subject|channel)$/

interface Hit {
  readonly where: string
  readonly what: string
}

const scan = (file: string, text: string): Array<Hit> => {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
  const french: Array<ts.Expression> = []
  const visit = (n: ts.Node) => {
    if (ts.isPropertyAssignment(n) && n.name.getText(src) === "fr") french.push(n.initializer)
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText(src)
      if ((callee === "blocking" || callee === "advisory" || callee === "obligation") && n.arguments[2] !== undefined) french.push(n.arguments[2])
      if (callee === "title" && n.arguments[0] !== undefined) french.push(n.arguments[0])
      // CNF-06's places (internal/release.ts): field(kind, path, text, fr, en).
      if (callee === "field" && n.arguments[3] !== undefined) french.push(n.arguments[3])
    }
    ts.forEachChild(n, visit)
  }
  visit(src)
  const hits: Array<Hit> = []
  for (const node of french) {
    const where = `${file}:${src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1}`
    const pieces: Array<string> = []
    const inserted: Array<{ readonly e: ts.Expression; readonly quoted: boolean }> = []
    const walk = (x: ts.Node) => {
      if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) pieces.push(x.text)
      else if (ts.isTemplateExpression(x)) {
        pieces.push(x.head.text)
        let before = x.head.text
        for (const span of x.templateSpans) {
          inserted.push({ e: span.expression, quoted: before.endsWith("« ") && span.literal.text.startsWith(" »") })
          before = span.literal.text
          walk(span.expression)
          pieces.push(span.literal.text)
        }
      } else if (ts.isConditionalExpression(x)) {
        walk(x.whenTrue)
        walk(x.whenFalse)
      } else if (ts.isBinaryExpression(x)) {
        walk(x.left)
        walk(x.right)
      } else if (ts.isParenthesizedExpression(x)) walk(x.expression)
    }
    walk(node)
    for (const p of pieces) {
      for (const token of p.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []) hits.push({ where, what: `camelCase « ${token} »` })
      for (const value of rawValues) if (new RegExp(`(^|[^\\p{L}-])${value}($|[^\\p{L}-])`, "u").test(p)) hits.push({ where, what: `raw value « ${value} »` })
      if (/\d\.\d/.test(p)) hits.push({ where, what: `English number in « ${p.slice(0, 60)} »` })
      if (/(\d|\d )%/.test(p)) hits.push({ where, what: `percent without a narrow no-break space in « ${p.slice(0, 60)} »` })
      const id = p.match(idLiteral)
      if (id !== null) hits.push({ where, what: `identifier in French text: « ${id[0].trim()} »` })
    }
    for (const { e, quoted } of inserted) {
      const t = e.getText(src)
      // The CLI prints the exchange's ID as the handle its commands take (« entre-pairs show <id> »).
      if (idInsert.test(t) && !file.startsWith("cli-demo/") && (!quoted || /\/rules\//.test(file))) hits.push({ where, what: `identifier inserted: \${${t}}` })
      if (enumField.test(t)) hits.push({ where, what: `raw enum value inserted: \${${t}}` })
      if (/\.toFixed\(|\.toString\(\)$/.test(t) && !/replace\("\.", ","\)/.test(t)) hits.push({ where, what: `number formatted the English way: \${${t}}` })
    }
  }
  return hits
}

describe("French messages", () => {
  it("the scanner finds code identifiers, raw values, English numbers and bare percent signs", () => {
    const bad = [
      `const a = { fr: "Les objectives du cadrage manquent.", en: "x" }`,
      `const b = blocking("SIZ-02", [], \`Séance au stade \${s.state} : \${ratio.toFixed(2)}\`, "x")`,
      `const c = advisory("CHA-02", [], "Coefficient de 0.68, soit 79 % du temps (noteTaking).", "x")`,
      `const d = title("L'échange est closed.", "x")`,
      `const f = advisory("ELI-06", [], \`Le motif de la présence de l'invité \${g.agentId} à la séance \${s.id} n'est pas consigné.\`, "x")`,
      `const g = { fr: \`La variante « \${v.id} » n'a pas été arbitrée (exposé \${p.presenter}, \${id}).\`, en: "x" }`,
      `const h = { fr: "La séance ses-2 et l'invité agt-002 : variante var-3.", en: "x" }`
    ].join("\n")
    const whats = scan("fixture.ts", bad).map((h) => h.what)
    assert.includeMembers(whats, [
      "raw value « objectives »",
      "raw enum value inserted: ${s.state}",
      "number formatted the English way: ${ratio.toFixed(2)}",
      "camelCase « noteTaking »",
      "raw value « noteTaking »",
      "English number in « Coefficient de 0.68, soit 79 % du temps (noteTaking). »",
      "percent without a narrow no-break space in « Coefficient de 0.68, soit 79 % du temps (noteTaking). »",
      "raw value « closed »",
      "identifier inserted: ${g.agentId}",
      "identifier inserted: ${s.id}",
      "identifier inserted: ${p.presenter}",
      "identifier inserted: ${id}",
      "identifier in French text: « ses-2 »"
    ])
    // A quoted identifier is one a command named and the snapshot has no name for (outside the rules only).
    assert.notInclude(whats, "identifier inserted: ${v.id}")
    assert.include(scan("core/src/internal/rules/x.ts", `const i = { fr: \`La variante « \${v.id} » manque.\`, en: "x" }`).map((h) => h.what), "identifier inserted: ${v.id}")
    assert.deepStrictEqual(scan("good.ts", `const e = { fr: "Coefficient de 0,68, soit 79\u202f% du temps.", en: "0.68, 79%" }`), [])
  })

  it("no French text of the rules, the decider, the views, the obligations or the CLI holds a code identifier, a raw value or an English number", () => {
    const hits = sources.flatMap((f) => scan(f, readFileSync(join(packages, f), "utf8")))
    assert.deepStrictEqual(hits, [])
    // The scan did read French texts (a silent parser change would pass the test vacuously).
    const count = sources.reduce((n, f) => n + (readFileSync(join(packages, f), "utf8").match(/\bfr:/g)?.length ?? 0), 0)
    assert.isAbove(count, 100)
  })
})
