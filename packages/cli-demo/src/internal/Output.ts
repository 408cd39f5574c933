/**
 * The one place the CLI prints: lines of text on stdout, diagnostics on
 * stderr, or one JSON document for scripts. Handlers say what to print;
 * this module says how.
 *
 * A reader that goes away (`entre-pairs show … --json | head -c1`: EPIPE)
 * ends the output quietly: what is left is not written, no stack trace is
 * printed, and the command ends with its own exit code.
 */
import * as Effect from "effect/Effect"
import type { OutputOptions } from "./Common.js"

const closed = { stdout: false, stderr: false }

const watch = (name: "stdout" | "stderr") => {
  const stream = process[name]
  // The reader closed the pipe (EPIPE) or the stream is gone: nothing more can
  // be written to it, and there is no one left to tell.
  stream.on("error", () => {
    closed[name] = true
  })
}

let watching = false

/** Handles a closed stdout or stderr (EPIPE) from now on; called once at start-up. */
export const watchStreams = (): void => {
  if (watching) return
  watching = true
  watch("stdout")
  watch("stderr")
}

const write = (name: "stdout" | "stderr", text: string) => {
  if (closed[name]) return
  try {
    process[name].write(text)
  } catch {
    closed[name] = true
  }
}

/** Prints a line on stdout. */
export const out = (line: string): Effect.Effect<void> => Effect.sync(() => write("stdout", line + "\n"))

/** Prints a line on stderr. */
export const err = (line: string): Effect.Effect<void> => Effect.sync(() => write("stderr", line + "\n"))

/** Prints lines on stdout. */
export const lines = (text: ReadonlyArray<string>): Effect.Effect<void> => (text.length === 0 ? Effect.void : out(text.join("\n")))

/** Prints lines on stderr. */
export const errLines = (text: ReadonlyArray<string>): Effect.Effect<void> => (text.length === 0 ? Effect.void : err(text.join("\n")))

/** Prints a JSON value on stdout. */
export const json = (value: unknown): Effect.Effect<void> => out(JSON.stringify(value, null, 2))

/**
 * Prints a result: its JSON form with `--json`, else its lines of text.
 * Both are thunks, so only the one printed is built.
 */
export const result = (c: OutputOptions, forms: { readonly json: () => unknown; readonly text: () => ReadonlyArray<string> }): Effect.Effect<void> =>
  Effect.suspend(() => (c.json ? json(forms.json()) : lines(forms.text())))
