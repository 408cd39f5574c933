/**
 * The composer's seeded random stream. The j-th number drawn with seed `s` is
 *
 *   u_j = (first 53 bits of SHA-256("entre-pairs/composer/v1|" + s + "|" + j)) / 2^53
 *
 * i.e. the first 13 hexadecimal digits of the digest, plus the top bit of the
 * 14th, read as an integer and divided by 2^53: a number in [0, 1) that anyone
 * can recompute with a SHA-256 tool, without this library. No `Math.random`.
 *
 * @internal
 */
import { sha256 } from "./sha256.js"

/** Domain-separation prefix of the draw; bump the version if the draw procedure changes. */
export const drawDomain = "entre-pairs/composer/v1"

/** The canonical string form of a seed (numbers in JavaScript's shortest round-trip form). */
export const seedString = (seed: string | number): string => (typeof seed === "number" ? String(seed) : seed)

/** u_j for a seed, in [0, 1). */
export const uniform = (seed: string | number, j: number): number => {
  const d = sha256(`${drawDomain}|${seedString(seed)}|${j}`)
  // 53 bits: 6 full bytes (48 bits) + the top 5 bits of byte 6.
  let hi = 0
  for (let i = 0; i < 6; i++) hi = hi * 256 + d[i]!
  const top5 = d[6]! >>> 3
  return (hi * 32 + top5) / 2 ** 53
}

/** A deterministic stream of uniforms u_0, u_1, … for a seed. */
export const stream = (seed: string | number): (() => number) => {
  let j = 0
  return () => uniform(seed, j++)
}

/**
 * A small, fast, deterministic PRNG (mulberry32) for internal uses that are
 * not part of the published draw (benchmark pools, tests).
 */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
