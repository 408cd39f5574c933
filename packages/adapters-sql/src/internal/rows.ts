/**
 * The rows the store reads back, as Schemas: every row is checked at the
 * boundary (a guard; the Schema decodes a row the guard refuses), never
 * cast, so a foreign or damaged table is reported as such instead of flowing
 * on as wrong types.
 * Rows are read as arrays (the column order of each SELECT in
 * `statements.ts`): cheaper for the drivers and for the decoder than objects.
 *
 * @internal
 */
import * as Schema from "effect/Schema"

/**
 * An integer as the drivers return it: a number, or a decimal string for
 * PostgreSQL's `bigint` (what `COUNT(*)` gives).
 */
export const Int = Schema.Union(Schema.Int, Schema.compose(Schema.NumberFromString, Schema.Int))

/** `stream, version, type, data, recorded_at` — `data` is JSON text, parsed after decoding. */
export const Event = Schema.Tuple(Schema.String, Schema.Int, Schema.String, Schema.String, Schema.String)

/**
 * `Event`'s guard written out (the read path's rows, hundreds per call): the
 * same test as `Schema.is(Event)` — an array of five, the version a safe
 * integer — without walking the Schema for each row.
 */
export const isEvent = (row: unknown): row is typeof Event.Type =>
  Array.isArray(row) &&
  row.length === 5 &&
  typeof row[0] === "string" &&
  Number.isSafeInteger(row[1]) &&
  typeof row[2] === "string" &&
  typeof row[3] === "string" &&
  typeof row[4] === "string"

/** `stream, version`. */
export const Stream = Schema.Tuple(Schema.String, Int)

/** `version`. */
export const Version = Schema.Tuple(Int)

const Text = Schema.String
const Maybe = Schema.NullOr(Schema.String)

/**
 * `stream, title, state, version, service, themes, opened_at, closed_at,
 * rule, due_at, owner, path, from_at, what_fr, what_en` (the obligation's
 * columns null when it has none).
 */
export const ReadModel = Schema.Tuple(Text, Text, Text, Int, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe, Maybe)

/** `stream, title, service, position, rule, due_at, owner, path, from_at, what_fr, what_en`. */
export const Obligation = Schema.Tuple(Text, Text, Maybe, Int, Text, Text, Text, Text, Maybe, Maybe, Maybe)

/** `stream, title, state, version, service, themes, opened_at, closed_at, updated_at`. */
export const Exchange = Schema.Tuple(Text, Text, Text, Int, Maybe, Maybe, Maybe, Maybe, Text)
