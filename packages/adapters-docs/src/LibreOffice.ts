/**
 * Optional conversions through a locally installed LibreOffice (headless):
 * ODT or DOCX to PDF, and ODT to archival PDF/A-2 ({@link toPdfA}). Not pure:
 * it writes to a fresh temporary directory, runs `libreoffice` with a fresh
 * user profile (so that concurrent conversions and a desktop session never
 * collide), and removes the directory. When LibreOffice is not installed it
 * fails with {@link LibreOfficeNotInstalled}, never with a defect, so a
 * caller can fall back to {@link Pdf.render}.
 *
 * @since 0.1.0
 */
import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { delimiter, join } from "node:path"
import { pathToFileURL } from "node:url"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/** LibreOffice could not be found. @since 0.1.0 */
export class LibreOfficeNotInstalled extends Schema.TaggedError<LibreOfficeNotInstalled>("@entre-pairs/adapters-docs/LibreOfficeNotInstalled")(
  "LibreOfficeNotInstalled",
  { searched: Schema.Array(Schema.String) }
) {
  override get message() {
    return `LibreOffice is not installed (looked for ${this.searched.join(", ")}); install it (Debian: libreoffice-writer-nogui) or set LIBREOFFICE_PATH`
  }
}

/** LibreOffice ran but produced no output, failed, or timed out. @since 0.1.0 */
export class LibreOfficeConversionError extends Schema.TaggedError<LibreOfficeConversionError>("@entre-pairs/adapters-docs/LibreOfficeConversionError")(
  "LibreOfficeConversionError",
  { reason: Schema.String, stderr: Schema.String }
) {
  override get message() {
    return `LibreOffice conversion failed: ${this.reason}${this.stderr === "" ? "" : `\n${this.stderr}`}`
  }
}

/** Options of a conversion. @since 0.1.0 */
export interface Options {
  /** Path of the `soffice`/`libreoffice` binary; default: `LIBREOFFICE_PATH` if set, else `PATH` and the usual places. */
  readonly binary?: string
  /** Default 120 s: a cold start of LibreOffice can take tens of seconds on a small machine. */
  readonly timeoutMs?: number
}

const candidates = (): Array<string> => {
  const fromEnv = process.env.LIBREOFFICE_PATH
  // An explicit path is obeyed: pointing it nowhere is an error, not a silent fallback.
  if (fromEnv !== undefined && fromEnv !== "") return [fromEnv]
  const onPath = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((d) => d !== "")
    .flatMap((d) => [join(d, "libreoffice"), join(d, "soffice")])
  return [
    ...onPath,
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe"
  ]
}

/**
 * Finds the LibreOffice binary.
 *
 * @example
 * import { LibreOffice } from "@entre-pairs/adapters-docs"
 * import { Effect } from "effect"
 * const installed = await Effect.runPromise(Effect.isSuccess(LibreOffice.find()))
 * @since 0.1.0
 */
export const find = (options: Options = {}): Effect.Effect<string, LibreOfficeNotInstalled> =>
  Effect.suspend(() => {
    const list = options.binary !== undefined ? [options.binary] : candidates()
    const found = list.find((p) => existsSync(p))
    return found === undefined ? Effect.fail(new LibreOfficeNotInstalled({ searched: list })) : Effect.succeed(found)
  })

/** Input formats LibreOffice reads here. @since 0.1.0 */
export type InputFormat = "odt" | "docx"

/** `pdf` is a plain PDF; `pdfa` is PDF/A-2b (archival, fonts embedded). @since 0.1.0 */
export type OutputFormat = "pdf" | "pdfa"

const filter = (to: OutputFormat) =>
  to === "pdf" ? "pdf:writer_pdf_Export" : 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'

/**
 * Converts an ODT or DOCX file to PDF (or PDF/A-2) with LibreOffice.
 *
 * @example
 * import { Document, LibreOffice, Odt } from "@entre-pairs/adapters-docs"
 * import { Effect } from "effect"
 * const odt = Odt.render(Document.make({ title: "Relevé de conclusions", lang: "fr" }, []))
 * const pdf = LibreOffice.convert(odt, "odt", "pdf") // Effect<Uint8Array, …>
 * @since 0.1.0
 */
export const convert = (
  bytes: Uint8Array,
  from: InputFormat,
  to: OutputFormat,
  options: Options = {}
): Effect.Effect<Uint8Array, LibreOfficeNotInstalled | LibreOfficeConversionError> =>
  Effect.gen(function* () {
    const binary = yield* find(options)
    return yield* Effect.acquireUseRelease(
      Effect.tryPromise({
        try: () => mkdtemp(join(tmpdir(), "entre-pairs-lo-")),
        catch: (e) => new LibreOfficeConversionError({ reason: `cannot create a temporary directory: ${String(e)}`, stderr: "" })
      }),
      (dir) =>
        Effect.tryPromise({
          try: async () => {
            const input = join(dir, `document.${from}`)
            await writeFile(input, bytes)
            const args = [
              "--headless",
              "--invisible",
              "--nologo",
              "--norestore",
              "--nolockcheck",
              "--nodefault",
              `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
              "--convert-to",
              filter(to),
              "--outdir",
              join(dir, "out"),
              input
            ]
            const stderr = await new Promise<string>((resolve, reject) => {
              execFile(binary, args, { timeout: options.timeoutMs ?? 120_000, killSignal: "SIGKILL", maxBuffer: 8 << 20 }, (error, _stdout, err) =>
                error === null ? resolve(String(err)) : reject(new LibreOfficeConversionError({ reason: error.message, stderr: String(err) }))
              )
            })
            const output = join(dir, "out", "document.pdf")
            if (!existsSync(output)) throw new LibreOfficeConversionError({ reason: "no PDF was produced", stderr })
            return new Uint8Array(await readFile(output))
          },
          catch: (e) =>
            e instanceof LibreOfficeConversionError ? e : new LibreOfficeConversionError({ reason: String(e), stderr: "" })
        }),
      (dir) => Effect.promise(() => rm(dir, { recursive: true, force: true }))
    )
  })

/**
 * Converts an ODT (e.g. from {@link Odt.render}) to archival PDF/A-2 with
 * LibreOffice. Optional: needs LibreOffice installed, fails with
 * {@link LibreOfficeNotInstalled} otherwise.
 *
 * @example
 * import { Document, LibreOffice, Odt } from "@entre-pairs/adapters-docs"
 * import { Effect } from "effect"
 * const odt = Odt.render(Document.make({ title: "Bilan", lang: "fr" }, []))
 * const program = LibreOffice.toPdfA(odt).pipe(
 *   Effect.catchTag("LibreOfficeNotInstalled", () => Effect.succeed(undefined))
 * )
 * @since 0.1.0
 */
export const toPdfA = (
  odtBytes: Uint8Array,
  options: Options = {}
): Effect.Effect<Uint8Array, LibreOfficeNotInstalled | LibreOfficeConversionError> => convert(odtBytes, "odt", "pdfa", options)
