/**
 * The registry as the rule reference shows it. docs/rules/README.md is
 * generated from the registry (`pnpm run docs:rules`, checked by
 * `check:docs`); each rule's entry there is what integrators read. A change
 * to a rule's kind, family, scope, section, parameters, titles or version
 * marker must show in its entry: these tests compare the two, rule by rule.
 */
import { assert, describe, it } from "@effect/vitest"
import { Policy, Rules } from "@entre-pairs/core"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const reference = readFileSync(fileURLToPath(new URL("../../../../docs/rules/README.md", import.meta.url)), "utf8")

const prefixOf: Record<string, string> = {
  purpose: "PUR",
  lifecycle: "LIF",
  eligibility: "ELI",
  size: "SIZ",
  diversity: "DIV",
  facilitation: "ANI",
  charter: "CHA",
  confidentiality: "CNF",
  sessions: "SES",
  arbitration: "ARB",
  restitution: "RES"
}
const kindText: Record<string, string> = {
  blocking: "bloquante / blocking",
  advisory: "avertissement / advisory",
  obligation: "obligation",
  guarantee: "garantie / guarantee"
}

/** The `### ID` entry of the reference, and the family heading above it. */
const entry = (id: string) => {
  const start = reference.indexOf(`\n### ${id}\n`)
  assert.isAtLeast(start, 0, `${id} has an entry in docs/rules/README.md`)
  const end = reference.indexOf("\n##", start + 5)
  const heading = reference.slice(0, start).lastIndexOf("\n## ")
  return {
    body: reference.slice(start, end === -1 ? undefined : end),
    family: reference.slice(heading + 4, reference.indexOf(" ", heading + 4))
  }
}

const value = (v: unknown) => (Array.isArray(v) ? v.map((x) => `« ${x} »`).join(", ") : String(v))

describe("the registry is the rule reference", () => {
  it.each(Rules.all.map((r) => [r.id]))("%s has the family, kind, scope, section, parameters and titles of its reference entry", (id) => {
    const r = Rules.get(id as never)
    const { body, family } = entry(r.id)
    assert.strictEqual(family, r.id.slice(0, 3))
    assert.strictEqual(prefixOf[r.family], r.id.slice(0, 3))
    assert.include(body, `\n- **Kind**: ${r.alsoKind ? `${kindText[r.kind]} + ${kindText[r.alsoKind]}` : kindText[r.kind]}\n`)
    assert.include(body, `\n- **Scope**: ${r.scope} `)
    assert.include(body, `\n- **Section de la note / note section**: ${r.section}\n`)
    const params =
      r.parameters.length === 0
        ? "—"
        : r.parameters
            .map((p) => `\`${p.key}\` = ${value(Policy.defaults[p.key])} (${p.provenance === "note" ? "note" : "local"})`)
            .join(", ")
    assert.include(body, `\n- **Paramètres / parameters**: ${params}\n`)
    assert.include(body, `\n**FR** — ${r.title.fr}\n`)
    assert.include(body, `\n**EN** — ${r.title.en}\n`)
    assert.strictEqual(body.includes("**Version 2**"), r.version === 2)
    assert.isAbove(r.title.fr.length, 20)
    assert.isAbove(r.title.en.length, 20)
  })
})
