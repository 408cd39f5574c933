/** The group's rules (CHA-01). */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { type Env, header } from "./common.js"

export const charter = (s: ExchangeSnapshot, env: Env) =>
  Either.right({
    _tag: "CharterView" as const,
    header: header(s, "charter", env, s.charter?.adoptedAt),
    adoptedAt: s.charter?.adoptedAt,
    items: s.charter?.items ?? [],
    text: s.charter?.text,
    localRules: env.localRules
  })
