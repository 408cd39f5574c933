/**
 * Volunteer pools for the composer's tests and benchmark: seeded (mulberry32,
 * never Math.random) and skewed like a real labour-inspection service
 * (inspection du travail): mostly inspectors and controllers, mostly
 * tenured, few apprentices or executives, some unknown profile values.
 */
import type { Composer } from "@entre-pairs/core"
import { mulberry32 } from "../src/internal/composer/prng.js"

const pick = <A>(rand: () => number, table: ReadonlyArray<readonly [A, number]>): A => {
  const total = table.reduce((s, [, w]) => s + w, 0)
  let u = rand() * total
  for (const [a, w] of table) {
    u -= w
    if (u < 0) return a
  }
  return table[table.length - 1]![0]
}

export const occupations = [
  ["inspecteur-travail", 40],
  ["controleur-travail", 25],
  ["assistant-controle", 15],
  ["responsable-unite", 6],
  ["ingenieur-prevention", 5],
  ["medecin-inspecteur", 2],
  ["juriste", 4],
  ["charge-renseignement", 3]
] as const

/** A realistic pool of `n` volunteers; `missing` is the share of unknown profile values. */
export const realisticPool = (n: number, seed = 1, missing = 0.05): Array<Composer.VolunteerEncoded> => {
  const rand = mulberry32(seed)
  const maybe = <A>(a: A): A | undefined => (rand() < missing ? undefined : a)
  const units = ["ut-75-s1", "ut-75-s2", "ut-75-s3", "ut-92-s1", "ut-93-s1", "ut-94-s2"]
  return Array.from({ length: n }, (_, i) => {
    const occupation = pick(rand, occupations)
    const functionHeld =
      occupation === "responsable-unite"
        ? "lineManager"
        : pick(rand, [
            ["agent", 78],
            ["expert", 9],
            ["lineManager", 4],
            ["executive", 4],
            ["support", 5]
          ] as const)
    const v: Composer.VolunteerEncoded = {
      id: `agt-${String(i).padStart(5, "0")}`,
      firstName: "Prénom",
      lastName: `Nom${i}`,
      occupation,
      unit: units[Math.floor(rand() * units.length)]!,
      role: rand() < 0.03 ? "resource" : "operational",
      previouslySelected: rand() < 0.15
    }
    const age = maybe(pick(rand, [["<30", 10], ["30-39", 22], ["40-49", 30], ["50-59", 30], ["60+", 8]] as const))
    const seniority = maybe(pick(rand, [["<2", 8], ["2-4", 14], ["5-9", 22], ["10-19", 32], ["20+", 24]] as const))
    const sex = maybe(pick(rand, [["female", 61], ["male", 38.5], ["other", 0.5]] as const))
    const status = maybe(pick(rand, [["tenured", 85], ["contract", 10], ["trainee", 3], ["apprentice", 1], ["other", 1]] as const))
    const fn = maybe(functionHeld)
    return {
      ...v,
      ...(age ? { ageBand: age } : {}),
      ...(seniority ? { seniorityBand: seniority } : {}),
      ...(sex ? { sex } : {}),
      ...(status ? { status } : {}),
      ...(fn ? { functionHeld: fn } : {})
    }
  })
}

export const allUnits = ["ut-75-s1", "ut-75-s2", "ut-75-s3", "ut-92-s1", "ut-93-s1", "ut-94-s2"]

/** Quotas on sex, age band and seniority: at least half a fair share of each category, at most one above its share. */
export const quotasFor = (pool: ReadonlyArray<Composer.VolunteerEncoded>, k: number): Array<Composer.Quota> => {
  const out: Array<Composer.Quota> = []
  for (const dimension of ["sex", "ageBand", "seniorityBand"] as const) {
    const freq = new Map<string, number>()
    for (const v of pool) {
      const c = v[dimension]
      if (c !== undefined) freq.set(c, (freq.get(c) ?? 0) + 1)
    }
    for (const [category, n] of [...freq].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const share = (n / pool.length) * k
      const floor = Math.ceil(k / freq.size / 2)
      out.push({
        dimension,
        category,
        min: n >= floor ? Math.max(floor, Math.floor(share) - 1) : 0,
        max: Math.max(floor, Math.ceil(share) + 1)
      })
    }
  }
  return out
}
