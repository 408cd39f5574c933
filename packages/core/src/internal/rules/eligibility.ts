/**
 * ELI — eligibility (note I-a, I-d, II-a).
 */
import { exercisesOrContributes, ineligibility } from "../../Eligibility.js"
import { stateRank } from "../../Exchange.js"
import type { Rule, RuleContext } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { count, countEn, list, listEn } from "../fr.js"
import { e, il, Person, person, Personne, personne, seance, sessionEn } from "../labels.js"
import { advisory, blocking, day, isBlank, jour, none, occupationLabel, push, rule, title, unitLabel } from "../util.js"

const ANNOUNCED = stateRank("announced")
const COMPOSED = stateRank("composed")

/** Facilitator profiles that make a resource person (ELI-05: « par ex. psychologue du travail », prevention, HR). */
const resourceProfiles: ReadonlySet<string> = new Set(["hr", "prevention", "workPsychologist"])

/**
 * ELI-01: whether an agent was invited by `at` — individually, or by a
 * collective invitation of their unit (ELI-07).
 */
export const invitedBy = (ctx: RuleContext, agentId: string, at: number): boolean => {
  const first = indexOf(ctx).firstInvitation.get(agentId)
  if (first !== undefined && first <= at) return true
  const unit = ctx.agents.get(agentId)?.unit
  return unit !== undefined && ctx.snapshot.collectiveInvitations.some((c) => c.at.epochMillis <= at && c.units.includes(unit))
}

interface Index {
  /** The earliest individual invitation of each agent. */
  readonly firstInvitation: ReadonlyMap<string, number>
  /** Agents invited or composed as resource persons (ELI-02). */
  readonly resource: ReadonlySet<string>
}
const indexes = new WeakMap<RuleContext, Index>()
const indexOf = (ctx: RuleContext): Index => {
  let index = indexes.get(ctx)
  if (index === undefined) {
    const firstInvitation = new Map<string, number>()
    const resource = new Set<string>()
    for (const i of ctx.snapshot.invitations) {
      const at = i.at.epochMillis
      const known = firstInvitation.get(i.agentId)
      if (known === undefined || at < known) firstInvitation.set(i.agentId, at)
      if (i.role === "resource") resource.add(i.agentId)
    }
    for (const m of ctx.snapshot.members) if (m.role === "resource") resource.add(m.agentId)
    index = { firstInvitation, resource }
    indexes.set(ctx, index)
  }
  return index
}

/** ELI-02: invited or composed as a resource person, who may come from outside the perimeter. */
const asResource = (ctx: RuleContext, agentId: string): boolean => indexOf(ctx).resource.has(agentId)

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "ELI-01",
    kind: "blocking",
    family: "eligibility",
    section: "II-a",
    title: title(
      "La participation repose sur le volontariat : seuls les agents qui se sont portés volontaires (en réponse à une invitation) deviennent membres. Un membre peut se retirer ; son retrait est consigné et rien de ce qu'il a dit ne lui est réattribué.",
      "Participation is voluntary: only agents who volunteered (answered an invitation) become members. A member may withdraw; the withdrawal is recorded and nothing they said is re-attributed."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      let out: Array<Violation> | undefined
      s.volunteers.forEach((v, i) => {
        if (invitedBy(ctx, v.agentId, v.at.epochMillis)) return
        out = push(
          out,
          blocking(
            "ELI-01",
            ["volunteers", i, "agentId"],
            `${Personne(ctx.snapshot, v.agentId)} s'est porté${e(ctx.snapshot, v.agentId)} volontaire sans avoir été invité${e(ctx.snapshot, v.agentId)} : le volontariat répond à une invitation.`,
            `${Person(ctx.snapshot, v.agentId)} volunteered without having been invited: volunteering answers an invitation.`
          )
        )
      })
      s.members.forEach((m, i) => {
        const vi = ctx.volunteerIndex.get(m.agentId)
        if (vi === undefined) {
          out = push(
            out,
            blocking(
              "ELI-01",
              ["members", i, "agentId"],
              `${Personne(ctx.snapshot, m.agentId)}, membre du groupe, ne s'est pas porté${e(ctx.snapshot, m.agentId)} volontaire : la participation repose sur le volontariat.`,
              `${Person(ctx.snapshot, m.agentId)}, a member of the group, did not volunteer.`
            )
          )
          return
        }
        const v = s.volunteers[vi]!
        if (v.at.epochMillis > m.joinedAt.epochMillis) {
          out = push(
            out,
            blocking(
              "ELI-01",
              ["members", i, "joinedAt"],
              `${Personne(ctx.snapshot, m.agentId)} a rejoint le groupe (${jour(m.joinedAt.epochMillis)}) avant de se porter volontaire (${jour(v.at.epochMillis)}).`,
              `${Person(ctx.snapshot, m.agentId)} joined the group (${day(m.joinedAt.epochMillis)}) before volunteering (${day(v.at.epochMillis)}).`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "ELI-02",
    kind: "blocking",
    family: "eligibility",
    section: "II-a",
    version: 2,
    title: title(
      "Les invitations vont aux agents affectés dans les services du périmètre : une invitation et un volontariat relèvent du périmètre au moment où ils ont lieu (un membre réaffecté ensuite reste, « engagement … sur la durée du cycle »). Les personnes ressources et les invités en sont exemptés.",
      "Invitations go to the agents assigned to the services of the perimeter: an invitation and a volunteering are inside the perimeter when they happen (a member reassigned later stays, « engagement … sur la durée du cycle »). Resource persons and guests are exempt."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const perimeter = ctx.eligibility.perimeter
      if (perimeter.length === 0) return none
      let out: Array<Violation> | undefined
      ctx.snapshot.invitations.forEach((inv, i) => {
        if (inv.role === "resource") return
        const unit = inv.unit ?? ctx.agents.get(inv.agentId)?.unit
        if (unit === undefined || perimeter.includes(unit)) return
        out = push(
          out,
          blocking(
            "ELI-02",
            ["invitations", i, "agentId"],
            `${Personne(ctx.snapshot, inv.agentId)} a été invité${e(ctx.snapshot, inv.agentId)} alors qu'${il(ctx.snapshot, inv.agentId)} était affecté${e(ctx.snapshot, inv.agentId)} hors du périmètre de l'échange (${unitLabel(ctx, unit)}).`,
            `${Person(ctx.snapshot, inv.agentId)} was invited while assigned outside the exchange's perimeter (${unitLabel(ctx, unit)}).`
          )
        )
      })
      ctx.snapshot.volunteers.forEach((v, i) => {
        if (asResource(ctx, v.agentId)) return
        const unit = v.unit ?? ctx.agents.get(v.agentId)?.unit
        if (unit === undefined || perimeter.includes(unit)) return
        out = push(
          out,
          blocking(
            "ELI-02",
            ["volunteers", i, "agentId"],
            `${Personne(ctx.snapshot, v.agentId)} s'est porté${e(ctx.snapshot, v.agentId)} volontaire alors qu'${il(ctx.snapshot, v.agentId)} était affecté${e(ctx.snapshot, v.agentId)} hors du périmètre de l'échange (${unitLabel(ctx, unit)}).`,
            `${Person(ctx.snapshot, v.agentId)} volunteered while assigned outside the exchange's perimeter (${unitLabel(ctx, unit)}).`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "ELI-03",
    kind: "blocking",
    family: "eligibility",
    section: "I-a, I-d",
    version: 2,
    title: title(
      "Finalité « se professionnaliser » : le cadrage nomme le métier ou une famille de métiers similaires ; les membres l'exercent ou concourent à sa réalisation, éventuellement entre services ou structures. Sans métier nommé, la constitution du groupe est refusée ; il n'est jamais déduit de la majorité.",
      "Purpose professionalisation: the framing names the occupation (métier) or a named family of similar occupations (« métiers similaires »); members exercise it, or contribute to it, possibly across services or structures. Without a named occupation the composition is refused, never guessed from a majority."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const e = ctx.eligibility
      if (e.purpose !== "professionalisation") return none
      if (e.occupationsConcerned.length === 0) {
        if (ctx.snapshot.members.length === 0) return none
        return [
          blocking(
            "ELI-03",
            ["framing", "occupationsConcerned"],
            "Pour se professionnaliser, le cadrage nomme le métier (ou la famille de métiers similaires) des membres : sans métier nommé, le groupe ne peut pas être constitué.",
            "For professionalisation the framing names the members' occupation (or family of similar occupations): without it the group cannot be composed."
          )
        ]
      }
      let out: Array<Violation> | undefined
      for (const m of ctx.activeMembers) {
        const a = ctx.agents.get(m.agentId)
        if (a === undefined || !ineligibility(a, e, m.role).includes("ELI-03")) continue
        out = push(
          out,
          blocking(
            "ELI-03",
            ["members", ctx.memberIndex.get(m.agentId)!],
            `${Personne(ctx.snapshot, m.agentId)}, membre du groupe (${occupationLabel(ctx, a.occupation)}), n'exerce ni ne concourt au métier de l'échange : ${list(e.occupationsConcerned.map((o) => occupationLabel(ctx, o)))}.`,
            `${Person(ctx.snapshot, m.agentId)}, a member of the group (${occupationLabel(ctx, a.occupation)}), neither exercises nor contributes to the exchange's occupation: ${listEn(e.occupationsConcerned.map((o) => occupationLabel(ctx, o)))}.`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "ELI-04",
    kind: "advisory",
    family: "eligibility",
    section: "I-d",
    title: title(
      "Finalité « résoudre des problèmes » : les membres sont les personnes dont la fonction permet de traiter la thématique ; chaque métier concerné par la thématique est représenté par au moins un membre.",
      "Purpose problem solving: members are people whose function allows them to treat the theme; every occupation concerned by the theme is represented by at least one member."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.eligibility.purpose !== "problemSolving" || ctx.rank < COMPOSED) return none
      const concerned = new Set<string>(ctx.snapshot.framing?.occupationsConcerned ?? [])
      for (const q of ctx.snapshot.questions) for (const o of q.occupationsConcerned) concerned.add(o)
      let out: Array<Violation> | undefined
      for (const o of concerned) {
        const represented = ctx.activeMembers.some((m) => {
          const a = ctx.agents.get(m.agentId)
          return a !== undefined && exercisesOrContributes(a, [o as never])
        })
        if (represented) continue
        out = push(
          out,
          advisory(
            "ELI-04",
            ["members"],
            `Aucun membre ne représente le métier concerné « ${occupationLabel(ctx, o)} » : il convient de convier des représentants des différents métiers concernés.`,
            `No member represents the occupation concerned "${occupationLabel(ctx, o)}".`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "ELI-05",
    kind: "advisory",
    family: "eligibility",
    section: "II-a",
    version: 2,
    title: title(
      "« Adapter les profils en fonction du sujet traité : opérationnels (agents, encadrants) et personnes ressources » (finalité « résoudre des problèmes ») : autour de la table, des opérationnels et au moins une personne ressource (par ex. psychologue du travail, chargé de prévention, RH) parmi les animateurs, les membres ou les invités des séances. Différents métiers : voir ELI-04.",
      "« Adapter les profils en fonction du sujet traité : opérationnels (agents, encadrants) et personnes ressources » (purpose problem solving): the people around the table include operational participants and at least one resource person (e.g. work psychologist, prevention officer, HR) among the facilitators, the members or the session's guests. Different occupations: see ELI-04."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.eligibility.purpose !== "problemSolving" || ctx.rank < COMPOSED || ctx.activeMembers.length === 0) return none
      const operational = ctx.activeMembers.some((m) => m.role === "operational")
      const resource =
        ctx.activeMembers.some((m) => m.role === "resource") ||
        ctx.facilitators.some((f) => f.role === "resource" || resourceProfiles.has(f.profile)) ||
        ctx.liveSessions.some((s) => s.session.guests.length > 0)
      if (operational && resource) return none
      return [
        advisory(
          "ELI-05",
          ["members"],
          resource
            ? "Le groupe ne compte aucun opérationnel (agents, encadrants) : il convient d'adapter les profils au sujet traité."
            : "Aucune personne ressource (par ex. psychologue du travail, chargé de prévention, RH) ne participe, ni parmi les animateurs, ni parmi les membres, ni parmi les invités des séances : il convient d'adapter les profils au sujet traité.",
          resource
            ? "The group has no operational member (agents, managers)."
            : "No resource person (e.g. work psychologist, prevention officer, HR) takes part, among the facilitators, the members or the sessions' guests."
        )
      ]
    }
  }),
  rule({
    id: "ELI-06",
    kind: "advisory",
    family: "eligibility",
    section: "II-a",
    title: title(
      "Les invités ponctuels (chargé de prévention, médecin du travail, psychologue du travail, ergonome, responsable RH, responsable logistique, service social…) participent aux séances qui les concernent, avec le motif consigné. Ils ne sont pas membres et sont tenus aux règles de confidentialité.",
      "Occasional guests (prevention officer, occupational physician, work psychologist, ergonomist, HR manager, logistics manager, social service, …) attend the sessions that concern them, with the reason recorded. They are not members and are bound by the confidentiality rules."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        s.guests.forEach((g, gi) => {
          if (isBlank(g.reason)) {
            out = push(
              out,
              advisory(
                "ELI-06",
                ["sessions", si, "guests", gi, "reason"],
                `Le motif de la présence de ${personne(ctx.snapshot, g.agentId)}, invité${e(ctx.snapshot, g.agentId)} à la ${seance(ctx.snapshot, s)}, n'est pas consigné.`,
                `${Person(ctx.snapshot, g.agentId)}, a guest of the ${sessionEn(ctx.snapshot, s)}, has no recorded reason.`
              )
            )
          }
          if (ctx.activeMemberIds.has(g.agentId)) {
            out = push(
              out,
              advisory(
                "ELI-06",
                ["sessions", si, "guests", gi, "agentId"],
                `${Personne(ctx.snapshot, g.agentId)} est à la fois membre du groupe et invité${e(ctx.snapshot, g.agentId)} ponctuel${e(ctx.snapshot, g.agentId) === "e" ? "le" : ""} de la ${seance(ctx.snapshot, s)} : un invité n'est pas membre.`,
                `${Person(ctx.snapshot, g.agentId)} is both a member of the group and an occasional guest of the ${sessionEn(ctx.snapshot, s)}.`
              )
            )
          }
        })
      })
      return out ?? none
    }
  }),
  rule({
    id: "ELI-07",
    kind: "advisory",
    family: "eligibility",
    section: "II-a",
    version: 2,
    title: title(
      "« Les agents affectés dans les services concernés par le périmètre … sont informés … et invités à y participer » : quand les agents du périmètre sont connus (import d'annuaire), ceux qui n'ont reçu aucune invitation sont listés avant la constitution du groupe. Une invitation collective (courriel à tout le service, réunion de service) vaut invitation ; une exclusion motivée (absence, départ) lève l'avertissement.",
      "« Les agents affectés dans les services concernés par le périmètre … sont informés … et invités à y participer »: where the agents of the perimeter are known (directory import), the agents with no recorded invitation are listed before composition. A collective invitation (service-wide mail, service meeting) counts; an exclusion with a reason (absence, departure) silences the warning."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const perimeter = ctx.eligibility.perimeter
      if (ctx.rank < ANNOUNCED || ctx.rank >= COMPOSED || perimeter.length === 0) return none
      const s = ctx.snapshot
      const covered = new Set<string>()
      for (const i of s.invitations) covered.add(i.agentId)
      for (const x of s.exclusions) covered.add(x.agentId)
      for (const f of ctx.facilitators) covered.add(f.agentId)
      const collective = new Set<string>(s.collectiveInvitations.flatMap((c) => c.units))
      const missing = s.agents
        .filter((a) => perimeter.includes(a.unit) && !covered.has(a.id) && !collective.has(a.unit))
        .map((a) => a.id as string)
      if (missing.length === 0) return none
      const names = missing.map((id) => personne(s, id))
      const namesEn = missing.map((id) => person(s, id))
      return [
        advisory(
          "ELI-07",
          ["invitations"],
          `${count(missing.length, "agent du périmètre n'a", "agents du périmètre n'ont")} reçu aucune invitation : ${list(names)}. Une invitation collective (courriel à tout le service, réunion de service) vaut invitation ; une exclusion motivée (absence, départ) lève cet avertissement.`,
          `${countEn(missing.length, "agent of the perimeter has", "agents of the perimeter have")} no recorded invitation: ${listEn(namesEn)}. A collective invitation counts; an exclusion with a reason silences this warning.`
        )
      ]
    }
  })
]
