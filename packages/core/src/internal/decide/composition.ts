/**
 * Handlers of the composition phase: volunteering and withdrawing (ELI-01),
 * composing the group, the liaison (RES-01), delegated tasks and the group's
 * rules (CHA-01).
 */
import { e, Person, Personne, person, personne } from "../labels.js"
import { activeMember, type Handlers, invalid, ok, refuse } from "./common.js"

export const composition: Handlers<
  "Volunteer" | "Withdraw" | "Compose" | "DesignateLiaison" | "DelegateTask" | "AdoptCharter"
> = {
  Volunteer: (c, s, at) => {
    if (!s.invitations.some((i) => i.agentId === c.agentId)) {
      return refuse("ELI-01", ["agentId"], {
        fr: `${Personne(s, c.agentId)} n'a pas été invité${e(s, c.agentId)} : seuls les agents invités peuvent se porter volontaires.`,
        en: `${Person(s, c.agentId)} was not invited: only invited agents can volunteer.`
      })
    }
    if (s.volunteers.some((v) => v.agentId === c.agentId && v.withdrawnAt === undefined)) {
      return invalid(c, ["agentId"], { fr: "déjà volontaire", en: "already a volunteer" })
    }
    return ok({ _tag: "AgentVolunteered", at, agentId: c.agentId })
  },
  Withdraw: (c, s, at) => {
    const isVolunteer = s.volunteers.some((v) => v.agentId === c.agentId && v.withdrawnAt === undefined)
    if (!isVolunteer && !activeMember(s, c.agentId)) {
      return invalid(c, ["agentId"], {
        fr: `${personne(s, c.agentId)} n'est ni volontaire ni membre`,
        en: `${person(s, c.agentId)} is neither a volunteer nor a member`
      })
    }
    return ok(
      c.reason === undefined
        ? { _tag: "ParticipantWithdrew", at, agentId: c.agentId }
        : { _tag: "ParticipantWithdrew", at, agentId: c.agentId, reason: c.reason }
    )
  },
  Compose: (c, s, at) => {
    const seen = new Set<string>()
    for (const [i, m] of c.members.entries()) {
      if (seen.has(m.agentId)) {
        return invalid(c, ["members", i, "agentId"], { fr: "membre en double", en: "duplicate member" })
      }
      seen.add(m.agentId)
      if (!s.volunteers.some((v) => v.agentId === m.agentId && v.withdrawnAt === undefined)) {
        return refuse("ELI-01", ["members", i, "agentId"], {
          fr: `${Personne(s, m.agentId)} n'est pas volontaire : la participation repose sur le volontariat.`,
          en: `${Person(s, m.agentId)} is not a volunteer: participation is voluntary.`
        })
      }
    }
    return ok({
      _tag: "GroupComposed",
      at,
      members: c.members.map((m) => ({ agentId: m.agentId, role: m.role, joinedAt: at }))
    })
  },
  DesignateLiaison: (c, s, at) =>
    activeMember(s, c.agentId)
      ? ok({ _tag: "LiaisonDesignated", at, agentId: c.agentId })
      : refuse("RES-01", ["agentId"], {
          fr: `La personne ressource désignée doit être membre du groupe (${personne(s, c.agentId)} ne l'est pas).`,
          en: `The liaison must be a member of the group (${person(s, c.agentId)} is not).`
        }),
  DelegateTask: (c, s, at) =>
    s.agents.some((a) => a.id === c.agentId)
      ? ok({ _tag: "TaskDelegated", at, agentId: c.agentId, task: c.task })
      : invalid(c, ["agentId"], { fr: "agent inconnu", en: "unknown agent" }),
  AdoptCharter: (c, _, at) =>
    ok({
      _tag: "CharterAdopted",
      at,
      charter: c.text === undefined ? { adoptedAt: at, items: c.items } : { adoptedAt: at, items: c.items, text: c.text }
    })
}
