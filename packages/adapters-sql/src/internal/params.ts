/**
 * The parameters of the read-model rows, in the column order of
 * `statements.ts`: built once here for the store, its rebuild and the
 * benchmarks' raw-driver baselines alike.
 *
 * @internal
 */
import type { EventStore } from "@entre-pairs/core"

type ReadModel = EventStore.ReadModel

/** Epoch milliseconds of an instant, or null when the text is not one (the row is then never owed). */
export const millis = (text: string): number | null => {
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? ms : null
}

/** `stream, title, state, version, updated_at, service, themes, opened_at, closed_at`. @internal */
export const exchange = (model: ReadModel, updatedAt: string): Array<string | number | null> => [
  model.stream,
  model.title,
  model.state,
  model.version,
  updatedAt,
  model.service ?? null,
  model.themes === undefined ? null : JSON.stringify(model.themes),
  model.openedAt ?? null,
  model.closedAt ?? null
]

/**
 * Pushes onto `out`, per obligation: `stream, position, rule, due_at, due_ms,
 * from_at, from_ms, owner, path, service, what_fr, what_en`.
 *
 * @internal
 */
export const obligations = (stream: string, model: ReadModel, out: Array<unknown>): void => {
  const service = model.service ?? null
  for (let position = 0; position < model.obligations.length; position++) {
    const o = model.obligations[position]!
    out.push(
      stream,
      position,
      o.rule,
      o.dueAt,
      millis(o.dueAt),
      o.from ?? null,
      o.from === undefined ? null : millis(o.from),
      o.owner,
      o.path,
      service,
      o.what?.fr ?? null,
      o.what?.en ?? null
    )
  }
}
