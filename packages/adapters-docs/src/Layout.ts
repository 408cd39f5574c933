/**
 * Layouts: one function per core view, turning it into a {@link Document.Document}
 * in French (English by option) that follows what the note says each
 * document contains. Layouts read views only, never raw state: what a view
 * leaves out (names next to statements, profile data) cannot reach a page.
 * The circulation decided by core becomes the confidentiality banner.
 *
 * This module is longer than 450 lines because it is the public layout of
 * each of the eleven documents, with its documentation: what each document
 * contains, section by section, in the note's order — the contract an
 * integrator reads. Each function is a flat list of blocks in French and
 * English; the few helpers they share (dates, « Séance n° », session object,
 * articles) are the wording those lists must use alike, kept next to them so
 * that one document cannot drift from another. Local rules and working days
 * already live in `internal/localRules.ts`.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import * as D from "./Document.js"
import type * as Icalendar from "./Icalendar.js"
import type { View } from "@entre-pairs/core"
import { localRulesBlocks, workingDaysBlock } from "./internal/localRules.js"
import * as W from "./internal/vocabulary.js"
import * as T from "./Typography.js"


/** The first clause of a case's context, as a short title (at most about 100 characters). */
const caseTitle = (context: string): string => {
  const first = context.trim().split(/(?<=[^A-Z]\.)\s|[,;:]\s/u)[0]?.replace(/\.$/u, "") ?? ""
  return first.length <= 100 ? first : `${first.slice(0, 99).replace(/\s+\S*$/u, "")}…`
}

/** Several conditions, each numbered on a line of its own: a condition is a sentence of its own. */
const conditionsText = (conditions: ReadonlyArray<string>): string =>
  conditions.length <= 1 ? (conditions[0] ?? "") : conditions.map((c, i) => `${i + 1}) ${c}`).join("\n")

/**
 * The views documents are made from: every core view but the facilitators'
 * composition (profile data, CNF-04), which no document is ever made of.
 *
 * @since 0.1.0
 */
export type DocumentView = Exclude<View.View, View.CompositionView>
/** @since 0.1.0 */
export type MinutesView = View.MinutesView
/** @since 0.1.0 */
export type ConclusionsView = View.ConclusionsView
/** @since 0.1.0 */
export type CalendarView = View.CalendarView
/** @since 0.1.0 */
export type AgendaView = View.AgendaView

/**
 * Narrows a core view (what `View.build` returns) to one a document can be
 * made of: every view but the facilitators' composition.
 *
 * @example
 * import { Layout, Render } from "@entre-pairs/adapters-docs"
 * import { View } from "@entre-pairs/core"
 * declare const view: View.View
 * if (Layout.isDocumentView(view)) void Render.render(view, "pdf")
 * @since 0.1.0
 */
export const isDocumentView = <A extends { readonly _tag: string }>(view: A): view is Extract<A, DocumentView> =>
  view._tag !== "CompositionView"

/** Layout options. @since 0.1.0 */
export interface Options {
  readonly lang?: D.Lang
}

const ms = (d: DateTime.Utc): number => d.epochMillis

/** A document with French typography on every text, including what people typed ("occupé ?" gets U+202F). */
const make = (meta: D.Metadata, blocks: ReadonlyArray<D.Block>): D.Document => {
  const doc = D.make(meta, blocks)
  return meta.lang === "fr" ? D.mapText(doc, T.typeset) : doc
}
const colon = (lang: D.Lang) => (lang === "fr" ? "\u00a0:" : ":")
const fr = (lang: D.Lang, f: string, e: string) => (lang === "fr" ? f : e)
const hours = (minutes: number, lang: D.Lang) => {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return lang === "fr" ? (m === 0 ? `${h}${T.NBSP}h` : `${h}${T.NBSP}h${T.NBSP}${String(m).padStart(2, "0")}`) : m === 0 ? `${h} h` : `${h} h ${m} min`
}

const meta = (header: View.Header, title: string, lang: D.Lang, subtitle: string | undefined = header.title): D.Metadata => {
  const banner = W.circulation(header.circulation, lang)
  return {
    title,
    ...(subtitle !== undefined && subtitle !== title ? { subtitle } : {}),
    audience: W.audience(header.audience, lang),
    ...(banner !== "" ? { confidentiality: banner } : {}),
    ...(header.service !== undefined ? { serviceName: header.service } : {}),
    // Each document is dated by its own event (core: `Header.issuedAt`), never by when it is rendered.
    issuedAt: ms(header.issuedAt),
    lang
  }
}

const sessionTitle = (s: View.SessionRef, lang: D.Lang) => fr(lang, `Séance n°${T.NBSP}${s.number}`, `Session ${s.number}`)
const when = (s: View.SessionRef, lang: D.Lang) =>
  `${T.formatDate(ms(s.scheduledAt), lang)}, ${T.formatTimeRange(ms(s.scheduledAt), s.durationMinutes, lang)}`

const guestsLine = (guests: ReadonlyArray<View.AgendaView["guests"][number]>, lang: D.Lang): string =>
  guests.length === 0
    ? fr(lang, "aucun", "none")
    : guests.map((g) => W.guestRole(g.role, lang) + (g.reason !== undefined && g.reason !== "" ? ` (${g.reason})` : "")).join(", ")

/** The item's nature, unless its title already says it (« Choix des questions de travail — choix des questions de travail »). */
const natureSuffix = (i: View.AgendaItemView, lang: D.Lang): string => {
  const label = W.nature(i.nature, lang)
  const norm = (s: string) => s.toLocaleLowerCase(lang).replace(/[’']/gu, "'").replace(/\s+/gu, " ").trim()
  return norm(i.title).includes(norm(label)) ? "" : ` — ${label}`
}

/**
 * What a session is for: its kind, except a casework session whose agenda
 * holds only syntheses, which is a synthesis session (not « étude de cas »).
 */
const sessionObject = (s: View.SessionRef, lang: D.Lang, items?: ReadonlyArray<View.AgendaItemView>): string => {
  const natures = items?.map((i) => i.nature) ?? s.natures
  return s.kind === "casework" && natures.length > 0 && natures.every((n) => n === "synthesis")
    ? fr(lang, "synthèse des travaux", "synthesis of the work")
    : W.sessionKind(s.kind, lang)
}

const agendaList = (items: ReadonlyArray<View.AgendaItemView>, lang: D.Lang): D.Block =>
  items.length === 0
    ? D.paragraph(fr(lang, "Aucun point inscrit.", "No item."))
    : D.numbered(
        items.map((i) => [
          D.bold(i.title),
          natureSuffix(i, lang),
          ...(i.question !== undefined ? [D.italic(` (${fr(lang, "question", "question")}${colon(lang)} ${i.question})`)] : [])
        ])
      )

const listOr = (items: ReadonlyArray<string>, empty: string): D.Block => (items.length === 0 ? D.paragraph(D.italic(empty)) : D.bullets(items))

/**
 * The minutes of a session (compte rendu): session, date, agenda, cases in
 * anonymous form, practice variants and their arbitration, training needs.
 *
 * @example
 * import { Layout, Markdown } from "@entre-pairs/adapters-docs"
 * declare const view: Layout.MinutesView
 * const md = Markdown.render(Layout.minutes(view))
 * @since 0.1.0
 */
export const minutes = (view: View.MinutesView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const s = view.session
  const v = view.version
  const blocks: Array<D.Block> = [
    D.definitions([
      [fr(lang, "Séance", "Session"), `${fr(lang, `n°${T.NBSP}`, "")}${s.number} — ${sessionObject(s, lang, view.agenda)}`],
      [fr(lang, "Date", "Date"), when(s, lang)],
      ...(s.venue !== undefined ? [[fr(lang, "Lieu", "Venue"), s.venue] as const] : []),
      [
        fr(lang, "Membres présents", "Members present"),
        fr(
          lang,
          `${view.attendance.present} sur ${view.attendance.members}`,
          `${view.attendance.present} of ${view.attendance.members}`
        )
      ],
      [fr(lang, "Invités ponctuels", "Guests"), guestsLine(view.guests, lang)],
      [
        fr(lang, "Version", "Version"),
        `${v.number} — ${W.minutesStatus(v.status, lang)}${v.sentAt !== undefined ? ` ${fr(lang, "le", "on")} ${T.formatDate(ms(v.sentAt), lang, { weekday: false })}` : ""}`
      ],
      ...(v.correction !== undefined ? [[fr(lang, "Correction", "Correction"), v.correction] as const] : []),
      [fr(lang, "Transmission à l’encadrement au plus tard le", "To line managers by"), T.formatDate(ms(view.transmissionDueAt), lang)]
    ]),
    D.note(
      "info",
      fr(
        lang,
        "Compte rendu anonyme : aucun propos, cas ou arbitrage n’y est attribué à un participant.",
        "Anonymous minutes: no statement, case or arbitration is attributed to a participant."
      )
    ),
    D.heading(1, fr(lang, "Ordre du jour", "Agenda")),
    agendaList(view.agenda, lang)
  ]
  if (view.summary.trim() !== "") blocks.push(D.heading(1, fr(lang, "Synthèse de la séance", "Summary")), D.paragraph(view.summary))
  if (view.questionsChosen.length > 0) {
    blocks.push(
      D.heading(1, fr(lang, "Questions de travail retenues", "Work questions chosen")),
      D.bullets(view.questionsChosen.map((q) => (q.subject === undefined ? q.title : [q.title, D.italic(` — ${W.subject(q.subject, lang)}`)])))
    )
  }
  if (view.cases.length > 0) {
    blocks.push(D.heading(1, fr(lang, "Cas présentés", "Cases presented")))
    for (const c of view.cases) {
      blocks.push(
        // Several cases often answer one question: the heading names the case by
        // its context (its first clause), the question follows.
        D.heading(2, fr(lang, `Cas n°${T.NBSP}${c.number} — ${caseTitle(c.context)}`, `Case ${c.number} — ${caseTitle(c.context)}`)),
        D.definitions([
          [fr(lang, "Question de travail", "Work question"), c.question],
          ...(c.trace !== undefined
            ? [
                [
                  fr(lang, "Trace de l’activité", "Trace of the activity"),
                  `${W.traceType(c.trace.type, lang)} (${W.traceOrigin(c.trace.origin, lang)})${c.trace.description !== "" ? ` — ${c.trace.description}` : ""}`
                ] as const
              ]
            : []),
          [fr(lang, "Contexte", "Context"), c.context],
          [fr(lang, "Situation", "Situation"), c.situation],
          [fr(lang, "Raisons des choix", "Reasons for the choices"), c.reasons],
          [fr(lang, "Résultat", "Result"), c.result]
        ])
      )
      if (c.questions.length > 0) blocks.push(D.heading(3, fr(lang, "Questions du groupe", "The group’s questions")), D.bullets(c.questions))
      if (c.comparablePractices.length > 0) {
        blocks.push(D.heading(3, fr(lang, "Pratiques comparables", "Comparable practices")), D.bullets(c.comparablePractices))
      }
    }
  }
  blocks.push(D.heading(1, fr(lang, "Variantes de pratique et arbitrages du groupe", "Practice variants and the group’s arbitration")))
  // One table per work question: repeating a long question on every row
  // squeezed the other columns (seen on the LibreOffice rendering).
  const byQuestion = new Map<string, Array<View.VariantView>>()
  for (const x of view.variants) byQuestion.set(x.question, [...(byQuestion.get(x.question) ?? []), x])
  if (view.variants.length === 0) {
    blocks.push(D.paragraph(D.italic(fr(lang, "Aucune variante n’a été arbitrée lors de cette séance.", "No variant was arbitrated in this session."))))
  }
  let q = 0
  for (const [question, variants] of byQuestion) {
    q += 1
    blocks.push(
      D.heading(2, question),
      D.table({
          caption: fr(lang, `Variantes et arbitrages — question n°${T.NBSP}${q}`, `Variants and arbitration — question ${q}`),
          header: [fr(lang, "Variante", "Variant"), fr(lang, "Arbitrage", "Arbitration"), fr(lang, "Conditions", "Conditions")],
          widths: [4.6, 2.2, 3.6],
          rows: variants.map((x) => [
            x.description,
            x.outcome === undefined
              ? [D.italic(fr(lang, "non arbitrée", "not arbitrated"))]
              : [D.bold(W.outcomeShort(x.outcome, lang)), ...(x.validated ? [] : [D.italic(fr(lang, " (à valider)", " (to be validated)"))])],
            conditionsText(x.conditions)
          ])
        })
    )
  }
  blocks.push(
    D.heading(1, fr(lang, "Besoins de formation identifiés", "Training needs identified")),
    listOr(view.trainingNeeds, fr(lang, "Aucun besoin de formation identifié lors de cette séance.", "No training need identified in this session.")),
    D.signature(
      fr(
        lang,
        "Compte rendu transmis par la personne ressource désignée par le groupe aux supérieurs hiérarchiques des membres.",
        "Minutes sent by the liaison the group designated to the members’ line managers."
      )
    )
  )
  return make(meta(view.header, fr(lang, `Compte rendu — ${sessionTitle(s, lang).toLowerCase()}`, `Minutes — ${sessionTitle(s, lang).toLowerCase()}`), lang), blocks)
}

/**
 * The statement of conclusions (relevé de conclusions) and table of
 * proposals, grouped as the note says: what is desirable, what is possible
 * under conditions, what should no longer be done.
 *
 * @example
 * import { Layout, Html } from "@entre-pairs/adapters-docs"
 * declare const view: Layout.ConclusionsView
 * const html = Html.render(Layout.conclusions(view))
 * @since 0.1.0
 */
export const conclusions = (view: View.ConclusionsView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const blocks: Array<D.Block> = [
    D.definitions([
      [fr(lang, "Établi le", "Drafted on"), T.formatDate(ms(view.draftedAt), lang)],
      ...(view.circulatedAt !== undefined ? [[fr(lang, "Diffusé le", "Circulated on"), T.formatDate(ms(view.circulatedAt), lang)] as const] : [])
    ]),
    D.note(
      "info",
      fr(
        lang,
        "Ces propositions sont des recommandations du groupe, non des décisions : il revient à la direction de faire connaître son analyse et les décisions envisagées.",
        "These proposals are the group’s recommendations, not decisions: the direction gives its analysis and the decisions it plans."
      )
    )
  ]
  if (view.summary.trim() !== "") blocks.push(D.heading(1, fr(lang, "Synthèse", "Summary")), D.paragraph(view.summary))
  if (view.questions.length > 0) {
    blocks.push(
      D.heading(1, fr(lang, "Questions de travail traitées", "Work questions treated")),
      D.bullets(view.questions.map((q) => (q.subject === undefined ? q.title : [q.title, D.italic(` — ${W.subject(q.subject, lang)}`)])))
    )
  }
  blocks.push(D.heading(1, fr(lang, "Tableau des propositions", "Table of proposals")))
  for (const g of view.groups) {
    blocks.push(D.heading(2, W.outcome(g.outcome, lang)))
    if (g.entries.length === 0) {
      blocks.push(D.paragraph(D.italic(fr(lang, "Aucune proposition dans cette catégorie.", "No proposal in this category."))))
      continue
    }
    const conditional = g.outcome === "conditional"
    blocks.push(
      D.table({
        caption: `${W.outcomeShort(g.outcome, lang)} — ${fr(lang, "propositions", "proposals")}`,
        header: [
          fr(lang, "N°", "No."),
          fr(lang, "Proposition", "Proposal"),
          fr(lang, "Question de travail", "Work question"),
          ...(conditional ? [fr(lang, "Conditions", "Conditions")] : [])
        ],
        widths: conditional ? [0.6, 3.8, 3.1, 3.5] : [0.6, 5.6, 3],
        rows: g.entries.map((e, i) => [String(i + 1), e.description, e.questions.join(" ; "), ...(conditional ? [conditionsText(e.conditions)] : [])])
      })
    )
  }
  blocks.push(D.signature(fr(lang, "Relevé établi et validé par le groupe d’échanges entre pairs.", "Statement drafted and validated by the peer group.")))
  return make(meta(view.header, fr(lang, "Relevé de conclusions", "Statement of conclusions"), lang), blocks)
}

/** The framing (note de cadrage). @since 0.1.0 */
export const framing = (view: View.FramingView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  return make(meta(view.header, fr(lang, "Note de cadrage", "Framing note"), lang), framingBlocks(view, lang))
}

/** The rules the note asks every group to adopt (CHA-01), stated in the note de cadrage. */
const workingRules = ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"] as const

const framingBlocks = (view: View.FramingView, lang: D.Lang): Array<D.Block> => {
  const blocks: Array<D.Block> = []
  blocks.push(D.heading(1, fr(lang, "Origine de la démarche", "Origin of the approach")))
  blocks.push(
    D.paragraph(
      view.origin === undefined
        ? fr(lang, "Non précisée.", "Not stated.")
        : fr(
            lang,
            `Proposée par ${view.origin.by === "direction" ? "la direction" : "des agents"} le ${T.formatDate(ms(view.origin.at), lang, { weekday: false })}.`,
            `Proposed by ${view.origin.by === "direction" ? "the direction" : "agents"} on ${T.formatDate(ms(view.origin.at), lang, { weekday: false })}.`
          )
    )
  )
  blocks.push(D.heading(1, fr(lang, "Objectifs et finalité", "Objectives and purpose")))
  blocks.push(listOr(view.objectives.map((o) => W.objective(o, lang)), fr(lang, "Objectifs à préciser.", "Objectives to be stated.")))
  if (view.purpose !== undefined) blocks.push(D.paragraph([D.bold(`${fr(lang, "Finalité", "Purpose")}${colon(lang)} `), W.purpose(view.purpose, lang)]))
  blocks.push(D.heading(1, fr(lang, "Périmètre et thématiques", "Perimeter and themes")))
  blocks.push(
    D.definitions([
      [fr(lang, "Unités concernées", "Units"), view.perimeterLabels.length === 0 ? "—" : view.perimeterLabels.join(", ")],
      [fr(lang, "Métiers concernés", "Occupations"), view.occupationLabels.length === 0 ? "—" : view.occupationLabels.join(", ")]
    ]),
    listOr(view.themes, fr(lang, "Thématiques à préciser.", "Themes to be stated."))
  )
  const c = view.composition
  blocks.push(
    D.heading(1, fr(lang, "Composition du groupe", "Composition of the group")),
    D.bullets([
      fr(lang, `Un groupe de ${c.sizeMin} à ${c.sizeMax} membres, agents du périmètre et des métiers concernés.`, `A group of ${c.sizeMin} to ${c.sizeMax} members, staff of the perimeter and the occupations concerned.`),
      fr(lang, "La participation repose sur le volontariat : chaque membre s’engage pour la durée du cycle et peut se retirer en le signalant.", "Taking part is voluntary: each member commits for the whole cycle and may withdraw by saying so."),
      fr(lang, "Une composition diversifiée : âges, anciennetés, sexes, statuts et fonctions exercées, dans la mesure des volontaires.", "A diverse composition: ages, seniority, sexes, statuses and functions, as far as the volunteers allow."),
      fr(lang, "Des invités ponctuels (experts, encadrement, autres services) peuvent être associés à une séance, sur un point de l’ordre du jour, sans être membres du groupe.", "Occasional guests (experts, management, other services) may join a session for an agenda item, without being members.")
    ])
  )
  blocks.push(D.heading(1, fr(lang, "Animation", "Facilitation")))
  if (view.facilitation === undefined) blocks.push(D.paragraph(fr(lang, "À préciser.", "To be stated.")))
  else {
    const f = view.facilitation
    blocks.push(
      D.paragraph(
        f.mode === "pair"
          ? fr(lang, "Animation en binôme.", "Facilitated by a pair.")
          : fr(lang, `Animation par une personne seule${f.soloReason !== undefined ? ` (${f.soloReason})` : ""}.`, `Facilitated by one person${f.soloReason !== undefined ? ` (${f.soloReason})` : ""}.`)
      ),
      D.bullets(
        f.facilitators.map(
          (x) =>
            `${W.facilitatorRole(x.role, lang)} — ${W.facilitatorProfile(x.profile, lang)}${x.trained ? fr(lang, ", formé(e) à l’animation", ", trained in facilitation") : ""}`
        )
      )
    )
  }
  blocks.push(D.heading(1, fr(lang, "Calendrier, lieu et temps consacré", "Calendar, venue and dedicated time")))
  if (view.venue !== undefined) blocks.push(D.paragraph([D.bold(`${fr(lang, "Lieu des séances", "Venue")}${colon(lang)} `), view.venue]))
  blocks.push(
    listOr(
      view.provisionalDates.map((d) => T.formatDateTime(ms(d), lang)),
      fr(lang, "Dates à fixer.", "Dates to be set.")
    )
  )
  if (view.plannedEnd !== undefined) {
    blocks.push(D.paragraph(fr(lang, `Fin prévue : ${T.formatDate(ms(view.plannedEnd), lang)}.`, `Planned end: ${T.formatDate(ms(view.plannedEnd), lang)}.`)))
  }
  if (view.dedicatedTime !== undefined) {
    const t = view.dedicatedTime
    const h = (n: number | undefined) => (n === undefined ? "—" : `${n}${T.NBSP}h`)
    blocks.push(
      D.table({
        caption: fr(lang, "Temps consacré à la démarche", "Time dedicated to the approach"),
        header: [fr(lang, "Préparation", "Preparation"), fr(lang, "Participation", "Participation"), fr(lang, "Animation", "Facilitation"), fr(lang, "Formalisation", "Formalisation")],
        rows: [[h(t.preparationHours), h(t.participationHours), h(t.facilitationHours), h(t.formalisationHours)]]
      })
    )
  }
  blocks.push(workingDaysBlock(view.workingDays, lang))
  if (view.reviewForSocialDialogue) {
    blocks.push(D.paragraph(fr(lang, "Le bilan de la démarche sera présenté aux instances de dialogue social.", "The review will be presented to the social-dialogue bodies.")))
  }
  blocks.push(
    D.heading(1, fr(lang, "Confidentialité et règles de travail", "Confidentiality and working rules")),
    D.paragraph(
      fr(
        lang,
        "Ce qui se dit dans le groupe n’est pas rapporté à l’extérieur avant la fin des séances et la restitution. Les comptes rendus sont anonymes : aucun propos, cas ou arbitrage n’y est attribué à un participant. Le groupe adopte ses règles de travail à sa première réunion ; elles portent au moins sur :",
        "What is said in the group is not repeated outside before the sessions end and the restitution. The minutes are anonymous: no statement, case or arbitration is attributed to a participant. The group adopts its working rules at its first meeting; they cover at least:"
      )
    ),
    D.bullets(workingRules.map((r) => W.charterItem(r, lang)))
  )
  blocks.push(...localRulesBlocks(view.localRules, lang))
  if (view.approval !== undefined) {
    const on = T.formatDate(ms(view.approval.at), lang, { weekday: false })
    blocks.push(D.signature(fr(lang, `Démarche acceptée le ${on} par ${withArticle(view.approval.by)}.`, `Approved on ${on} by ${view.approval.by}.`)))
  }
  return blocks
}

/**
 * A function or a person as the complement of « par » : typed as « Directrice
 * départementale adjointe », it takes its article (« la Directrice… »);
 * a text that already starts with a determiner, a civility or a name is
 * left as typed.
 */
const withArticle = (by: string): string => {
  const t = by.trim()
  if (/^(la|le|les|l['’]|un|une|mme|m\.|madame|monsieur)\s?/iu.test(t)) return t
  const feminine = /^(directrice|sous-directrice|cheffe|présidente|secrétaire générale|inspectrice|adjointe)\b/iu
  const masculine = /^(directeur|sous-directeur|chef|président|secrétaire général|inspecteur|adjoint|préfet)\b/iu
  const vowel = /^[aeéèêiîoôuh]/iu
  if (feminine.test(t)) return vowel.test(t) ? `l’${t}` : `la ${t}`
  if (masculine.test(t)) return vowel.test(t) ? `l’${t}` : `le ${t}`
  return t
}

/** How to answer an invitation: the way, the deadline, the contact (or, without them, who to ask). */
const replyBlocks = (reply: View.FramingView["reply"], lang: D.Lang): Array<D.Block> => {
  const heading = D.heading(1, fr(lang, "Pour répondre", "How to answer"))
  if (reply === undefined) {
    return [heading, D.paragraph(fr(lang, "Faites connaître votre candidature à votre responsable hiérarchique ou au service des ressources humaines.", "Tell your line manager or the human-resources service that you volunteer."))]
  }
  return [
    heading,
    D.definitions([
      [fr(lang, "Comment", "How"), reply.how],
      ...(reply.deadline !== undefined ? [[fr(lang, "Avant le", "By"), T.formatDateTime(ms(reply.deadline), lang)] as const] : []),
      ...(reply.contact !== undefined ? [[fr(lang, "Contact", "Contact"), reply.contact] as const] : [])
    ])
  ]
}

/** The invitation to volunteer, carrying the framing elements. @since 0.1.0 */
export const invitation = (view: View.InvitationView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const blocks: Array<D.Block> = [
    D.paragraph(
      fr(
        lang,
        `Votre service met en place un échange entre pairs : un groupe de ${view.framing.composition.sizeMin} à ${view.framing.composition.sizeMax} agents qui analysent ensemble des situations de travail réelles et proposent des améliorations. Vous êtes invité(e) à y participer.`,
        `Your service is setting up a peer exchange: a group of ${view.framing.composition.sizeMin} to ${view.framing.composition.sizeMax} staff who analyse real work situations together and propose improvements. You are invited to take part.`
      )
    ),
    D.note("info", fr(lang, "La participation repose sur le volontariat.", "Taking part is voluntary."), fr(lang, "Volontariat", "Voluntary")),
    D.paragraph(D.italic(fr(lang, `Cette invitation reprend : ${view.carries.map((c) => W.framingElement(c, lang)).join(", ")}.`, `This invitation carries: ${view.carries.map((c) => W.framingElement(c, lang)).join(", ")}.`))),
    ...replyBlocks(view.framing.reply, lang),
    // The framing's content, its rules included (« Confidentialité et règles de travail »), without its closing line.
    ...framingBlocks(view.framing, lang).filter((b) => b._tag !== "Signature")
  ]
  return make(meta(view.header, fr(lang, "Invitation à un échange entre pairs", "Invitation to a peer exchange"), lang), blocks)
}

/** The group's rules (charter). @since 0.1.0 */
export const charter = (view: View.CharterView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const blocks: Array<D.Block> = [
    D.numbered(view.items.map((i) => W.charterItem(i, lang))),
    ...(view.text !== undefined && view.text !== "" ? [D.paragraph(view.text)] : []),
    ...localRulesBlocks(view.localRules, lang),
    D.signature(
      view.adoptedAt === undefined
        ? fr(lang, "Règles à adopter lors de la première réunion.", "Rules to be adopted at the first meeting.")
        : fr(lang, `Règles adoptées par le groupe le ${T.formatDate(ms(view.adoptedAt), lang)}.`, `Rules adopted by the group on ${T.formatDate(ms(view.adoptedAt), lang)}.`)
    )
  ]
  return make(meta(view.header, fr(lang, "Règles de travail du groupe", "The group’s rules"), lang), blocks)
}

/** The provisional calendar. @since 0.1.0 */
export const calendar = (view: View.CalendarView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const blocks: Array<D.Block> = [
    view.sessions.length === 0
      ? D.paragraph(D.italic(fr(lang, "Aucune séance planifiée.", "No session planned.")))
      : D.table({
          caption: fr(lang, "Séances prévues (heure de Paris)", "Sessions (Paris time)"),
          header: [fr(lang, "N°", "No."), fr(lang, "Date", "Date"), fr(lang, "Horaire", "Time"), fr(lang, "Lieu", "Venue"), fr(lang, "Objet", "Purpose"), fr(lang, "Statut", "Status")],
          widths: [0.6, 3, 2, 2.4, 2.4, 1.2],
          rows: view.sessions.map((s) => [
            String(s.number),
            T.formatDate(ms(s.scheduledAt), lang),
            T.formatTimeRange(ms(s.scheduledAt), s.durationMinutes, lang),
            s.venue ?? "—",
            sessionObject(s, lang),
            W.sessionStatus(s.status, lang)
          ])
        })
  ]
  if (view.plannedEnd !== undefined) {
    blocks.push(D.paragraph(fr(lang, `Fin prévue de la démarche : ${T.formatDate(ms(view.plannedEnd), lang)}.`, `Planned end: ${T.formatDate(ms(view.plannedEnd), lang)}.`)))
  }
  blocks.push(
    D.signature(
      fr(
        lang,
        "Calendrier transmis par la personne ressource désignée aux supérieurs hiérarchiques des membres.",
        "Calendar sent by the designated liaison to the members’ line managers."
      )
    )
  )
  return make(meta(view.header, fr(lang, "Calendrier prévisionnel", "Provisional calendar"), lang), blocks)
}

/** A session's agenda. @since 0.1.0 */
export const agenda = (view: View.AgendaView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const s = view.session
  return make(meta(view.header, fr(lang, `Ordre du jour — ${sessionTitle(s, lang).toLowerCase()}`, `Agenda — ${sessionTitle(s, lang).toLowerCase()}`), lang), [
    D.definitions([
      [fr(lang, "Date", "Date"), when(s, lang)],
      ...(s.venue !== undefined ? [[fr(lang, "Lieu", "Venue"), s.venue] as const] : []),
      [fr(lang, "Objet", "Purpose"), sessionObject(s, lang, view.items)],
      [fr(lang, "Invités ponctuels", "Guests"), guestsLine(view.guests, lang)]
    ]),
    D.heading(1, fr(lang, "Points à l’ordre du jour", "Items")),
    agendaList(view.items, lang)
  ])
}

/** Training needs identified by the group. @since 0.1.0 */
export const trainingNeeds = (view: View.TrainingNeedsView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  return make(meta(view.header, fr(lang, "Besoins de formation identifiés par le groupe", "Training needs identified by the group"), lang), [
    view.needs.length === 0
      ? D.paragraph(D.italic(fr(lang, "Aucun besoin de formation identifié.", "No training need identified.")))
      : D.table({
          caption: fr(lang, "Besoins de formation", "Training needs"),
          header: [fr(lang, "Séance", "Session"), fr(lang, "Besoin", "Need"), fr(lang, "Relevé le", "Recorded on"), fr(lang, "Transmis", "Sent")],
          widths: [1.6, 5, 2, 1.2],
          rows: view.needs.map((n) => [
            sessionTitle(n.session, lang),
            n.description,
            T.formatShortDate(ms(n.recordedAt)),
            n.transmitted ? fr(lang, "oui", "yes") : fr(lang, "non", "no")
          ])
        })
  ])
}

/** The direction's response and the follow-up grid (action, owner, due date, status). @since 0.1.0 */
export const directionResponse = (view: View.DirectionResponseView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const blocks: Array<D.Block> = [
    D.definitions([
      [fr(lang, "Restitution", "Restitution"), T.formatDate(ms(view.restitutionAt), lang)],
      [fr(lang, "Retour attendu au plus tard le", "Response due by"), T.formatDate(ms(view.dueAt), lang)],
      [
        fr(lang, "Retour de la direction", "Direction’s response"),
        view.response !== undefined
          ? T.formatDate(ms(view.response.at), lang)
          : view.overdue
          ? [D.bold(fr(lang, "en retard", "overdue"))]
          : fr(lang, "en attente", "pending")
      ]
    ])
  ]
  if (view.response !== undefined) {
    blocks.push(
      D.heading(1, fr(lang, "Analyse de la direction", "The direction’s analysis")),
      D.paragraph(view.response.analysis),
      D.heading(1, fr(lang, "Décisions envisagées", "Planned decisions")),
      listOr(view.response.plannedDecisions, fr(lang, "Aucune décision annoncée.", "No decision announced."))
    )
  }
  blocks.push(D.heading(1, fr(lang, "Grille de suivi des actions", "Follow-up grid")))
  blocks.push(
    view.actions.length === 0
      ? D.paragraph(D.italic(fr(lang, "Aucune action décidée à ce jour.", "No action decided yet.")))
      : D.table({
          caption: fr(lang, "Plan d’actions", "Action plan"),
          header: [fr(lang, "Action", "Action"), fr(lang, "Responsable", "Owner"), fr(lang, "Échéance", "Due"), fr(lang, "Statut", "Status"), fr(lang, "Commentaire", "Comment")],
          widths: [3.6, 2, 1.5, 1.6, 2.6],
          rows: view.actions.map((a) => [
            a.title,
            a.owner,
            T.formatShortDate(ms(a.dueDate)),
            a.overdue ? [W.actionStatus(a.status, lang), D.bold(fr(lang, " — en retard", " — overdue"))] : W.actionStatus(a.status, lang),
            a.comment ?? ""
          ])
        })
  )
  return make(meta(view.header, fr(lang, "Retour de la direction et suivi des actions", "Direction’s response and follow-up"), lang), blocks)
}

/** The review (bilan): figures only, no personal data. @since 0.1.0 */
export const review = (view: View.ReviewView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const f = view.figures
  const pct = (r: number) => `${(Math.round(r * 1000) / 10).toLocaleString(lang === "fr" ? "fr-FR" : "en-GB")}${lang === "fr" ? `${T.NNBSP}%` : "%"}`
  const rows: Array<[string, string]> = [
    [fr(lang, "Séances tenues", "Sessions held"), String(f.sessionsHeld)],
    [fr(lang, "Séances annulées", "Sessions cancelled"), String(f.sessionsCancelled)],
    [fr(lang, "Membres", "Members"), String(f.members)],
    [fr(lang, "Retraits en cours de cycle", "Withdrawals"), String(f.withdrawals)],
    [fr(lang, "Taux de présence", "Attendance rate"), f.attendanceRate === undefined ? "—" : pct(f.attendanceRate)],
    [fr(lang, "Questions de travail", "Work questions"), String(f.questions)],
    [fr(lang, "Cas présentés", "Cases presented"), String(f.presentations)],
    [fr(lang, "Besoins de formation", "Training needs"), String(f.trainingNeeds)],
    [fr(lang, "Comptes rendus transmis", "Minutes sent"), String(f.minutesSent)],
    [fr(lang, "… dont dans les délais", "… of which on time"), String(f.minutesSentOnTime)],
    [fr(lang, "Délai de retour de la direction", "Direction’s response time"), f.directionResponseDays === undefined ? "—" : fr(lang, `${f.directionResponseDays} jours`, `${f.directionResponseDays} days`)],
    [fr(lang, "Invités ponctuels", "Guests"), String(f.guests)]
  ]
  const blocks: Array<D.Block> = [
    D.definitions([
      [
        fr(lang, "Période", "Period"),
        f !== undefined && view.period.from !== undefined && view.period.to !== undefined
          ? fr(lang, `du ${T.formatDate(ms(view.period.from), lang, { weekday: false })} au ${T.formatDate(ms(view.period.to), lang, { weekday: false })}`, `${T.formatDate(ms(view.period.from), lang, { weekday: false })} to ${T.formatDate(ms(view.period.to), lang, { weekday: false })}`)
          : "—"
      ],
      ...(view.presentedAt !== undefined ? [[fr(lang, "Présenté le", "Presented on"), T.formatDate(ms(view.presentedAt), lang)] as const] : []),
      // The body the review is presented to is a line of its own, labelled (not a stray paragraph).
      ...(view.body !== undefined && view.body !== "" ? [[fr(lang, "Instance", "Body"), view.body] as const] : [])
    ]),
    D.note("info", fr(lang, "Bilan chiffré : il ne contient aucune donnée personnelle.", "Figures only: this review holds no personal data.")),
    D.heading(1, fr(lang, "Chiffres clés", "Key figures")),
    D.table({ caption: fr(lang, "Chiffres clés de la démarche", "Key figures"), header: [fr(lang, "Indicateur", "Indicator"), fr(lang, "Valeur", "Value")], widths: [3, 1], rows }),
    D.table({
      caption: fr(lang, "Propositions validées par le groupe", "Proposals validated by the group"),
      header: [W.outcomeShort("desirable", lang), W.outcomeShort("conditional", lang), W.outcomeShort("discontinue", lang)],
      rows: [[String(f.variants.desirable), String(f.variants.conditional), String(f.variants.discontinue)]]
    }),
    D.table({
      caption: fr(lang, "Actions de la grille de suivi", "Actions of the follow-up grid"),
      header: [W.actionStatus("planned", lang), W.actionStatus("inProgress", lang), W.actionStatus("done", lang), W.actionStatus("dropped", lang)],
      rows: [[String(f.actions.planned), String(f.actions.inProgress), String(f.actions.done), String(f.actions.dropped)]]
    })
  ]
  if (view.text !== undefined && view.text !== "") blocks.push(D.heading(1, fr(lang, "Analyse", "Analysis")), D.paragraph(view.text))
  if (view.testimonials.length > 0) {
    blocks.push(
      D.heading(1, fr(lang, "Témoignages", "Testimonials")),
      ...view.testimonials.map((t) => D.paragraph(D.italic(T.quote(t, lang))))
    )
  }
  return make(meta(view.header, fr(lang, "Bilan de la démarche", "Review of the approach"), lang), blocks)
}

/** A job title inside a sentence: « Inspectrice du travail » → « inspectrice du travail » (an acronym stays). */
const midSentence = (t: string): string => (/^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLocaleLowerCase("fr") + t.slice(1) : t)
const capitalised = (t: string): string => t.charAt(0).toLocaleUpperCase("fr") + t.slice(1)

/**
 * A participation attestation an HR service can sign: addressed to the
 * agent (no restricted-circulation banner: it is the agent's own document),
 * the agent's own job title (else the occupation's label), the sessions
 * attended with their dates and times, place and date of issue, the
 * signatory's title and name from the framing (`signatory`) with a space to
 * sign. No statement of the group. Dated at the closing of the exchange
 * (`Header.issuedAt`).
 *
 * @since 0.1.0
 */
export const attestation = (view: View.AttestationView, options: Options = {}): D.Document => {
  const lang = options.lang ?? "fr"
  const a = view.agent
  const name = [a.civility, a.firstName, a.lastName.toUpperCase()].filter((x): x is string => x !== undefined && x !== "").join(" ")
  const job = a.jobTitle ?? a.occupationLabel
  const sig = view.signatory
  const issued = T.formatDate(ms(view.header.issuedAt), lang, { weekday: false })
  const who = sig === undefined ? fr(lang, "Le service", "The service") : fr(lang, capitalised(withArticle(sig.title)), sig.title)
  const blocks: Array<D.Block> = [
    D.paragraph([
      `${who} ${fr(lang, "atteste que", "certifies that")} `,
      D.bold(name),
      `, ${fr(lang, midSentence(job), job)} (${a.unitLabel}), `,
      fr(lang, "a participé aux séances d’échanges entre pairs sur le thème ", "took part in the peer-exchange sessions on "),
      D.bold(T.quote(view.theme, lang)),
      fr(lang, ", énumérées ci-dessous.", ", listed below.")
    ]),
    D.table({
      caption: fr(lang, "Séances suivies", "Sessions attended"),
      header: [fr(lang, "Séance", "Session"), fr(lang, "Date", "Date"), fr(lang, "Horaire", "Time"), fr(lang, "Durée", "Duration")],
      widths: [1.6, 3.2, 2.4, 1.2],
      rows: view.sessions.map((s) => [
        sessionTitle(s, lang),
        T.formatDate(ms(s.scheduledAt), lang),
        T.formatTimeRange(ms(s.scheduledAt), s.durationMinutes, lang),
        hours(s.durationMinutes, lang)
      ])
    }),
    D.paragraph([D.bold(`${fr(lang, "Durée totale", "Total time")}${colon(lang)} `), hours(view.totalMinutes, lang)]),
    D.paragraph(fr(lang, "Attestation délivrée pour servir et valoir ce que de droit.", "Issued for whatever purpose it may serve.")),
    D.signatory({
      place:
        sig?.place !== undefined
          ? fr(lang, `Fait à ${sig.place}, le ${issued}`, `${sig.place}, ${issued}`)
          : fr(lang, `Fait le ${issued}`, `Issued on ${issued}`),
      title: sig?.title,
      name: sig?.name
    })
  ]
  // Addressed to the agent: the agent's name as recipient, no audience line, no restricted-circulation banner.
  const { audience: _audience, confidentiality: _banner, ...rest } = meta(view.header, fr(lang, "Attestation de participation", "Participation attestation"), lang)
  return make({ ...rest, recipient: name }, blocks)
}

/**
 * Lays out any view as a document.
 *
 * @example
 * import { Layout } from "@entre-pairs/adapters-docs"
 * declare const view: Layout.DocumentView
 * const doc = Layout.toDocument(view, { lang: "en" })
 * @since 0.1.0
 */
export const toDocument = (view: DocumentView, options: Options = {}): D.Document => {
  switch (view._tag) {
    case "FramingView":
      return framing(view, options)
    case "InvitationView":
      return invitation(view, options)
    case "CharterView":
      return charter(view, options)
    case "CalendarView":
      return calendar(view, options)
    case "AgendaView":
      return agenda(view, options)
    case "MinutesView":
      return minutes(view, options)
    case "TrainingNeedsView":
      return trainingNeeds(view, options)
    case "ConclusionsView":
      return conclusions(view, options)
    case "DirectionResponseView":
      return directionResponse(view, options)
    case "ReviewView":
      return review(view, options)
    case "AttestationView":
      return attestation(view, options)
  }
}

/**
 * The sessions of a calendar or an agenda as iCalendar events (cancelled
 * sessions stay, marked CANCELLED, so that calendars remove them).
 *
 * @example
 * import { Icalendar, Layout } from "@entre-pairs/adapters-docs"
 * declare const view: Layout.CalendarView
 * const ics = Icalendar.render(Layout.calendarEvents(view), { timestamp: 0 })
 * @since 0.1.0
 */
export const calendarEvents = (view: View.CalendarView | View.AgendaView, options: Options = {}): Icalendar.Calendar => {
  const lang = options.lang ?? "fr"
  const sessions = view._tag === "CalendarView" ? view.sessions : [view.session]
  return {
    name: `${fr(lang, "Échanges entre pairs", "Peer exchange")} — ${view.header.title}`,
    events: sessions.map((s) => ({
      id: `${view.header.exchangeId}-${s.id}`,
      title: `${view.header.title} — ${sessionTitle(s, lang).toLowerCase()}`,
      start: ms(s.scheduledAt),
      durationMinutes: s.durationMinutes,
      ...(s.venue !== undefined ? { location: s.venue } : {}),
      description:
        view._tag === "AgendaView"
          ? `${fr(lang, "Ordre du jour", "Agenda")}${colon(lang)}\n${view.items.map((i, n) => `${n + 1}. ${i.title}`).join("\n")}`
          : sessionObject(s, lang),
      status: s.status === "cancelled" ? ("cancelled" as const) : ("confirmed" as const),
      // Derived from the session's events: SEQUENCE counts its changes, DTSTAMP is the latest one.
      sequence: s.sequence,
      ...(s.changedAt !== undefined ? { stamp: ms(s.changedAt) } : {})
    }))
  }
}
