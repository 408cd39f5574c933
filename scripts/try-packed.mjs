#!/usr/bin/env node
// Follows docs/getting-started.md literally, as a new user would, with the
// packages as they would be published: each package packed (`pnpm pack`),
// a fresh npm project in a temporary directory outside the repository, every
// shell line of the page run in order (the package names of the install
// lines replaced by the tarballs), every titled code block written as its
// file. Then checks what the page promises:
//   - no EBADENGINE warning on this Node, `pg` not installed (SQLite only);
//   - ESM, CommonJS and strict TypeScript (no skipLibCheck) run and print
//     what the page says;
//   - a wrong command (`by: "hr"`) or audience (`"managers"`) does not compile.
// Needs the npm registry (the page's other packages) and a build
// (`pnpm run build`). Usage: node scripts/try-packed.mjs [--keep]
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const pnpm = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager
const work = mkdtempSync(join(tmpdir(), "entre-pairs-try-"))
const tarballs = join(work, "tarballs")
mkdirSync(tarballs)
const failures = []
const log = []

const run = (command, cwd) => {
  const result = spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } })
  const output = `${result.stdout}${result.stderr}`
  log.push(`$ ${command}\n${output}`)
  return { status: result.status, output }
}

// 1. The tarballs, as `npm publish` would upload them.
const names = {}
for (const pkg of ["core", "adapters-sql", "adapters-docs", "cli-demo"]) {
  execFileSync("npx", ["--yes", pnpm, "pack", "--pack-destination", tarballs], { cwd: join(root, "packages", pkg), stdio: "pipe" })
}
for (const file of readdirSync(tarballs)) {
  const m = /^entre-pairs-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(file)
  if (m) names[`@entre-pairs/${m[1]}`] = join(tarballs, file)
}

// 2. The page, block by block.
const page = readFileSync(join(root, "docs", "getting-started.md"), "utf8")
let cwd = work
const outputs = {}
for (const [, lang, info, body] of page.matchAll(/^```(\w+)((?:[ \t][^\n]*)?)\n([\s\S]*?)^```/gm)) {
  const title = /\[([^\]]+)\]/.exec(info)?.[1]
  if (title === "repository") continue // the clone's own commands
  if (lang === "sh") {
    for (const raw of body.split("\n")) {
      const line = raw.trim()
      if (line === "" || line.startsWith("#")) continue
      for (const part of line.split("&&").map((p) => p.trim())) {
        if (part.startsWith("cd ")) {
          cwd = join(cwd, part.slice(3).trim())
          continue
        }
        const command = part.replace(/@entre-pairs\/[a-z-]+/g, (name) => names[name] ?? name)
        const { output, status } = run(command, cwd)
        outputs[part] = output
        if (status !== 0) failures.push(`\`${part}\` failed (exit ${status}):\n${output.slice(-2000)}`)
        if (/EBADENGINE/.test(output)) failures.push(`\`${part}\` warns about an engine:\n${output.split("\n").filter((l) => /EBADENGINE|required|package:/.test(l)).join("\n")}`)
      }
    }
  } else if (title !== undefined) {
    writeFileSync(join(cwd, title), body)
  }
}

// 3. What the page promises.
const expect = (command, text) => {
  if (!(outputs[command] ?? "").includes(text)) failures.push(`\`${command}\` did not print ${JSON.stringify(text)}:\n${outputs[command]}`)
}
expect("node index.mjs", "refused: [ 'LIF-08' ]")
expect("node index.mjs", "[ 'ech-1: proposed' ]")
expect("node index.cjs", "refused: [ 'LIF-08' ]")
expect("node dist/index.js", "FramingView")
expect("node dist/effect.js", "RuleViolation")
if (existsSync(join(cwd, "node_modules", "pg"))) failures.push("pg is installed in a SQLite-only project")
if (existsSync(join(cwd, "node_modules", "@types", "pg"))) failures.push("@types/pg is installed in a SQLite-only project")
const tsconfig = JSON.parse(readFileSync(join(cwd, "tsconfig.json"), "utf8"))
if (tsconfig.compilerOptions.skipLibCheck) failures.push("the page's tsconfig skips the library check")

// A wrong command, a wrong audience: tsc must refuse them.
const source = readFileSync(join(cwd, "index.ts"), "utf8")
for (const [from, to] of [['by: "direction"', 'by: "hr"'], ['audience: "direction"', 'audience: "managers"']]) {
  if (!source.includes(from)) {
    failures.push(`index.ts has no ${from} to change`)
    continue
  }
  writeFileSync(join(cwd, "index.ts"), source.replace(from, to))
  const { output, status } = run("npx tsc", cwd)
  if (status === 0 || !output.includes(to.split(" ")[1])) failures.push(`tsc accepted ${to}:\n${output}`)
}
writeFileSync(join(cwd, "index.ts"), source)

writeFileSync(join(work, "log.txt"), log.join("\n"))
if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true })
if (failures.length > 0) {
  for (const f of failures) console.error(`✗ ${f}\n`)
  console.error(`getting started, followed with the packed tarballs: ${failures.length} problem(s)${process.argv.includes("--keep") ? ` (log: ${join(work, "log.txt")})` : ""}`)
  process.exit(1)
}
console.log("✓ getting started works as written with the packed tarballs: ESM, CommonJS, strict TypeScript, SQLite only, no engine warning; a wrong command or audience does not compile")
