/**
 * The one place the CLI prints: lines of text on stdout, diagnostics on
 * stderr, or one JSON document for scripts. Handlers say what to print;
 * this module says how.
 */
import * as Effect from "effect/Effect"
import type { OutputOptions } from "./Common.js"

/** Prints a line on stdout. */
export const out = (line: string): Effect.Effect<void> => Effect.sync(() => void process.stdout.write(line + "\n"))

/** Prints a line on stderr. */
export const err = (line: string): Effect.Effect<void> => Effect.sync(() => void process.stderr.write(line + "\n"))

/** Prints lines on stdout. */
export const lines = (text: ReadonlyArray<string>): Effect.Effect<void> => Effect.forEach(text, out, { discard: true })

/** Prints lines on stderr. */
export const errLines = (text: ReadonlyArray<string>): Effect.Effect<void> => Effect.forEach(text, err, { discard: true })

/** Prints a JSON value on stdout. */
export const json = (value: unknown): Effect.Effect<void> => out(JSON.stringify(value, null, 2))

/**
 * Prints a result: its JSON form with `--json`, else its lines of text.
 * Both are thunks, so only the one printed is built.
 */
export const result = (c: OutputOptions, forms: { readonly json: () => unknown; readonly text: () => ReadonlyArray<string> }): Effect.Effect<void> =>
  Effect.suspend(() => (c.json ? json(forms.json()) : lines(forms.text())))
