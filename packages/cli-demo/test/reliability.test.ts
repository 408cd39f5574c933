/**
 * Holes found by the reliability campaign (`pnpm test:reliability`) in agent
 * imports, closed at their root; the test failed before its fix.
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { AgentImport } from "../src/index.js"

const utf8 = (s: string) => new TextEncoder().encode(s)

describe("reliability: agent imports never echo a huge value in full", () => {
  it("reliability: a duplicate 3,000-character identifier and a 3,000-character unknown JSON field are quoted as excerpts", () => {
    const id = "x".repeat(3_000)
    const csv = AgentImport.parseAgents(utf8(`Nom;Prénom;Métier;Service;Identifiant\nA;B;IT;U1;${id}\nC;D;IT;U1;${id}\n`), "a.csv")
    expect(Either.isLeft(csv)).toBe(true)
    if (Either.isLeft(csv)) {
      expect(csv.left.faults.map((f) => f.line)).toContain(3)
      expect(csv.left.message.length).toBeLessThan(1_000)
    }
    const json = AgentImport.parseAgents(utf8(JSON.stringify([{ lastName: "A", firstName: "B", occupation: "IT", unit: "U1", ["k".repeat(3_000)]: 1 }])), "a.json")
    expect(Either.isLeft(json)).toBe(true)
    if (Either.isLeft(json)) expect(json.left.message.length).toBeLessThan(1_000)
  })
})
