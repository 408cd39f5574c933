import { describe, expect, it } from "vitest"
import { Typography } from "../src/index.js"

describe("Typography", () => {
  it("writes dates the French way, in Paris", () => {
    expect(Typography.formatDate(Date.UTC(2026, 11, 3, 13, 30))).toBe("jeudi 3\u00a0décembre\u00a02026")
    expect(Typography.formatDate(Date.UTC(2026, 11, 1, 9))).toBe("mardi 1ᵉʳ\u00a0décembre\u00a02026")
    // 23:30Z on 31 Dec is already 1 January in Paris.
    expect(Typography.formatDate(Date.UTC(2026, 11, 31, 23, 30))).toBe("vendredi 1ᵉʳ\u00a0janvier\u00a02027")
    expect(Typography.formatDate(Date.UTC(2026, 11, 3, 13, 30), "en")).toBe("Thursday 3\u00a0December\u00a02026")
  })

  it("puts ordinal suffixes in superscript: 2ᵉ, 1ᵉʳ, 1ʳᵉ — not inside words or codes", () => {
    expect(Typography.ordinals("salle du 2e étage, le 1er et la 1re, 3es")).toBe("salle du 2ᵉ étage, le 1ᵉʳ et la 1ʳᵉ, 3ᵉˢ")
    expect(Typography.ordinals("A2e, 2eme, 12345e, x2e")).toBe("A2e, 2eme, 12345e, x2e")
    expect(Typography.typeset("au 2e étage")).toBe("au 2ᵉ étage")
    expect(Typography.ordinals(Typography.ordinals("2e"))).toBe("2ᵉ")
  })

  it("writes times as 14 h 30 with no-break spaces, across daylight saving", () => {
    expect(Typography.formatTime(Date.UTC(2026, 11, 3, 13, 30))).toBe("14\u00a0h\u00a030")
    expect(Typography.formatTime(Date.UTC(2026, 9, 24, 12))).toBe("14\u00a0h") // CEST, UTC+2
    expect(Typography.formatTime(Date.UTC(2026, 10, 3, 13))).toBe("14\u00a0h") // CET, UTC+1
    expect(Typography.formatTime(Date.UTC(2026, 10, 3, 13), "en")).toBe("14:00")
    expect(Typography.formatTimeRange(Date.UTC(2026, 10, 3, 13), 150)).toBe("de 14\u00a0h à 16\u00a0h\u00a030")
  })

  it("does not depend on the machine's time zone", () => {
    const w = Typography.wallTime(Date.UTC(2026, 2, 29, 1, 30)) // 29 March 2026: 03:30 CEST, just after the change
    expect([w.day, w.hour, w.minute]).toEqual([29, 3, 30])
  })

  it("puts French spaces before high punctuation and inside guillemets", () => {
    expect(Typography.frenchSpacing("Pourquoi ? « oui » : non !")).toBe("Pourquoi\u202f? «\u00a0oui\u00a0»\u00a0: non\u202f!")
    const once = Typography.frenchSpacing("a ; b")
    expect(Typography.frenchSpacing(once)).toBe(once)
    expect(Typography.frenchSpacing("14:30 http://x")).toBe("14:30 http://x")
    expect(Typography.quote("geste professionnel")).toBe("«\u00a0geste professionnel\u00a0»")
    expect(Typography.count(0, "séance")).toBe("0\u00a0séance")
    expect(Typography.count(3, "séance")).toBe("3\u00a0séances")
  })
})

describe("typeset", () => {
  it("turns straight apostrophes between letters into ’ and applies French spacing", () => {
    expect(Typography.typeset("l'agent : d'accord ?")).toBe("l’agent\u00a0: d’accord\u202f?")
    expect(Typography.typeset("'cité' 5'")).toBe("'cité' 5'")
    const once = Typography.typeset("aujourd'hui ; « l'œuvre »")
    expect(Typography.typeset(once)).toBe(once)
  })
})
