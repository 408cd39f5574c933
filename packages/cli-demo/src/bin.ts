#!/usr/bin/env node
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as Effect from "effect/Effect"
import { run } from "./Cli.js"

NodeRuntime.runMain(
  Effect.map(run(process.argv), (code) => {
    process.exitCode = code
  }),
  { disableErrorReporting: true }
)
