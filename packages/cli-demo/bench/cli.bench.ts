/**
 * Cold start and demo wall time of the built bin (run `pnpm bench`, which
 * builds first). Targets: `entre-pairs --help` ≤ 0.75× the baseline of a
 * bare import of effect and @effect/cli, in the same run; the demo ≤ 5 s.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { bench, describe } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url))
const cwd = fileURLToPath(new URL("..", import.meta.url))

const node = (args: ReadonlyArray<string>) => {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${r.status}: ${r.stderr}`)
}

describe("cold start", () => {
  bench("entre-pairs --help (bundled bin, spawned)", () => node([bin, "--help"]), { iterations: 15, time: 0, warmupIterations: 2 })
  bench(
    "baseline: bare import of effect and @effect/cli (spawned node -e)",
    () => node(["--input-type=module", "-e", "await import('effect'); await import('@effect/cli')"]),
    { iterations: 15, time: 0, warmupIterations: 2 }
  )
})

describe("demo", () => {
  const root = mkdtempSync(join(tmpdir(), "entre-pairs-bench-"))
  let n = 0
  bench(
    "entre-pairs demo (wall time: fresh SQLite, full cycle, every document)",
    () => {
      const out = join(root, `run-${n++}`)
      node([bin, "demo", "--out", out])
      rmSync(out, { recursive: true, force: true })
    },
    { iterations: 3, time: 0, warmupIterations: 0 }
  )
})
