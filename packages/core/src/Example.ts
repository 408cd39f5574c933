/**
 * A complete, realistic cycle of a peer exchange, as commands: a
 * labour-inspection control unit of a departmental directorate (DDETS)
 * working on "Contrôles en entreprise : gérer les situations de tension".
 * Twelve agents volunteer, nine are composed into the group, a pair
 * facilitates (HR representative and prevention officer), four sessions are
 * held, minutes go to line managers (one corrected), the conclusions are
 * restituted at a service meeting and the direction answers.
 *
 * Used by the documentation, the tests of every package and the CLI's demo;
 * every name is fictitious.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ExchangeCommand, type ExchangeCommandEncoded } from "./Command.js"

const d = (iso: string) => `${iso}:00.000Z`

const agent = (
  id: string,
  civility: "Mme" | "M.",
  firstName: string,
  lastName: string,
  occupation: string,
  profile: {
    functionHeld?: "agent" | "lineManager" | "executive" | "expert" | "support"
    status?: "tenured" | "contract" | "trainee" | "apprentice" | "other"
    ageBand?: "<30" | "30-39" | "40-49" | "50-59" | "60+"
    seniorityBand?: "<2" | "2-4" | "5-9" | "10-19" | "20+"
    sex?: "female" | "male" | "other"
    unit?: string
    contributesTo?: ReadonlyArray<string>
    jobTitle?: string
  }
) => ({
  id,
  civility,
  firstName,
  lastName,
  occupation,
  unit: profile.unit ?? "ddets33-uc3",
  ...(profile.contributesTo === undefined ? {} : { contributesTo: profile.contributesTo }),
  ...(profile.functionHeld === undefined ? {} : { functionHeld: profile.functionHeld }),
  ...((profile.jobTitle ?? jobTitles[occupation]?.[civility]) === undefined ? {} : { jobTitle: profile.jobTitle ?? jobTitles[occupation]![civility] }),
  ...(profile.status === undefined ? {} : { status: profile.status }),
  ...(profile.ageBand === undefined ? {} : { ageBand: profile.ageBand }),
  ...(profile.seniorityBand === undefined ? {} : { seniorityBand: profile.seniorityBand }),
  ...(profile.sex === undefined ? {} : { sex: profile.sex })
})

const IT = "inspecteur-travail"
/** Each agent's own job title, as the attestation shows it (not the occupation's epicene label). */
const jobTitles: Readonly<Record<string, Readonly<Record<"Mme" | "M.", string>>>> = {
  "inspecteur-travail": { Mme: "Inspectrice du travail", "M.": "Inspecteur du travail" },
  "controleur-travail": { Mme: "Contrôleuse du travail", "M.": "Contrôleur du travail" }
}
const CT = "controleur-travail"

/** The agents invited (the unit's inspection staff). @since 0.1.0 */
export const invitedAgents = [
  agent("agt-001", "Mme", "Élodie", "Lefèvre", IT, { functionHeld: "agent", status: "tenured", ageBand: "30-39", seniorityBand: "5-9", sex: "female" }),
  agent("agt-002", "M.", "Karim", "Benali", IT, { functionHeld: "agent", status: "tenured", ageBand: "40-49", seniorityBand: "10-19", sex: "male" }),
  agent("agt-003", "Mme", "Sophie", "Marchand", IT, { functionHeld: "agent", status: "trainee", ageBand: "<30", seniorityBand: "<2", sex: "female" }),
  agent("agt-004", "M.", "Jean-Pierre", "Le Goff", CT, { functionHeld: "agent", status: "tenured", ageBand: "50-59", seniorityBand: "20+", sex: "male", contributesTo: [IT] }),
  agent("agt-005", "Mme", "Aminata", "N'Diaye", IT, { functionHeld: "agent", status: "contract", ageBand: "30-39", seniorityBand: "2-4", sex: "female" }),
  agent("agt-006", "M.", "Thomas", "Roux", IT, { functionHeld: "lineManager", status: "tenured", ageBand: "40-49", seniorityBand: "10-19", sex: "male", jobTitle: "Inspecteur du travail, responsable de section" }),
  agent("agt-007", "Mme", "Claire", "Fontaine", CT, { functionHeld: "agent", status: "tenured", ageBand: "60+", seniorityBand: "20+", sex: "female", contributesTo: [IT] }),
  agent("agt-008", "M.", "Nicolas", "Perrin", IT, { functionHeld: "expert", status: "tenured", ageBand: "50-59", seniorityBand: "20+", sex: "male", jobTitle: "Inspecteur du travail, référent bâtiment et travaux publics" }),
  agent("agt-009", "Mme", "Laura", "Gauthier", IT, { functionHeld: "agent", status: "tenured", ageBand: "<30", seniorityBand: "2-4", sex: "female" }),
  agent("agt-010", "M.", "Hugo", "Mercier", IT, { functionHeld: "agent", status: "tenured", ageBand: "30-39", seniorityBand: "5-9", sex: "male" }),
  agent("agt-011", "Mme", "Nadia", "Haddad", IT, { functionHeld: "agent", status: "contract", ageBand: "40-49", seniorityBand: "<2", sex: "female" }),
  agent("agt-012", "M.", "Olivier", "Blanc", CT, { functionHeld: "support", status: "tenured", ageBand: "50-59", seniorityBand: "10-19", sex: "male", contributesTo: [IT] })
]

/** The facilitators (not members): an HR representative and a prevention officer. @since 0.1.0 */
export const facilitatorAgents = [
  agent("agt-101", "Mme", "Isabelle", "Moreau", "responsable-rh", { unit: "ddets33-rh", functionHeld: "executive" }),
  agent("agt-102", "M.", "François", "Girard", "conseiller-prevention", { unit: "ddets33-sg", functionHeld: "expert" })
]

/** An occasional guest: the work psychologist. @since 0.1.0 */
export const guestAgent = agent("agt-201", "Mme", "Hélène", "Dubois", "psychologue-travail", { unit: "ddets33-sg" })

const members = ["agt-001", "agt-002", "agt-003", "agt-004", "agt-005", "agt-006", "agt-007", "agt-008", "agt-009"]

const venue = { name: "Salle Garonne, 2e étage (cité administrative)", equipped: true, quiet: true, private: true }

/**
 * The commands of the whole cycle, in order, as JSON (encoded) values.
 *
 * @since 0.1.0
 */
export const cycleEncoded: ReadonlyArray<ExchangeCommandEncoded> = [
  {
    _tag: "Propose",
    at: d("2026-09-01T08:00"),
    exchangeId: "ech-ddets33-uc3-2026",
    title: "Contrôles en entreprise : gérer les situations de tension",
    service: "DDETS de la Gironde — Unité de contrôle n° 3",
    by: "agents",
    description: "Demande formulée par plusieurs inspecteurs lors de la réunion de service de juin"
  },
  {
    _tag: "Frame",
    at: d("2026-09-15T09:00"),
    framing: {
      form: "meeting",
      objectives: ["professionalDevelopment", "collectiveRegulation"],
      purpose: "professionalisation",
      perimeter: { units: ["ddets33-uc3"] },
      occupationsConcerned: [IT],
      themes: [
        "Gérer une visite de contrôle qui se tend",
        "Préparer et conduire l'entretien avec l'employeur",
        "Articuler suites administratives et pénales après un incident"
      ],
      facilitation: {
        mode: "pair",
        facilitators: [
          { agentId: "agt-101", role: "lead", profile: "hr", training: { method: "Analyse des pratiques professionnelles (IGPDE)", completedAt: d("2026-06-20T16:00") } },
          { agentId: "agt-102", role: "resource", profile: "prevention", training: { method: "Analyse des pratiques professionnelles (IGPDE)", completedAt: d("2026-06-20T16:00") } }
        ]
      },
      calendar: {
        plannedEnd: d("2027-03-31T16:00"),
        provisionalDates: [d("2026-10-15T12:00"), d("2026-11-19T13:00"), d("2026-12-17T13:00"), d("2027-01-21T13:00")]
      },
      dedicatedTime: { preparationHours: 2, participationHours: 12, facilitationHours: 20, formalisationHours: 8 },
      reviewForSocialDialogue: true,
      labels: {
        units: { "ddets33-uc3": "Unité de contrôle n° 3 — DDETS de la Gironde" },
        occupations: { [IT]: "Inspecteur ou inspectrice du travail", [CT]: "Contrôleur ou contrôleuse du travail" }
      },
      venue: "Cité administrative de Bordeaux, salle Garonne (2e étage), une salle fermée réservée au groupe",
      reply: {
        how: "en répondant au courriel d'invitation, ou auprès de votre responsable d'unité",
        deadline: d("2026-10-01T16:00"),
        contact: "Pôle ressources humaines de la DDETS — rh.ddets33@exemple.gouv.fr"
      },
      signatory: {
        name: "Catherine Vidal",
        title: "Directrice départementale adjointe de l'emploi, du travail et des solidarités de la Gironde",
        place: "Bordeaux"
      }
    },
    agents: facilitatorAgents
  },
  { _tag: "Approve", at: d("2026-09-22T10:00"), by: "Directrice départementale adjointe" },
  { _tag: "Communicate", at: d("2026-09-24T08:30"), channel: "serviceMeeting", about: "approach" },
  { _tag: "Communicate", at: d("2026-09-25T07:00"), channel: "email", about: "approach" },
  { _tag: "Invite", at: d("2026-09-25T07:05"), agents: invitedAgents },
  ...["agt-001", "agt-002", "agt-003", "agt-004", "agt-005", "agt-006", "agt-007", "agt-008", "agt-009", "agt-010", "agt-011", "agt-012"].map(
    (id, i) => ({ _tag: "Volunteer" as const, at: d(`2026-09-${String(26 + Math.floor(i / 3)).padStart(2, "0")}T09:${String(10 + i).padStart(2, "0")}`), agentId: id })
  ),
  { _tag: "Compose", at: d("2026-10-02T14:00"), members: members.map((agentId) => ({ agentId })) },
  { _tag: "DesignateLiaison", at: d("2026-10-02T14:05"), agentId: "agt-008" },
  { _tag: "DelegateTask", at: d("2026-10-02T14:06"), agentId: "agt-002", task: "noteTaking" },
  {
    _tag: "AdoptCharter",
    at: d("2026-10-08T13:00"),
    items: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"],
    text: "Nous nous engageons à respecter la parole de chacun, sans jugement ; à partager équitablement le temps de parole ; à ne rien dire à l'extérieur de ce qui se dit dans le groupe avant la fin des séances et la restitution ; et à participer à tout le cycle. L'animation est assurée en binôme."
  },
  // Session 1: choosing the questions.
  { _tag: "ScheduleSession", at: d("2026-10-08T13:30"), sessionId: "s1", kind: "questionChoice", scheduledAt: d("2026-10-15T12:00"), durationMinutes: 180, venue },
  {
    _tag: "SetAgenda",
    at: d("2026-10-09T08:00"),
    sessionId: "s1",
    items: [
      { title: "Tour de table : les situations de tension rencontrées", nature: "experienceSharing" },
      { title: "Choix des questions de travail", nature: "questionChoice" },
      { title: "Traces d'activité à apporter", nature: "method" }
    ]
  },
  { _tag: "HoldSession", at: d("2026-10-15T15:00"), sessionId: "s1", attendees: members },
  {
    _tag: "ChooseQuestions",
    at: d("2026-10-15T15:05"),
    sessionId: "s1",
    questions: [
      { id: "q1", title: "Comment désamorcer une visite qui se tend dès l'arrivée sur site ?", subject: "difficulties", nature: "experienceSharing", anchoring: "Visites inopinées sur chantiers du BTP" },
      { id: "q2", title: "Quelles ressources mobiliser après un incident avec un employeur ?", subject: "resources", nature: "difficultiesAndResources", anchoring: "Suites d'incidents signalés en 2026" }
    ]
  },
  { _tag: "DraftMinutes", at: d("2026-10-16T10:00"), sessionId: "s1", summary: "Le groupe a partagé les situations de tension vécues en contrôle et retenu deux questions de travail. Chacun apportera une trace d'activité (rapport de visite, courrier, notes)." },
  { _tag: "FinaliseMinutes", at: d("2026-10-19T09:00"), sessionId: "s1" },
  { _tag: "SendMinutes", at: d("2026-10-19T09:30"), sessionId: "s1" },
  // Session 2: cases on q1.
  { _tag: "ScheduleSession", at: d("2026-10-20T09:00"), sessionId: "s2", kind: "casework", scheduledAt: d("2026-11-19T13:00"), durationMinutes: 180, venue },
  {
    _tag: "SetAgenda",
    at: d("2026-11-05T09:00"),
    sessionId: "s2",
    items: [
      { title: "Exposé 1 : visite de chantier interrompue", nature: "experienceSharing", questionId: "q1" },
      { title: "Exposé 2 : contrôle d'un entrepôt logistique", nature: "experienceSharing", questionId: "q1" },
      { title: "Arbitrage des variantes", nature: "improvementProposals", questionId: "q1" }
    ]
  },
  { _tag: "HoldSession", at: d("2026-11-19T16:00"), sessionId: "s2", attendees: ["agt-001", "agt-002", "agt-003", "agt-004", "agt-005", "agt-006", "agt-008", "agt-009"] },
  {
    _tag: "RecordPresentation",
    at: d("2026-11-19T16:05"),
    sessionId: "s2",
    presentation: {
      id: "p1",
      presenter: "agt-003",
      questionId: "q1",
      trace: { origin: "fromWork", type: "report", description: "Rapport de visite d'un chantier de gros œuvre (extraits anonymisés)" },
      context: "Visite inopinée d'un chantier de gros œuvre, en fin de matinée, sans binôme.",
      situation: "Le conducteur de travaux conteste la légitimité du contrôle, hausse le ton devant les compagnons et refuse l'accès à la base vie.",
      reasons: "Rester sur place pour constater les manquements aux protections collectives, tout en évitant l'escalade.",
      result: "Constats partiels ; départ anticipé ; lettre d'observations envoyée le lendemain.",
      discussion: {
        questions: ["Quels signes annonçaient la tension ?", "Un rappel du cadre légal a-t-il été fait à l'oral ?"],
        comparablePractices: ["Annoncer d'emblée la durée et l'objet de la visite.", "Demander à parler au responsable hors de la présence des salariés."]
      }
    }
  },
  {
    _tag: "RecordPresentation",
    at: d("2026-11-19T16:10"),
    sessionId: "s2",
    presentation: {
      id: "p2",
      presenter: "agt-005",
      questionId: "q1",
      trace: { origin: "createdForGroup", type: "ownNotesAfter", description: "Notes prises juste après la visite" },
      context: "Contrôle d'un entrepôt logistique après un signalement de salariés.",
      situation: "Le directeur du site exige la présence de son avocat avant tout échange et filme la visite avec son téléphone.",
      reasons: "Poursuivre le contrôle des documents obligatoires sans entrer dans la confrontation.",
      result: "Contrôle mené à son terme ; rappel écrit sur l'obstacle aux fonctions.",
      discussion: {
        questions: ["La visite aurait-elle dû être faite à deux ?"],
        comparablePractices: ["Prévenir la hiérarchie avant une visite sensible.", "Reporter la visite et revenir à deux."]
      }
    }
  },
  {
    _tag: "RecordVariants",
    at: d("2026-11-19T16:20"),
    sessionId: "s2",
    variants: [
      { id: "v1", questionId: "q1", presentationId: "p1", description: "Annoncer d'emblée l'objet, le cadre légal et la durée prévisible de la visite." },
      { id: "v2", questionId: "q1", presentationId: "p2", description: "Conduire seul une visite signalée comme sensible." },
      { id: "v3", questionId: "q1", presentationId: "p1", description: "Interrompre la visite et revenir à deux lorsque la tension monte." }
    ]
  },
  { _tag: "Arbitrate", at: d("2026-11-19T16:30"), sessionId: "s2", variantId: "v1", outcome: "desirable" },
  { _tag: "Arbitrate", at: d("2026-11-19T16:31"), sessionId: "s2", variantId: "v2", outcome: "discontinue" },
  {
    _tag: "Arbitrate",
    at: d("2026-11-19T16:32"),
    sessionId: "s2",
    variantId: "v3",
    outcome: "conditional",
    conditions: ["Informer la hiérarchie le jour même", "Consigner l'interruption dans le rapport de visite"]
  },
  { _tag: "ValidateArbitrations", at: d("2026-11-19T16:40"), sessionId: "s2", variantIds: ["v1", "v2", "v3"] },
  {
    _tag: "RecordSpeakingTimes",
    at: d("2026-11-19T16:45"),
    sessionId: "s2",
    times: [
      { participant: "agt-001", seconds: 840 }, { participant: "agt-002", seconds: 720 }, { participant: "agt-003", seconds: 1260 },
      { participant: "agt-004", seconds: 600 }, { participant: "agt-005", seconds: 1140 }, { participant: "agt-006", seconds: 660 },
      { participant: "agt-008", seconds: 780 }, { participant: "agt-009", seconds: 540 }
    ]
  },
  { _tag: "RecordTrainingNeed", at: d("2026-11-19T16:50"), needId: "bf1", sessionId: "s2", description: "Formation à la gestion des situations conflictuelles en contrôle (désescalade verbale)" },
  { _tag: "DraftMinutes", at: d("2026-11-23T10:00"), sessionId: "s2", summary: "Deux situations de tension en visite ont été analysées. Trois variantes ont été arbitrées par le groupe." },
  { _tag: "FinaliseMinutes", at: d("2026-11-25T09:00"), sessionId: "s2" },
  { _tag: "SendMinutes", at: d("2026-11-25T09:30"), sessionId: "s2" },
  { _tag: "DraftMinutes", at: d("2026-11-27T09:00"), sessionId: "s2", summary: "Deux situations de tension en visite ont été analysées (chantier de gros œuvre, entrepôt logistique). Trois variantes ont été arbitrées et validées par le groupe ; un besoin de formation a été identifié.", correction: "Précision des situations analysées et mention du besoin de formation" },
  { _tag: "FinaliseMinutes", at: d("2026-11-27T10:00"), sessionId: "s2" },
  { _tag: "SendMinutes", at: d("2026-11-27T10:30"), sessionId: "s2" },
  // Session 3: q2, with the work psychologist as a guest.
  {
    _tag: "ScheduleSession",
    at: d("2026-11-27T11:00"),
    sessionId: "s3",
    kind: "casework",
    scheduledAt: d("2026-12-17T13:00"),
    durationMinutes: 180,
    venue,
    guests: [{ agent: guestAgent, role: "workPsychologist", reason: "Éclairer les effets d'un incident sur l'agent et les ressources de soutien" }]
  },
  {
    _tag: "SetAgenda",
    at: d("2026-12-03T09:00"),
    sessionId: "s3",
    items: [
      { title: "Exposé 3 : menaces après une décision d'arrêt de travaux", nature: "experienceSharing", questionId: "q2" },
      { title: "Ressources et soutiens après un incident", nature: "difficultiesAndResources", questionId: "q2" }
    ]
  },
  { _tag: "HoldSession", at: d("2026-12-17T16:00"), sessionId: "s3", attendees: members },
  {
    _tag: "RecordPresentation",
    at: d("2026-12-17T16:05"),
    sessionId: "s3",
    presentation: {
      id: "p3",
      presenter: "agt-004",
      questionId: "q2",
      trace: { origin: "fromWork", type: "letter", description: "Courrier d'arrêt temporaire de travaux et courriel de l'employeur reçu ensuite" },
      context: "Décision d'arrêt temporaire de travaux pour risque de chute de hauteur.",
      situation: "L'employeur adresse des courriels menaçants et se présente à l'accueil de l'unité.",
      reasons: "Maintenir la décision tout en protégeant l'agent et l'équipe d'accueil.",
      result: "Décision maintenue ; signalement au procureur ; soutien de la hiérarchie.",
      discussion: {
        questions: ["Qui prévenir en premier ?", "Quel suivi pour l'agent dans les semaines suivantes ?"],
        comparablePractices: ["Signalement systématique via la fiche d'incident.", "Débriefing à chaud avec l'encadrant."]
      }
    }
  },
  {
    _tag: "RecordVariants",
    at: d("2026-12-17T16:15"),
    sessionId: "s3",
    variants: [
      { id: "v4", questionId: "q2", presentationId: "p3", description: "Faire systématiquement une fiche d'incident et un débriefing avec l'encadrant sous 48 heures." },
      { id: "v5", questionId: "q2", description: "Répondre soi-même aux courriels agressifs de l'employeur." }
    ]
  },
  { _tag: "Arbitrate", at: d("2026-12-17T16:20"), sessionId: "s3", variantId: "v4", outcome: "desirable" },
  { _tag: "Arbitrate", at: d("2026-12-17T16:21"), sessionId: "s3", variantId: "v5", outcome: "discontinue" },
  { _tag: "ValidateArbitrations", at: d("2026-12-17T16:30"), sessionId: "s3", variantIds: ["v4", "v5"] },
  { _tag: "RecordTrainingNeed", at: d("2026-12-17T16:35"), needId: "bf2", sessionId: "s3", description: "Sensibilisation au dépôt de plainte et à la protection fonctionnelle" },
  { _tag: "DraftMinutes", at: d("2026-12-21T10:00"), sessionId: "s3", summary: "Une situation de menaces après une décision d'arrêt de travaux a été analysée avec l'éclairage de la psychologue du travail. Deux variantes ont été arbitrées." },
  { _tag: "FinaliseMinutes", at: d("2026-12-22T09:00"), sessionId: "s3" },
  { _tag: "SendMinutes", at: d("2026-12-22T09:30"), sessionId: "s3" },
  // Session 4: synthesis.
  { _tag: "ScheduleSession", at: d("2027-01-04T09:00"), sessionId: "s4", kind: "casework", scheduledAt: d("2027-01-21T13:00"), durationMinutes: 150, venue },
  {
    _tag: "SetAgenda",
    at: d("2027-01-11T09:00"),
    sessionId: "s4",
    items: [
      { title: "Relecture des arbitrages", nature: "synthesis" },
      { title: "Préparation du relevé de conclusions et de la restitution", nature: "synthesis" }
    ]
  },
  { _tag: "HoldSession", at: d("2027-01-21T15:30"), sessionId: "s4", attendees: ["agt-001", "agt-002", "agt-003", "agt-004", "agt-005", "agt-007", "agt-008", "agt-009"] },
  { _tag: "DraftMinutes", at: d("2027-01-25T10:00"), sessionId: "s4", summary: "Le groupe a relu l'ensemble des arbitrages et préparé le relevé de conclusions ainsi que la restitution en réunion de service." },
  { _tag: "FinaliseMinutes", at: d("2027-01-26T09:00"), sessionId: "s4" },
  { _tag: "SendMinutes", at: d("2027-01-26T09:30"), sessionId: "s4" },
  { _tag: "CloseQuestion", at: d("2027-01-26T09:40"), questionId: "q1" },
  { _tag: "CloseQuestion", at: d("2027-01-26T09:41"), questionId: "q2" },
  {
    _tag: "Conclude",
    at: d("2027-02-02T10:00"),
    summary: "Le groupe retient cinq arbitrages sur la conduite des visites sensibles et les suites d'un incident. Ils sont proposés à la direction comme pistes d'amélioration du geste professionnel."
  },
  { _tag: "Restitute", at: d("2027-02-11T09:00"), form: "serviceMeeting" },
  {
    _tag: "RecordDirectionResponse",
    at: d("2027-03-04T14:00"),
    analysis: "La direction partage l'analyse du groupe : les visites sensibles doivent être préparées et, si besoin, conduites à deux. Le soutien aux agents après un incident sera formalisé.",
    plannedDecisions: [
      "Mettre en place un binôme de visite pour les contrôles signalés comme sensibles",
      "Formaliser une procédure de débriefing sous 48 heures après tout incident",
      "Inscrire une formation à la désescalade au plan de formation 2027"
    ]
  },
  { _tag: "AddAction", at: d("2027-03-04T14:10"), actionId: "a1", title: "Procédure de débriefing sous 48 heures après incident", owner: "Responsable de l'unité de contrôle", dueDate: d("2027-04-30T16:00"), variantIds: ["v4"] },
  { _tag: "AddAction", at: d("2027-03-04T14:11"), actionId: "a2", title: "Formation « Désescalade en situation de contrôle »", owner: "Pôle ressources humaines", dueDate: d("2027-06-30T16:00") },
  { _tag: "AddAction", at: d("2027-03-04T14:12"), actionId: "a3", title: "Binôme de visite pour les contrôles sensibles", owner: "Responsable de l'unité de contrôle", dueDate: d("2027-03-31T16:00"), variantIds: ["v2", "v3"] },
  { _tag: "UpdateAction", at: d("2027-03-30T09:00"), actionId: "a3", status: "done", comment: "Note de service du 29 mars" },
  { _tag: "UpdateAction", at: d("2027-04-10T09:00"), actionId: "a1", status: "inProgress", comment: "Projet de procédure soumis au comité social d'administration" },
  { _tag: "Communicate", at: d("2027-04-12T09:00"), channel: "intranet", about: "results" },
  {
    _tag: "RecordTestimonial",
    at: d("2027-04-12T10:00"),
    testimonialId: "t1",
    agentId: "agt-009",
    text: "Entendre comment les collègues s'y prennent m'a donné des gestes concrets pour mes premières visites difficiles.",
    consent: true
  },
  { _tag: "PublishTestimonial", at: d("2027-04-13T09:00"), testimonialId: "t1" },
  {
    _tag: "PresentReview",
    at: d("2027-05-18T09:30"),
    text: "Quatre séances ont réuni neuf agents de l'unité de contrôle. Le groupe a analysé trois situations de tension et arbitré cinq variantes de pratique ; la direction a répondu dans le mois et trois actions sont suivies.",
    body: "Comité social d'administration de la DDETS"
  },
  { _tag: "Close", at: d("2027-05-20T09:00") }
]

/**
 * The commands of the whole cycle, decoded.
 *
 * @example
 * import { Decider, Example, Instant } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * let state = Decider.initialState
 * for (const command of Example.cycle()) {
 *   const decision = Either.getOrThrow(Decider.decideAt(command, state, Instant.unsafeMake("2027-06-01T00:00:00Z")))
 *   state = Decider.replay(decision.events, state)
 * }
 * state?.state // "closed"
 * @since 0.1.0
 */
export const cycle = () => Schema.decodeUnknownSync(Schema.Array(ExchangeCommand))(cycleEncoded)
