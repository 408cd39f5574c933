/**
 * CNF-06: the free texts that leave the group, listed once.
 *
 * `table` says, for each release (the minutes of a session, the statement of
 * conclusions, the review), which free-text fields of the snapshot travel
 * with it. The commands that release a text (SendMinutes, Conclude,
 * PresentReview), the CNF-06 check of `evaluate`/`check`
 * and the views all read this table, so `check` cannot scan fewer fields than
 * a command does, and a view never shows a text no command scanned.
 *
 * Everyone whose name must not appear: members (withdrawn included),
 * facilitators and guests, with every name they have had (CNF-08).
 */
import type { ExchangeSnapshot } from "../Exchange.js"
import * as Names from "../Names.js"
import type { Session } from "../Session.js"
import { make as makeViolation, type Violation } from "../Violation.js"
import { ordinalEn, ordinalF, ordinalM, seance, sessionEn } from "./labels.js"

export type Path = ReadonlyArray<string | number>

const peopleOf = new WeakMap<ExchangeSnapshot, ReadonlyArray<Names.Person>>()

/** The participants of an exchange, as people whose names must not appear (once per snapshot: snapshots do not change). */
export const people = (s: ExchangeSnapshot): ReadonlyArray<Names.Person> => {
  const known = peopleOf.get(s)
  if (known !== undefined) return known
  const ids = new Set<string>()
  for (const m of s.members) ids.add(m.agentId)
  for (const f of s.framing?.facilitation?.facilitators ?? []) ids.add(f.agentId)
  for (const x of s.sessions) for (const g of x.guests) ids.add(g.agentId)
  const ps = s.agents.filter((a) => ids.has(a.id))
  peopleOf.set(s, ps)
  return ps
}

// One scanner per list of people; `Names.compile` memoises the compiled forms
// and the hits of texts already scanned across lists with the same names.
const scanners = new WeakMap<ReadonlyArray<Names.Person>, Names.Scanner>()
const scanner = (ps: ReadonlyArray<Names.Person>): Names.Scanner => {
  let sc = scanners.get(ps)
  if (sc === undefined) {
    sc = Names.compile(ps)
    scanners.set(ps, sc)
  }
  return sc
}

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

/** What leaves the group, and which instance of it. */
export type Scope =
  | { readonly release: "minutes"; readonly session: number; readonly version: number }
  | { readonly release: "conclusions" }
  | { readonly release: "review" }

export type Release = Scope["release"]

interface Text {
  readonly fr: string
  readonly en: string
}

/** One free-text field released with a scope: where it is, what it says, how to name it to a person. */
export interface Field {
  /** The kind of field, as listed in `table`. */
  readonly kind: string
  readonly path: Path
  readonly text: string
  readonly where: Text
}

type Collect<S extends Scope> = (s: ExchangeSnapshot, scope: S) => ReadonlyArray<Field>

interface FieldKind<S extends Scope> {
  readonly kind: string
  readonly collect: Collect<S>
}

type Table = { readonly [R in Release]: ReadonlyArray<FieldKind<Extract<Scope, { readonly release: R }>>> }

/** « 2e séance (12 mars 2027) » / "2nd session (2027-03-12)" (issue 11: no identifier in a message). */
const sessionName = (s: ExchangeSnapshot, si: number) => {
  const x = s.sessions[si]
  return x === undefined ? `${ordinalF(si + 1)} séance` : seance(s, x)
}
const sessionNameEn = (s: ExchangeSnapshot, si: number) => {
  const x = s.sessions[si]
  return x === undefined ? `${ordinalEn(si + 1)} session` : sessionEn(s, x)
}

const field = (kind: string, path: Path, text: string | undefined, fr: string, en: string): ReadonlyArray<Field> =>
  text === undefined || text.length === 0 ? [] : [{ kind, path, text, where: { fr, en } }]

/** The questions a session's output refers to: chosen there, or treated by its agenda, cases or variants. */
const questionsOf = (s: ExchangeSnapshot, session: Session, agendaOnly: boolean): ReadonlyArray<number> => {
  const ids = new Set<string>()
  for (const it of session.agenda?.items ?? []) if (it.questionId !== undefined) ids.add(it.questionId)
  if (!agendaOnly) {
    for (const p of session.presentations) ids.add(p.questionId)
    for (const v of session.variants) ids.add(v.questionId)
  }
  const out: Array<number> = []
  s.questions.forEach((q, i) => {
    if (ids.has(q.id) || (!agendaOnly && q.chosenInSession === session.id)) out.push(i)
  })
  return out
}

const questionTitles = (s: ExchangeSnapshot, indices: ReadonlyArray<number>) =>
  indices.flatMap((i) =>
    field("question.title", ["questions", i, "title"], s.questions[i]?.title, `Le titre de la ${ordinalF(i + 1)} question de travail`, `The title of the ${ordinalEn(i + 1)} work question`)
  )

/** Fields that travel with a session's agenda and again with its minutes. */
const sessionAgenda = {
  items: (s: ExchangeSnapshot, si: number) =>
    (s.sessions[si]?.agenda?.items ?? []).flatMap((it, i) =>
      field("agenda.item.title", ["sessions", si, "agenda", "items", i, "title"], it.title, `Un point de l'ordre du jour de la ${sessionName(s, si)}`, `An agenda item of the ${sessionNameEn(s, si)}`)
    ),
  guests: (s: ExchangeSnapshot, si: number) =>
    (s.sessions[si]?.guests ?? []).flatMap((g, i) =>
      field("guest.reason", ["sessions", si, "guests", i, "reason"], g.reason, `Le motif d'invitation de la ${sessionName(s, si)}`, `The reason for a guest of the ${sessionNameEn(s, si)}`)
    )
}

const variantFields = (s: ExchangeSnapshot, si: number, vi: number, fr: string, en: string): ReadonlyArray<Field> => {
  const v = s.sessions[si]?.variants[vi]
  if (v === undefined) return []
  const base = ["sessions", si, "variants", vi] as const
  return [
    ...field("variant.description", [...base, "description"], v.description, `${fr} (${ordinalF(vi + 1)} variante de la ${sessionName(s, si)})`, `${en} (${ordinalEn(vi + 1)} variant of the ${sessionNameEn(s, si)})`),
    ...(v.arbitration?.outcome === "conditional"
      ? v.arbitration.conditions.flatMap((c, k) =>
          field("variant.condition", [...base, "arbitration", "conditions", k], c, `Une condition de la ${ordinalF(vi + 1)} variante de la ${sessionName(s, si)}`, `A condition of the ${ordinalEn(vi + 1)} variant of the ${sessionNameEn(s, si)}`)
        )
      : [])
  ]
}

/** The validated variants the statement of conclusions lists, with their positions. */
const concludedVariants = (s: ExchangeSnapshot): ReadonlyArray<readonly [number, number]> => {
  const ids = new Set<string>(s.conclusions?.variantIds ?? [])
  const out: Array<readonly [number, number]> = []
  s.sessions.forEach((x, si) =>
    x.variants.forEach((v, vi) => {
      if (ids.has(v.id)) out.push([si, vi])
    })
  )
  return out
}

/**
 * The one list of outgoing free-text fields: for each release, every kind of
 * field that travels with it. Commands, `check` and views read it.
 */
export const table: Table = {
  minutes: [
    {
      kind: "minutes.summary",
      collect: (s, { session, version }) => {
        const m = s.sessions[session]?.minutes[version]
        const name = `Le compte rendu de la ${sessionName(s, session)} (version ${m?.version})`
        return field("minutes.summary", ["sessions", session, "minutes", version, "summary"], m?.summary, name, `The minutes of the ${sessionNameEn(s, session)} (version ${m?.version})`)
      }
    },
    {
      kind: "minutes.correction",
      collect: (s, { session, version }) => {
        const m = s.sessions[session]?.minutes[version]
        return field(
          "minutes.correction",
          ["sessions", session, "minutes", version, "correction"],
          m?.correction,
          `Le motif de correction du compte rendu de la ${sessionName(s, session)} (version ${m?.version})`,
          `The correction note of the minutes of the ${sessionNameEn(s, session)} (version ${m?.version})`
        )
      }
    },
    { kind: "agenda.item.title", collect: (s, { session }) => sessionAgenda.items(s, session) },
    { kind: "guest.reason", collect: (s, { session }) => sessionAgenda.guests(s, session) },
    {
      kind: "question.title",
      collect: (s, { session }) => {
        const x = s.sessions[session]
        return x === undefined ? [] : questionTitles(s, questionsOf(s, x, false))
      }
    },
    ...(["context", "situation", "reasons", "result"] as const).map((k) => ({
      kind: `presentation.${k}`,
      collect: (s: ExchangeSnapshot, { session }: { session: number }) =>
        (s.sessions[session]?.presentations ?? []).flatMap((p, i) =>
          field(`presentation.${k}`, ["sessions", session, "presentations", i, k], p[k], `Le ${ordinalM(i + 1)} exposé de la ${sessionName(s, session)}`, `The ${ordinalEn(i + 1)} case presentation of the ${sessionNameEn(s, session)}`)
        )
    })),
    {
      kind: "presentation.trace.description",
      collect: (s, { session }) =>
        (s.sessions[session]?.presentations ?? []).flatMap((p, i) =>
          field("presentation.trace.description", ["sessions", session, "presentations", i, "trace", "description"], p.trace?.description, `La trace d'activité du ${ordinalM(i + 1)} exposé de la ${sessionName(s, session)}`, `The activity trace of the ${ordinalEn(i + 1)} case presentation of the ${sessionNameEn(s, session)}`)
        )
    },
    {
      kind: "presentation.discussion.question",
      collect: (s, { session }) =>
        (s.sessions[session]?.presentations ?? []).flatMap((p, i) =>
          p.discussion.questions.flatMap((q, j) =>
            field("presentation.discussion.question", ["sessions", session, "presentations", i, "discussion", "questions", j], q, `Une question de la discussion du ${ordinalM(i + 1)} exposé de la ${sessionName(s, session)}`, `A question of the discussion of the ${ordinalEn(i + 1)} case presentation of the ${sessionNameEn(s, session)}`)
          )
        )
    },
    {
      kind: "presentation.discussion.comparablePractice",
      collect: (s, { session }) =>
        (s.sessions[session]?.presentations ?? []).flatMap((p, i) =>
          p.discussion.comparablePractices.flatMap((q, j) =>
            field(
              "presentation.discussion.comparablePractice",
              ["sessions", session, "presentations", i, "discussion", "comparablePractices", j],
              q,
              `Une pratique comparable de la discussion du ${ordinalM(i + 1)} exposé de la ${sessionName(s, session)}`,
              `A comparable practice of the discussion of the ${ordinalEn(i + 1)} case presentation of the ${sessionNameEn(s, session)}`
            )
          )
        )
    },
    {
      kind: "variant",
      collect: (s, { session }) =>
        (s.sessions[session]?.variants ?? []).flatMap((_, vi) => variantFields(s, session, vi, "La variante", "Variant"))
    },
    {
      kind: "trainingNeed.description",
      collect: (s, { session }) => {
        const id = s.sessions[session]?.id
        return s.trainingNeeds.flatMap((n, i) =>
          n.sessionId === id ? field("trainingNeed.description", ["trainingNeeds", i, "description"], n.description, `Un besoin de formation consigné à la ${sessionName(s, session)}`, `A training need recorded at the ${sessionNameEn(s, session)}`) : []
        )
      }
    }
  ],
  conclusions: [
    {
      kind: "conclusions.summary",
      collect: (s) => field("conclusions.summary", ["conclusions", "summary"], s.conclusions?.summary, "Le relevé de conclusions", "The statement of conclusions")
    },
    {
      kind: "variant",
      collect: (s) => concludedVariants(s).flatMap(([si, vi]) => variantFields(s, si, vi, "La variante du relevé de conclusions", "Variant of the statement of conclusions"))
    },
    {
      kind: "question.title",
      collect: (s) => {
        const ids = new Set<string>(concludedVariants(s).map(([si, vi]) => s.sessions[si]!.variants[vi]!.questionId))
        return questionTitles(
          s,
          s.questions.flatMap((q, i) => (ids.has(q.id) ? [i] : []))
        )
      }
    }
  ],
  review: [
    { kind: "review.text", collect: (s) => field("review.text", ["review", "text"], s.review?.text, "Le bilan", "The review") },
    { kind: "review.body", collect: (s) => field("review.body", ["review", "body"], s.review?.body, "L'instance destinataire du bilan", "The body the review goes to") },
    {
      kind: "testimonial.text",
      collect: (s) =>
        s.testimonials.flatMap((t, i) =>
          t.publishedAt !== undefined && t.consentAt !== undefined
            ? field("testimonial.text", ["testimonials", i, "text"], t.text, `Le ${ordinalM(i + 1)} témoignage repris dans le bilan`, `The ${ordinalEn(i + 1)} testimonial quoted in the review`)
            : []
        )
    }
  ]
}

/** Every field released with a scope. */
export const fields = (s: ExchangeSnapshot, scope: Scope): ReadonlyArray<Field> => {
  const kinds = table[scope.release] as ReadonlyArray<FieldKind<Scope>>
  const out: Array<Field> = []
  const seen = new Set<string>()
  for (const k of kinds) {
    for (const f of k.collect(s, scope)) {
      const key = f.path.join("\u0000")
      if (seen.has(key)) continue
      seen.add(key)
      out.push(f.kind === k.kind ? f : { ...f, kind: k.kind })
    }
  }
  return out
}

/** What a snapshot has already let out of the group: the scopes `check` scans. */
export const released = (s: ExchangeSnapshot): ReadonlyArray<Scope> => {
  const out: Array<Scope> = []
  s.sessions.forEach((x, si) => {
    x.minutes.forEach((m, mi) => {
      if (m.sentAt !== undefined) out.push({ release: "minutes", session: si, version: mi })
    })
  })
  if (s.conclusions?.circulatedAt !== undefined) out.push({ release: "conclusions" })
  if (s.review?.presentedAt !== undefined) out.push({ release: "review" })
  return out
}

// ---------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------

/** A name found in a released field. */
export interface Leak {
  readonly field: Field
  readonly hit: Names.NameHit
}

/** Every name found in the fields of these scopes (each field once). */
export const leaks = (s: ExchangeSnapshot, scopes: ReadonlyArray<Scope>): ReadonlyArray<Leak> => {
  const ps = people(s)
  if (ps.length === 0) return []
  const sc = scanner(ps)
  const out: Array<Leak> = []
  const seen = new Set<string>()
  for (const scope of scopes) {
    for (const f of fields(s, scope)) {
      const key = f.path.join("\u0000")
      if (seen.has(key)) continue
      seen.add(key)
      for (const hit of sc.find(f.text)) out.push({ field: f, hit })
    }
  }
  return out
}

/** The CNF-06 violation of a leak: where, what, and what to do. */
export const violation = (leak: Leak): Violation =>
  makeViolation("CNF-06", "blocking", leak.field.path, {
    fr: `${leak.field.where.fr} cite un participant (« ${leak.hit.matched} », position ${leak.hit.offset}) : aucun propos consigné n'est attribué à quiconque, à anonymiser avant diffusion.`,
    en: `${leak.field.where.en} names a participant ("${leak.hit.matched}", offset ${leak.hit.offset}): no recorded statement is attributed to anyone; anonymise it before release.`
  })

/** CNF-06 violations of these scopes. */
export const violations = (s: ExchangeSnapshot, scopes: ReadonlyArray<Scope>): Array<Violation> => leaks(s, scopes).map(violation)

/** CNF-06 violations of everything a snapshot has released (`check`, `evaluate`). */
export const check = (s: ExchangeSnapshot): Array<Violation> => violations(s, released(s))

/** CNF-06 violations of a session's minutes about to be sent (the last version). */
export const minutesLeaks = (s: ExchangeSnapshot, si: number): Array<Violation> => {
  const last = (s.sessions[si]?.minutes.length ?? 0) - 1
  return last < 0 ? [] : violations(s, [{ release: "minutes", session: si, version: last }])
}

/** CNF-06 violations of the statement of conclusions about to circulate. */
export const conclusionsLeaks = (s: ExchangeSnapshot): Array<Violation> => violations(s, [{ release: "conclusions" }])

/** CNF-06 violations of the review about to be presented. */
export const reviewLeaks = (s: ExchangeSnapshot): Array<Violation> => violations(s, [{ release: "review" }])

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

/** Every string leaf of a view, with its path, except under `skip` keys. */
const walk = (value: unknown, path: Array<string | number>, skip: ReadonlySet<string>, out: Array<[Path, string]>) => {
  if (typeof value === "string") {
    out.push([[...path], value])
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, i], skip, out))
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) if (!skip.has(k)) walk(v, [...path, k], skip, out)
  }
}

/**
 * Scans every text of a view (defence in depth: the commands and `check`
 * scanned the released fields already); returns the hits with their path in
 * the view.
 */
export const scanView = (
  view: unknown,
  ps: ReadonlyArray<Names.Person>,
  skip: ReadonlySet<string>
): Array<{ path: Array<string | number>; match: string; offset: number }> => {
  if (ps.length === 0) return []
  const texts: Array<[Path, string]> = []
  walk(view, [], skip, texts)
  const sc = scanner(ps)
  const hits: Array<{ path: Array<string | number>; match: string; offset: number }> = []
  for (const [path, text] of texts) {
    for (const h of sc.find(text)) hits.push({ path: [...path], match: h.matched, offset: h.offset })
  }
  return hits
}
