/**
 * LIF — lifecycle and framing (note II, II-a).
 *
 * Longer than 450 lines on purpose: one family, LIF-01 to LIF-08 and their
 * French and English messages, each check beside the words it prints, in the
 * order of the rule reference (one file per family, as for every family).
 */
import { addMonths } from "date-fns/addMonths"
import { stateRank } from "../../Exchange.js"
import { type FramingElement, timeUses } from "../../Framing.js"
import type { Rule, RuleContext } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { channelEn, channelFr, count, countEn, elementEn, elementFr, list, listEn, stateEn, stateFr, timeUseFr } from "../fr.js"
import { person, personne, seance, sessionEn } from "../labels.js"
import { advisory, blocking, day, isBlank, jour, local, none, note, push, rule, title } from "../util.js"

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

interface AnyInvitation {
  readonly at: number
  readonly carries: ReadonlyArray<FramingElement>
  readonly path: ReadonlyArray<string | number>
  readonly fr: () => string
  readonly en: () => string
}

/** Every invitation, individual or collective, with its path (LIF-02, LIF-03, LIF-04); computed once per evaluation. */
const invitationsCache = new WeakMap<RuleContext, ReadonlyArray<AnyInvitation>>()
const allInvitations = (ctx: RuleContext): ReadonlyArray<AnyInvitation> => {
  let out = invitationsCache.get(ctx)
  if (out === undefined) {
    const list: Array<AnyInvitation> = []
    ctx.snapshot.invitations.forEach((inv, i) =>
      list.push({
        at: inv.at.epochMillis,
        carries: inv.carries,
        path: ["invitations", i],
        fr: () => `L'invitation de ${personne(ctx.snapshot, inv.agentId)}`,
        en: () => `The invitation of ${person(ctx.snapshot, inv.agentId)}`
      })
    )
    ctx.snapshot.collectiveInvitations.forEach((inv, i) =>
      list.push({
        at: inv.at.epochMillis,
        carries: inv.carries,
        path: ["collectiveInvitations", i],
        fr: () => `L'invitation collective par ${channelFr[inv.channel]}`,
        en: () => `The collective invitation by ${channelEn[inv.channel]}`
      })
    )
    out = list
    invitationsCache.set(ctx, out)
  }
  return out
}

/** LIF-04: the communications across the organisation about the approach (a collective invitation is one). */
const approachCommunications = (ctx: RuleContext): Array<{ readonly channel: string; readonly at: number }> => [
  ...ctx.snapshot.communications.filter((c) => c.about === "approach").map((c) => ({ channel: c.channel, at: c.at.epochMillis })),
  ...ctx.snapshot.collectiveInvitations.map((c) => ({ channel: c.channel, at: c.at.epochMillis }))
]

/** LIF-05: whether a use of dedicated time is allotted (hours, or a declaration such as « sur le temps de travail »). */
const allotted = (ctx: RuleContext, use: (typeof timeUses)[number]): boolean => {
  const t = ctx.snapshot.framing?.dedicatedTime
  if (t === undefined) return false
  return t[`${use}Hours`] !== undefined || !isBlank(t.declarations?.[use])
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "LIF-01",
    kind: "blocking",
    family: "lifecycle",
    section: "II",
    title: title(
      "L'échange est proposé par la direction ou par les agents eux-mêmes ; l'origine est consignée.",
      "An exchange is proposed either by the direction or by agents themselves; the origin is recorded."
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
              "L'origine de la démarche (la direction ou les agents eux-mêmes) n'est pas consignée.",
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
      "Avant toute invitation, les objectifs et les modalités de fonctionnement sont formalisés dans une note ou une réunion de cadrage : origine, objectifs, finalité, périmètre (services, unités de travail), thématiques, modalité d'animation et animateurs, calendrier prévisionnel, temps dédié.",
      "Before any invitation, objectives and working modalities are formalised in a framing (note de cadrage or réunion de cadrage): origin, objectives, purpose, perimeter (services / work units), themes, facilitation mode and facilitators, planned calendar, dedicated time."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      const f = s.framing
      const invitations = allInvitations(ctx)
      const invited = invitations.length > 0
      if (f === undefined) {
        if (ctx.rank < FRAMED && !invited) return none
        return [
          blocking(
            "LIF-02",
            ["framing"],
            invited
              ? "Des invitations ont été envoyées sans note ni réunion de cadrage."
              : `L'échange est au stade « ${stateFr[s.state]} » sans note ni réunion de cadrage.`,
            invited
              ? "Invitations were sent without a formal framing."
              : `The exchange is at the stage "${stateEn[s.state]}" without a formal framing.`
          )
        ]
      }
      let out: Array<Violation> | undefined
      if (ctx.rank > FRAMED || invited) {
        for (const g of framingGaps(ctx)) {
          out = push(
            out,
            blocking("LIF-02", g.path, `Le cadrage ne formalise pas ${g.fr}.`, `The framing does not formalise the ${g.en}.`)
          )
        }
      }
      const framedAt = f.at.epochMillis
      for (const inv of invitations) {
        if (inv.at >= framedAt) continue
        out = push(
          out,
          blocking(
            "LIF-02",
            [...inv.path, "at"],
            `${inv.fr()} (${jour(inv.at)}) précède le cadrage (${jour(framedAt)}).`,
            `${inv.en()} (${day(inv.at)}) precedes the framing (${day(framedAt)}).`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "LIF-03",
    kind: "blocking",
    family: "lifecycle",
    section: "II-a",
    title: title(
      "Les invitations et la communication n'interviennent qu'après l'acceptation de l'échange par l'encadrement.",
      "Invitations and communication happen only after management has accepted the exchange."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      const approval = s.approval
      let out: Array<Violation> | undefined
      const invitations = allInvitations(ctx)
      if (approval === undefined) {
        if (ctx.rank >= APPROVED) {
          out = push(
            out,
            blocking(
              "LIF-03",
              ["approval"],
              `L'échange est au stade « ${stateFr[s.state]} » sans acceptation consignée de l'encadrement.`,
              `The exchange is at the stage "${stateEn[s.state]}" with no recorded acceptance by management.`
            )
          )
        }
        if (invitations.length > 0) {
          out = push(
            out,
            blocking(
              "LIF-03",
              [invitations[0]!.path[0]!],
              "Des invitations ont été envoyées sans que l'encadrement ait accepté l'échange.",
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
              "La démarche a été communiquée sans que l'encadrement ait accepté l'échange.",
              "The approach was communicated although management has not accepted the exchange."
            )
          )
        }
        return out ?? none
      }
      const approvedAt = approval.at.epochMillis
      for (const inv of invitations) {
        if (inv.at >= approvedAt) continue
        out = push(
          out,
          blocking(
            "LIF-03",
            [...inv.path, "at"],
            `${inv.fr()} (${jour(inv.at)}) précède l'acceptation de l'encadrement (${jour(approvedAt)}).`,
            `${inv.en()} (${day(inv.at)}) precedes management's acceptance (${day(approvedAt)}).`
          )
        )
      }
      s.communications.forEach((c, i) => {
        if (c.at.epochMillis >= approvedAt) return
        out = push(
          out,
          blocking(
            "LIF-03",
            ["communications", i, "at"],
            `Une communication par ${channelFr[c.channel]} (${jour(c.at.epochMillis)}) précède l'acceptation de l'encadrement (${jour(approvedAt)}).`,
            `A communication by ${channelEn[c.channel]} (${day(c.at.epochMillis)}) precedes management's acceptance (${day(approvedAt)}).`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "LIF-04",
    kind: "blocking",
    alsoKind: "advisory",
    family: "lifecycle",
    section: "II-a",
    version: 2,
    title: title(
      "« Il est nécessaire de communiquer » : au moins une communication dans l'organisation est consignée avant la constitution du groupe (ce peut être l'acte même des invitations), et chaque invitation reprend les éléments du cadrage (origine, objectifs, périmètre, thématiques, animation) — bloquant. Au moins deux moyens de communication (local, 2 par défaut), dont une présentation en réunion de service — avertissement.",
      "« Il est nécessaire de communiquer »: at least one communication across the organisation is recorded before composition (it may be the same act as the invitations), and every invitation carries the framing elements (origin, objectives, perimeter, themes, facilitation) — blocking. At least 2 channels (local, default 2), one of them a presentation at a service meeting — advisory."
    ),
    parameters: [local("minCommunicationChannels")],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      const communications = approachCommunications(ctx)
      if (ctx.snapshot.members.length > 0) {
        let composedAt = Number.POSITIVE_INFINITY
        for (const m of ctx.snapshot.members) composedAt = Math.min(composedAt, m.joinedAt.epochMillis)
        if (!communications.some((c) => c.at <= composedAt)) {
          out = push(
            out,
            blocking(
              "LIF-04",
              ["communications"],
              "Il est nécessaire de communiquer sur la démarche au sein de l'organisation : aucune communication n'est consignée avant la constitution du groupe.",
              "The approach must be communicated across the organisation: no communication is recorded before the group was composed."
            )
          )
        }
      }
      for (const inv of allInvitations(ctx)) {
        if (inv.carries.length >= framingElements.length && framingElements.every((e) => inv.carries.includes(e))) continue
        const missing = framingElements.filter((e) => !inv.carries.includes(e))
        out = push(
          out,
          blocking(
            "LIF-04",
            [...inv.path, "carries"],
            `${inv.fr()} ne reprend pas ${list(missing.map((e) => elementFr[e]))} du cadrage.`,
            `${inv.en()} does not carry the framing's ${listEn(missing.map((e) => elementEn[e]))}.`
          )
        )
      }
      if (ctx.rank >= ANNOUNCED) {
        const channels = new Set<string>(communications.map((c) => c.channel))
        const min = ctx.config.minCommunicationChannels
        if (channels.size < min) {
          out = push(
            out,
            advisory(
              "LIF-04",
              ["communications"],
              `La démarche a été communiquée par ${count(channels.size, "moyen", "moyens")} ; il est conseillé de diversifier les moyens de communication (au moins ${min}).`,
              `The approach was communicated through ${countEn(channels.size, "channel", "channels")}; at least ${min} are advised.`
            )
          )
        }
        if (min > 0 && !channels.has("serviceMeeting")) {
          out = push(
            out,
            advisory(
              "LIF-04",
              ["communications"],
              "Il est conseillé d'échanger sur la démarche lors de réunions de service : aucune présentation en réunion de service n'est consignée.",
              "The approach was not presented at a service meeting."
            )
          )
        }
      }
      return out ?? none
    }
  }),
  rule({
    id: "LIF-05",
    kind: "blocking",
    family: "lifecycle",
    section: "II-a",
    version: 2,
    title: title(
      "Les échanges « nécessitent » que du temps soit spécialement consacré à la démarche : le cadrage prévoit du temps pour la préparation, la participation, l'animation et la formalisation des travaux — une durée, ou une déclaration telle que « sur le temps de travail », pour chacune.",
      "The exchanges « nécessitent » dedicated time: the framing allots time for preparation, participation, facilitation and formalisation of the work — an amount or a declaration such as « sur le temps de travail » for each."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const f = ctx.snapshot.framing
      if (f === undefined || (ctx.rank <= FRAMED && ctx.snapshot.invitations.length === 0 && ctx.snapshot.collectiveInvitations.length === 0)) {
        return none
      }
      const missing = timeUses.filter((use) => !allotted(ctx, use))
      if (missing.length === 0) return none
      if (f.dedicatedTime === undefined) {
        return [
          blocking(
            "LIF-05",
            ["framing", "dedicatedTime"],
            "Le cadrage ne prévoit aucun temps dédié : la démarche nécessite du temps pour la préparation, la participation, l'animation et la formalisation des travaux.",
            "The framing allots no dedicated time: the approach needs time for preparation, participation, facilitation and formalisation."
          )
        ]
      }
      return missing.map((use) =>
        blocking(
          "LIF-05",
          ["framing", "dedicatedTime", `${use}Hours`],
          `Le cadrage ne prévoit pas de temps dédié pour ${timeUseFr[use]} (une durée, ou une déclaration telle que « sur le temps de travail »).`,
          `The framing allots no dedicated time for ${use} (an amount, or a declaration such as "on working time").`
        )
      )
    }
  }),
  rule({
    id: "LIF-06",
    kind: "blocking",
    alsoKind: "advisory",
    family: "lifecycle",
    section: "II-a",
    version: 2,
    title: title(
      "Un lieu (salle ou dispositif à distance) est consigné avant que la séance se tienne — bloquant. Les animateurs attestent qu'il « doit être propice aux échanges » : équipement adéquat, favorable à la concentration, garant de la liberté de parole (à l'abri des oreilles extérieures) ; sans cette attestation — avertissement.",
      "A venue (room or remote setting) is recorded before a session is held (blocking). The facilitators attest that it « doit être propice aux échanges »: suitable equipment, favours concentration, protects freedom of speech (not overheard); without that attestation, advisory."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const { session, index, held } of ctx.liveSessions) {
        const v = session.venue
        if (v === undefined) {
          out = push(
            out,
            held
              ? blocking(
                  "LIF-06",
                  ["sessions", index, "venue"],
                  `La ${seance(ctx.snapshot, session)} s'est tenue sans lieu consigné.`,
                  `The ${sessionEn(ctx.snapshot, session)} was held without a recorded venue.`
                )
              : advisory(
                  "LIF-06",
                  ["sessions", index, "venue"],
                  `La ${seance(ctx.snapshot, session)} n'a pas encore de lieu : il doit être consigné avant qu'elle se tienne.`,
                  `The ${sessionEn(ctx.snapshot, session)} has no venue yet: it must be recorded before the session is held.`
                )
          )
          continue
        }
        const fr: Array<string> = []
        const en: Array<string> = []
        if (v.equipped !== true) (fr.push("son équipement adéquat"), en.push("suitable equipment"))
        if (v.quiet !== true) (fr.push("qu'il favorise la concentration"), en.push("favours concentration"))
        if (v.private !== true) (fr.push("qu'il garantit la liberté de parole"), en.push("protects freedom of speech"))
        if (fr.length === 0) continue
        out = push(
          out,
          advisory(
            "LIF-06",
            ["sessions", index, "venue"],
            `Le lieu de la ${seance(ctx.snapshot, session)} doit être propice aux échanges : les animateurs n'ont pas attesté ${list(fr)}.`,
            `The venue of the ${sessionEn(ctx.snapshot, session)} must suit the exchanges: the facilitators have not attested ${listEn(en)}.`
          )
        )
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
    version: 2,
    title: title(
      "Les échanges n'ont pas vocation à être pérennes : un cycle déclare sa fin prévue — bloquant. Trois ou quatre réunions annuelles doivent suffire : plus de 4 séances sur 12 mois glissants — avertissement. Un cycle d'une seule séance est possible. Une séance programmée ou tenue après la fin prévue est refusée, sauf si la fin prévue est d'abord modifiée, avec un motif — bloquant.",
      "Exchanges are not permanent: a cycle declares its planned end (blocking). 3 to 4 sessions a year should suffice: more than 4 sessions in any rolling 12 months is advisory (note, max 4). A cycle of a single session is allowed. A session scheduled or held after the planned end is refused unless the planned end is first amended, with a reason (blocking)."
    ),
    parameters: [note("maxSessionsPer12Months")],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      const f = ctx.snapshot.framing
      const plannedEnd = f?.calendar.plannedEnd?.epochMillis
      if (ctx.rank >= FRAMED && f !== undefined && plannedEnd === undefined) {
        out = push(
          out,
          blocking(
            "LIF-07",
            ["framing", "calendar", "plannedEnd"],
            "Le cycle ne déclare pas sa date de fin prévue : un échange entre pairs n'a pas vocation à être pérenne.",
            "The cycle declares no planned end: a peer exchange is not permanent."
          )
        )
      }
      if (plannedEnd !== undefined) {
        for (const { session, index, millis } of ctx.liveSessions) {
          const heldAt = session.heldAt?.epochMillis
          const late = millis > plannedEnd ? { field: "scheduledAt", at: millis } : heldAt !== undefined && heldAt > plannedEnd ? { field: "heldAt", at: heldAt } : undefined
          if (late === undefined) continue
          out = push(
            out,
            blocking(
              "LIF-07",
              ["sessions", index, late.field],
              `La ${seance(ctx.snapshot, session)}${late.field === "heldAt" ? `, tenue le ${jour(late.at)},` : ""} est postérieure à la fin prévue du cycle (${jour(plannedEnd)}) : modifier d'abord la fin prévue, avec un motif.`,
              `The ${sessionEn(ctx.snapshot, session)}${late.field === "heldAt" ? `, held on ${day(late.at)},` : ""} is after the cycle's planned end (${day(plannedEnd)}): amend the planned end first, with a reason.`
            )
          )
        }
      }
      const live = ctx.liveSessions
      const max = ctx.config.maxSessionsPer12Months
      if (live.length > max) {
        let j = 0
        for (let i = 0; i < live.length; i++) {
          const end = addMonths(live[i]!.millis, 12).getTime()
          if (j < i) j = i
          while (j + 1 < live.length && live[j + 1]!.millis < end) j++
          const n = j - i + 1
          if (n > max) {
            out = push(
              out,
              advisory(
                "LIF-07",
                ["sessions", live[j]!.index],
                `${n} séances en douze mois à partir du ${jour(live[i]!.millis)} : trois ou quatre réunions annuelles doivent suffire (au plus ${max}).`,
                `${n} sessions within 12 months from ${day(live[i]!.millis)}: 3 to 4 a year should suffice (at most ${max}).`
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
      "Le cycle de vie est respecté : proposé → cadré → accepté → annoncé → constitué → règles adoptées → séances → conclusions → restitution → clos ; l'abandon est possible depuis tout état ouvert, avec un motif. Une commande hors de son état est refusée.",
      "The lifecycle is enforced: proposed → framed → approved → announced → composed → charter adopted → sessions → conclusions → restitution → closed; abandonment is possible from any open state with a reason. A command outside its state is refused."
    ),
    parameters: [],
    scope: "command"
  })
]
