/**
 * ANI — facilitation (note II-b).
 */
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { advisory, blocking, day, isBlank, none, push, rule, title } from "../util.js"

const fac = (i: number) => ["framing", "facilitation", "facilitators", i] as const

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "ANI-01",
    kind: "advisory",
    family: "facilitation",
    section: "II-b",
    title: title(
      "L'animation est assurée en binôme ou seul ; le binôme est à privilégier : le choix d'un animateur seul est motivé.",
      "Facilitation is by a pair or by one person; a pair is preferred: choosing solo requires a stated reason."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (f === undefined || f.mode !== "solo" || !isBlank(f.soloReason)) return none
      return [
        advisory(
          "ANI-01",
          ["framing", "facilitation", "soloReason"],
          "L'animation en binôme est à privilégier : le choix d'un animateur seul n'est pas motivé.",
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
      "Le binôme associe celui qui porte la démarche et une personne ressource (par ex. un représentant RH et un chargé de prévention).",
      "A pair joins the person who leads the approach with a resource person (e.g. HR representative and prevention officer)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (f === undefined || f.mode !== "pair" || f.facilitators.length === 0) return none
      const leads = f.facilitators.filter((x) => x.role === "lead").length
      const resources = f.facilitators.filter((x) => x.role === "resource").length
      if (leads === 1 && resources >= 1) return none
      return [
        advisory(
          "ANI-02",
          ["framing", "facilitation", "facilitators"],
          `Le binôme devrait associer un porteur de la démarche et une personne ressource (porteurs : ${leads}, personnes ressources : ${resources}).`,
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
      if (f === undefined || f.mode !== "pair") return none
      const managers = f.facilitators.filter((x) => x.profile === "lineManager" || x.profile === "executive")
      if (!f.facilitators.some((x) => x.profile === "lineManager") || managers.length < 2) return none
      return [
        advisory(
          "ANI-03",
          ["framing", "facilitation", "facilitators"],
          "Le binôme comprend un manager de proximité : l'autre animateur devrait avoir un profil plus technique, pas un profil d'encadrant.",
          "The pair includes a line manager: the other facilitator should have a more technical profile, not a manager's."
        )
      ]
    }
  }),
  rule({
    id: "ANI-04",
    kind: "blocking",
    family: "facilitation",
    section: "II-b",
    title: title(
      "Un animateur seul est mandaté par l'administration et est un cadre, un manager ou un expert métier.",
      "A solo facilitator is mandated by the administration and is a manager, an executive or an occupation expert."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (f === undefined || f.mode !== "solo") return none
      let out: Array<Violation> | undefined
      f.facilitators.forEach((x, i) => {
        if (x.mandate === undefined) {
          out = push(
            out,
            blocking(
              "ANI-04",
              [...fac(i), "mandate"],
              `L'animateur seul ${x.agentId} n'est pas mandaté par l'administration.`,
              `Solo facilitator ${x.agentId} is not mandated by the administration.`
            )
          )
        }
        if (x.profile !== "lineManager" && x.profile !== "executive" && x.profile !== "occupationExpert") {
          out = push(
            out,
            blocking(
              "ANI-04",
              [...fac(i), "profile"],
              `L'animateur seul ${x.agentId} doit être un cadre, un manager ou un expert métier (profil : ${x.profile}).`,
              `Solo facilitator ${x.agentId} must be a manager, an executive or an occupation expert (profile: ${x.profile}).`
            )
          )
        }
      })
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
              ? `L'animateur ${x.agentId} n'est pas formé à une méthodologie d'animation.`
              : `L'animateur ${x.agentId} a été formé (${day(done)}) après la première séance (${day(first)}).`,
            done === undefined
              ? `Facilitator ${x.agentId} is not trained in a facilitation method.`
              : `Facilitator ${x.agentId} was trained (${day(done)}) after the first session (${day(first)}).`
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
            `Le relevé de conclusions reprend la variante ${id}, dont l'arbitrage n'a pas été validé par le groupe.`,
            `The statement of conclusions lists variant ${id}, whose arbitration the group has not validated.`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "ANI-07",
    kind: "advisory",
    family: "facilitation",
    section: "II-b",
    title: title(
      "Certaines tâches, comme la prise de notes, peuvent être confiées à des membres du groupe (rôle consigné).",
      "Tasks such as note-taking may be delegated to members (recorded role)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      let out: Array<Violation> | undefined
      if (s.framing?.facilitation?.mode === "solo" && !s.delegations.some((d) => d.task === "noteTaking")) {
        out = push(
          out,
          advisory(
            "ANI-07",
            ["delegations"],
            "Animateur seul : la prise de notes n'est confiée à aucun membre du groupe.",
            "Solo facilitator: note-taking is delegated to no member of the group."
          )
        )
      }
      s.delegations.forEach((d, i) => {
        if (ctx.memberIndex.has(d.agentId)) return
        out = push(
          out,
          advisory(
            "ANI-07",
            ["delegations", i, "agentId"],
            `La tâche « ${d.task} » est confiée à ${d.agentId}, qui n'est pas membre du groupe.`,
            `Task "${d.task}" is delegated to ${d.agentId}, who is not a member of the group.`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "ANI-08",
    kind: "blocking",
    family: "facilitation",
    section: "II-b",
    addedByEntrePairs: true,
    title: title(
      "Le nombre d'animateurs correspond à la modalité : exactement deux en binôme, exactement un seul pour un animateur seul.",
      "The number of facilitators matches the mode: exactly 2 for a pair, exactly 1 for solo."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing?.facilitation
      if (f === undefined) return none
      const expected = f.mode === "pair" ? 2 : 1
      if (f.facilitators.length === expected) return none
      return [
        blocking(
          "ANI-08",
          ["framing", "facilitation", "facilitators"],
          f.mode === "pair"
            ? `Une animation en binôme compte exactement deux animateurs (ici ${f.facilitators.length}).`
            : `Une animation par un animateur seul compte exactement un animateur (ici ${f.facilitators.length}).`,
          f.mode === "pair"
            ? `Pair facilitation has exactly two facilitators (here ${f.facilitators.length}).`
            : `Solo facilitation has exactly one facilitator (here ${f.facilitators.length}).`
        )
      ]
    }
  })
]
