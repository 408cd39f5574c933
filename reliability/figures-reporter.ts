/**
 * Repeats the figure lines of the campaign (console lines starting with
 * "RELIABILITY ") together at the end of the run, in the order printed, so
 * CI logs and release notes can copy them in one block.
 */
import type { Reporter } from "vitest/reporters"

const figures: Array<string> = []

export default class FiguresReporter implements Reporter {
  onUserConsoleLog(log: { readonly content: string }) {
    for (const line of log.content.split("\n")) if (line.startsWith("RELIABILITY ")) figures.push(line)
  }
  onFinished() {
    process.stdout.write(`\nReliability figures (${figures.length}):\n${figures.map((f) => `  ${f}`).join("\n")}\n`)
  }
}
