/**
 * French (and English) wording shared by the messages of the rules and the
 * lifecycle: labels of the model's enumerations (never a code identifier in
 * French text), numbers in the French way (« 0,68 », « 79 % »), plurals and
 * lists.
 *
 * Intl's French formats separate thousands and the percent sign with U+202F
 * (narrow no-break space), which standard PDF fonts lack: messages use
 * U+00A0 (no-break space) instead, which every renderer has.
 */
import type { ExchangeState } from "../Exchange.js"
import type { FacilitatorProfile, FramingElement, TimeUse } from "../Framing.js"
import type { Nature, Subject } from "../WorkQuestion.js"

const nnbsp = /\u202f/g

const frNumbers = new Map<number, Intl.NumberFormat>()
/** A number in French: « 0,68 », « 1 250 » (at most `digits` decimals). */
export const num = (x: number, digits = 2): string => {
  let f = frNumbers.get(digits)
  if (f === undefined) {
    f = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits })
    frNumbers.set(digits, f)
  }
  return f.format(x).replace(nnbsp, "\u00a0")
}

const frPercent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 })
/** A ratio as a French percentage: 0.79 → « 79 % ». */
export const percent = (ratio: number): string => frPercent.format(ratio).replace(nnbsp, "\u00a0")

const enNumber = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 })
/** A number in English: "0.68". */
export const numEn = (x: number): string => enNumber.format(x)

/** « 1 membre », « 2 membres », « 0 membre » (French: singular below 2). */
export const count = (n: number, singular: string, plural: string): string =>
  `${num(n)} ${Math.abs(n) < 2 ? singular : plural}`

/** "1 member", "2 members", "0 members". */
export const countEn = (n: number, singular: string, plural: string): string =>
  `${numEn(n)} ${n === 1 ? singular : plural}`

const frList = new Intl.ListFormat("fr", { style: "long", type: "conjunction" })
const enList = new Intl.ListFormat("en", { style: "long", type: "conjunction" })
/** « a, b et c ». */
export const list = (items: ReadonlyArray<string>): string => frList.format(items)
/** "a, b, and c". */
export const listEn = (items: ReadonlyArray<string>): string => enList.format(items)

/** The lifecycle states as French documents name them. */
export const stateFr: { readonly [K in ExchangeState]: string } = {
  proposed: "proposé",
  framed: "cadré",
  approved: "accepté",
  announced: "annoncé",
  composed: "constitué",
  charterAdopted: "règles adoptées",
  inSessions: "en séances",
  concluded: "conclu",
  restituted: "restitué",
  closed: "clos",
  abandoned: "abandonné"
}

/** The lifecycle states in English. */
export const stateEn: { readonly [K in ExchangeState]: string } = {
  proposed: "proposed",
  framed: "framed",
  approved: "approved",
  announced: "announced",
  composed: "composed",
  charterAdopted: "rules adopted",
  inSessions: "in sessions",
  concluded: "concluded",
  restituted: "restituted",
  closed: "closed",
  abandoned: "abandoned"
}

/** Communication channels (LIF-03, LIF-04), after « par ». */
export const channelFr: Record<string, string> = {
  serviceMeeting: "réunion de service",
  email: "courriel",
  intranet: "intranet",
  poster: "affichage",
  newsletter: "lettre d'information",
  other: "autre moyen"
}
export const channelEn: Record<string, string> = {
  serviceMeeting: "service meeting",
  email: "email",
  intranet: "intranet",
  poster: "poster",
  newsletter: "newsletter",
  other: "other channel"
}

/** Framing elements an invitation carries (LIF-04). */
export const elementFr: { readonly [K in FramingElement]: string } = {
  origin: "l'origine de la démarche",
  objectives: "les objectifs",
  perimeter: "le périmètre",
  themes: "les thématiques",
  facilitation: "l'animation"
}
export const elementEn: { readonly [K in FramingElement]: string } = {
  origin: "origin",
  objectives: "objectives",
  perimeter: "perimeter",
  themes: "themes",
  facilitation: "facilitation"
}

/** Uses of dedicated time (LIF-05). */
export const timeUseFr: { readonly [K in TimeUse]: string } = {
  preparation: "la préparation",
  participation: "la participation",
  facilitation: "l'animation",
  formalisation: "la formalisation des travaux"
}

/** Facilitator profiles (ANI-03, ANI-04), with an indefinite article. */
export const profileFr: { readonly [K in FacilitatorProfile]: string } = {
  lineManager: "un manager de proximité",
  executive: "un cadre",
  occupationExpert: "un expert métier",
  hr: "un représentant de la fonction RH",
  prevention: "un chargé de prévention",
  workPsychologist: "un psychologue du travail",
  technical: "un profil technique",
  other: "un autre profil"
}
export const profileEn: { readonly [K in FacilitatorProfile]: string } = {
  lineManager: "a line manager",
  executive: "an executive",
  occupationExpert: "an occupation expert",
  hr: "an HR representative",
  prevention: "a prevention officer",
  workPsychologist: "a work psychologist",
  technical: "a technical profile",
  other: "another profile"
}

/** Delegated tasks (ANI-07). */
export const taskFr: Record<string, string> = {
  noteTaking: "la prise de notes",
  timekeeping: "la gestion du temps",
  other: "une autre tâche"
}

/** Natures of questions and agenda items (PUR-04). */
export const natureFr: { readonly [K in Nature]: string } = {
  experienceSharing: "partage d'expériences sur des situations de travail",
  processAnalysis: "analyse critique des processus de travail",
  difficultiesAndResources: "analyse des difficultés et des ressources",
  improvementProposals: "propositions d'amélioration",
  questionChoice: "choix des questions de travail",
  method: "méthode",
  synthesis: "synthèse",
  topDownInformation: "transmission d'informations descendantes",
  opinionCollection: "recueil d'opinions individuelles",
  interpersonalDispute: "règlement de comptes interpersonnels",
  prescriptionOnly: "seulement ce qui doit ou devrait être fait",
  negotiation: "négociation ou revendication",
  decisionMaking: "prise de décision",
  callingAgentsIntoQuestion: "remise en cause des agents et de leurs pratiques professionnelles",
  aimlessDiscussion: "discussion générale sans objectif"
}
export const natureEn: { readonly [K in Nature]: string } = {
  experienceSharing: "sharing experience of work situations",
  processAnalysis: "critical analysis of work processes",
  difficultiesAndResources: "analysis of difficulties and resources",
  improvementProposals: "improvement proposals",
  questionChoice: "choosing the work questions",
  method: "method",
  synthesis: "synthesis",
  topDownInformation: "top-down information",
  opinionCollection: "collection of individual opinions",
  interpersonalDispute: "settling interpersonal disputes",
  prescriptionOnly: "only what should be done",
  negotiation: "negotiation or demands",
  decisionMaking: "taking decisions",
  callingAgentsIntoQuestion: "calling agents and their own practices into question",
  aimlessDiscussion: "a general discussion without an objective"
}

/** Subjects of work questions (PUR-03). */
export const subjectFr: { readonly [K in Subject]: string } = {
  activity: "l'activité",
  rulesAndProcesses: "les règles et processus",
  resources: "les ressources",
  constraints: "les contraintes",
  meaningOfWork: "le sens donné au travail",
  workingConditions: "les conditions de réalisation",
  difficulties: "les difficultés rencontrées",
  practicesAndLimits: "les pratiques pour les surmonter et leurs limites",
  other: "un autre objet du travail"
}

/** Profile dimensions of the diversity clause (DIV-01), with their article. */
export const dimensionFr: Record<string, string> = {
  ageBand: "l'âge",
  seniorityBand: "l'ancienneté",
  sex: "le sexe",
  status: "le statut",
  functionHeld: "la fonction exercée"
}
export const dimensionEn: Record<string, string> = {
  ageBand: "age",
  seniorityBand: "seniority",
  sex: "sex",
  status: "status",
  functionHeld: "function held"
}
