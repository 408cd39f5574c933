/**
 * Reads agents from the files HR departments actually export: CSV with `;`
 * (or `,` / tab), UTF-8 with or without BOM or Windows-1252, French or
 * English headers (`Nom;Prénom;Civilité;Métier;Service;Fonction;Statut;
 * Tranche d'âge;Ancienneté;Sexe;Identifiant`), or JSON. All or nothing:
 * any invalid row rejects the file with its line, column and reason.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Either from "effect/Either"
import * as internal from "./internal/agentImport.js"

/**
 * One fault of an import: the line (1-based, in the file; for JSON the
 * element index + 1), the column (header as written), and why.
 *
 * @since 0.1.0
 */
export type ImportFault = internal.ImportFault

/**
 * The file was rejected: nothing is imported.
 *
 * @example
 * import { AgentImport } from "@entre-pairs/cli-demo"
 * const result = AgentImport.parseAgents(new TextEncoder().encode("Nom;Prénom\nDupont;"), "a.csv")
 * // Left(AgentImportError { faults: [{ line: 2, column: "Prénom", reason: … }] })
 * @since 0.1.0
 */
export class AgentImportError extends Data.TaggedError("AgentImportError")<{
  readonly file: string
  readonly faults: ReadonlyArray<ImportFault>
}> {
  override get message(): string {
    return `${this.file}: ${this.faults.length} invalid value(s): ${this.faults
      .slice(0, 5)
      .map((f) => `line ${f.line}, column ${f.column}: ${f.reason}`)
      .join("; ")}`
  }
}

/** The text encoding a file was read with. @since 0.1.0 */
export type Encoding = internal.Encoding

/** Decodes Windows-1252 bytes. @since 0.1.0 */
export const decodeWindows1252: (bytes: Uint8Array) => string = internal.decodeWindows1252

/**
 * Decodes bytes: UTF-8 when they start with a BOM or are valid UTF-8,
 * Windows-1252 (what Excel writes in France) otherwise.
 *
 * @example
 * import { AgentImport } from "@entre-pairs/cli-demo"
 * AgentImport.decodeText(Uint8Array.of(0x45, 0x6c, 0xe9, 0x6e, 0x61)) // { text: "Eléna", encoding: "windows-1252" }
 * @since 0.1.0
 */
export const decodeText: (bytes: Uint8Array) => { readonly text: string; readonly encoding: Encoding } = internal.decodeText

/**
 * The field a header means, or `undefined` for a column that is ignored.
 *
 * @example
 * import { AgentImport } from "@entre-pairs/cli-demo"
 * AgentImport.fieldOf("Tranche d'âge") // "ageBand"
 * @since 0.1.0
 */
export const fieldOf: (header: string) => internal.Field | undefined = internal.fieldOf

/** An imported agent, or a volunteer for the composer (role, previous selection). @since 0.1.0 */
export type ImportedAgent = internal.ImportedAgent

/** Options of {@link parseAgents}. @since 0.1.0 */
export type ParseOptions = internal.ParseOptions

/** The result of {@link parseAgents}. @since 0.1.0 */
export type Parsed = internal.Parsed

/**
 * Parses a file of agents (CSV or JSON, by content), all or nothing.
 * Occupations and units become slugs (`Inspecteur du travail` →
 * `inspecteur-du-travail`); French values are mapped (`Titulaire` →
 * `tenured`, `Encadrant` → `lineManager`, `F` → `female`, `30 à 39 ans` →
 * `30-39`); a missing `Identifiant` becomes `agt-<prénom>-<nom>`. A JSON
 * file must be UTF-8, no deeper than `Input.defaultLimits` (a fault with the
 * line and column otherwise); a CSV file that is not UTF-8 is read as
 * Windows-1252.
 *
 * @example
 * import { AgentImport } from "@entre-pairs/cli-demo"
 * import * as Either from "effect/Either"
 * const csv = "Nom;Prénom;Métier;Service;Identifiant\nLefèvre;Élodie;Inspecteur du travail;UC3;agt-001\n"
 * const parsed = AgentImport.parseAgents(new TextEncoder().encode(csv), "agents.csv")
 * Either.isRight(parsed) && parsed.right.agents[0]?.agent.occupation // "inspecteur-du-travail"
 * @since 0.1.0
 */
export const parseAgents = (bytes: Uint8Array, file: string, options: ParseOptions = {}): Either.Either<Parsed, AgentImportError> =>
  Either.mapLeft(internal.parseAgents(bytes, file, options), (rejection) => new AgentImportError(rejection))
