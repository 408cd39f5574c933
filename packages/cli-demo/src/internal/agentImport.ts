/**
 * Body of `AgentImport.ts`: decoding (UTF-8, Windows-1252), header and value
 * mapping, CSV and JSON rows, all-or-nothing validation.
 */
import { Agent, Input } from "@entre-pairs/core"
import { parse } from "csv-parse/sync"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/** One fault of an import: line, column (header as written), reason. */
export interface ImportFault {
  readonly line: number
  readonly column: string
  readonly reason: string
}

/** The file was rejected (wrapped into `AgentImportError` by the public module). */
export interface Rejection {
  readonly file: string
  readonly faults: ReadonlyArray<ImportFault>
}

class Rejected {
  constructor(readonly rejection: Rejection) {}
}

export type Encoding = "utf-8" | "utf-8-bom" | "windows-1252"

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (€, œ, Œ, ’, “, ”, …);
 * Node's `TextDecoder("windows-1252")` decodes that range as Latin-1 control
 * characters, so the table is here.
 */
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"

export const decodeWindows1252 = (bytes: Uint8Array): string => {
  const parts: Array<string> = []
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192)
    const codes = new Array<number>(chunk.length)
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!
      codes[i] = b >= 0x80 && b <= 0x9f ? cp1252High.charCodeAt(b - 0x80) : b
    }
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join("")
}

export const decodeText = (bytes: Uint8Array): { readonly text: string; readonly encoding: Encoding } => {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" }
  }
}

/** Lower case, no accents, letters and digits only: `Tranche d'âge` → `tranchedage`. */
const normalise = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")

/** A slug usable as an ID: `Inspecteur du travail` → `inspecteur-du-travail`. */
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._:]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)

export type Field =
  | "id"
  | "civility"
  | "firstName"
  | "lastName"
  | "occupation"
  | "contributesTo"
  | "unit"
  | "functionHeld"
  | "jobTitle"
  | "status"
  | "ageBand"
  | "seniorityBand"
  | "sex"
  | "role"
  | "previouslySelected"

const headerAliases: Record<Field, ReadonlyArray<string>> = {
  id: ["identifiant", "id", "matricule", "agentid", "ident"],
  civility: ["civilite", "civility", "title"],
  firstName: ["prenom", "firstname", "givenname"],
  lastName: ["nom", "nomdefamille", "lastname", "surname", "familyname", "name"],
  occupation: ["metier", "occupation", "job", "emploi"],
  contributesTo: ["concourta", "concourt", "contributesto", "metiersconcourus"],
  unit: ["service", "unite", "unitedetravail", "unit", "structure", "affectation"],
  functionHeld: ["fonction", "functionheld", "function", "fonctionoccupee"],
  jobTitle: ["intituledeposte", "intituledefonction", "intitule", "poste", "jobtitle"],
  status: ["statut", "status"],
  ageBand: ["tranchedage", "agetranche", "ageband", "age"],
  seniorityBand: ["anciennete", "tranchedanciennete", "seniority", "seniorityband"],
  sex: ["sexe", "sex", "genre", "gender"],
  role: ["role"],
  previouslySelected: ["dejaretenu", "previouslyselected"]
}

const fieldOfHeader = new Map<string, Field>(
  Object.entries(headerAliases).flatMap(([field, aliases]) => aliases.map((a) => [a, field as Field] as const))
)

export const fieldOf = (header: string): Field | undefined => fieldOfHeader.get(normalise(header))

const valueMaps: Partial<Record<Field, Record<string, string>>> = {
  civility: { mme: "Mme", madame: "Mme", mlle: "Mme", m: "M.", monsieur: "M.", mr: "M.", mrs: "Mme", ms: "Mme" },
  functionHeld: {
    agent: "agent",
    encadrant: "lineManager",
    encadrante: "lineManager",
    cheffe: "lineManager",
    chef: "lineManager",
    cheffedeservice: "lineManager",
    experte: "expert",
    encadrement: "lineManager",
    manager: "lineManager",
    linemanager: "lineManager",
    chefdeservice: "lineManager",
    responsable: "lineManager",
    cadre: "executive",
    cadredirigeant: "executive",
    executive: "executive",
    expert: "expert",
    referent: "expert",
    support: "support",
    appui: "support",
    soutien: "support"
  },
  status: {
    titulaire: "tenured",
    fonctionnaire: "tenured",
    tenured: "tenured",
    contractuel: "contract",
    contractuelle: "contract",
    contract: "contract",
    stagiaire: "trainee",
    trainee: "trainee",
    apprenti: "apprentice",
    apprentie: "apprentice",
    apprentice: "apprentice",
    autre: "other",
    other: "other"
  },
  sex: { f: "female", femme: "female", female: "female", feminin: "female", h: "male", m: "male", homme: "male", male: "male", masculin: "male", autre: "other", other: "other", x: "other" },
  role: { operationnel: "operational", operational: "operational", ressource: "resource", resource: "resource", personneressource: "resource" },
  previouslySelected: { oui: "true", yes: "true", true: "true", "1": "true", non: "false", no: "false", false: "false", "0": "false" }
}

/** `moins de 30 ans`, `< 30`, `30 à 39 ans`, `30-39`, `60 ans et plus`, `60+` → a band of `bands`. */
const band = (raw: string, bands: ReadonlyArray<string>): string | undefined => {
  const s = normalise(raw.replace(/[<]/g, " lt ").replace(/[+]/g, " plus "))
  if (bands.includes(raw.replace(/\s+/g, "").replace(/ans?$/, ""))) return raw.replace(/\s+/g, "").replace(/ans?$/, "")
  const numbers = (raw.match(/\d+/g) ?? []).map(Number)
  if (numbers.length === 0) return undefined
  const [a, b] = numbers
  if (/^(lt|moinsde|under|lessthan)/.test(s)) return bands.find((x) => x === `<${a}`)
  if (/(plus|etplus|over|andover|etau-dela)/.test(s) && b === undefined) return bands.find((x) => x === `${a}+`)
  if (b !== undefined) return bands.find((x) => x === `${a}-${b}`)
  return bands.find((x) => {
    if (x.startsWith("<")) return a! < Number(x.slice(1))
    if (x.endsWith("+")) return a! >= Number(x.slice(0, -1))
    const [lo, hi] = x.split("-").map(Number)
    return a! >= lo! && a! <= hi!
  })
}

const ageBands = Agent.dimensionCategories.ageBand as ReadonlyArray<string>
const seniorityBands = Agent.dimensionCategories.seniorityBand as ReadonlyArray<string>

/** Converts one cell to the value the schema expects, or a reason. */
const convert = (field: Field, raw: string): { value?: unknown; reason?: string } => {
  const v = raw.trim()
  if (v === "") return {}
  switch (field) {
    case "occupation":
    case "unit":
      return { value: slug(v) }
    case "contributesTo":
      return { value: v.split(/[|,/]/).map((x) => slug(x)).filter((x) => x.length > 0) }
    case "ageBand":
    case "seniorityBand": {
      const bands = field === "ageBand" ? ageBands : seniorityBands
      const b = band(v, bands)
      return b === undefined ? { reason: `« ${Input.excerpt(v)} » : tranche attendue parmi ${bands.join(", ")}` } : { value: b }
    }
    case "previouslySelected": {
      const m = valueMaps.previouslySelected![normalise(v)]
      return m === undefined ? { reason: `« ${Input.excerpt(v)} » : oui/non attendu` } : { value: m === "true" }
    }
    case "civility":
    case "functionHeld":
    case "status":
    case "sex":
    case "role": {
      const m = valueMaps[field]![normalise(v)]
      return m === undefined
        ? { reason: `« ${Input.excerpt(v)} » : valeur attendue parmi ${[...new Set(Object.keys(valueMaps[field]!))].join(", ")}` }
        : { value: m }
    }
    default:
      return { value: v }
  }
}

export interface ImportedAgent {
  readonly agent: Agent.Agent
  readonly role?: "operational" | "resource"
  readonly previouslySelected?: boolean
}

const decodeAgent = Schema.decodeUnknownEither(Agent.Agent, { errors: "all", onExcessProperty: "error" })

export interface ParseOptions {
  /** Called every 1,000 rows with (done, total): a progress indicator. */
  readonly onProgress?: (done: number, total: number) => void
  /** Stop collecting faults after this many (default 50). */
  readonly maxFaults?: number
}

export interface Parsed {
  readonly agents: ReadonlyArray<ImportedAgent>
  readonly encoding: Encoding | "json"
  readonly format: "csv" | "json"
  readonly delimiter?: string
}

const delimiterOf = (firstLine: string): string => {
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ";"
}

/** Rows of cells with their line numbers. */
interface Row {
  readonly line: number
  readonly cells: ReadonlyArray<readonly [header: string, value: unknown]>
}

const rowsOfCsv = (text: string, file: string): { rows: Array<Row>; delimiter: string } => {
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length)
  const delimiter = delimiterOf(firstLine)
  let records: Array<{ record: Array<string>; info: { lines: number } }>
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false
    }) as unknown as Array<{ record: Array<string>; info: { lines: number } }>
  } catch (e) {
    const error = e as { lines?: number; column?: number; message: string }
    throw new Rejected({
      file,
      faults: [{ line: error.lines ?? 0, column: error.column === undefined ? "" : Input.excerpt(String(error.column)), reason: Input.excerpt(error.message, 300) }]
    })
  }
  const [header, ...body] = records
  if (header === undefined) throw new Rejected({ file, faults: [{ line: 1, column: "", reason: "fichier vide / empty file" }] })
  const headers = header.record.map((h) => h.trim())
  return {
    delimiter,
    rows: body.map((r) => ({ line: r.info.lines, cells: r.record.map((v, i) => [headers[i] ?? `#${i + 1}`, v] as const) }))
  }
}

const rowsOfJson = (value: unknown, file: string): Array<Row> => {
  const list = Array.isArray(value) ? value : typeof value === "object" && value !== null && Array.isArray((value as { agents?: unknown }).agents) ? (value as { agents: Array<unknown> }).agents : undefined
  if (list === undefined) {
    throw new Rejected({ file, faults: [{ line: 1, column: "", reason: "tableau d'agents attendu (ou { \"agents\": [...] }) / array of agents expected" }] })
  }
  return list.map((item, i) => ({
    line: i + 1,
    cells: typeof item === "object" && item !== null ? Object.entries(item) : [["(élément)", item]]
  }))
}

export const parseAgents = (bytes: Uint8Array, file: string, options: ParseOptions = {}): Either.Either<Parsed, Rejection> => {
  const maxFaults = options.maxFaults ?? 50
  try {
    const { text, encoding } = decodeText(bytes)
    const trimmed = text.trimStart()
    const isJson = trimmed.startsWith("[") || trimmed.startsWith("{")
    let rows: Array<Row>
    let delimiter: string | undefined
    if (isJson) {
      // JSON is UTF-8 (RFC 8259): the Windows-1252 reading is for CSV only.
      const value = Input.decodeJson(bytes, { source: file })
      if (Either.isLeft(value)) {
        const e = value.left
        throw new Rejected({ file, faults: [{ line: e.line, column: String(e.column), reason: `${e.detail.fr} / ${e.detail.en}` }] })
      }
      rows = rowsOfJson(value.right, file)
    } else {
      const csv = rowsOfCsv(text, file)
      rows = csv.rows
      delimiter = csv.delimiter
    }
    const faults: Array<ImportFault> = []
    const agents: Array<ImportedAgent> = []
    const seen = new Map<string, number>()
    const fault = (f: ImportFault) => {
      if (faults.length < maxFaults) faults.push(f)
    }
    if (!isJson && rows.length > 0) {
      const known = new Set(rows[0]!.cells.map(([h]) => fieldOf(h)).filter((f) => f !== undefined))
      for (const required of ["lastName", "firstName", "occupation", "unit"] as const) {
        if (!known.has(required)) {
          fault({ line: 1, column: headerAliases[required][0]!, reason: `colonne obligatoire absente (${headerAliases[required].join(", ")}) / missing column` })
        }
      }
      if (faults.length > 0) return Either.left({ file, faults })
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      if (options.onProgress !== undefined && i % 1000 === 0) options.onProgress(i, rows.length)
      const record: Record<string, unknown> = {}
      const columnOf: Record<string, string> = {}
      let rowOk = true
      for (const [header, raw] of row.cells) {
        const field = isJson && header in headerAliases ? (header as Field) : fieldOf(header)
        if (field === undefined) {
          if (isJson) {
            fault({ line: row.line, column: Input.excerpt(header), reason: "champ inconnu / unknown field" })
            rowOk = false
          }
          continue
        }
        columnOf[field] = header
        if (typeof raw !== "string") {
          record[field] = raw
          continue
        }
        const converted = convert(field, raw)
        if (converted.reason !== undefined) {
          fault({ line: row.line, column: header, reason: converted.reason })
          rowOk = false
        } else if (converted.value !== undefined) record[field] = converted.value
      }
      if (record["id"] === undefined && typeof record["firstName"] === "string" && typeof record["lastName"] === "string") {
        record["id"] = `agt-${slug(`${record["firstName"]}-${record["lastName"]}`)}`.slice(0, 64)
        columnOf["id"] = "Identifiant"
      }
      const { role, previouslySelected, ...fields } = record
      const decoded = decodeAgent(fields)
      if (Either.isLeft(decoded)) {
        for (const issue of ParseResult.ArrayFormatter.formatErrorSync(decoded.left)) {
          const key = String(issue.path[0] ?? "")
          // An ID derived from the names is missing only because a name is: one fault is enough.
          if (key === "id" && columnOf["id"] === undefined) continue
          const column = columnOf[key] ?? headerAliases[key as Field]?.[0] ?? key
          const message = issue.message === "is missing" ? "valeur obligatoire manquante / missing value" : Input.excerpt(issue.message, 300)
          fault({ line: row.line, column, reason: message })
        }
        continue
      }
      if (!rowOk) continue
      const agent = decoded.right
      const previous = seen.get(agent.id)
      if (previous !== undefined) {
        fault({ line: row.line, column: columnOf["id"] ?? "Identifiant", reason: `identifiant « ${Input.excerpt(agent.id)} » déjà vu ligne ${previous} / duplicate ID` })
        continue
      }
      seen.set(agent.id, row.line)
      agents.push({
        agent,
        ...(role === undefined ? {} : { role: role as "operational" | "resource" }),
        ...(previouslySelected === undefined ? {} : { previouslySelected: previouslySelected as boolean })
      })
    }
    if (options.onProgress !== undefined) options.onProgress(rows.length, rows.length)
    if (faults.length > 0) return Either.left({ file, faults })
    return Either.right({
      agents,
      encoding: isJson ? "json" : encoding,
      format: isJson ? "json" : "csv",
      ...(delimiter === undefined ? {} : { delimiter })
    })
  } catch (e) {
    if (e instanceof Rejected) return Either.left(e.rejection)
    throw e
  }
}
