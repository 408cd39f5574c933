/** Handler of `check <snapshot.json> [--at]`: evaluates a snapshot file. */
import { Evaluate, Exchange } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Option from "effect/Option"
import { CliExit, type OutputOptions } from "../Common.js"
import { handleFailures } from "../Failure.js"
import { formatDate, formatPath, obligationJson, obligationLine, short, stateLabel, violationJson, violationLine } from "../Format.js"
import { parseAt, readJsonFile } from "../Input.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"

/** `check <snapshot.json> [--at]`: 0 valid (advisories allowed), 1 blocking violations, 2 unreadable or undecodable. */
export const check = (c: OutputOptions, file: string, at: Option.Option<string>) =>
  Effect.gen(function* () {
    const m = messages(c.lang)
    const now = yield* parseAt(at, c.lang)
    const json = yield* readJsonFile(file, c.lang)
    const decoded = Exchange.decode(json)
    if (Either.isLeft(decoded)) {
      const faults = decoded.left.faults
      if (c.json) yield* Output.json({ ok: false, faults: faults.map((f) => ({ path: formatPath(f.path), message: short(f.message) })) })
      else yield* Output.errLines([m.notASnapshot(file, faults.length), ...faults.map((f) => `  - ${formatPath(f.path)} : ${short(f.message)}`)])
      return yield* new CliExit({ code: 2, message: "snapshot decode faults", printed: true })
    }
    const s = decoded.right
    const evaluation = Evaluate.evaluate(s, { at: now })
    const violations = [...evaluation.blocking, ...evaluation.advisories]
    yield* Output.result(c, {
      json: () => ({
        violations: violations.map((v) => violationJson(v, c.lang)),
        obligations: evaluation.obligations.map((o) => obligationJson(o, c.lang))
      }),
      text: () => [
        m.checkHeader(s.title, s.id, stateLabel(s.state, c.lang), formatDate(now, c.lang)),
        ...(violations.length === 0 ? [m.noViolation] : []),
        ...violations.map((v) => "  " + violationLine(v, c.lang)),
        ...(evaluation.obligations.length > 0 ? [m.openObligations, ...evaluation.obligations.map((o) => "  " + obligationLine(o, c.lang))] : []),
        evaluation.blocking.length > 0 ? m.blockingCount(evaluation.blocking.length) : m.compliant(evaluation.advisories.length)
      ]
    })
    if (evaluation.blocking.length > 0) return yield* new CliExit({ code: 1, message: "blocking violations", printed: true })
  }).pipe(handleFailures(c))
