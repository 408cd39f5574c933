/**
 * Equity of speaking time (CHA-02; the note's "équité dans les temps de
 * parole"): each participant's share, the Gini coefficient of the times and
 * the share of the longest speaker.
 *
 * @since 0.1.0
 */
import type { SpeakingTime } from "./Session.js"

/**
 * One participant's total speaking time and share.
 *
 * @example
 * import { AgentId, type Speaking } from "@entre-pairs/core"
 * const s: Speaking.Share = { participant: AgentId.make("agt-1"), seconds: 300, share: 0.25 }
 * @since 0.1.0
 */
export interface Share {
  readonly participant: SpeakingTime["participant"]
  readonly seconds: number
  /** Share of the total in [0, 1] (0 when nobody spoke). */
  readonly share: number
}

/**
 * The equity report of one session's speaking times.
 *
 * @example
 * import type { Speaking } from "@entre-pairs/core"
 * const unfair = (e: Speaking.Equity) => e.gini > 0.35
 * @since 0.1.0
 */
export interface Equity {
  /** Per participant (times of the same participant summed), in the order first met. */
  readonly shares: ReadonlyArray<Share>
  readonly totalSeconds: number
  /**
   * Gini coefficient of the times in [0, 1): 0 when everyone spoke as long,
   * close to 1 when one person spoke alone; 0 with fewer than two participants
   * or no time at all.
   */
  readonly gini: number
  /** Share of the longest speaker (0 when nobody spoke). */
  readonly longestShare: number
}

/**
 * The Gini coefficient and longest share only, without the per-participant
 * shares: what CHA-02 needs, with no allocation beyond one typed array.
 *
 * @example
 * import { AgentId, Speaking } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * const times = [{ participant: AgentId.make("agt-a"), seconds: 600 }, { participant: AgentId.make("agt-b"), seconds: 0 }]
 * assert.strictEqual(Speaking.gini(times).gini, 0.5)
 * @since 0.1.0
 */
export const gini = (times: ReadonlyArray<SpeakingTime>): { readonly gini: number; readonly longestShare: number } => {
  const n = times.length
  // Several entries for one participant are summed: take the general path.
  for (let i = 1; i < n; i++) {
    const p = times[i]!.participant
    for (let j = 0; j < i; j++) {
      if (times[j]!.participant === p) {
        const e = speakingEquity(times)
        return { gini: e.gini, longestShare: e.longestShare }
      }
    }
  }
  const xs = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    const s = times[i]!.seconds
    const x = Number.isFinite(s) && s > 0 ? s : 0
    xs[i] = x
    total += x
  }
  if (total <= 0) return { gini: 0, longestShare: 0 }
  xs.sort()
  let weighted = 0
  for (let i = 0; i < n; i++) weighted += (i + 1) * xs[i]!
  const g = n >= 2 ? Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n) : 0
  return { gini: g, longestShare: xs[n - 1]! / total }
}

/**
 * Computes the equity of speaking times: `G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)`,
 * evaluated on the sorted times as `(2 Σ i·x₍ᵢ₎) / (n Σ x) − (n + 1) / n`.
 *
 * @example
 * import { AgentId, Speaking } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * const equity = Speaking.speakingEquity([
 *   { participant: AgentId.make("agt-a"), seconds: 600 },
 *   { participant: AgentId.make("agt-b"), seconds: 600 }
 * ])
 * assert.strictEqual(equity.gini, 0)
 * @since 0.1.0
 */
export const speakingEquity = (times: ReadonlyArray<SpeakingTime>): Equity => {
  const totals = new Map<SpeakingTime["participant"], number>()
  let total = 0
  for (const t of times) {
    const s = Number.isFinite(t.seconds) && t.seconds > 0 ? t.seconds : 0
    totals.set(t.participant, (totals.get(t.participant) ?? 0) + s)
    total += s
  }
  const shares: Array<Share> = []
  const values: Array<number> = []
  let longest = 0
  for (const [participant, seconds] of totals) {
    shares.push({ participant, seconds, share: total > 0 ? seconds / total : 0 })
    values.push(seconds)
    if (seconds > longest) longest = seconds
  }
  const n = values.length
  let gini = 0
  if (n >= 2 && total > 0) {
    values.sort((a, b) => a - b)
    let weighted = 0
    for (let i = 0; i < n; i++) weighted += (i + 1) * values[i]!
    gini = Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n)
  }
  return { shares, totalSeconds: total, gini, longestShare: total > 0 ? longest / total : 0 }
}
