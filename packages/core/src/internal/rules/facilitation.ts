/**
 * ANI — facilitation (note II-b).
 */
import type { Facilitation } from "../../Framing.js"
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { count, profileEn, profileFr } from "../fr.js"
import { e, Person, Personne, person, personne, variante, variantEn } from "../labels.js"
import { advisory, blocking, day, isBlank, jour, none, push, rule, title } from "../util.js"

const fac = (i: number) => ["framing", "facilitation", "facilitators", i] as const

/**
 * ANI-08: the mode follows the count — one facilitator is solo, two a pair,
 * three or more a wider co-facilitation — whatever mode was declared.
 */
export const effectiveMode = (f: Facilitation | undefined): "solo" | "pair" | "wider" | undefined => {
  const n = f?.facilitators.length ?? 0
  return n === 0 ? undefined : n === 1 ? "solo" : n === 2 ? "pair" : "wider"
}

/** ANI-04: the profiles the note gives as examples for a solo facilitator. */
const soloExamples: ReadonlySet<string> = new Set(["lineManager", "executive", "occupationExpert"])

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "ANI-01",
    kind: "advisory",
    family: "facilitation",
    section: "II-b",
    title: title(
      "L'animation est assurée en binôme ou par une personne seule ; le binôme est à privilégier : le choix d'un animateur seul est motivé.",
      "Facilitation is by a pair or by one person; a pair is preferred: choosing solo requires a stated reason."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (effectiveMode(f) !== "solo" || !isBlank(f!.soloReason)) return none
      return [
        advisory(
          "ANI-01",
          ["framing", "facilitation", "soloReason"],
          "La coanimation en binôme est à privilégier : le choix d'un animateur seul n'est pas motivé (pourquoi un binôme n'a pas pu être constitué).",
          "A pair is preferred: the choice of a solo facilitator has no stated reason."
        )
      ]
    }
  }),
  rule({
    id: "ANI-02",
    kind: "advisory",
    family: "facilitation",
    section: "II-b",
    title: title(
      "Le binôme associe celui qui porte la démarche et une personne ressource (par ex. un représentant de la fonction RH et un chargé de prévention).",
      "A pair joins the person who leads the approach with a resource person (e.g. HR representative and prevention officer)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      const mode = effectiveMode(f)
      if (mode !== "pair" && mode !== "wider") return none
      const leads = f!.facilitators.filter((x) => x.role === "lead").length
      const resources = f!.facilitators.filter((x) => x.role === "resource").length
      if (leads === 1 && resources >= 1) return none
      return [
        advisory(
          "ANI-02",
          ["framing", "facilitation", "facilitators"],
          `La coanimation par celui qui porte la démarche et une personne ressource est à privilégier : l'animation compte ${count(leads, "porteur", "porteurs")} de la démarche et ${count(resources, "personne ressource", "personnes ressources")}.`,
          `The pair should join one lead of the approach and a resource person (leads: ${leads}, resource persons: ${resources}).`
        )
      ]
    }
  }),
  rule({
    id: "ANI-03",
    kind: "advisory",
    family: "facilitation",
    section: "II-b",
    title: title(
      "Quand le binôme comprend un manager de proximité, l'autre animateur a un profil plus technique (pas un encadrant).",
      "When a pair includes a line manager, the other facilitator has a more technical profile (not a manager)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      const mode = effectiveMode(f)
      if (mode !== "pair" && mode !== "wider") return none
      const managers = f!.facilitators.filter((x) => x.profile === "lineManager" || x.profile === "executive")
      if (!f!.facilitators.some((x) => x.profile === "lineManager") || managers.length < 2) return none
      return [
        advisory(
          "ANI-03",
          ["framing", "facilitation", "facilitators"],
          "Le binôme comprend un manager de proximité : l'autre animateur a de préférence un profil plus technique, pas un profil d'encadrant, pour éviter une démarche trop descendante.",
          "The pair includes a line manager: the other facilitator should have a more technical profile, not a manager's."
        )
      ]
    }
  }),
  rule({
    id: "ANI-04",
    kind: "blocking",
    alsoKind: "advisory",
    family: "facilitation",
    section: "II-b",
    version: 2,
    title: title(
      "Un animateur seul est mandaté par l'administration, et le mandat atteste les deux capacités que la note exige par « il faudra » : jouer un rôle de facilitateur, et prendre de la distance par rapport à son propre positionnement — bloquant. Les profils de la note — « il peut s'agir d'un cadre, d'un manager ou d'un expert métier » — sont des exemples : un autre profil donne un avertissement, jamais un refus.",
      "A solo facilitator is mandated by the administration, and the mandate attests both capacities the note names with « il faudra »: to act as a facilitator, and to step back from their own position (« prendre de la distance par rapport à son propre positionnement ») — blocking. The note's profiles — « il peut s'agir d'un cadre, d'un manager ou d'un expert métier » — are examples: another profile is advisory, never refused."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (effectiveMode(f) !== "solo") return none
      const x = f!.facilitators[0]!
      let out: Array<Violation> | undefined
      if (x.mandate === undefined) {
        out = push(
          out,
          blocking(
            "ANI-04",
            [...fac(0), "mandate"],
            `${Personne(ctx.snapshot, x.agentId)}, qui anime seul${e(ctx.snapshot, x.agentId)}, n'est pas mandaté${e(ctx.snapshot, x.agentId)} par l'administration.`,
            `${Person(ctx.snapshot, x.agentId)}, the solo facilitator, is not mandated by the administration.`
          )
        )
      } else {
        if (x.mandate.canFacilitate !== true) {
          out = push(
            out,
            blocking(
              "ANI-04",
              [...fac(0), "mandate", "canFacilitate"],
              `Le mandat de ${personne(ctx.snapshot, x.agentId)}, qui anime seul${e(ctx.snapshot, x.agentId)}, n'atteste pas sa capacité à jouer un rôle de facilitateur.`,
              `The mandate of ${person(ctx.snapshot, x.agentId)}, the solo facilitator, does not attest their capacity to act as a facilitator.`
            )
          )
        }
        if (x.mandate.canStepBack !== true) {
          out = push(
            out,
            blocking(
              "ANI-04",
              [...fac(0), "mandate", "canStepBack"],
              `Le mandat de ${personne(ctx.snapshot, x.agentId)}, qui anime seul${e(ctx.snapshot, x.agentId)}, n'atteste pas sa capacité à prendre de la distance par rapport à son propre positionnement dans l'organisation.`,
              `The mandate of ${person(ctx.snapshot, x.agentId)}, the solo facilitator, does not attest their capacity to step back from their own position in the organisation.`
            )
          )
        }
      }
      if (!soloExamples.has(x.profile)) {
        out = push(
          out,
          advisory(
            "ANI-04",
            [...fac(0), "profile"],
            `${Personne(ctx.snapshot, x.agentId)}, qui anime seul${e(ctx.snapshot, x.agentId)}, est ${profileFr[x.profile]} : la note cite en exemple un cadre, un manager ou un expert métier ; ce profil est possible si le mandat en atteste les capacités.`,
            `${Person(ctx.snapshot, x.agentId)}, the solo facilitator, is ${profileEn[x.profile]}: the note gives an executive, a manager or an occupation expert as examples; this profile is possible when the mandate attests the capacities.`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "ANI-05",
    kind: "blocking",
    family: "facilitation",
    section: "II-b",
    title: title(
      "Chaque animateur est formé à une méthodologie d'animation avant la première séance.",
      "Every facilitator is trained in a facilitation method before the first session."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const first = ctx.firstSessionMillis
      if (first === undefined) return none
      let out: Array<Violation> | undefined
      ctx.facilitators.forEach((x, i) => {
        const done = x.training?.completedAt.epochMillis
        if (done !== undefined && done <= first) return
        out = push(
          out,
          blocking(
            "ANI-05",
            [...fac(i), "training"],
            done === undefined
              ? `${Personne(ctx.snapshot, x.agentId)}, qui anime le groupe, n'est pas formé${e(ctx.snapshot, x.agentId)} à une méthodologie d'animation : tout animateur doit l'être avant la première séance.`
              : `${Personne(ctx.snapshot, x.agentId)}, qui anime le groupe, a été formé${e(ctx.snapshot, x.agentId)} (${jour(done)}) après la première séance (${jour(first)}).`,
            done === undefined
              ? `${Person(ctx.snapshot, x.agentId)}, a facilitator, is not trained in a facilitation method.`
              : `${Person(ctx.snapshot, x.agentId)}, a facilitator, was trained (${day(done)}) after the first session (${day(first)}).`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "ANI-06",
    kind: "blocking",
    family: "facilitation",
    section: "II-b",
    title: title(
      "L'animateur fait valider les propositions par le groupe : seuls les arbitrages validés par le groupe entrent dans le document de référence.",
      "The facilitator has the group validate proposals: only arbitrations validated by the group enter the reference document."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const c = ctx.snapshot.conclusions
      if (c === undefined) return none
      let out: Array<Violation> | undefined
      c.variantIds.forEach((id, i) => {
        const v = ctx.variants.get(id)
        if (v === undefined || v.variant.validatedAt !== undefined) return
        out = push(
          out,
          blocking(
            "ANI-06",
            ["conclusions", "variantIds", i],
            `Le relevé de conclusions reprend la variante ${variante(v.variant, id)}, dont l'arbitrage n'a pas été validé par le groupe.`,
            `The statement of conclusions lists variant ${variantEn(v.variant, id)}, whose arbitration the group has not validated.`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "ANI-07",
    kind: "guarantee",
    family: "facilitation",
    section: "II-b",
    version: 2,
    title: title(
      "Certaines tâches, comme la prise de notes, « pourront » être confiées à des membres du groupe : le modèle consigne les rôles confiés. C'est une possibilité, jamais un avertissement.",
      "Tasks such as note-taking « pourront » be delegated to members: the model records delegated roles. It is a possibility, never a warning."
    ),
    parameters: [],
    scope: "guarantee"
  }),
  rule({
    id: "ANI-08",
    kind: "blocking",
    alsoKind: "advisory",
    family: "facilitation",
    section: "II-b",
    version: 2,
    title: title(
      "La modalité suit le nombre d'animateurs : un seul, c'est une animation seule (ANI-01 et ANI-04 s'appliquent, quelle que soit la modalité déclarée) ; deux, un binôme. La note nomme « principalement » ces deux modalités : trois animateurs ou plus donnent un avertissement ; aucun animateur est refusé.",
      "The mode follows the count: one facilitator is solo (ANI-01 and ANI-04 apply, whatever mode was declared), two is a pair; the note names « principalement » these two modes, so three or more is advisory; none is refused."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (f === undefined) return none
      const n = f.facilitators.length
      if (n === 0) {
        return [
          blocking(
            "ANI-08",
            ["framing", "facilitation", "facilitators"],
            "L'animation ne compte aucun animateur : elle est assurée en binôme ou par une personne seule.",
            "Facilitation has no facilitator: it is done by a pair or by one person."
          )
        ]
      }
      if (n <= 2) return none
      return [
        advisory(
          "ANI-08",
          ["framing", "facilitation", "facilitators"],
          `L'animation compte ${n} animateurs : la note prévoit principalement deux modalités, en binôme ou seul.`,
          `Facilitation has ${n} facilitators: the note mainly provides for two modes, a pair or one person.`
        )
      ]
    }
  })
]
