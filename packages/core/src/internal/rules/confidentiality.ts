/**
 * CNF — confidentiality and anonymity (note II-b, II-c).
 */
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { isActiveAt } from "../context.js"
import * as Release from "../release.js"
import { blocking, day, none, push, rule, title } from "../util.js"

const guarantee = (id: "CNF-01" | "CNF-02" | "CNF-03" | "CNF-04", section: string, fr: string, en: string): Rule =>
  rule({ id, kind: "guarantee", family: "confidentiality", section, title: title(fr, en), parameters: [], scope: "guarantee" })

export const rules: ReadonlyArray<Rule> = [
  guarantee(
    "CNF-01",
    "II-c étape 1",
    "La fenêtre de confidentialité s'ouvre à l'adoption des règles et se ferme quand les séances sont terminées et que la restitution a eu lieu ; dans cette fenêtre, ce qui se dit reste dans le groupe (membres, animateurs, invités de la séance).",
    "The confidentiality window opens when the rules are adopted and closes when the sessions are over and the restitution has happened; inside it, what is said stays within the group (members, facilitators, guests of that session)."
  ),
  guarantee(
    "CNF-02",
    "II-c étape 1",
    "Les propos consignés sont anonymes : aucun document, export ou résultat de requête n'attribue un propos, un cas ou un arbitrage à une personne nommée.",
    "Recorded statements are anonymous: no document, export or query result ever attributes a statement, a case or an arbitration to a named person."
  ),
  guarantee(
    "CNF-03",
    "II-b, II-c étape 3",
    "Chaque production a un public ; avant la fermeture de la fenêtre, seuls calendrier, ordres du jour, comptes rendus anonymes et besoins de formation sortent du groupe ; ensuite, conclusions et bilan peuvent aller plus loin.",
    "Every output has an audience; before the window closes, only calendar, agendas, anonymous minutes and training needs leave the group; after it closes, conclusions and the review may go wider."
  ),
  guarantee(
    "CNF-04",
    "II-a",
    "Les données de profil sensibles (âge, sexe, statut) ne servent qu'à la composition et aux rapports de diversité, sont stockées a minima (tranche d'âge) et n'apparaissent jamais hors des vues des animateurs.",
    "Sensitive profile data (age, sex, status) is used only for composition and diversity reports, stored minimally (age band), and never appears outside the facilitators' views."
  ),
  rule({
    id: "CNF-05",
    kind: "blocking",
    family: "confidentiality",
    section: "II-c étape 3",
    title: title(
      "Un témoignage sur la démarche n'est publié qu'avec le consentement consigné de l'agent.",
      "A testimonial about the approach is published only with the agent's recorded consent."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.testimonials.forEach((t, i) => {
        if (t.publishedAt === undefined) return
        const published = t.publishedAt.epochMillis
        if (t.consentAt !== undefined && t.consentAt.epochMillis <= published) return
        out = push(
          out,
          blocking(
            "CNF-05",
            ["testimonials", i, "consentAt"],
            t.consentAt === undefined
              ? `Le témoignage ${t.id} a été publié sans le consentement consigné de l'agent.`
              : `Le témoignage ${t.id} a été publié (${day(published)}) avant le consentement de l'agent (${day(t.consentAt.epochMillis)}).`,
            t.consentAt === undefined
              ? `Testimonial ${t.id} was published without the agent's recorded consent.`
              : `Testimonial ${t.id} was published (${day(published)}) before the agent's consent (${day(t.consentAt.epochMillis)}).`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "CNF-06",
    kind: "blocking",
    family: "confidentiality",
    section: "II-c étape 1",
    title: title(
      "Avant que comptes rendus, conclusions ou bilan ne sortent du groupe, leur texte libre est vérifié : aucun nom de participant (membres, animateurs, invités : nom complet, nom, prénom s'il n'est pas ambigu) ; une occurrence bloque la diffusion et dit où.",
      "Before minutes, conclusions or a review leave the group, their free text is checked for participants' names (members, facilitators, guests: full name, last name, first name when unambiguous); a hit refuses the release and says where."
    ),
    parameters: [],
    scope: "snapshot",
    // One list of outgoing fields for the commands, this check and the views (internal/release.ts).
    check: (ctx) => Release.check(ctx.snapshot)
  }),
  rule({
    id: "CNF-07",
    kind: "blocking",
    family: "confidentiality",
    section: "II-c étape 1, II-a",
    addedByEntrePairs: true,
    title: title(
      "Seuls les membres du groupe, les animateurs et les invités de la séance assistent à une séance : ce qui s'y dit reste dans le groupe.",
      "Only the group's members, the facilitators and the session's guests attend a session: what is said there stays within the group."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      const facilitators = new Set<string>(ctx.facilitators.map((f) => f.agentId))
      for (const { session, index, millis } of ctx.liveSessions) {
        if (session.attendees.length === 0) continue
        session.attendees.forEach((id, ai) => {
          if (facilitators.has(id) || session.guests.some((g) => g.agentId === id)) return
          const mi = ctx.memberIndex.get(id)
          if (mi !== undefined && isActiveAt(ctx.snapshot.members[mi]!, millis)) return
          out = push(
            out,
            blocking(
              "CNF-07",
              ["sessions", index, "attendees", ai],
              `${id} assiste à la séance ${session.id} sans être membre du groupe, animateur ni invité de la séance.`,
              `${id} attends session ${session.id} without being a member, a facilitator or a guest of that session.`
            )
          )
        })
      }
      return out ?? none
    }
  })
]
