/**
 * CNF-08, a stable identity: an agent ID keeps its name unless a
 * `RenameAgent` records the change. A command that brings directory entries
 * (Frame, Invite, ScheduleSession's guests) may bring a known ID again only
 * under the name the exchange knows, and may not bring one ID twice; the
 * rename keeps the old name as a former name, still scanned by CNF-06.
 */
import type { Agent } from "../../Agent.js"
import type * as Command from "../../Command.js"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { make as makeViolation, RuleViolation, type Violation } from "../../Violation.js"
import { type DecideError, type Handlers, invalid, ok } from "./common.js"

type Path = ReadonlyArray<string | number>

/** The directory entries a command brings, each with the path of its record in the command. */
const entries = (command: Command.ExchangeCommand): ReadonlyArray<readonly [Path, Agent]> => {
  switch (command._tag) {
    case "Frame":
    case "Invite":
      return command.agents.map((a, i) => [["agents", i], a] as const)
    case "ScheduleSession":
      return command.guests.map((g, i) => [["guests", i, "agent"], g.agent] as const)
    default:
      return []
  }
}

const fullName = (a: { readonly firstName: string; readonly lastName: string }) => `${a.firstName} ${a.lastName}`

/**
 * The CNF-08 refusals of a command: a known ID under another name (at the
 * name that differs), or the same ID twice in the command (at the second).
 */
export const identityViolations = (command: Command.ExchangeCommand, s: ExchangeSnapshot): ReadonlyArray<Violation> => {
  const brought = entries(command)
  if (brought.length === 0) return []
  const known = new Map<string, Agent>(s.agents.map((a) => [a.id, a]))
  const seen = new Set<string>()
  const out: Array<Violation> = []
  for (const [path, a] of brought) {
    if (seen.has(a.id)) {
      out.push(
        makeViolation("CNF-08", "blocking", [...path, "id"], {
          fr: `L'agent « ${a.id} » figure deux fois dans la commande : un identifiant désigne une seule personne, sous un seul nom.`,
          en: `Agent "${a.id}" appears twice in the command: one ID is one person, under one name.`
        })
      )
      continue
    }
    seen.add(a.id)
    const before = known.get(a.id)
    if (before === undefined || (before.firstName === a.firstName && before.lastName === a.lastName)) continue
    out.push(
      makeViolation("CNF-08", "blocking", [...path, before.lastName !== a.lastName ? "lastName" : "firstName"], {
        fr: `L'agent « ${a.id} » est déjà connu sous le nom « ${fullName(before)} » : la commande le nommerait « ${fullName(a)} » sans le dire. Un changement de nom passe par la commande RenameAgent, qui le consigne ; l'ancien nom reste vérifié dans les textes qui sortent du groupe.`,
        en: `Agent "${a.id}" is already known as "${fullName(before)}": the command would silently call them "${fullName(a)}". A change of name goes through the RenameAgent command, which records it; the old name stays checked in every text that leaves the group.`
      })
    )
  }
  return out
}

/** Refuses a command that breaks CNF-08, if it does. */
export const checkIdentity = (command: Command.ExchangeCommand, s: ExchangeSnapshot): DecideError | undefined => {
  const found = identityViolations(command, s)
  return found.length === 0 ? undefined : new RuleViolation({ violations: found })
}

export const identity: Handlers<"RenameAgent"> = {
  RenameAgent: (c, s, at) => {
    const agent = s.agents.find((a) => a.id === c.agentId)
    if (agent === undefined) {
      return invalid(c, ["agentId"], {
        fr: `l'agent « ${c.agentId} » est inconnu de l'échange : il n'y a personne à renommer`,
        en: `agent "${c.agentId}" is unknown to the exchange: there is no one to rename`
      })
    }
    if (agent.firstName === c.firstName && agent.lastName === c.lastName) {
      return invalid(c, ["lastName"], {
        fr: `l'agent « ${c.agentId} » porte déjà le nom « ${fullName(c)} » : rien à renommer`,
        en: `agent "${c.agentId}" is already called "${fullName(c)}": nothing to rename`
      })
    }
    const base = {
      _tag: "AgentRenamed" as const,
      at,
      agentId: c.agentId,
      from: { firstName: agent.firstName, lastName: agent.lastName },
      to: { firstName: c.firstName, lastName: c.lastName }
    }
    return ok(c.reason === undefined ? base : { ...base, reason: c.reason })
  }
}
