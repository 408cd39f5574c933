/**
 * RES — restitution and reporting obligations (note II-a, II-c steps 2 and 3).
 * The obligations (RES-01's calendar and agendas, RES-02, 03, 05, 06, 07,
 * 08) are computed by `Obligations`.
 */
import { stateRank } from "../../Exchange.js"
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { isActiveAt } from "../context.js"
import { stateFr } from "../fr.js"
import { person, personne, seance, sessionEn } from "../labels.js"
import { blocking, day, jour, local, none, push, rule, title } from "../util.js"

const CONCLUDED = stateRank("concluded")

const obligation = (
  id: "RES-02" | "RES-03" | "RES-05" | "RES-06" | "RES-07" | "RES-08",
  section: string,
  fr: string,
  en: string,
  parameters: Rule["parameters"],
  version?: 2
): Rule =>
  rule({
    id,
    kind: "obligation",
    family: "restitution",
    section,
    title: title(fr, en),
    parameters,
    scope: "snapshot",
    ...(version === undefined ? {} : { version })
  })

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "RES-01",
    kind: "blocking",
    alsoKind: "obligation",
    family: "restitution",
    section: "II-c étape 2",
    version: 2,
    title: title(
      "Le groupe désigne une personne ressource qui transmet le calendrier prévisionnel, les ordres du jour et les comptes rendus aux supérieurs hiérarchiques des membres ; elle est requise avant l'envoi du premier compte rendu — bloquant. Le groupe la désigne une fois réuni : le calendrier est dû aux supérieurs hiérarchiques dans les 15 jours (local) qui suivent sa désignation, et chaque ordre du jour avant sa séance, à partir de la séance qui suit la désignation — obligations.",
      "The group designates a liaison (the note's « personne ressource ») who transmits the provisional calendar, agendas and minutes to the members' line managers; required before the first minutes are sent (blocking). The liaison is designated by the group once it has met, so: the calendar is due to line managers within 15 days (local) of the designation, and each agenda before its session from the session after the designation (obligations)."
    ),
    parameters: [local("calendarDueDays")],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      const liaison = s.liaison === undefined ? undefined : s.members[ctx.memberIndex.get(s.liaison) ?? -1]
      let out: Array<Violation> | undefined
      s.sessions.forEach((session, si) => {
        session.minutes.forEach((m, mi) => {
          if (m.sentAt === undefined) return
          const sent = m.sentAt.epochMillis
          if (liaison !== undefined && isActiveAt(liaison, sent)) return
          out = push(
            out,
            blocking(
              "RES-01",
              ["sessions", si, "minutes", mi, "sentAt"],
              liaison === undefined
                ? `Le compte rendu de la ${seance(s, session)} a été envoyé sans que le groupe ait désigné la personne ressource chargée de le transmettre.`
                : `Le compte rendu de la ${seance(s, session)} a été envoyé (${jour(sent)}) alors que la personne ressource, ${personne(s, liaison.agentId)}, n'était pas membre du groupe à cette date.`,
              liaison === undefined
                ? `The minutes of the ${sessionEn(s, session)} were sent although no liaison was designated to transmit them.`
                : `The minutes of the ${sessionEn(s, session)} were sent (${day(sent)}) while the liaison, ${person(s, liaison.agentId)}, was not a member on that date.`
            )
          )
        })
      })
      return out ?? none
    }
  }),
  obligation(
    "RES-02",
    "II-c étape 3",
    "Après chaque séance, son compte rendu parvient aux supérieurs hiérarchiques des membres, dans les 15 jours.",
    "After each session, its minutes reach the members' line managers, due within 15 days.",
    [local("minutesDueDays")]
  ),
  obligation(
    "RES-03",
    "II-c étape 3",
    "Les besoins de formation identifiés par le groupe sont transmis à la hiérarchie avec les comptes rendus.",
    "Training needs identified by the group travel with the minutes to management.",
    [local("minutesDueDays")]
  ),
  rule({
    id: "RES-04",
    kind: "blocking",
    family: "restitution",
    section: "II-c étape 2",
    title: title(
      "À la fin du cycle, le groupe élabore et diffuse un relevé de conclusions ; une restitution collective en réunion de service peut suivre.",
      "At the end of the cycle the group produces and circulates a statement of conclusions; a collective restitution at a service meeting may follow."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.rank < CONCLUDED) return none
      const c = ctx.snapshot.conclusions
      if (c?.circulatedAt !== undefined) return none
      return [
        blocking(
          "RES-04",
          c === undefined ? ["conclusions"] : ["conclusions", "circulatedAt"],
          c === undefined
            ? `L'échange est au stade « ${stateFr[ctx.snapshot.state]} » sans relevé de conclusions.`
            : `L'échange est au stade « ${stateFr[ctx.snapshot.state]} » mais le relevé de conclusions n'a pas été diffusé.`,
          c === undefined
            ? `The exchange is in state "${ctx.snapshot.state}" without a statement of conclusions.`
            : `The exchange is in state "${ctx.snapshot.state}" but the statement of conclusions has not been circulated.`
        )
      ]
    }
  }),
  obligation(
    "RES-05",
    "II-c étape 3",
    "La direction partage son analyse et les décisions envisagées à une date proche de la restitution : dans les 30 jours ; un retard est signalé.",
    "The direction shares its analysis and planned decisions soon after the restitution: due within 30 days; overdue is reported.",
    [local("directionResponseDueDays")]
  ),
  obligation(
    "RES-06",
    "II-a, II-c étape 3",
    "Quand le cadrage le prévoit, un bilan de la démarche est présenté aux instances de dialogue social.",
    "When the framing plans it, a review of the approach is presented to the social-dialogue bodies.",
    [local("reviewDueDays")]
  ),
  obligation(
    "RES-07",
    "II-c étape 3",
    "La communication des travaux menés « devra être réalisée afin de valoriser les apports et avancées mises en place » : elle est due après la réponse de la direction (RES-05), à une date que fixe le cadrage (local, 90 jours après cette réponse par défaut) ; les témoignages requièrent un consentement (CNF-05).",
    "The communication of the work « devra être réalisée afin de valoriser les apports et avancées mises en place »: due after the direction's response (RES-05), by a date the framing sets (local, default 90 days after that response); testimonials need consent (CNF-05).",
    [local("resultsCommunicationDueDays")],
    2
  ),
  obligation(
    "RES-08",
    "II-c étape 3",
    "Les actions décidées par la direction sont suivies dans une grille (action, responsable, échéance, état) ; une action ouverte est reportée jusqu'à ce qu'elle soit réalisée ou abandonnée.",
    "Actions decided by the direction are followed in a follow-up grid (action, owner, due date, status); an open action carries over until done or dropped.",
    []
  ),
  rule({
    id: "RES-09",
    kind: "blocking",
    family: "restitution",
    section: "I-a, II-c étape 3",
    title: title(
      "Les comptes rendus sont rédigés, puis finalisés par les animateurs avant envoi ; une version envoyée ne change plus : une correction est une nouvelle version, envoyée à nouveau.",
      "Minutes are drafted, then finalised by the facilitators before they are sent; a sent version never changes: a correction is a new version, sent again."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        const versions = s.minutes
        versions.forEach((m, mi) => {
          const path = ["sessions", si, "minutes", mi] as const
          const drafted = m.draftedAt.epochMillis
          const finalised = m.finalisedAt?.epochMillis
          if (finalised !== undefined && finalised < drafted) {
            out = push(
              out,
              blocking(
                "RES-09",
                [...path, "finalisedAt"],
                `La version ${m.version} du compte rendu de la ${seance(ctx.snapshot, s)} est finalisée avant d'avoir été rédigée.`,
                `Version ${m.version} of the minutes of the ${sessionEn(ctx.snapshot, s)} is finalised before it was drafted.`
              )
            )
          }
          if (m.sentAt === undefined) return
          const sent = m.sentAt.epochMillis
          if (finalised === undefined || finalised > sent) {
            out = push(
              out,
              blocking(
                "RES-09",
                [...path, "finalisedAt"],
                `La version ${m.version} du compte rendu de la ${seance(ctx.snapshot, s)} a été envoyée sans avoir été finalisée par les animateurs.`,
                `Version ${m.version} of the minutes of the ${sessionEn(ctx.snapshot, s)} was sent before the facilitators finalised it.`
              )
            )
          }
          const next = versions[mi + 1]
          if (next !== undefined && next.draftedAt.epochMillis < sent) {
            out = push(
              out,
              blocking(
                "RES-09",
                [...path, "sentAt"],
                `La version ${m.version} du compte rendu de la ${seance(ctx.snapshot, s)} a été envoyée (${jour(sent)}) alors qu'une version ${next.version} la remplaçait déjà.`,
                `Version ${m.version} of the minutes of the ${sessionEn(ctx.snapshot, s)} was sent (${day(sent)}) although version ${next.version} already superseded it.`
              )
            )
          }
        })
      })
      return out ?? none
    }
  })
]
