#!/usr/bin/env node
// Writes docs/commands.md from the built core package: every command of
// `Command.ExchangeCommand`, every field with its JSON type, whether it is
// required, its meaning (the schema's `description` annotation), which
// rules need it, and an example.
//
// "Which rules need it" is found, not written: each command of the example
// cycle (`Example.cycleEncoded`) is decided again on the state before it
// with one optional field left out; a refusal names the rules that need that
// field (e.g. `framing.calendar.plannedEnd` for LIF-06). Required fields are
// required by the schema itself.
// Usage: pnpm run build && node scripts/gen-command-docs.mjs
import * as Schema from "effect/Schema"
import * as SchemaAST from "effect/SchemaAST"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { loadCore, root } from "./gen-schema.mjs"

export const commandsPath = join(root, "docs", "commands.md")

/** A tagged struct's tag. */
const tagOf = (member) => objectOf(member.ast).propertySignatures.find((ps) => ps.name === "_tag").type.literal

const annotation = (ast, key) => ast.annotations?.[Symbol.for(`effect/annotation/${key}`)]

/** The JSON type of a schema, as a reader writes it. */
const typeName = (ast, depth = 0) => {
  const id = annotation(ast, "Identifier")
  if (id !== undefined && depth > 0) return id
  switch (ast._tag) {
    case "Refinement":
      return typeName(ast.from, depth + 1)
    case "Transformation":
      return typeName(ast.from, depth + 1)
    case "Literal":
      return JSON.stringify(ast.literal)
    case "Union":
      return ast.types.filter((t) => t._tag !== "UndefinedKeyword").map((t) => typeName(t, depth + 1)).join(" | ")
    case "TupleType":
      return ast.rest.length > 0 ? `${typeName(ast.rest[0].type, depth + 1)}[]` : "array"
    case "TypeLiteral":
      return "object"
    case "StringKeyword":
      return "string"
    case "NumberKeyword":
      return "number"
    case "BooleanKeyword":
      return "boolean"
    case "UndefinedKeyword":
      return "undefined"
    case "Suspend":
      return typeName(ast.f(), depth + 1)
    case "Declaration":
      return id ?? "object"
    default:
      return ast._tag
  }
}

/** The object behind refinements, transformations, arrays and optional unions, if any. */
const objectOf = (ast) => {
  switch (ast._tag) {
    case "TypeLiteral":
      return ast
    case "Refinement":
      return objectOf(ast.from)
    case "Transformation":
      return objectOf(ast.to._tag === "TypeLiteral" ? ast.to : ast.from)
    case "Suspend":
      return objectOf(ast.f())
    case "TupleType":
      return ast.rest.length > 0 ? objectOf(ast.rest[0].type) : undefined
    case "Union": {
      const objects = ast.types.map(objectOf).filter((o) => o !== undefined)
      return objects.length === 1 ? objects[0] : undefined
    }
    default:
      return undefined
  }
}

const isArray = (ast) =>
  ast._tag === "TupleType" ||
  (ast._tag === "Refinement" && isArray(ast.from)) ||
  (ast._tag === "Union" && ast.types.some(isArray))

/** Rows for the fields of an object schema, nested objects flattened by path. */
const fieldRows = (typeLiteral, prefix, depth = 0) => {
  const rows = []
  for (const ps of typeLiteral.propertySignatures) {
    const name = String(ps.name)
    if (name === "_tag") continue
    const type = ps.type
    // effect's own keywords describe themselves ("a string"): not a meaning.
    const own = (ast) => {
      const d = annotation(ast, "Description")
      return d === undefined || /^an? (string|number|boolean|integer|finite number|object|array|<)/.test(d) ? undefined : d
    }
    const description = own(ps) ?? own(type) ??
      (type._tag === "Union" ? type.types.map(own).find((d) => d !== undefined) : undefined)
    const path = `${prefix}${name}`
    rows.push({ path, type: typeName(type, 1), optional: ps.isOptional, description })
    const nested = depth < 4 ? objectOf(type) : undefined
    if (nested !== undefined) rows.push(...fieldRows(nested, `${path}${isArray(type) ? "[]" : ""}.`, depth + 1))
  }
  return rows
}

/** The encoded command's object form (optionalWith defaults decode from an optional field). */
const encodedObject = (core, member) => objectOf(SchemaAST.encodedAST(member.ast)) ?? objectOf(member.ast)

const get = (value, path) => path.reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value)

/** Every optional path present in a JSON value, following the field rows. */
const presentOptionalPaths = (command, rows) => {
  const out = []
  const walk = (value, parts, rowPath) => {
    if (parts.length === 0) return [[]]
    const [head, ...rest] = parts
    const isList = head.endsWith("[]")
    const key = isList ? head.slice(0, -2) : head
    const v = value?.[key]
    if (v === undefined) return []
    if (isList) {
      if (!Array.isArray(v)) return []
      return v.flatMap((item, i) => walk(item, rest, rowPath).map((p) => [key, i, ...p]))
    }
    return walk(v, rest, rowPath).map((p) => [key, ...p])
  }
  for (const row of rows) {
    if (!row.optional) continue
    for (const path of walk(command, row.path.split("."), row.path)) out.push({ row: row.path, path })
  }
  return out
}

const without = (value, path) => {
  const copy = structuredClone(value)
  const parent = get(copy, path.slice(0, -1))
  if (parent !== undefined) delete parent[path[path.length - 1]]
  return copy
}

/** For each command tag and field path: the rules that refuse the example command without it. */
const rulesNeeding = (core) => {
  const { Command, Decider, Example, Instant } = core
  const decode = Schema.decodeUnknownSync(Command.ExchangeCommand)
  const found = new Map()
  let state = Decider.initialState
  let now = Instant.unsafeMake("2026-01-01T00:00:00Z")
  for (const encoded of Example.cycleEncoded) {
    const member = Command.ExchangeCommand.members.find((m) => tagOf(m) === encoded._tag)
    const rows = fieldRows(encodedObject(core, member), "")
    const at = encoded.at === undefined ? now : Instant.unsafeMake(encoded.at)
    for (const { path, row } of presentOptionalPaths(encoded, rows)) {
      let command
      try {
        command = decode(without(encoded, path))
      } catch {
        continue // the field is needed by the schema in this shape
      }
      const result = Decider.decideAt(command, state, at)
      if (result._tag === "Left" && result.left._tag === "RuleViolation") {
        const key = `${encoded._tag} ${row}`
        const rules = found.get(key) ?? new Set()
        for (const v of result.left.violations) rules.add(v.rule)
        found.set(key, rules)
      }
    }
    const decided = Decider.decideAt(decode(encoded), state, at)
    if (decided._tag === "Right") state = decided.right.state
    now = at
  }
  return found
}

const escape = (text) => String(text).replace(/\|/g, "\\|").replace(/\n/g, " ")

export const renderCommandDocs = (core) => {
  const { Command, Example } = core
  const needs = rulesNeeding(core)
  const examples = new Map()
  for (const c of Example.cycleEncoded) if (!examples.has(c._tag)) examples.set(c._tag, c)
  const lines = [
    "# Commands — reference",
    "",
    "<!-- Generated by scripts/gen-command-docs.mjs from Command.ExchangeCommand (@entre-pairs/core). Do not edit: run `pnpm run build && node scripts/gen-command-docs.mjs`. -->",
    "",
    "Every command of the lifecycle, as JSON (`Command.ExchangeCommandEncoded`: what `execute` of the Promise facade, `exchange exec` of the command line and `Schema.decodeUnknown(Command.ExchangeCommand)` take). A command is an object with a `_tag`; every command may carry `at`, the instant it happened (ISO 8601; default: now), never before the exchange's latest event.",
    "",
    "- **required** — the schema refuses the command without it (`InvalidInputError` / `ParseError`, with the path).",
    "- **rules** — an optional field that a rule needs when the command is decided: leaving it out of the example cycle's command is refused by these rules (`RuleViolation`). Found by deciding each example command again without the field.",
    "- The states in which each command is accepted are `Decider.allowedStates` (LIF-08).",
    ""
  ]
  const members = Command.ExchangeCommand.members
  lines.push(`${members.length} commands: ${members.map((m) => `[\`${tagOf(m)}\`](#${tagOf(m).toLowerCase()})`).join(", ")}.`, "")
  for (const member of members) {
    const tag = tagOf(member)
    const description = annotation(member.ast, "Description")
    lines.push(`## ${tag}`, "")
    if (description !== undefined) lines.push(description, "")
    lines.push(`Accepted in: ${core.Decider.allowedStates[tag].map((s) => `\`${s}\``).join(", ") || "no exchange yet"}.`, "")
    const rows = fieldRows(encodedObject(core, member), "")
    lines.push("| field | type | required | meaning | rules |", "|---|---|---|---|---|")
    for (const row of rows) {
      const rules = needs.get(`${tag} ${row.path}`)
      lines.push(
        `| \`${row.path}\` | ${escape(row.type)} | ${row.optional ? (rules ? "by a rule" : "no") : "yes"} | ${escape(row.description ?? "")} | ${rules ? [...rules].sort().map((r) => `[${r}](rules/README.md#${r.toLowerCase()})`).join(", ") : ""} |`
      )
    }
    lines.push("")
    const example = examples.get(tag)
    if (example !== undefined) {
      lines.push("Example (from the example cycle, `Example.cycleEncoded`):", "", "```json", JSON.stringify(example, null, 2), "```", "")
    }
  }
  return `${lines.join("\n").trimEnd()}\n`
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const core = await loadCore()
  writeFileSync(commandsPath, renderCommandDocs(core))
  console.log(`wrote ${commandsPath}`)
}
