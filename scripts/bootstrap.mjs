#!/usr/bin/env node
// Runs a workspace script on a machine that has only Node 20 and npm:
// pnpm is fetched at the version pinned in package.json (corepack is not
// relied upon), dependencies are installed from the lockfile, then the
// script runs. Usage: node scripts/bootstrap.mjs <pnpm script> [args...]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager;
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <script> [args...]");
  process.exit(2);
}
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const pnpm = (pnpmArgs) =>
  spawnSync(npx, ["--yes", pinned, ...pnpmArgs], { cwd: root, stdio: "inherit", env: process.env });

const install = pnpm(["install", "--frozen-lockfile", "--reporter=append-only"]);
if (install.status !== 0) process.exit(install.status ?? 1);
const run = pnpm(["run", script, ...args]);
process.exit(run.status ?? 1);
