/**
 * How messages name sessions, people, presentations, questions and variants
 * (issue 11, item 4: no code identifier inside French text). A session is
 * named by its rank in the calendar and its date (« la 2e séance (12 mars
 * 2027) »), a person by civility and name, a question by its title, a
 * variant by its description. An identifier appears only where the snapshot
 * has no name for it (an agent without a record), between quotes.
 */
import type { ExchangeSnapshot } from "../Exchange.js"
import type { CasePresentation, PracticeVariant, Session } from "../Session.js"
import { day, jour } from "./util.js"

/** Rank (1-based) of a session in the calendar: by date, then by order of scheduling. */
export const sessionRank = (s: ExchangeSnapshot, session: Session): number => {
  const at = session.scheduledAt.epochMillis
  const index = s.sessions.indexOf(session)
  let rank = 1
  s.sessions.forEach((x, i) => {
    const t = x.scheduledAt.epochMillis
    if (t < at || (t === at && i < index)) rank++
  })
  return rank
}

/** « 1re », « 2e » (feminine: séance). */
export const ordinalF = (n: number): string => (n === 1 ? "1re" : `${n}e`)
/** « 1er », « 2e » (masculine: exposé). */
export const ordinalM = (n: number): string => (n === 1 ? "1er" : `${n}e`)
export const ordinalEn = (n: number): string => {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th"
  return `${n}${suffix}`
}

/** « 2e séance (12 mars 2027) », to write after « la » or « de la ». */
export const seance = (s: ExchangeSnapshot, session: Session): string =>
  `${ordinalF(sessionRank(s, session))} séance (${jour(session.scheduledAt.epochMillis)})`

/** "2nd session (2027-03-12)", to write after "the". */
export const sessionEn = (s: ExchangeSnapshot, session: Session): string =>
  `${ordinalEn(sessionRank(s, session))} session (${day(session.scheduledAt.epochMillis)})`

/** « 2e exposé de la 3e séance (12 mars 2027) », to write after « le » or « du ». */
export const expose = (s: ExchangeSnapshot, session: Session, p: CasePresentation): string =>
  `${ordinalM(session.presentations.indexOf(p) + 1)} exposé de la ${seance(s, session)}`

/** "2nd presentation of the 3rd session (2027-03-12)", to write after "the". */
export const presentationEn = (s: ExchangeSnapshot, session: Session, p: CasePresentation): string =>
  `${ordinalEn(session.presentations.indexOf(p) + 1)} presentation of the ${sessionEn(s, session)}`

/**
 * « Mme Élodie Dupont »; an agent without a record: « l'agent « agt-1 » »
 * (its identifier, the only name the snapshot has).
 */
export const personne = (s: ExchangeSnapshot, agentId: string): string => {
  const a = s.agents.find((x) => x.id === agentId)
  if (a === undefined) return `l'agent « ${agentId} »`
  return a.civility === undefined ? `${a.firstName} ${a.lastName}` : `${a.civility} ${a.firstName} ${a.lastName}`
}

/** `personne`, at the start of a sentence. */
export const Personne = (s: ExchangeSnapshot, agentId: string): string => capitalise(personne(s, agentId))

/** "Élodie Dupont"; an agent without a record: `agent "agt-1"`. */
export const person = (s: ExchangeSnapshot, agentId: string): string => {
  const a = s.agents.find((x) => x.id === agentId)
  return a === undefined ? `agent "${agentId}"` : `${a.firstName} ${a.lastName}`
}

/** `person`, at the start of a sentence. */
export const Person = (s: ExchangeSnapshot, agentId: string): string => capitalise(person(s, agentId))

/** The feminine ending (« e ») when the agent's civility is « Mme », else nothing: « invité${e} ». */
export const e = (s: ExchangeSnapshot, agentId: string): string =>
  s.agents.find((x) => x.id === agentId)?.civility === "Mme" ? "e" : ""

/** « elle » when the agent's civility is « Mme », else « il ». */
export const il = (s: ExchangeSnapshot, agentId: string): string => (e(s, agentId) === "e" ? "elle" : "il")

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** A free text cut to `max` characters (with « … »), for quoting in a message. */
export const cite = (text: string, max = 80): string => {
  const t = text.trim().replace(/\s+/g, " ")
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`
}

/** A question by its title (its identifier if the snapshot has no such question). */
export const questionTitle = (s: ExchangeSnapshot, questionId: string): string =>
  cite(s.questions.find((q) => q.id === questionId)?.title ?? questionId)

/** A variant by its description. */
export const variantText = (v: PracticeVariant): string => cite(v.description)

/** « « description » », or the identifier between quotes when the variant is unknown. */
export const variante = (v: PracticeVariant | undefined, id: string): string =>
  `« ${v === undefined ? id : variantText(v)} »`

/** "“description”", or the identifier between quotes when the variant is unknown. */
export const variantEn = (v: PracticeVariant | undefined, id: string): string =>
  `"${v === undefined ? id : variantText(v)}"`

/** The variant of that identifier in any session, if there is one. */
export const variantById = (s: ExchangeSnapshot, id: string): PracticeVariant | undefined => {
  for (const session of s.sessions) {
    const v = session.variants.find((x) => x.id === id)
    if (v !== undefined) return v
  }
  return undefined
}
