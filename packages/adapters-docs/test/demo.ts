/**
 * The demo's documents, built as `entre-pairs demo` builds them: core's
 * example cycle (DDETS de la Gironde) decided and folded with the decider,
 * then every view core allows for each recipient the note names — every
 * session's agenda and minutes, every member's attestation.
 */
import { Audience, Decider, Example, type Exchange, View } from "@entre-pairs/core"
import * as Either from "effect/Either"
import { Layout } from "../src/index.js"

/** The example exchange at the end of its cycle. */
export const demoSnapshot = (): Exchange.ExchangeSnapshot => {
  let state = Decider.initialState
  for (const command of Example.cycle()) {
    const decided = Decider.decideAt(command, state, command.at!)
    if (Either.isLeft(decided)) throw decided.left
    state = Decider.replay(decided.right.events, state)
  }
  if (state === null) throw new Error("the example cycle left no exchange")
  return state
}

/** Who receives each document (as the demo's `recipients`). */
const recipients: Readonly<Record<Audience.Output, ReadonlyArray<Audience.Audience>>> = {
  framing: ["group", "direction", "organisation"],
  invitation: ["organisation"],
  charter: ["group"],
  composition: [],
  calendar: ["group", "lineManagers"],
  agenda: ["group", "lineManagers"],
  minutes: ["group", "lineManagers", "direction"],
  trainingNeeds: ["lineManagers", "direction"],
  conclusions: ["group", "direction", "organisation"],
  directionResponse: ["group", "organisation"],
  review: ["socialDialogue"],
  attestation: ["lineManagers"]
}

export interface DemoDocument {
  readonly name: string
  readonly view: Layout.DocumentView
}

/** Every document of the demo (all audiences, or the first recipient of each output only). */
export const demoDocuments = (options: { allAudiences?: boolean } = {}): Array<DemoDocument> => {
  const s = demoSnapshot()
  const at = s.updatedAt!
  const out: Array<DemoDocument> = []
  const members = s.members.filter((m) => m.role === "operational").map((m) => m.agentId)
  for (const output of Audience.outputs) {
    const targets: Array<{ request: (a: Audience.Audience) => View.Request; suffix: string }> =
      output === "agenda" || output === "minutes"
        ? s.sessions.map((session, i) => ({ request: (audience) => ({ output, audience, sessionId: session.id }), suffix: `-seance-${i + 1}` }))
        : output === "attestation"
          ? members.map((agentId) => ({ request: (audience) => ({ output, audience, agentId }), suffix: `-${agentId}` }))
          : [{ request: (audience) => ({ output, audience }) as View.Request, suffix: "" }]
    const audiences = options.allAudiences === true ? recipients[output] : recipients[output].slice(0, 1)
    for (const target of targets) {
      for (const audience of audiences) {
        const built = View.build(s, target.request(audience), { at })
        if (Either.isRight(built) && Layout.isDocumentView(built.right)) out.push({ name: `${output}${target.suffix}.${audience}`, view: built.right })
      }
    }
  }
  return out
}
