#!/usr/bin/env node
// The documentation's code compiles, and the public API is documented:
//
// - every exported declaration of a public module (packages/*/src/*.ts, not
//   internal/) has a JSDoc comment with `@since <version>`, no later than
//   the package's version;
// - every JSDoc `@example` of those modules, and every ```ts / ```js block of
//   docs/**/*.md and packages/*/README.md, is written to .examples/ as a
//   module and type-checked with tsc (strict, against the built packages, as
//   an application would import them); no example may use `as any`.
//
// A block that is deliberately not a program (a type signature, a fragment
// of output) is fenced ```ts no-check. Usage: node scripts/check-examples.mjs
// (after `pnpm run build`). Exit 1 on any failure.
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const require = createRequire(import.meta.url)
const ts = require("typescript")
const out = join(root, ".examples")
const packages = ["core", "adapters-sql", "adapters-docs", "cli-demo"]
const failures = []
const examples = [] // { file, origin, code }

const semver = (v) => v.split(".").map(Number)
const later = (a, b) => {
  const [x, y] = [semver(a), semver(b)]
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0)
  return false
}

/** The version the pending changesets (.changeset/*.md) would release a package at. */
const nextVersion = (name, version) => {
  const dir = join(root, ".changeset")
  const rank = { patch: 1, minor: 2, major: 3 }
  let bump = 0
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".md") || file === "README.md") continue
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), "utf8"))?.[1] ?? ""
    for (const line of front.split("\n")) {
      const m = /^\s*["']?([^"':]+)["']?\s*:\s*(patch|minor|major)\s*$/.exec(line)
      if (m && m[1] === name) bump = Math.max(bump, rank[m[2]])
    }
  }
  const [major, minor, patch] = semver(version)
  if (bump === 3) return `${major + 1}.0.0`
  if (bump === 2) return `${major}.${minor + 1}.0`
  if (bump === 1) return `${major}.${minor}.${patch + 1}`
  return version
}

const slug = (text) => text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")

// --- JSDoc of the public modules -------------------------------------------
for (const pkg of packages) {
  const dir = join(root, "packages", pkg, "src")
  const { name: packageName, version } = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"))
  // The release it ships in: the package's version, bumped by the pending changesets.
  const released = nextVersion(packageName, version)
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".ts") || name === "index.ts" || name.endsWith(".d.ts")) continue
    const path = join(dir, name)
    const text = readFileSync(path, "utf8")
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true)
    const where = (node) => `${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`
    const seen = new Set()
    const check = (node, label, docNode = node) => {
      const docs = ts.getJSDocCommentsAndTags(docNode).filter((d) => d.kind === ts.SyntaxKind.JSDoc)
      const doc = docs[docs.length - 1]
      if (doc === undefined) {
        failures.push(`${where(node)} ${label} is exported without a JSDoc comment`)
        return
      }
      const tags = doc.tags ?? []
      const since = tags.find((t) => t.tagName.text === "since")
      const sinceText = since === undefined ? undefined : ts.getTextOfJSDocComment(since.comment)?.trim()
      if (sinceText === undefined || !/^\d+\.\d+\.\d+$/.test(sinceText)) {
        failures.push(`${where(node)} ${label}: JSDoc without @since <version>`)
      } else if (later(sinceText, released)) {
        failures.push(`${where(node)} ${label}: @since ${sinceText} is later than the release it ships in (${released})`)
      }
      let n = 0
      for (const tag of tags) {
        if (tag.tagName.text !== "example") continue
        let code = (ts.getTextOfJSDocComment(tag.comment) ?? "").replace(/^```\w*\n?|```\s*$/gm, "")
        // A one-line example without imports uses its own module, as the
        // API reference shows it (`Document.bold("Important")`).
        const moduleName = name.replace(/\.ts$/, "")
        if (!/^\s*import\s/m.test(code) && code.includes(`${moduleName}.`)) {
          code = `import { ${moduleName} } from "@entre-pairs/${pkg}"\n${code}`
        }
        examples.push({ file: `${pkg}/${name.replace(/\.ts$/, "")}-${examples.length}-${slug(label)}-${++n}.ts`, origin: `${where(node)} ${label} @example`, code })
      }
    }
    for (const statement of source.statements) {
      const exported = ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause) && !statement.moduleSpecifier) {
        for (const el of statement.exportClause.elements) check(el, el.name.text, el)
        continue
      }
      if (!exported) continue
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) check(statement, d.name.getText(source))
      } else if (
        ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)
      ) {
        const label = statement.name?.getText(source) ?? "default"
        // Overloads and declaration merging: the first declaration carries the docs.
        const key = `${label}:${ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement) ? "type" : "value"}`
        if (seen.has(key)) continue
        seen.add(key)
        check(statement, label)
      }
    }
  }
}

// --- Code blocks of the Markdown documentation ------------------------------
const markdown = []
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (name === "node_modules" || name === "api" || name.startsWith(".")) continue
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith(".md")) markdown.push(path)
  }
}
walk(join(root, "docs"))
for (const pkg of packages) markdown.push(join(root, "packages", pkg, "README.md"))
markdown.push(join(root, "README.md"))
for (const path of markdown) {
  const text = readFileSync(path, "utf8")
  let n = 0
  for (const match of text.matchAll(/^```(ts|typescript|js|javascript|mjs|cjs)((?:[ \t][^\n]*)?)\n([\s\S]*?)^```/gm)) {
    const [, lang, info, code] = match
    if (/\bno-check\b/.test(info)) continue
    const line = text.slice(0, match.index).split("\n").length
    // A block titled with its file name (```js [index.cjs]) is that kind of module.
    const title = /\[([^\]]+)\]/.exec(info)?.[1] ?? ""
    const js = lang.startsWith("j") || lang === "mjs" || lang === "cjs"
    const kind = lang === "cjs" || title.endsWith(".cjs") ? "c" : lang === "mjs" || title.endsWith(".mjs") ? "m" : ""
    const ext = js ? `${kind}js` : `${kind}ts`
    examples.push({ file: `md/${slug(relative(root, path))}-${++n}.${ext}`, origin: `${relative(root, path)}:${line}`, code })
  }
}

// --- Type-check every example ------------------------------------------------
rmSync(out, { recursive: true, force: true })
const origins = new Map()
for (const { code, file, origin } of examples) {
  if (/\bas any\b/.test(code)) failures.push(`${origin}: the example uses \`as any\``)
  const path = join(out, file)
  mkdirSync(dirname(path), { recursive: true })
  const isModule = /^\s*(import|export)\s/m.test(code)
  writeFileSync(path, `${code}\n${isModule || /\.c[jt]s$/.test(file) ? "" : "export {}\n"}`)
  origins.set(relative(out, path), origin)
}
writeFileSync(join(out, "package.json"), JSON.stringify({ type: "module" }))
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM"],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      noEmit: true,
      allowJs: true,
      checkJs: true,
      types: ["node"],
      typeRoots: [join(root, "node_modules", "@types")]
    },
    include: ["**/*"]
  })
)
try {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", out], { cwd: out, stdio: "pipe" })
} catch (error) {
  const output = String(error.stdout ?? "") + String(error.stderr ?? "")
  for (const line of output.split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line)
    if (m) failures.push(`${origins.get(m[1]) ?? m[1]} (line ${m[2]} of the example): ${m[4]}`)
    else if (line.trim() !== "" && !line.startsWith(" ")) failures.push(line)
  }
}

if (failures.length > 0) {
  for (const f of failures) console.error(`✗ ${f}`)
  console.error(`\n${failures.length} problem(s); ${examples.length} examples checked`)
  process.exit(1)
}
console.log(`✓ public API documented; ${examples.length} examples compile`)
