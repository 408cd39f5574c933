/**
 * Handlers of the framing phase: proposing the exchange, framing it (note de
 * cadrage), management's approval, communication and invitations.
 */
import type * as DateTime from "effect/DateTime"
import type * as Event from "../../Event.js"
import { type CommandOf, type Handlers, invalid, ok, outOfOrder } from "./common.js"

/** The one event of `Propose`, on no exchange (the table's entry refuses it on an existing one). */
export const propose = (
  command: CommandOf<"Propose">,
  at: DateTime.Utc
): Extract<Event.ExchangeEvent, { readonly _tag: "ExchangeProposed" }> => {
  const origin =
    command.description === undefined
      ? { by: command.by, at }
      : { by: command.by, at, description: command.description }
  const base = { _tag: "ExchangeProposed" as const, at, exchangeId: command.exchangeId, title: command.title, origin }
  return command.service === undefined ? base : { ...base, service: command.service }
}

export const framing: Handlers<"Propose" | "Frame" | "Approve" | "Communicate" | "Invite"> = {
  Propose: (c, s) => outOfOrder(c, s),
  Frame: (c, s, at) => {
    const known = new Set<string>([...s.agents.map((a) => a.id), ...c.agents.map((a) => a.id)])
    for (const [i, f] of (c.framing.facilitation?.facilitators ?? []).entries()) {
      if (!known.has(f.agentId)) {
        return invalid(c, ["framing", "facilitation", "facilitators", i, "agentId"], {
          fr: `l'animateur « ${f.agentId} » est inconnu : joindre sa fiche dans « agents »`,
          en: `facilitator "${f.agentId}" is unknown: include their record in "agents"`
        })
      }
    }
    return ok({ _tag: "ExchangeFramed", at, framing: { ...c.framing, at }, agents: c.agents })
  },
  Approve: (c, _, at) => ok({ _tag: "ExchangeApproved", at, approval: { at, by: c.by } }),
  Communicate: (c, _, at) =>
    ok({ _tag: "ApproachCommunicated", at, communication: { channel: c.channel, at, about: c.about } }),
  Invite: (c, _, at) => {
    if (c.agents.length === 0) {
      return invalid(c, ["agents"], { fr: "au moins un agent à inviter", en: "at least one agent to invite" })
    }
    return ok({
      _tag: "AgentsInvited",
      at,
      agents: c.agents,
      invitations: c.agents.map((a) => ({ agentId: a.id, at, carries: c.carries }))
    })
  }
}
