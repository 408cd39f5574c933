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
    }
    ts.forEachChild(n, visit)
  }
  visit(src)
  const hits: Array<Hit> = []
  for (const node of french) {
    const where = `${file}:${src.getLineAndCharacterOfPosition(node.getStart(src)).line + 1}`
    const pieces: Array<string> = []
    const inserted: Array<ts.Expression> = []
    const walk = (x: ts.Node) => {
      if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) pieces.push(x.text)
      else if (ts.isTemplateExpression(x)) {
        pieces.push(x.head.text)
        for (const span of x.templateSpans) {
          inserted.push(span.expression)
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
    }
    for (const e of inserted) {
      const t = e.getText(src)
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
      `const d = title("L'échange est closed.", "x")`
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
      "raw value « closed »"
    ])
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
