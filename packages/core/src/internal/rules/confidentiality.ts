/**
 * CNF — confidentiality and anonymity (note II-b, II-c).
 */
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { isActiveAt } from "../context.js"
import * as Release from "../release.js"
import { person, personne, seance, sessionEn } from "../labels.js"
import { blocking, day, jour, none, push, rule, title } from "../util.js"

const guarantee = (id: "CNF-01" | "CNF-02" | "CNF-03" | "CNF-04", section: string, fr: string, en: string): Rule =>
  rule({
    id,
    kind: "guarantee",
    family: "confidentiality",
    section,
    title: title(fr, en),
    parameters: [],
    scope: "guarantee",
    ...(id === "CNF-03" ? { version: 2 as const } : {})
  })

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
    "Chaque production a un public (groupe, supérieurs hiérarchiques des membres, direction, instances de dialogue social, toute l'organisation). Avant la fermeture de la fenêtre, seuls le calendrier, les ordres du jour, les comptes rendus anonymes et les besoins de formation sortent du groupe ; ensuite, les conclusions et le bilan peuvent aller plus loin. Hors du groupe, un compte rendu ne porte que les arbitrages validés par le groupe (ANI-06) ; un arbitrage non validé y figure « en cours de validation », sans son contenu. Toute autre demande est refusée par une erreur typée.",
    "Every output has an audience (group, members' line managers, direction, social-dialogue bodies, whole organisation). Before the window closes, outputs for audiences outside the group contain only: calendar, agendas, minutes (anonymous), training needs. After it closes, conclusions and the review may go wider. Minutes for audiences outside the group carry only arbitrations the group has validated (ANI-06); an unvalidated one appears as « en cours de validation » without its content. A request for anything else is refused with a typed error."
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
            // Neither the agent's name nor the testimonial's words: a
            // violation is read outside the group, and a name next to a
            // statement is what the confidentiality rules forbid (CNF-01).
            t.consentAt === undefined
              ? `Le témoignage n° ${i + 1} a été publié sans le consentement consigné de son auteur ou de son autrice.`
              : `Le témoignage n° ${i + 1} a été publié (${jour(published)}) avant le consentement de son auteur ou de son autrice (${jour(t.consentAt.epochMillis)}).`,
            t.consentAt === undefined
              ? `Testimonial no. ${i + 1} was published without its author's recorded consent.`
              : `Testimonial no. ${i + 1} was published (${day(published)}) before its author's consent (${day(t.consentAt.epochMillis)}).`
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
    version: 2,
    title: title(
      "Avant que des comptes rendus, des conclusions ou un bilan sortent du groupe, leur texte libre est vérifié : aucun nom de participant (membres, animateurs, invités : nom complet, nom, prénom s'il n'est pas ambigu) ; une occurrence bloque la diffusion et dit où. Dans un groupe de 8 à 10 personnes, la réidentification est facile : l'anonymat vaut aussi pour le texte saisi. La recherche résiste à ce qui est collé (formes de compatibilité Unicode, caractères invisibles, ligatures, casse, accents) ; tout champ libre qui sort du groupe est vérifié, la même liste pour une commande et pour `check`. Un prénom ou un nom qui est aussi un mot courant (Claire, Rose, Petit, Blanc…) compte là où il se lit comme un nom ; un animateur peut lever une occurrence « qui n'est pas un nom », levée consignée. Un prénom partagé par plusieurs participants compte.",
      "Before minutes, conclusions or a review leave the group, their free text is checked for the names of participants (members, facilitators, guests: full name, last name, first name when unambiguous); a hit refuses the release and says where. Groups of 8–10 make re-identification easy: anonymity must hold in the text people type. Matching survives what people paste (Unicode compatibility forms, invisible characters, ligatures, case and accents); every free-text field that leaves the group is scanned — the same list for a command and for `check`. A first or last name that is also a common French word (Claire, Rose, Petit, Blanc…) matches where it reads as a name; a facilitator may clear a single hit as « not a name », and that clearance is recorded. A first name shared by several participants still matches."
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
    version: 2,
    title: title(
      "Seuls les membres, les animateurs et les invités de la séance y assistent : la présence consigne aussi les animateurs et les invités, et toute autre personne est refusée.",
      "Only members, the facilitators and the guests of that session attend it: attendance records facilitators and guests too, and anyone else is refused."
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
              `${personne(ctx.snapshot, id)} assiste à la ${seance(ctx.snapshot, session)} sans être membre du groupe, animateur ou invité de la séance : ce qui se dit dans le groupe y reste.`,
              `${person(ctx.snapshot, id)} attends the ${sessionEn(ctx.snapshot, session)} without being a member, a facilitator or a guest of that session.`
            )
          )
        })
      }
      return out ?? none
    }
  }),
  rule({
    id: "CNF-08",
    kind: "blocking",
    family: "confidentiality",
    section: "II-c étape 1",
    version: 2,
    title: title(
      "L'identité d'un agent est stable : un changement de nom (coquille, nom d'usage) est un renommage explicite et consigné, et tous les noms qu'un agent a portés restent dans la vérification de CNF-06 ; une commande qui donne en silence un autre nom à un identifiant connu, ou nomme deux fois le même identifiant, est refusée.",
      "An agent's identity is stable: a name change (a typo, a married name) is an explicit, recorded rename, and every name an agent has had stays in the CNF-06 scan; a command that silently gives a known ID another name, or names the same ID twice, is refused."
    ),
    parameters: [],
    scope: "command"
  })
]
