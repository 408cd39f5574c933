/**
 * Test fixtures: the complete example snapshot as mutable JSON, and helpers
 * to evaluate a mutated copy.
 */
import { Evaluate, Exchange, type Policy, type Violation } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const raw = readFileSync(fileURLToPath(new URL("../../../docs/examples/exchange-complete.json", import.meta.url)), "utf8")

/** A fresh mutable copy of `docs/examples/exchange-complete.json`. */
export const complete = (): any => JSON.parse(raw)

/** After closure of the example exchange. */
export const AFTER = DateTime.unsafeMake("2027-01-15T09:00:00Z")

export const at = (iso: string): DateTime.Utc => DateTime.unsafeMake(iso)

export const decode = (json: unknown): Exchange.ExchangeSnapshot => {
  const result = Exchange.decode(json)
  if (Either.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

export const evaluate = (json: unknown, when: DateTime.Utc = AFTER, config?: Policy.PolicyOverrides): Evaluate.Evaluation =>
  Evaluate.evaluate(decode(json), { at: when, config })

/** The violations of one rule. */
export const of = (
  json: unknown,
  rule: Violation.RuleId,
  when: DateTime.Utc = AFTER,
  config?: Policy.PolicyOverrides
): Array<Violation.Violation> => {
  const r = evaluate(json, when, config)
  return [...r.blocking, ...r.advisories].filter((v) => v.rule === rule)
}

/** Applies a mutation to a fresh copy of the complete example. */
export const mutate = (f: (s: any) => void): any => {
  const s = complete()
  f(s)
  return s
}

export const agent = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  firstName: "Prénom",
  lastName: `Nom${id.replace(/[^0-9]/g, "")}`,
  occupation: "inspecteur-travail",
  unit: "ut33-uc3-s1",
  ...extra
})

/** Adds `n` extra volunteering members to the example (ELI-01 satisfied). */
export const addMembers = (s: any, n: number, extra: Record<string, unknown> = {}) => {
  for (let i = 0; i < n; i++) {
    const id = `agt-x${i}`
    s.agents.push({ ...agent(id), firstName: `Extra${String.fromCharCode(65 + i)}`, lastName: `Supplement${String.fromCharCode(65 + i)}`, ...extra })
    s.volunteers.push({ agentId: id, at: "2026-02-20T12:00:00.000Z" })
    s.members.push({ agentId: id, joinedAt: "2026-03-02T09:00:00.000Z" })
  }
  return s
}
