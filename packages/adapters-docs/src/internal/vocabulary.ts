import type { Lang } from "../Document.js"

type Words<K extends string> = Record<K, readonly [fr: string, en: string]>

const pick = <K extends string>(words: Words<K>) => (key: K, lang: Lang): string => words[key][lang === "fr" ? 0 : 1]

/** The note's wording (I-c, I-d, II-b, II-c) for every enumeration a view carries. */
export const objective = pick({
  collectiveRegulation: ["Régulation collective de l’activité", "Collective regulation of the activity"],
  problemResolution: ["Identification, analyse et résolution d’un problème", "Identifying, analysing and solving a problem"],
  professionalDevelopment: ["Développement professionnel", "Professional development"]
})

export const purpose = pick({
  problemSolving: ["Résoudre des problèmes / améliorer des situations", "Solving problems / improving situations"],
  professionalisation: ["Se professionnaliser / développer les pratiques", "Professionalisation / developing practices"]
})

export const facilitatorProfile = pick({
  lineManager: ["manager de proximité", "line manager"],
  executive: ["cadre", "executive"],
  occupationExpert: ["expert métier", "occupation expert"],
  hr: ["représentant de la fonction RH", "HR representative"],
  prevention: ["chargé de prévention en santé au travail", "occupational health prevention officer"],
  workPsychologist: ["psychologue du travail", "work psychologist"],
  technical: ["profil technique", "technical profile"],
  other: ["autre profil", "other profile"]
})

export const facilitatorRole = pick({
  lead: ["porteur de la démarche", "lead of the approach"],
  resource: ["personne ressource", "resource person"]
})

export const charterItem = pick({
  respectNoJudgement: ["Respect des propos d’autrui, absence de jugement", "Respect for what others say, no judgement"],
  speakingEquity: ["Équité dans les temps de parole et la valeur des propos", "Equity in speaking time and in the weight of what is said"],
  confidentiality: [
    "Confidentialité des échanges : ne pas parler à l’extérieur de ce qui se dit dans le groupe avant la fin des séances et la restitution ; anonymat des propos consignés",
    "Confidentiality: nothing said in the group is repeated outside before the sessions end and the restitution; recorded statements are anonymous"
  ],
  attendanceCommitment: ["Engagement de participation sur la durée du cycle de réunions", "Commitment to attend for the whole cycle of meetings"],
  facilitationModalities: ["Modalités d’animation", "How the sessions are facilitated"]
})

export const framingElement = pick({
  origin: ["origine de la démarche", "origin of the approach"],
  objectives: ["objectifs", "objectives"],
  perimeter: ["périmètre", "perimeter"],
  themes: ["thématiques", "themes"],
  facilitation: ["animation", "facilitation"]
})

export const guestRole = pick({
  preventionOfficer: ["chargé de prévention", "prevention officer"],
  occupationalPhysician: ["médecin du travail", "occupational physician"],
  workPsychologist: ["psychologue du travail", "work psychologist"],
  ergonomist: ["ergonome", "ergonomist"],
  hrManager: ["responsable RH", "HR manager"],
  logisticsManager: ["responsable logistique", "logistics manager"],
  socialService: ["service social", "social service"],
  other: ["autre invité", "other guest"]
})

export const outcome = pick({
  desirable: ["Ce qu’il est souhaitable de faire", "What is desirable"],
  conditional: ["Ce qu’il est possible de faire à certaines conditions", "What is possible under conditions"],
  discontinue: ["Ce qu’il faudrait ne plus faire", "What should no longer be done"]
})

export const outcomeShort = pick({
  desirable: ["Souhaitable", "Desirable"],
  conditional: ["Possible sous conditions", "Possible under conditions"],
  discontinue: ["À ne plus faire", "To stop"]
})

export const nature = pick({
  experienceSharing: ["partage d’expériences", "sharing experience"],
  processAnalysis: ["analyse des processus de travail", "analysing work processes"],
  difficultiesAndResources: ["difficultés et ressources", "difficulties and resources"],
  improvementProposals: ["propositions d’amélioration", "improvement proposals"],
  questionChoice: ["choix des questions de travail", "choosing the work questions"],
  method: ["méthode", "method"],
  synthesis: ["synthèse", "synthesis"],
  topDownInformation: ["information descendante", "top-down information"],
  opinionCollection: ["recueil d’opinions", "collecting opinions"],
  interpersonalDispute: ["différend interpersonnel", "interpersonal dispute"],
  prescriptionOnly: ["prescription", "prescription only"],
  negotiation: ["négociation", "negotiation"],
  decisionMaking: ["décision", "decision-making"],
  callingAgentsIntoQuestion: ["remise en cause des agents et de leurs pratiques", "calling agents into question"],
  aimlessDiscussion: ["discussion générale sans objectif", "general discussion without an objective"]
})

export const subject = pick({
  activity: ["l’activité", "the activity"],
  rulesAndProcesses: ["les règles et processus", "rules and processes"],
  resources: ["les ressources", "resources"],
  constraints: ["les contraintes", "constraints"],
  meaningOfWork: ["le sens donné au travail", "the meaning of work"],
  workingConditions: ["les conditions de réalisation", "working conditions"],
  difficulties: ["les difficultés rencontrées", "difficulties met"],
  practicesAndLimits: ["les pratiques et leurs limites", "practices and their limits"],
  other: ["un autre objet du travail", "another subject of the work"]
})

export const traceType = pick({
  report: ["compte rendu", "report"],
  email: ["courriel", "email"],
  letter: ["courrier", "letter"],
  file: ["dossier", "file"],
  ownNotesDuring: ["notes prises pendant l’activité", "own notes during the activity"],
  ownNotesAfter: ["notes prises juste après l’activité", "own notes just after the activity"],
  observationByThirdParty: ["notes d’observation d’un tiers neutre", "observation notes by a neutral third party"],
  observationByMember: ["notes d’observation d’un membre du groupe", "observation notes by a member of the group"],
  other: ["autre trace", "other trace"]
})

export const traceOrigin = pick({
  fromWork: ["issue de l’activité", "taken from the work"],
  createdForGroup: ["créée pour le groupe", "created for the group"]
})

export const actionStatus = pick({
  planned: ["Prévue", "Planned"],
  inProgress: ["En cours", "In progress"],
  done: ["Réalisée", "Done"],
  dropped: ["Abandonnée", "Dropped"]
})

export const sessionKind = pick({
  questionChoice: ["choix des questions de travail", "choice of work questions"],
  casework: ["étude de cas", "casework"]
})

export const sessionStatus = pick({
  scheduled: ["prévue", "scheduled"],
  held: ["tenue", "held"],
  cancelled: ["annulée", "cancelled"]
})

export const minutesStatus = pick({
  draft: ["projet", "draft"],
  final: ["version définitive", "final version"],
  sent: ["transmise à l’encadrement", "sent to line managers"]
})

export const audience = pick({
  facilitators: ["animateurs", "facilitators"],
  group: ["membres du groupe", "members of the group"],
  lineManagers: ["encadrement des membres", "members’ line managers"],
  direction: ["direction", "direction"],
  socialDialogue: ["instances de dialogue social", "social-dialogue bodies"],
  organisation: ["ensemble des agents du service", "all staff of the service"]
})

export const circulation = pick({
  group: ["Document confidentiel — diffusion restreinte au groupe", "Confidential document — restricted to the group"],
  restricted: ["Diffusion restreinte aux destinataires", "Restricted to the recipients named"],
  public: ["", ""]
})
