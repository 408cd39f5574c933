/**
 * LIF — lifecycle and framing (note II, II-a).
 */
import { addMonths } from "date-fns"
import { stateRank } from "../../Exchange.js"
import type { FramingElement } from "../../Framing.js"
import type { Rule, RuleContext } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { advisory, blocking, day, isBlank, local, none, note, push, rule, title } from "../util.js"

const FRAMED = stateRank("framed")
const APPROVED = stateRank("approved")
const ANNOUNCED = stateRank("announced")

const framingElements: ReadonlyArray<FramingElement> = ["origin", "objectives", "perimeter", "themes", "facilitation"]

/** LIF-02: what the framing lacks. */
const framingGaps = (ctx: RuleContext): Array<{ path: Array<string>; fr: string; en: string }> => {
  const f = ctx.snapshot.framing
  const gaps: Array<{ path: Array<string>; fr: string; en: string }> = []
  if (f === undefined) return gaps
  if (f.objectives.length === 0) gaps.push({ path: ["framing", "objectives"], fr: "les objectifs", en: "objectives" })
  if (f.purpose === undefined) gaps.push({ path: ["framing", "purpose"], fr: "la finalité", en: "purpose" })
  if (f.perimeter.units.length === 0) {
    gaps.push({ path: ["framing", "perimeter", "units"], fr: "le périmètre", en: "perimeter" })
  }
  if (f.themes.every(isBlank)) gaps.push({ path: ["framing", "themes"], fr: "les thématiques", en: "themes" })
  if (f.facilitation === undefined || f.facilitation.facilitators.length === 0) {
    gaps.push({ path: ["framing", "facilitation"], fr: "l'animation et ses animateurs", en: "facilitation and facilitators" })
  }
  if (f.calendar.plannedEnd === undefined && f.calendar.provisionalDates.length === 0) {
    gaps.push({ path: ["framing", "calendar"], fr: "le calendrier prévisionnel", en: "provisional calendar" })
  }
  return gaps
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "LIF-01",
    kind: "blocking",
    family: "lifecycle",
    section: "II",
    title: title(
      "L'échange est proposé par la direction ou par les agents eux-mêmes ; l'origine est consignée.",
      "An exchange is proposed by the direction or by agents themselves; the origin is recorded."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) =>
      ctx.snapshot.origin !== undefined
        ? none
        : [
            blocking(
              "LIF-01",
              ["origin"],
              "L'origine de la démarche (direction ou agents) n'est pas consignée.",
              "The origin of the exchange (direction or agents) is not recorded."
            )
          ]
  }),
  rule({
    id: "LIF-02",
    kind: "blocking",
    family: "lifecycle",
    section: "II-a",
    title: title(
      "Avant toute invitation, objectifs et modalités sont formalisés dans un cadrage (note ou réunion) : origine, objectifs, finalité, périmètre, thématiques, animation et animateurs, calendrier prévisionnel, temps dédié.",
      "Before any invitation, objectives and working modalities are formalised in a framing (note or meeting): origin, objectives, purpose, perimeter, themes, facilitation and facilitators, planned calendar, dedicated time."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      const f = s.framing
      const invited = s.invitations.length > 0
      if (f === undefined) {
        if (ctx.rank < FRAMED && !invited) return none
        return [
          blocking(
            "LIF-02",
            ["framing"],
            invited
              ? "Des invitations ont été envoyées sans cadrage formalisé."
              : `L'échange est à l'état « ${s.state} » sans cadrage formalisé.`,
            invited
              ? "Invitations were sent without a formal framing."
              : `The exchange is in state "${s.state}" without a formal framing.`
          )
        ]
      }
      let out: Array<Violation> | undefined
      if (ctx.rank > FRAMED || invited) {
        for (const g of framingGaps(ctx)) {
          out = push(
            out,
            blocking(
              "LIF-02",
              g.path,
              `Le cadrage ne formalise pas ${g.fr}.`,
              `The framing does not formalise the ${g.en}.`
            )
          )
        }
      }
      const framedAt = f.at.epochMillis
      s.invitations.forEach((inv, i) => {
        if (inv.at.epochMillis < framedAt) {
          out = push(
            out,
            blocking(
              "LIF-02",
              ["invitations", i, "at"],
              `L'invitation de ${inv.agentId} (${day(inv.at.epochMillis)}) précède le cadrage (${day(framedAt)}).`,
              `The invitation of ${inv.agentId} (${day(inv.at.epochMillis)}) precedes the framing (${day(framedAt)}).`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "LIF-03",
    kind: "blocking",
    family: "lifecycle",
    section: "II-a",
    title: title(
      "Invitations et communication n'interviennent qu'après l'acceptation de l'encadrement.",
      "Invitations and communication happen only after management has accepted the exchange."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      const approval = s.approval
      let out: Array<Violation> | undefined
      if (approval === undefined) {
        if (ctx.rank >= APPROVED) {
          out = push(
            out,
            blocking(
              "LIF-03",
              ["approval"],
              `L'échange est à l'état « ${s.state} » sans acceptation consignée de l'encadrement.`,
              `The exchange is in state "${s.state}" with no recorded acceptance by management.`
            )
          )
        }
        if (s.invitations.length > 0) {
          out = push(
            out,
            blocking(
              "LIF-03",
              ["invitations"],
              "Des invitations ont été envoyées sans acceptation de l'encadrement.",
              "Invitations were sent although management has not accepted the exchange."
            )
          )
        }
        if (s.communications.length > 0) {
          out = push(
            out,
            blocking(
              "LIF-03",
              ["communications"],
              "La démarche a été communiquée sans acceptation de l'encadrement.",
              "The approach was communicated although management has not accepted the exchange."
            )
          )
        }
        return out ?? none
      }
      const approvedAt = approval.at.epochMillis
      s.invitations.forEach((inv, i) => {
        if (inv.at.epochMillis < approvedAt) {
          out = push(
            out,
            blocking(
              "LIF-03",
              ["invitations", i, "at"],
              `L'invitation de ${inv.agentId} (${day(inv.at.epochMillis)}) précède l'acceptation de l'encadrement (${day(approvedAt)}).`,
              `The invitation of ${inv.agentId} (${day(inv.at.epochMillis)}) precedes management's acceptance (${day(approvedAt)}).`
            )
          )
        }
      })
      s.communications.forEach((c, i) => {
        if (c.at.epochMillis < approvedAt) {
          out = push(
            out,
            blocking(
              "LIF-03",
              ["communications", i, "at"],
              `Une communication (${c.channel}, ${day(c.at.epochMillis)}) précède l'acceptation de l'encadrement (${day(approvedAt)}).`,
              `A communication (${c.channel}, ${day(c.at.epochMillis)}) precedes management's acceptance (${day(approvedAt)}).`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "LIF-04",
    kind: "advisory",
    family: "lifecycle",
    section: "II-a",
    title: title(
      "Après l'acceptation, la démarche est communiquée dans toute l'organisation ; chaque invitation reprend les éléments du cadrage ; au moins deux canaux, dont une présentation en réunion de service.",
      "After acceptance the approach is communicated across the organisation; every invitation carries the framing elements; at least 2 channels, one of them a service meeting."
    ),
    parameters: [local("minCommunicationChannels")],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      let out: Array<Violation> | undefined
      if (ctx.rank >= ANNOUNCED) {
        const channels = new Set<string>()
        for (const c of s.communications) if (c.about === "approach") channels.add(c.channel)
        const min = ctx.config.minCommunicationChannels
        if (channels.size < min) {
          out = push(
            out,
            advisory(
              "LIF-04",
              ["communications"],
              `La démarche a été communiquée par ${channels.size} canal(aux) ; au moins ${min} sont conseillés.`,
              `The approach was communicated through ${channels.size} channel(s); at least ${min} are advised.`
            )
          )
        }
        if (min > 0 && !channels.has("serviceMeeting")) {
          out = push(
            out,
            advisory(
              "LIF-04",
              ["communications"],
              "La démarche n'a pas été présentée en réunion de service.",
              "The approach was not presented at a service meeting."
            )
          )
        }
      }
      s.invitations.forEach((inv, i) => {
        const missing = framingElements.filter((e) => !inv.carries.includes(e))
        if (missing.length > 0) {
          out = push(
            out,
            advisory(
              "LIF-04",
              ["invitations", i, "carries"],
              `L'invitation de ${inv.agentId} ne reprend pas : ${missing.join(", ")}.`,
              `The invitation of ${inv.agentId} does not carry: ${missing.join(", ")}.`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "LIF-05",
    kind: "advisory",
    family: "lifecycle",
    section: "II-a",
    title: title(
      "Le cadrage prévoit du temps dédié à la préparation, la participation, l'animation et la formalisation des travaux.",
      "The framing allots dedicated time for preparation, participation, facilitation and formalisation of the work."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing
      if (f === undefined) return none
      const t = f.dedicatedTime
      const missing: Array<string> = []
      if (t?.preparationHours === undefined) missing.push("preparation")
      if (t?.participationHours === undefined) missing.push("participation")
      if (t?.facilitationHours === undefined) missing.push("facilitation")
      if (t?.formalisationHours === undefined) missing.push("formalisation")
      if (missing.length === 0) return none
      return [
        advisory(
          "LIF-05",
          ["framing", "dedicatedTime"],
          `Le cadrage ne prévoit pas de temps dédié pour : ${missing.join(", ")}.`,
          `The framing allots no dedicated time for: ${missing.join(", ")}.`
        )
      ]
    }
  }),
  rule({
    id: "LIF-06",
    kind: "advisory",
    family: "lifecycle",
    section: "II-a",
    title: title(
      "Chaque séance a lieu dans un lieu propice aux échanges (équipement, concentration, liberté de parole).",
      "Each session has a venue suited to exchanges (equipment, concentration, freedom of speech)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const { session, index } of ctx.liveSessions) {
        const v = session.venue
        if (v === undefined) {
          out = push(
            out,
            advisory(
              "LIF-06",
              ["sessions", index, "venue"],
              `La séance ${session.id} n'a pas de lieu défini.`,
              `Session ${session.id} has no venue.`
            )
          )
          continue
        }
        const fr: Array<string> = []
        const en: Array<string> = []
        if (!v.equipped) (fr.push("équipé"), en.push("equipped"))
        if (!v.quiet) (fr.push("calme"), en.push("quiet"))
        if (!v.private) (fr.push("à l'abri des oreilles extérieures"), en.push("private"))
        if (fr.length > 0) {
          out = push(
            out,
            advisory(
              "LIF-06",
              ["sessions", index, "venue"],
              `Le lieu de la séance ${session.id} n'est pas ${fr.join(", ")}.`,
              `The venue of session ${session.id} is not ${en.join(", ")}.`
            )
          )
        }
      }
      return out ?? none
    }
  }),
  rule({
    id: "LIF-07",
    kind: "blocking",
    alsoKind: "advisory",
    family: "lifecycle",
    section: "Introduction",
    title: title(
      "Les échanges ne sont pas pérennes : un cycle déclare sa fin prévue (bloquant) ; trois ou quatre réunions par an doivent suffire (plus de 4 séances sur 12 mois glissants : avertissement).",
      "Exchanges are not permanent: a cycle declares its planned end (blocking); 3 to 4 sessions a year should suffice (more than 4 in any rolling 12 months: advisory)."
    ),
    parameters: [note("maxSessionsPer12Months")],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      const f = ctx.snapshot.framing
      if (ctx.rank >= FRAMED && f !== undefined && f.calendar.plannedEnd === undefined) {
        out = push(
          out,
          blocking(
            "LIF-07",
            ["framing", "calendar", "plannedEnd"],
            "Le cycle ne déclare pas sa date de fin prévue : un échange entre pairs n'est pas pérenne.",
            "The cycle declares no planned end: a peer exchange is not permanent."
          )
        )
      }
      const live = ctx.liveSessions
      const max = ctx.config.maxSessionsPer12Months
      if (live.length > max) {
        let j = 0
        for (let i = 0; i < live.length; i++) {
          const end = addMonths(live[i]!.millis, 12).getTime()
          if (j < i) j = i
          while (j + 1 < live.length && live[j + 1]!.millis < end) j++
          const count = j - i + 1
          if (count > max) {
            out = push(
              out,
              advisory(
                "LIF-07",
                ["sessions", live[j]!.index],
                `${count} séances en 12 mois à partir du ${day(live[i]!.millis)} : trois ou quatre réunions par an doivent suffire (au plus ${max}).`,
                `${count} sessions within 12 months from ${day(live[i]!.millis)}: 3 to 4 a year should suffice (at most ${max}).`
              )
            )
            break
          }
        }
      }
      return out ?? none
    }
  }),
  rule({
    id: "LIF-08",
    kind: "blocking",
    family: "lifecycle",
    section: "II, II-c",
    title: title(
      "Le cycle de vie est respecté : proposé → cadré → accepté → annoncé → constitué → règles adoptées → séances → conclusions → restitution → clos ; abandon possible avec un motif. Une commande hors de son état est refusée.",
      "The lifecycle is enforced: proposed → framed → approved → announced → composed → charter adopted → sessions → conclusions → restitution → closed; abandonment with a reason. A command outside its state is refused."
    ),
    parameters: [],
    scope: "command"
  })
]
