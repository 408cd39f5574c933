/**
 * Realistic views for the tests and the benchmark, typed with core's own
 * view types (`View.MinutesView`, …), written by hand so that each document
 * shows every part the note lists.
 */
import { OccupationId, SessionId, UnitId } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import type { Layout } from "../src/index.js"

const at = (iso: string) => DateTime.unsafeMake(iso)

const title = "Contrôle des chantiers de retrait d’amiante"
const service = "DREETS Bretagne — Pôle travail"

const header = (output: "minutes" | "conclusions" | "calendar" | "agenda", audience: "group" | "lineManagers" = "lineManagers") => ({
  exchangeId: "ech-amiante-2026",
  title,
  service,
  audience,
  output,
  state: "inSessions" as const,
  generatedAt: at("2026-11-05T09:00:00Z"),
  issuedAt: at("2026-11-05T09:00:00Z"),
  circulation: audience === "group" ? ("group" as const) : ("restricted" as const)
})

/** Saturday 24 Oct 2026 14:00 Paris (CEST, UTC+2) = 12:00Z. */
export const session1 = {
  id: SessionId.make("ses-1"),
  number: 1,
  kind: "questionChoice" as const,
  scheduledAt: at("2026-10-24T12:00:00Z"),
  durationMinutes: 180,
  venue: "Rennes, salle Vauban (2ᵉ étage)",
  status: "held" as const,
  natures: [],
  sequence: 1,
  changedAt: at("2026-10-20T08:00:00Z")
}

/** Tuesday 3 Nov 2026 14:00 Paris (CET, UTC+1) = 13:00Z, after the DST change of 25 Oct. */
export const session2 = {
  id: SessionId.make("ses-2"),
  number: 2,
  kind: "casework" as const,
  scheduledAt: at("2026-11-03T13:00:00Z"),
  durationMinutes: 150,
  venue: "Rennes, salle Vauban (2ᵉ étage)",
  status: "held" as const,
  natures: [],
  sequence: 1,
  changedAt: at("2026-10-20T08:00:00Z")
}

export const minutesView: Layout.MinutesView = {
  _tag: "MinutesView",
  header: header("minutes"),
  session: session2,
  version: {
    number: 2,
    status: "sent",
    draftedAt: at("2026-11-04T10:00:00Z"),
    finalisedAt: at("2026-11-05T08:30:00Z"),
    sentAt: at("2026-11-05T09:00:00Z"),
    correction: "Précision apportée sur les conditions de la variante n° 2 à la demande du groupe."
  },
  transmissionDueAt: at("2026-11-18T13:00:00Z"),
  attendance: { present: 9, members: 10 },
  guests: [{ role: "occupationalPhysician", reason: "exposition des opérateurs aux fibres" }],
  agenda: [
    { title: "Retour sur les règles de travail du groupe", nature: "method", question: undefined },
    { title: "Exposé : contrôle inopiné d’un chantier en site occupé", nature: "experienceSharing", question: "Comment conduire un contrôle inopiné en site occupé ?" },
    { title: "Exposé : lecture du plan de retrait avant la visite", nature: "processAnalysis", question: "Que vérifier dans le plan de retrait avant la visite ?" },
    { title: "Arbitrage des variantes et besoins de formation", nature: "improvementProposals", question: undefined }
  ],
  questionsChosen: [],
  cases: [
    {
      number: 1,
      question: "Comment conduire un contrôle inopiné en site occupé ?",
      trace: { origin: "fromWork", type: "report", description: "rapport de visite anonymisé, zone confinée d’un collège" },
      context: "Chantier de retrait de dalles de sol amiantées dans un collège, pendant les vacances scolaires ; l’entreprise sous-traite le désamiantage.",
      situation: "À l’arrivée, l’extracteur d’air est à l’arrêt et la zone n’est plus en dépression ; le chef de chantier conteste la nécessité d’arrêter les travaux.",
      reasons: "L’agent a privilégié la mesure immédiate de la dépression et l’arrêt temporaire des travaux plutôt qu’une simple observation écrite, le risque d’exposition étant avéré.",
      result: "Arrêt temporaire notifié sur place, levé le surlendemain après remise en conformité ; l’« échange » avec le maître d’ouvrage a été tendu.",
      questions: [
        "Quels éléments matériels ont permis de caractériser le danger grave et imminent ?",
        "Le maître d’ouvrage avait-il été prévenu de la visite ?"
      ],
      comparablePractices: [
        "Photographier systématiquement le manomètre et l’affichage de l’extracteur avant tout échange.",
        "Prévenir le maître d’ouvrage par courriel dès la fin de la visite, copie à l’entreprise."
      ]
    },
    {
      number: 2,
      question: "Que vérifier dans le plan de retrait avant la visite ?",
      trace: { origin: "createdForGroup", type: "ownNotesAfter", description: "notes rédigées pour le groupe juste après la lecture du plan" },
      context: "Plan de retrait reçu un mois avant le démarrage d’un chantier de toiture en fibres-ciment.",
      situation: "Le plan ne précisait ni le mode opératoire pour les plaques cassées ni la durée des vacations.",
      reasons: "Demande de compléments écrite plutôt qu’un contrôle sur place, faute de temps avant le démarrage.",
      result: "Compléments reçus ; la visite ultérieure a montré que les vacations dépassaient la durée annoncée.",
      questions: ["Existe-t-il une grille commune de lecture des plans de retrait ?"],
      comparablePractices: ["Une lecture croisée à deux agents pour les plans des chantiers les plus importants."]
    }
  ],
  variants: [
    {
      question: "Comment conduire un contrôle inopiné en site occupé ?",
      description: "Photographier les instruments de mesure (manomètre, extracteur) avant tout échange avec l’entreprise.",
      outcome: "desirable",
      conditions: [],
      validated: true
    },
    {
      question: "Comment conduire un contrôle inopiné en site occupé ?",
      description: "Prévenir le maître d’ouvrage la veille d’un contrôle en site occupé.",
      outcome: "conditional",
      conditions: ["seulement si des usagers vulnérables sont présents sur le site", "sans préciser l’heure de la visite"],
      validated: true
    },
    {
      question: "Que vérifier dans le plan de retrait avant la visite ?",
      description: "Se contenter d’une observation écrite lorsque la zone n’est plus en dépression.",
      outcome: "discontinue",
      conditions: [],
      validated: false
    }
  ],
  trainingNeeds: [
    "Mesure de l’empoussièrement et lecture des rapports de laboratoire (stratégie d’échantillonnage).",
    "Conduite d’un entretien tendu avec un maître d’ouvrage public."
  ],
  summary:
    "La séance a porté sur deux situations de contrôle. Le groupe a souligné l’intérêt de « garder la trace » matérielle avant tout échange avec l’entreprise, et s’est interrogé sur l’œuvre commune d’une grille de lecture des plans de retrait ; il propose d’y consacrer la prochaine séance."
}

export const conclusionsView: Layout.ConclusionsView = {
  _tag: "ConclusionsView",
  header: { ...header("conclusions", "group"), state: "concluded", generatedAt: at("2027-01-15T10:00:00Z"), issuedAt: at("2027-01-15T10:00:00Z") },
  draftedAt: at("2027-01-14T15:00:00Z"),
  circulatedAt: undefined,
  summary:
    "Au terme de quatre séances, le groupe a arbitré neuf variantes de pratique. Il recommande en priorité une grille commune de lecture des plans de retrait et un « kit » photographique pour les contrôles inopinés.",
  groups: [
    {
      outcome: "desirable",
      entries: [
        {
          questions: ["Comment conduire un contrôle inopiné en site occupé ?"],
          description: "Photographier les instruments de mesure (manomètre, extracteur) avant tout échange avec l’entreprise.",
          conditions: []
        },
        {
          questions: ["Que vérifier dans le plan de retrait avant la visite ?"],
          description: "Adopter une grille commune de lecture des plans de retrait, tenue à jour par le pôle.",
          conditions: []
        }
      ]
    },
    {
      outcome: "conditional",
      entries: [
        {
          questions: ["Comment conduire un contrôle inopiné en site occupé ?"],
          description: "Prévenir le maître d’ouvrage la veille d’un contrôle en site occupé.",
          conditions: ["seulement si des usagers vulnérables sont présents sur le site", "sans préciser l’heure de la visite"]
        }
      ]
    },
    {
      outcome: "discontinue",
      entries: [
        {
          questions: ["Comment conduire un contrôle inopiné en site occupé ?"],
          description: "Se contenter d’une observation écrite lorsque la zone n’est plus en dépression.",
          conditions: []
        }
      ]
    }
  ],
  questions: [
    { title: "Comment conduire un contrôle inopiné en site occupé ?", subject: "practicesAndLimits" },
    { title: "Que vérifier dans le plan de retrait avant la visite ?", subject: "rulesAndProcesses" }
  ]
}

export const calendarView: Layout.CalendarView = {
  _tag: "CalendarView",
  header: header("calendar"),
  sessions: [session1, session2, { ...session2, id: SessionId.make("ses-3"), number: 3, scheduledAt: at("2026-12-03T13:30:00Z"), status: "scheduled" }],
  plannedEnd: at("2027-01-31T17:00:00Z")
}

export const agendaView: Layout.AgendaView = {
  _tag: "AgendaView",
  header: header("agenda"),
  session: session2,
  items: minutesView.agenda,
  guests: minutesView.guests
}

const framingView: Layout.DocumentView & { _tag: "FramingView" } = {
  _tag: "FramingView",
  header: { ...header("calendar", "group"), output: "framing", circulation: "public", audience: "organisation" as never },
  origin: { by: "agents", at: at("2026-06-02T08:00:00Z") },
  objectives: ["problemResolution", "professionalDevelopment"],
  purpose: "professionalisation",
  perimeter: [UnitId.make("unit-ut35"), UnitId.make("unit-ut29")],
  occupationsConcerned: [OccupationId.make("occ-inspecteur")],
  perimeterLabels: ["Unité de contrôle d’Ille-et-Vilaine", "Unité de contrôle du Finistère"],
  occupationLabels: ["Inspecteur ou inspectrice du travail"],
  themes: ["Contrôle des chantiers de retrait d’amiante en site occupé"],
  facilitation: {
    mode: "pair",
    soloReason: undefined,
    facilitators: [
      { role: "lead", profile: "lineManager", trained: true },
      { role: "resource", profile: "prevention", trained: true }
    ]
  },
  plannedEnd: at("2027-01-31T17:00:00Z"),
  provisionalDates: [session1.scheduledAt, session2.scheduledAt],
  dedicatedTime: { preparationHours: 4, participationHours: 12, facilitationHours: 16, formalisationHours: 6 },
  reviewForSocialDialogue: true,
  approval: { at: at("2026-07-01T08:00:00Z"), by: "la directrice régionale adjointe" },
  composition: { sizeMin: 8, sizeMax: 10 },
  venue: "Rennes, salle Vauban (2ᵉ étage)",
  reply: { how: "par courriel au pôle ressources humaines", deadline: at("2026-07-15T15:00:00Z"), contact: "Pôle RH — rh@dreets-bretagne.example" },
  localRules: [
    {
      rule: "SIZ-01",
      title: { fr: "Idéalement 8 à 10 membres (note).", en: "Ideally 8 to 10 members (note)." },
      noteKinds: ["advisory"],
      localKind: "blocking",
      level: "service"
    },
    {
      rule: "PUR-06",
      title: { fr: "Un thème dont la formulation évoque un usage exclu est signalé.", en: "A theme whose wording suggests an excluded use is flagged." },
      noteKinds: ["advisory"],
      localKind: "off",
      level: "exchange"
    }
  ],
  workingDays: { holidayCalendar: "france" }
}

/** One view of every kind that can become a document. */
export const everyView: ReadonlyArray<Layout.DocumentView> = [
  framingView,
  {
    _tag: "InvitationView",
    header: { ...framingView.header, output: "invitation" },
    carries: ["origin", "objectives", "perimeter", "themes", "facilitation"],
    framing: framingView,
    voluntary: true,
    groupRules: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"]
  },
  {
    _tag: "CharterView",
    header: { ...header("calendar", "group"), output: "charter" },
    adoptedAt: session1.scheduledAt,
    items: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"],
    text: "Le groupe s’engage à ne citer aucun collègue absent.",
    localRules: framingView.localRules
  },
  calendarView,
  agendaView,
  minutesView,
  {
    _tag: "TrainingNeedsView",
    header: { ...header("calendar"), output: "trainingNeeds" },
    needs: minutesView.trainingNeeds.map((description, i) => ({
      session: session2,
      description,
      recordedAt: at("2026-11-03T15:00:00Z"),
      transmitted: i === 0
    }))
  },
  conclusionsView,
  {
    _tag: "DirectionResponseView",
    header: { ...header("calendar"), output: "directionResponse", audience: "direction" as never, state: "restituted" as never },
    restitutionAt: at("2027-02-02T09:00:00Z"),
    dueAt: at("2027-03-04T09:00:00Z"),
    response: {
      at: at("2027-02-20T09:00:00Z"),
      analysis: "La direction partage l’analyse du groupe sur la lecture des plans de retrait et retient la grille commune.",
      plannedDecisions: ["Diffuser la grille commune à tout le pôle.", "Inscrire la mesure de l’empoussièrement au plan de formation 2027."]
    },
    overdue: false,
    actions: [
      {
        id: "act-1",
        title: "Diffuser la grille commune de lecture des plans de retrait",
        owner: "Responsable du pôle travail",
        dueDate: at("2027-03-31T15:00:00Z"),
        status: "inProgress",
        overdue: false,
        updatedAt: at("2027-03-01T09:00:00Z"),
        comment: "Version 1 relue par le groupe."
      },
      {
        id: "act-2",
        title: "Former à la mesure de l’empoussièrement",
        owner: "Service formation",
        dueDate: at("2027-02-28T15:00:00Z"),
        status: "planned",
        overdue: true,
        updatedAt: undefined,
        comment: undefined
      }
    ]
  },
  {
    _tag: "ReviewView",
    header: { ...header("calendar"), output: "review", audience: "socialDialogue" as never, state: "closed" as never },
    period: { from: session1.scheduledAt, to: at("2027-02-02T09:00:00Z") },
    figures: {
      sessionsHeld: 4,
      sessionsCancelled: 0,
      members: 10,
      withdrawals: 1,
      attendanceRate: 0.875,
      questions: 2,
      presentations: 7,
      variants: { desirable: 5, conditional: 3, discontinue: 1 },
      trainingNeeds: 3,
      minutesSent: 4,
      minutesSentOnTime: 3,
      directionResponseDays: 18,
      actions: { planned: 1, inProgress: 1, done: 0, dropped: 0 },
      guests: 1
    },
    text: "Démarche jugée utile par les participants ; le format de trois heures est à conserver.",
    presentedAt: at("2027-03-15T13:00:00Z"),
    body: undefined,
    testimonials: ["On a enfin pris le temps de comparer nos façons de faire."]
  },
  {
    _tag: "AttestationView",
    header: { ...header("calendar"), output: "attestation" },
    agent: { civility: "Mme", firstName: "Élodie", lastName: "Lefèvre", occupation: OccupationId.make("occ-inspecteur"), unit: UnitId.make("unit-ud35"), occupationLabel: "Inspecteur ou inspectrice du travail", unitLabel: "Unité départementale d’Ille-et-Vilaine", jobTitle: "Inspectrice du travail" },
    signatory: { name: "Anne Le Floch", title: "Directrice régionale adjointe", place: "Rennes" },
    theme: title,
    sessions: [session1, session2],
    totalMinutes: 330
  }
]
