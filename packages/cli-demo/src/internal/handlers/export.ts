/**
 * Handler of `export`: one document for one audience, in one or every
 * format. An existing file is never overwritten without `--force`: every
 * target is checked before the first is written.
 */
import { ExchangeService, type View } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { join } from "node:path"
import type { CliExit, Common, Lang } from "../Common.js"
import { invalid } from "../Failure.js"
import * as Files from "../Files.js"
import { parseAt } from "../Input.js"
import type * as L from "../Labels.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"
import { fileName, renderView } from "../Render.js"
import * as Store from "../Store.js"

/** What `export` writes. */
export interface ExportRequest {
  readonly exchangeId: string
  readonly view: L.Output
  readonly audience: L.Audience
  readonly formats: ReadonlyArray<L.FileFormat>
  readonly sessionId: Option.Option<string>
  readonly agentId: Option.Option<string>
  readonly out: string
  readonly at: Option.Option<string>
  /** Overwrite files that already exist. */
  readonly force: boolean
}

/** Builds the request of a view, checking `--session` / `--agent`. */
export const viewRequest = (
  output: L.Output,
  audience: L.Audience,
  sessionId: Option.Option<string>,
  agentId: Option.Option<string>,
  lang: Lang
): Effect.Effect<View.Request, CliExit> => {
  const m = messages(lang)
  if (output === "agenda" || output === "minutes") {
    return Option.match(sessionId, {
      onNone: () => Effect.fail(invalid(m.sessionRequired(output))),
      onSome: (id) => Effect.succeed({ output, audience, sessionId: id } as View.Request)
    })
  }
  if (output === "attestation") {
    return Option.match(agentId, {
      onNone: () => Effect.fail(invalid(m.agentRequired)),
      onSome: (id) => Effect.succeed({ output, audience, agentId: id } as View.Request)
    })
  }
  return Effect.succeed({ output, audience } as View.Request)
}

/** `export <exchange> --view --audience --format [--session] [--agent] --out`. */
export const exportView = (c: Common, r: ExportRequest) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const m = messages(c.lang)
      const now = yield* parseAt(r.at, c.lang)
      const request = yield* viewRequest(r.view, r.audience, r.sessionId, r.agentId, c.lang)
      const service = yield* ExchangeService.ExchangeService
      const view = yield* service.view(r.exchangeId, request, { at: now })
      if (view._tag === "CompositionView") return yield* invalid(m.compositionHasNoLayout)
      if (r.formats.includes("ics") && view._tag !== "CalendarView" && view._tag !== "AgendaView") return yield* invalid(m.icsOnlyCalendar)
      const suffix = Option.getOrUndefined(Option.orElse(r.sessionId, () => r.agentId))
      const targets = r.formats.map((format) => ({ format, path: join(r.out, fileName(r.view, r.audience, format, suffix)) }))
      if (!r.force) {
        const existing = yield* Effect.filter(targets, (t) => Files.exists(t.path))
        if (existing.length > 0) {
          const paths = existing.map((t) => t.path)
          return yield* invalid(m.wouldOverwrite(paths.join(", ")), { error: "FileExists", files: paths })
        }
      }
      yield* Files.makeDirectory(r.out, c.lang)
      const written: Array<string> = []
      for (const { format, path } of targets) {
        const bytes = yield* renderView(view, format, c.lang)
        yield* Files.writeFile(path, bytes, c.lang)
        written.push(path)
      }
      yield* Output.result(c, { json: () => ({ ok: true, written }), text: () => written.map((p) => m.wrote(p)) })
    })
  )
