/** Handler of `rules [--kind]`: the registry of rules. */
import { Rules } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { OutputOptions } from "../Common.js"
import * as L from "../Labels.js"
import { messages, say } from "../Messages.js"
import * as Output from "../Output.js"

/** `rules [--kind]`: ID, kind, scope, section, parameters and title of every rule. */
export const rules = (c: OutputOptions, kind: Option.Option<string>) =>
  Effect.suspend(() => {
    const selected = Rules.all.filter((r) => Option.isNone(kind) || r.kind === kind.value || r.alsoKind === kind.value)
    const m = messages(c.lang)
    return Output.result(c, {
      json: () =>
        selected.map((r) => ({
          id: r.id,
          kind: r.kind,
          ...(r.alsoKind !== undefined ? { alsoKind: r.alsoKind } : {}),
          family: r.family,
          scope: r.scope,
          section: r.section,
          parameters: r.parameters.map((p) => p.key),
          title: say(r.title, c.lang)
        })),
      text: () => [
        m.rulesHeader(selected.length),
        ...selected.flatMap((r) => {
          const kindLabel = L.label(L.kinds, r.kind, c.lang) + (r.alsoKind !== undefined ? ` + ${L.label(L.kinds, r.alsoKind, c.lang)}` : "")
          const params =
            r.parameters.length > 0
              ? `  [${r.parameters.map((p) => `${p.key} (${p.provenance === "note" ? m.provenanceNote : m.provenanceLocal})`).join(", ")}]`
              : ""
          return [`${r.id}  ${kindLabel.padEnd(20)} ${r.scope.padEnd(9)} ${r.section.padEnd(16)}${params}`, `        ${say(r.title, c.lang)}`]
        })
      ]
    })
  })
