/**
 * The facade's types: a wrong command, output or audience does not compile,
 * and `view` returns the JSON view of its output. Checked by `tsc` (the
 * package's typecheck, in the test command); the `@ts-expect-error` lines fail
 * the typecheck if they ever compile.
 */
import { describe, expectTypeOf, it } from "vitest"
import type { EntrePairs, Facade } from "@entre-pairs/adapters-sql"
import type { View } from "@entre-pairs/core"

declare const app: EntrePairs

describe("facade types", () => {
  it("commands are the encoded command union", () => {
    expectTypeOf<EntrePairs["execute"]>().parameter(1).toEqualTypeOf<Facade.Command>()
    expectTypeOf<Facade.Command["_tag"]>().toEqualTypeOf<Facade.CommandTag>()
    expectTypeOf<{ _tag: "Propose"; exchangeId: string; title: string; by: "agents" }>().toExtend<Facade.Command>()
    // @ts-expect-error -- unknown command
    expectTypeOf<{ _tag: "Proposer"; exchangeId: string; title: string; by: "agents" }>().toExtend<Facade.Command>()
    // @ts-expect-error -- missing title
    expectTypeOf<{ _tag: "Propose"; exchangeId: string; by: "agents" }>().toExtend<Facade.Command>()
    // @ts-expect-error -- `by` is "direction" or "agents"
    expectTypeOf<{ _tag: "Propose"; exchangeId: string; title: string; by: "hr" }>().toExtend<Facade.Command>()
    // @ts-expect-error -- `at` is an ISO-8601 string
    expectTypeOf<{ _tag: "Close"; at: Date }>().toExtend<Facade.Command>()
  })

  it("audiences and outputs are literal unions", () => {
    expectTypeOf<Facade.ViewAudience>().toEqualTypeOf<
      "facilitators" | "group" | "lineManagers" | "direction" | "socialDialogue" | "organisation"
    >()
    expectTypeOf<"minutes">().toExtend<Facade.Output>()
    // @ts-expect-error -- not an audience
    expectTypeOf<"managers">().toExtend<Facade.ViewAudience>()
    // @ts-expect-error -- not an output
    expectTypeOf<"report">().toExtend<Facade.Output>()
  })

  it("view returns the JSON view of its output, instants as strings", () => {
    const minutes = () => app.view("ech-1", { output: "minutes", audience: "lineManagers", sessionId: "s2" })
    expectTypeOf(minutes).returns.resolves.toEqualTypeOf<Facade.ViewOf<"minutes">>()
    expectTypeOf<Facade.ViewOf<"minutes">["_tag"]>().toEqualTypeOf<"MinutesView">()
    expectTypeOf<Facade.ViewOf<"minutes">["session"]["scheduledAt"]>().toEqualTypeOf<string>()
    expectTypeOf<Facade.ViewOf<"calendar">["header"]["generatedAt"]>().toEqualTypeOf<string>()
    expectTypeOf<Facade.ViewOf<"conclusions">["_tag"]>().toEqualTypeOf<View.ViewByOutput["conclusions"]["_tag"]>()
    const calendar = () => app.view("ech-1", { output: "calendar", audience: "group" })
    expectTypeOf(calendar).returns.resolves.toEqualTypeOf<Facade.ViewOf<"calendar">>()
    // Type-checked, never called (`app` is only declared).
    expectTypeOf(() => {
      // @ts-expect-error -- minutes need their session
      app.view("ech-1", { output: "minutes", audience: "lineManagers" })
      // @ts-expect-error -- an attestation needs its agent
      app.view("ech-1", { output: "attestation", audience: "group" })
      // @ts-expect-error -- not an audience
      app.view("ech-1", { output: "calendar", audience: "managers" })
      // @ts-expect-error -- not an output
      app.view("ech-1", { output: "report", audience: "group" })
      // @ts-expect-error -- a wrong command does not compile
      app.execute("ech-1", { _tag: "Propose", exchangeId: "ech-1", title: "T", by: "hr" })
    }).toBeFunction()
  })

  it("list filters by a state of the lifecycle", () => {
    expectTypeOf(() => {
      // @ts-expect-error -- not a state
      app.list({ state: "running" })
    }).toBeFunction()
    expectTypeOf<EntrePairs["list"]>().toBeCallableWith({ state: "inSessions" })
  })
})
