/**
 * The exchange snapshot: the complete state of one peer exchange, the
 * library's interchange format (JSON). It is also the state the lifecycle
 * folds events into: one model, not two.
 *
 * The schema is structurally strict (types, enumerations, references between
 * entities) and semantically permissive: an exchange that breaks a rule of the
 * note still decodes, so that `evaluate` can report the rule by its ID.
 *
 * This module is longer than 450 lines on purpose: it is the snapshot's
 * schema, one documented field schema after another, with the reference
 * checks that tie them together (ids of sessions, agents, questions and
 * variants). The generated JSON Schema and the command reference read these
 * annotations; splitting them across files would scatter one contract.
 *
 * @since 0.1.0
 */
import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { Agent, Name } from "./Agent.js"
import { Framing, FramingElement, Origin } from "./Framing.js"
import { ActionId, AgentId, ExchangeId, SessionId, TestimonialId, TrainingNeedId, UnitId, VariantId } from "./Ids.js"
import * as Instant from "./Instant.js"
import { boundMessage } from "./internal/input.js"
import { Session } from "./Session.js"
import { WorkQuestion } from "./WorkQuestion.js"

/**
 * Lifecycle states (LIF-08), in order; `abandoned` can follow any open state.
 *
 * @since 0.1.0
 */
export const states = [
  "proposed",
  "framed",
  "approved",
  "announced",
  "composed",
  "charterAdopted",
  "inSessions",
  "concluded",
  "restituted",
  "closed",
  "abandoned"
] as const
/** @since 0.1.0 */
export const ExchangeState = Schema.Literal(...states).annotations({ identifier: "ExchangeState" })
/** @since 0.1.0 */
export type ExchangeState = typeof ExchangeState.Type

/**
 * Position of a state in the lifecycle (abandoned is -1).
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * Exchange.stateRank("approved") > Exchange.stateRank("framed") // true
 * @since 0.1.0
 */
export const stateRank = (state: ExchangeState): number => (state === "abandoned" ? -1 : states.indexOf(state))

/**
 * How people call each lifecycle state, in French and in English: the one
 * table the decider's messages, the command line and the documents share.
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * Exchange.stateLabels.charterAdopted.fr // "règles adoptées"
 * @since 0.1.0
 */
export const stateLabels: { readonly [K in ExchangeState]: { readonly fr: string; readonly en: string } } = {
  proposed: { fr: "proposé", en: "proposed" },
  framed: { fr: "cadré", en: "framed" },
  approved: { fr: "accepté", en: "approved" },
  announced: { fr: "annoncé", en: "announced" },
  composed: { fr: "composé", en: "composed" },
  charterAdopted: { fr: "règles adoptées", en: "charter adopted" },
  inSessions: { fr: "en séances", en: "in sessions" },
  concluded: { fr: "conclu", en: "concluded" },
  restituted: { fr: "restitué", en: "restituted" },
  closed: { fr: "clos", en: "closed" },
  abandoned: { fr: "abandonné", en: "abandoned" }
}

/** Management's acceptance of the exchange (LIF-03). @since 0.1.0 */
export const Approval = Schema.Struct({ at: Instant.Instant, by: Name }).annotations({ identifier: "Approval" })
/** @since 0.1.0 */
export interface Approval extends Schema.Schema.Type<typeof Approval> {}

/**
 * A communication about the approach or its results (LIF-04, RES-07).
 *
 * @since 0.1.0
 */
export const Communication = Schema.Struct({
  channel: Schema.Literal("serviceMeeting", "email", "intranet", "poster", "newsletter", "other"),
  at: Instant.Instant,
  about: Schema.optionalWith(Schema.Literal("approach", "results"), { default: () => "approach" as const })
}).annotations({ identifier: "Communication" })
/** @since 0.1.0 */
export interface Communication extends Schema.Schema.Type<typeof Communication> {}

/**
 * An invitation sent to an agent of the perimeter (ELI-02, LIF-04), with the
 * agent's unit when invited (a later reassignment does not change it). A
 * resource person (`role: "resource"`) may come from outside the perimeter.
 *
 * @since 0.1.0
 */
export const Invitation = Schema.Struct({
  agentId: AgentId,
  at: Instant.Instant,
  carries: Schema.optionalWith(Schema.Array(FramingElement), {
    default: () => ["origin", "objectives", "perimeter", "themes", "facilitation"] as const
  }),
  unit: Schema.optional(UnitId),
  role: Schema.optional(Schema.Literal("operational", "resource"))
}).annotations({ identifier: "Invitation" })
/** @since 0.1.0 */
export interface Invitation extends Schema.Schema.Type<typeof Invitation> {}

/**
 * A collective invitation (ELI-07): a service-wide mail or a presentation at
 * a service meeting that invites every agent of some units at once.
 *
 * @since 0.1.0
 */
export const CollectiveInvitation = Schema.Struct({
  at: Instant.Instant,
  channel: Schema.Literal("serviceMeeting", "email", "intranet", "other"),
  units: Schema.Array(UnitId),
  carries: Schema.optionalWith(Schema.Array(FramingElement), {
    default: () => ["origin", "objectives", "perimeter", "themes", "facilitation"] as const
  })
}).annotations({ identifier: "CollectiveInvitation" })
/** @since 0.1.0 */
export interface CollectiveInvitation extends Schema.Schema.Type<typeof CollectiveInvitation> {}

/**
 * An agent of the perimeter left out of the invitations, with the reason
 * (absence, departure…): silences ELI-07 for that agent.
 *
 * @since 0.1.0
 */
export const Exclusion = Schema.Struct({
  agentId: AgentId,
  at: Instant.Instant,
  reason: Name
}).annotations({ identifier: "Exclusion" })
/** @since 0.1.0 */
export interface Exclusion extends Schema.Schema.Type<typeof Exclusion> {}

/**
 * An agent's answer to the invitation (ELI-01), with the agent's unit when
 * volunteering (ELI-02).
 *
 * @since 0.1.0
 */
export const Volunteer = Schema.Struct({
  agentId: AgentId,
  at: Instant.Instant,
  withdrawnAt: Schema.optional(Instant.Instant),
  unit: Schema.optional(UnitId)
}).annotations({ identifier: "Volunteer" })
/** @since 0.1.0 */
export interface Volunteer extends Schema.Schema.Type<typeof Volunteer> {}

/**
 * A member of the group: `operational` (agents, managers) or `resource`
 * person (ELI-05). A withdrawal is recorded; nothing said is re-attributed.
 *
 * @since 0.1.0
 */
export const Member = Schema.Struct({
  agentId: AgentId,
  role: Schema.optionalWith(Schema.Literal("operational", "resource"), { default: () => "operational" as const }),
  joinedAt: Instant.Instant,
  withdrawnAt: Schema.optional(Instant.Instant),
  withdrawalReason: Schema.optional(Schema.String)
}).annotations({ identifier: "Member" })
/** @since 0.1.0 */
export interface Member extends Schema.Schema.Type<typeof Member> {}

/** A task delegated to a member (ANI-07). @since 0.1.0 */
export const Delegation = Schema.Struct({
  agentId: AgentId,
  task: Schema.Literal("noteTaking", "timekeeping", "other"),
  at: Instant.Instant
}).annotations({ identifier: "Delegation" })
/** @since 0.1.0 */
export interface Delegation extends Schema.Schema.Type<typeof Delegation> {}

/**
 * The five items of the group's rules (II-c step 1, CHA-01).
 *
 * @since 0.1.0
 */
export const charterItems = [
  "respectNoJudgement",
  "speakingEquity",
  "confidentiality",
  "attendanceCommitment",
  "facilitationModalities"
] as const
/** @since 0.1.0 */
export const CharterItem = Schema.Literal(...charterItems).annotations({ identifier: "CharterItem" })
/** @since 0.1.0 */
export type CharterItem = typeof CharterItem.Type

/** The group's rules (règles de travail du groupe, CHA-01). @since 0.1.0 */
export const Charter = Schema.Struct({
  adoptedAt: Instant.Instant,
  items: Schema.Array(CharterItem),
  /** Local wording the group adopted, if any. */
  text: Schema.optional(Schema.String)
}).annotations({ identifier: "Charter" })
/** @since 0.1.0 */
export interface Charter extends Schema.Schema.Type<typeof Charter> {}

/** A training need identified by the group (RES-03). @since 0.1.0 */
export const TrainingNeed = Schema.Struct({
  id: TrainingNeedId,
  sessionId: SessionId,
  description: Schema.String,
  recordedAt: Instant.Instant
}).annotations({ identifier: "TrainingNeed" })
/** @since 0.1.0 */
export interface TrainingNeed extends Schema.Schema.Type<typeof TrainingNeed> {}

/**
 * The statement of conclusions (relevé de conclusions, ARB-03, RES-04): the
 * validated arbitrations, grouped by outcome in every view.
 *
 * @since 0.1.0
 */
export const Conclusions = Schema.Struct({
  draftedAt: Instant.Instant,
  variantIds: Schema.Array(VariantId),
  /** Free text: checked for names before release (CNF-06). */
  summary: Schema.optionalWith(Schema.String, { default: () => "" }),
  circulatedAt: Schema.optional(Instant.Instant)
}).annotations({ identifier: "Conclusions" })
/** @since 0.1.0 */
export interface Conclusions extends Schema.Schema.Type<typeof Conclusions> {}

/** The restitution (closes the confidentiality window, CNF-01). @since 0.1.0 */
export const Restitution = Schema.Struct({
  at: Instant.Instant,
  form: Schema.Literal("serviceMeeting", "directionMeeting", "written")
}).annotations({ identifier: "Restitution" })
/** @since 0.1.0 */
export interface Restitution extends Schema.Schema.Type<typeof Restitution> {}

/**
 * The direction's response (RES-05): its analysis and the decisions it plans.
 * Decisions exist only here, never in the group (PUR-05).
 *
 * @since 0.1.0
 */
export const DirectionResponse = Schema.Struct({
  at: Instant.Instant,
  analysis: Schema.String,
  plannedDecisions: Schema.Array(Schema.String)
}).annotations({ identifier: "DirectionResponse" })
/** @since 0.1.0 */
export interface DirectionResponse extends Schema.Schema.Type<typeof DirectionResponse> {}

/** An action of the follow-up grid (RES-08). @since 0.1.0 */
export const Action = Schema.Struct({
  id: ActionId,
  title: Name,
  /** A role or office (e.g. "Pôle RH"), not a participant. */
  owner: Name,
  dueDate: Instant.Instant,
  status: Schema.Literal("planned", "inProgress", "done", "dropped"),
  decidedAt: Instant.Instant,
  updatedAt: Schema.optional(Instant.Instant),
  comment: Schema.optional(Schema.String),
  variantIds: Schema.optionalWith(Schema.Array(VariantId), { default: () => [] })
}).annotations({ identifier: "Action" })
/** @since 0.1.0 */
export interface Action extends Schema.Schema.Type<typeof Action> {}

/** The review (bilan) of the approach (RES-06). @since 0.1.0 */
export const Review = Schema.Struct({
  preparedAt: Instant.Instant,
  /** Free text: checked for names before release (CNF-06). */
  text: Schema.String,
  presentedAt: Schema.optional(Instant.Instant),
  body: Schema.optional(Name)
}).annotations({ identifier: "Review" })
/** @since 0.1.0 */
export interface Review extends Schema.Schema.Type<typeof Review> {}

/** A testimonial about the approach (CNF-05, RES-07). @since 0.1.0 */
export const Testimonial = Schema.Struct({
  id: TestimonialId,
  agentId: AgentId,
  text: Schema.String,
  consentAt: Schema.optional(Instant.Instant),
  publishedAt: Schema.optional(Instant.Instant)
}).annotations({ identifier: "Testimonial" })
/** @since 0.1.0 */
export interface Testimonial extends Schema.Schema.Type<typeof Testimonial> {}

/** Abandonment of the exchange, with its reason (LIF-08). @since 0.1.0 */
export const Abandonment = Schema.Struct({ at: Instant.Instant, reason: Name }).annotations({ identifier: "Abandonment" })
/** @since 0.1.0 */
export interface Abandonment extends Schema.Schema.Type<typeof Abandonment> {}

/** The snapshot format marker. @since 0.1.0 */
export const format = "entre-pairs/exchange-snapshot" as const

const list = <S extends Schema.Schema<any, any, never>>(item: S) =>
  Schema.optionalWith(Schema.Array(item), { default: () => [] as ReadonlyArray<Schema.Schema.Type<S>> })

const SnapshotFields = Schema.Struct({
  format: Schema.optionalWith(Schema.Literal(format), { default: () => format }),
  version: Schema.optionalWith(Schema.Literal(1), { default: () => 1 as const }),
  id: ExchangeId,
  title: Name,
  /** The service (direction) running the exchange. */
  service: Schema.optional(Name),
  state: ExchangeState,
  origin: Schema.optional(Origin),
  framing: Schema.optional(Framing),
  approval: Schema.optional(Approval),
  communications: list(Communication),
  invitations: list(Invitation),
  /** ELI-07: invitations of every agent of some units at once. */
  collectiveInvitations: list(CollectiveInvitation),
  /** ELI-07: agents of the perimeter left out of the invitations, with the reason. */
  exclusions: list(Exclusion),
  /**
   * Directory of everyone the exchange refers to: invited agents, facilitators,
   * guests, and the agents of the perimeter when a directory was imported
   * (ELI-07).
   */
  agents: list(Agent),
  volunteers: list(Volunteer),
  members: list(Member),
  /** RES-01: the member who transmits calendar, agendas and minutes to line managers. */
  liaison: Schema.optional(AgentId),
  delegations: list(Delegation),
  charter: Schema.optional(Charter),
  questions: list(WorkQuestion),
  sessions: list(Session),
  trainingNeeds: list(TrainingNeed),
  conclusions: Schema.optional(Conclusions),
  restitution: Schema.optional(Restitution),
  directionResponse: Schema.optional(DirectionResponse),
  actions: list(Action),
  review: Schema.optional(Review),
  testimonials: list(Testimonial),
  abandonment: Schema.optional(Abandonment),
  closedAt: Schema.optional(Instant.Instant),
  /** Instant of the latest recorded event: commands cannot be dated before it. */
  updatedAt: Schema.optional(Instant.Instant)
})

type Path = ReadonlyArray<PropertyKey>
interface Issue {
  readonly path: Path
  readonly message: string
}

/**
 * Referential integrity: every ID an entity refers to exists, and IDs are
 * unique. Reported with the path of each faulty reference.
 */
const integrity = (s: Schema.Schema.Type<typeof SnapshotFields>): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const agentIds = new Set<string>()
  s.agents.forEach((a, i) => {
    if (agentIds.has(a.id)) issues.push({ path: ["agents", i, "id"], message: `duplicate agent ID "${a.id}"` })
    agentIds.add(a.id)
  })
  const agent = (id: string, path: Path) => {
    if (!agentIds.has(id)) issues.push({ path, message: `agent "${id}" does not exist in "agents"` })
  }
  const memberIds = new Set(s.members.map((m) => m.agentId as string))
  const questionIds = new Set<string>()
  s.questions.forEach((q, i) => {
    if (questionIds.has(q.id)) issues.push({ path: ["questions", i, "id"], message: `duplicate question ID "${q.id}"` })
    questionIds.add(q.id)
  })
  const question = (id: string, path: Path) => {
    if (!questionIds.has(id)) issues.push({ path, message: `question "${id}" does not exist in "questions"` })
  }
  const sessionIds = new Set<string>()
  const variantIds = new Set<string>()
  s.invitations.forEach((x, i) => agent(x.agentId, ["invitations", i, "agentId"]))
  s.exclusions.forEach((x, i) => agent(x.agentId, ["exclusions", i, "agentId"]))
  s.volunteers.forEach((x, i) => agent(x.agentId, ["volunteers", i, "agentId"]))
  s.members.forEach((x, i) => agent(x.agentId, ["members", i, "agentId"]))
  s.delegations.forEach((x, i) => agent(x.agentId, ["delegations", i, "agentId"]))
  s.testimonials.forEach((x, i) => agent(x.agentId, ["testimonials", i, "agentId"]))
  s.framing?.facilitation?.facilitators.forEach((f, i) =>
    agent(f.agentId, ["framing", "facilitation", "facilitators", i, "agentId"])
  )
  if (s.liaison !== undefined) {
    agent(s.liaison, ["liaison"])
    if (agentIds.has(s.liaison) && !memberIds.has(s.liaison)) {
      issues.push({ path: ["liaison"], message: `the liaison "${s.liaison}" is not a member of the group` })
    }
  }
  s.sessions.forEach((session, si) => {
    if (sessionIds.has(session.id)) {
      issues.push({ path: ["sessions", si, "id"], message: `duplicate session ID "${session.id}"` })
    }
    sessionIds.add(session.id)
    session.guests.forEach((g, i) => agent(g.agentId, ["sessions", si, "guests", i, "agentId"]))
    session.attendees.forEach((a, i) => agent(a, ["sessions", si, "attendees", i]))
    session.agenda?.items.forEach((item, i) => {
      if (item.questionId !== undefined) question(item.questionId, ["sessions", si, "agenda", "items", i, "questionId"])
    })
    const presentationIds = new Set<string>()
    session.presentations.forEach((p, i) => {
      presentationIds.add(p.id)
      agent(p.presenter, ["sessions", si, "presentations", i, "presenter"])
      question(p.questionId, ["sessions", si, "presentations", i, "questionId"])
    })
    session.variants.forEach((v, i) => {
      if (variantIds.has(v.id)) {
        issues.push({ path: ["sessions", si, "variants", i, "id"], message: `duplicate variant ID "${v.id}"` })
      }
      variantIds.add(v.id)
      question(v.questionId, ["sessions", si, "variants", i, "questionId"])
      if (v.presentationId !== undefined && !presentationIds.has(v.presentationId)) {
        issues.push({
          path: ["sessions", si, "variants", i, "presentationId"],
          message: `presentation "${v.presentationId}" does not exist in this session`
        })
      }
    })
    session.speakingTimes?.forEach((t, i) => agent(t.participant, ["sessions", si, "speakingTimes", i, "participant"]))
    const versions = session.minutes.map((m) => m.version)
    versions.forEach((v, i) => {
      if (v !== i + 1) {
        issues.push({
          path: ["sessions", si, "minutes", i, "version"],
          message: `minutes versions must be numbered 1, 2, 3… in order (expected ${i + 1})`
        })
      }
    })
  })
  s.questions.forEach((q, i) => {
    if (q.chosenInSession !== undefined && !sessionIds.has(q.chosenInSession)) {
      issues.push({
        path: ["questions", i, "chosenInSession"],
        message: `session "${q.chosenInSession}" does not exist in "sessions"`
      })
    }
  })
  s.trainingNeeds.forEach((n, i) => {
    if (!sessionIds.has(n.sessionId)) {
      issues.push({ path: ["trainingNeeds", i, "sessionId"], message: `session "${n.sessionId}" does not exist` })
    }
  })
  const variant = (id: string, path: Path) => {
    if (!variantIds.has(id)) issues.push({ path, message: `practice variant "${id}" does not exist in any session` })
  }
  s.conclusions?.variantIds.forEach((v, i) => variant(v, ["conclusions", "variantIds", i]))
  const actionIds = new Set<string>()
  s.actions.forEach((a, i) => {
    if (actionIds.has(a.id)) issues.push({ path: ["actions", i, "id"], message: `duplicate action ID "${a.id}"` })
    actionIds.add(a.id)
    a.variantIds.forEach((v, j) => variant(v, ["actions", i, "variantIds", j]))
  })
  return issues
}

type Fields = Schema.Schema.Type<typeof SnapshotFields>

/**
 * Makes any structurally valid value referentially sound: missing agents and
 * questions are added to their directories, dangling references to sessions,
 * presentations and variants are dropped, duplicates removed, minutes
 * renumbered. Used by the snapshot's arbitrary so that property tests range
 * over every snapshot the schema accepts.
 */
const repair = (s: Fields): Fields => {
  const uniq = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Array<A> => {
    const seen = new Set<string>()
    return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)))
  }
  const agents = uniq(s.agents, (a) => a.id)
  const known = new Set<string>(agents.map((a) => a.id))
  const template = agents[0]
  const need = (id: AgentId) => {
    if (known.has(id)) return
    known.add(id)
    agents.push({
      id,
      firstName: template?.firstName ?? "Camille",
      lastName: template?.lastName ?? "Martin",
      occupation: template?.occupation ?? ("occ-a" as Agent["occupation"]),
      contributesTo: [],
      unit: template?.unit ?? ("unit-a" as Agent["unit"])
    })
  }
  const questions = uniq(s.questions, (q) => q.id)
  const questionIds = new Set<string>(questions.map((q) => q.id))
  const needQuestion = (id: WorkQuestion["id"]) => {
    if (questionIds.has(id)) return
    questionIds.add(id)
    questions.push({ id, title: "Question", nature: "experienceSharing", occupationsConcerned: [], status: "open" })
  }
  const members = uniq(s.members, (m) => m.agentId)
  if (s.liaison !== undefined && !members.some((m) => m.agentId === s.liaison)) {
    members.push({ agentId: s.liaison, role: "operational", joinedAt: s.origin?.at ?? Instant.make(0) })
  }
  const variantIds = new Set<string>()
  const sessions = uniq(s.sessions, (x) => x.id).map((session) => {
    const presentations = uniq(session.presentations, (p) => p.id)
    const presentationIds = new Set<string>(presentations.map((p) => p.id))
    const variants = session.variants
      .filter((v) => (variantIds.has(v.id) ? false : (variantIds.add(v.id), true)))
      .map((v) => {
        if (v.presentationId === undefined || presentationIds.has(v.presentationId)) return v
        const { presentationId: _, ...rest } = v
        return rest
      })
    return {
      ...session,
      presentations,
      variants,
      minutes: session.minutes.map((m, i) => ({ ...m, version: i + 1 }))
    }
  })
  const sessionIds = new Set<string>(sessions.map((x) => x.id))
  for (const x of s.invitations) need(x.agentId)
  for (const x of s.exclusions) need(x.agentId)
  for (const x of s.volunteers) need(x.agentId)
  for (const x of members) need(x.agentId)
  for (const x of s.delegations) need(x.agentId)
  for (const x of s.testimonials) need(x.agentId)
  for (const f of s.framing?.facilitation?.facilitators ?? []) need(f.agentId)
  for (const session of sessions) {
    for (const g of session.guests) need(g.agentId)
    for (const a of session.attendees) need(a)
    for (const t of session.speakingTimes ?? []) need(t.participant)
    for (const p of session.presentations) (need(p.presenter), needQuestion(p.questionId))
    for (const v of session.variants) needQuestion(v.questionId)
    for (const item of session.agenda?.items ?? []) if (item.questionId !== undefined) needQuestion(item.questionId)
  }
  const conclusions =
    s.conclusions === undefined
      ? undefined
      : { ...s.conclusions, variantIds: s.conclusions.variantIds.filter((v) => variantIds.has(v)) }
  const out: Fields = {
    ...s,
    agents,
    members,
    sessions,
    questions: questions.map((q) => {
      if (q.chosenInSession === undefined || sessionIds.has(q.chosenInSession)) return q
      const { chosenInSession: _, ...rest } = q
      return rest
    }),
    trainingNeeds: uniq(s.trainingNeeds, (n) => n.id).filter((n) => sessionIds.has(n.sessionId)),
    actions: uniq(s.actions, (a) => a.id).map((a) => ({ ...a, variantIds: a.variantIds.filter((v) => variantIds.has(v)) }))
  }
  if (conclusions !== undefined) return { ...out, conclusions }
  return out
}

/**
 * The exchange snapshot schema.
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const snapshot = Schema.decodeUnknownSync(Exchange.ExchangeSnapshot)({
 *   id: "ech-1", title: "Accueil des usagers", state: "proposed"
 * })
 * @since 0.1.0
 */
export const ExchangeSnapshot = SnapshotFields.pipe(
  Schema.filter((s) => {
    const issues = integrity(s)
    return issues.length === 0 ? undefined : issues
  })
).annotations({
  identifier: "ExchangeSnapshot",
  arbitrary: () => (fc) => Arbitrary.makeLazy(SnapshotFields)(fc).map(repair),
  title: "entre-pairs exchange snapshot",
  description: "The complete state of one peer exchange (échange entre pairs)"
})
/** @since 0.1.0 */
export interface ExchangeSnapshot extends Schema.Schema.Type<typeof ExchangeSnapshot> {}
/** @since 0.1.0 */
export interface ExchangeSnapshotEncoded extends Schema.Schema.Encoded<typeof ExchangeSnapshot> {}

/**
 * One fault found while decoding a snapshot: where (a path into the JSON) and
 * what.
 *
 * @since 0.1.0
 */
export interface DecodeFault {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
}

/**
 * Raised when unknown input is not a valid snapshot; lists every fault with
 * its path.
 *
 * @since 0.1.0
 */
export class SnapshotDecodeError extends Schema.TaggedError<SnapshotDecodeError>("@entre-pairs/core/SnapshotDecodeError")(
  "SnapshotDecodeError",
  {
    faults: Schema.Array(Schema.Struct({ path: Schema.Array(Schema.Union(Schema.String, Schema.Number)), message: Schema.String }))
  }
) {
  override get message(): string {
    return `invalid exchange snapshot:\n${this.faults
      .map((f) => `  - ${f.path.length === 0 ? "(root)" : f.path.join(".")}: ${f.message}`)
      .join("\n")}`
  }
}

const decodeEither = Schema.decodeUnknownEither(ExchangeSnapshot, { errors: "all", onExcessProperty: "error" })

/**
 * Decodes unknown input (parsed JSON) into a snapshot, or a
 * `SnapshotDecodeError` listing every fault with its path. Unknown fields are
 * faults too, so a typo never goes unnoticed.
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * import * as Arbitrary from "effect/Arbitrary"
import * as Either from "effect/Either"
 * const result = Exchange.decode({ id: "ech-1", title: "T", state: "nope" })
 * Either.isLeft(result) // true
 * @since 0.1.0
 */
export const decode = (input: unknown): Either.Either<ExchangeSnapshot, SnapshotDecodeError> =>
  Either.mapLeft(decodeEither(input), (error) => new SnapshotDecodeError({ faults: faultsOf(error) }))

const expected = /^Expected (.+), actual (.+)$/s

/**
 * Flattens a parse error into one fault per path; the alternatives of a
 * union of literals ("Expected "a", actual "x"", "Expected "b", …") become
 * one fault: `Expected one of "a" | "b", actual "x"`.
 */
const faultsOf = (error: ParseResult.ParseError): Array<{ path: Array<string | number>; message: string }> => {
  const out: Array<{ path: Array<string | number>; message: string; alternatives?: Array<string>; actual?: string }> = []
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)))
    const m = expected.exec(issue.message)
    const last = out[out.length - 1]
    if (m !== null && last?.alternatives !== undefined && last.actual === m[2] && last.path.join("\u0000") === path.join("\u0000")) {
      last.alternatives.push(m[1]!)
      last.message = `Expected one of ${last.alternatives.join(" | ")}, actual ${m[2]}`
      continue
    }
    out.push(m === null ? { path, message: issue.message } : { path, message: issue.message, alternatives: [m[1]!], actual: m[2]! })
  }
  // An optional field is a union with `undefined`: when its value is wrong
  // deeper down, the formatter also reports "Expected undefined" for the field
  // itself. That alternative says nothing to a person: drop it when a deeper
  // fault explains the field.
  const keyOf = (p: ReadonlyArray<string | number>) => p.join("\u0000")
  const explained = (p: ReadonlyArray<string | number>) =>
    out.some((o) => o.path.length > p.length && keyOf(o.path.slice(0, p.length)) === keyOf(p) && !o.message.startsWith("Expected undefined"))
  return out
    .filter((o) => !(/^Expected undefined, actual /.test(o.message) && explained(o.path)))
    .map(({ path, message }) => ({
      path,
      // A huge value is quoted as an excerpt (issue 12: never echo 20 MB).
      message: boundMessage(message).replace(/^Expected one of undefined \| (.+), actual/, "Expected one of $1, actual").replace(/^Expected one of (.+) \| undefined, actual/, "Expected one of $1, actual")
    }))
}

/**
 * Encodes a snapshot to its JSON form (dates as UTC ISO-8601).
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * JSON.stringify(Exchange.encode(snapshot))
 * @since 0.1.0
 */
export const encode: (snapshot: ExchangeSnapshot) => ExchangeSnapshotEncoded = Schema.encodeSync(ExchangeSnapshot)

/**
 * Decodes or throws the `SnapshotDecodeError`.
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * @since 0.1.0
 */
export const decodeSync = (input: unknown): ExchangeSnapshot => Either.getOrThrow(decode(input))

/**
 * The JSON Schema (2020-12) of the snapshot's JSON form, generated from the
 * same Schema; published at `docs/schema/exchange-snapshot.schema.json`. It
 * is as strict as the decoder on the snapshot's structure (types,
 * enumerations, bounds, unknown fields); what it cannot express — references
 * between entities, calendar dates that do not exist — the decoder checks.
 *
 * @example
 * import { Exchange } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * assert.strictEqual(Exchange.jsonSchema().$schema, "https://json-schema.org/draft/2020-12/schema")
 * @since 0.1.0
 */
export const jsonSchema = (): JSONSchema.JsonSchema7Root => JSONSchema.make(SnapshotFields, { target: "jsonSchema2020-12" })

/**
 * An empty exchange in state `proposed`, the start of every cycle.
 *
 * @since 0.1.0
 */
export const empty = (id: ExchangeId, title: string): ExchangeSnapshot => ({
  format,
  version: 1,
  id,
  title,
  state: "proposed",
  communications: [],
  invitations: [],
  collectiveInvitations: [],
  exclusions: [],
  agents: [],
  volunteers: [],
  members: [],
  delegations: [],
  questions: [],
  sessions: [],
  trainingNeeds: [],
  actions: [],
  testimonials: []
})
