/**
 * Handlers of the sessions themselves: scheduling, the agenda (SES-06),
 * moving, holding or cancelling a session, and what is recorded about how it
 * went (speaking times, CHA-02; training needs, RES-03).
 *
 * Scheduling and moving a session share their rules: the handlers check only
 * the command itself; the date and venue a session gets are checked by the
 * snapshot rules on the next state (LIF-06 venue, LIF-07 planned end, CHA-01
 * after the group's rules…), one condition each, whichever command set them.
 */
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import type { Venue } from "../../Session.js"
import { findSession, type Handlers, heldSession, invalid, ok, refuse } from "./common.js"

const sameVenue = (a: Venue | undefined, b: Venue | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.name === b.name &&
    a.setting === b.setting &&
    a.equipped === b.equipped &&
    a.quiet === b.quiet &&
    a.private === b.private &&
    a.attestedAt?.epochMillis === b.attestedAt?.epochMillis)

export const sessions: Handlers<
  "ScheduleSession" | "SetAgenda" | "HoldSession" | "CancelSession" | "RescheduleSession" | "RecordSpeakingTimes" | "RecordTrainingNeed"
> = {
  ScheduleSession: (c, s, at) => {
    if (findSession(s, c.sessionId) !== undefined) {
      return invalid(c, ["sessionId"], { fr: "séance déjà programmée", en: "session already scheduled" })
    }
    for (const [i, g] of c.guests.entries()) {
      if (s.members.some((m) => m.agentId === g.agent.id && m.withdrawnAt === undefined)) {
        return invalid(c, ["guests", i, "agent", "id"], {
          fr: "un membre du groupe n'est pas un invité ponctuel",
          en: "a member of the group is not an occasional guest"
        })
      }
    }
    const base = {
      _tag: "SessionScheduled" as const,
      at,
      sessionId: c.sessionId,
      kind: c.kind,
      scheduledAt: c.scheduledAt,
      durationMinutes: c.durationMinutes,
      guestAgents: c.guests.map((g) => g.agent),
      guests: c.guests.map((g) =>
        g.reason === undefined ? { agentId: g.agent.id, role: g.role } : { agentId: g.agent.id, role: g.role, reason: g.reason }
      )
    }
    return ok(c.venue === undefined ? base : { ...base, venue: c.venue })
  },
  SetAgenda: (c, s, at) => {
    const found = findSession(s, c.sessionId)
    if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
    if (found.session.status !== "scheduled") {
      return refuse("SES-06", ["sessions", found.index, "agenda"], {
        fr: "L'ordre du jour se fixe avant la séance.",
        en: "The agenda is set before the session is held."
      })
    }
    for (const [i, item] of c.items.entries()) {
      if (item.questionId !== undefined && !s.questions.some((q) => q.id === item.questionId)) {
        return invalid(c, ["items", i, "questionId"], { fr: "question inconnue", en: "unknown question" })
      }
    }
    return ok({ _tag: "AgendaSet", at, sessionId: c.sessionId, agenda: { setAt: at, items: c.items } })
  },
  HoldSession: (c, s, at) => {
    const found = findSession(s, c.sessionId)
    if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
    if (found.session.status !== "scheduled") {
      return refuse("LIF-08", ["sessions", found.index, "status"], {
        fr: `La séance est déjà ${found.session.status === "held" ? "tenue" : "annulée"}.`,
        en: `The session is already ${found.session.status}.`
      })
    }
    if (found.session.agenda === undefined) {
      return refuse("SES-06", ["sessions", found.index, "agenda"], {
        fr: "Une séance a un ordre du jour avant d'être tenue.",
        en: "A session has an agenda before it is held."
      })
    }
    // Attendance records members, facilitators and the session's guests
    // (CNF-07); anyone else, and too few members present (SIZ-02), are refused
    // by the snapshot rules on the next state, at the same path as `check`.
    for (const [i, a] of c.attendees.entries()) {
      if (!s.agents.some((x) => x.id === a)) {
        return invalid(c, ["attendees", i], { fr: `l'agent « ${a} » est inconnu`, en: `agent "${a}" is unknown` })
      }
    }
    return ok({ _tag: "SessionHeld", at, sessionId: c.sessionId, attendees: c.attendees })
  },
  CancelSession: (c, s, at) => {
    const found = findSession(s, c.sessionId)
    if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
    if (found.session.status !== "scheduled") {
      return refuse("LIF-08", ["sessions", found.index, "status"], {
        fr: "Seule une séance programmée peut être annulée.",
        en: "Only a scheduled session can be cancelled."
      })
    }
    return ok({ _tag: "SessionCancelled", at, sessionId: c.sessionId, reason: c.reason })
  },
  RescheduleSession: (c, s, at) => {
    const found = findSession(s, c.sessionId)
    if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
    const session = found.session
    if (session.status !== "scheduled") {
      return refuse("LIF-08", ["sessions", found.index, "status"], {
        fr: `Seule une séance programmée peut être déplacée : celle-ci est déjà ${session.status === "held" ? "tenue" : "annulée"}.`,
        en: `Only a scheduled session can be moved: this one is already ${session.status}.`
      })
    }
    if (c.scheduledAt === undefined && c.durationMinutes === undefined && c.venue === undefined) {
      return invalid(c, ["scheduledAt"], {
        fr: "indiquer la nouvelle date, la nouvelle durée ou le nouveau lieu de la séance",
        en: "give the session's new date, duration or venue"
      })
    }
    const scheduledAt = c.scheduledAt ?? session.scheduledAt
    const durationMinutes = c.durationMinutes ?? session.durationMinutes
    const venue = c.venue ?? session.venue
    if (scheduledAt.epochMillis === session.scheduledAt.epochMillis && durationMinutes === session.durationMinutes && sameVenue(venue, session.venue)) {
      return invalid(c, c.scheduledAt !== undefined ? ["scheduledAt"] : c.durationMinutes !== undefined ? ["durationMinutes"] : ["venue"], {
        fr: `rien ne change : la séance est déjà programmée ainsi (${DateTime.formatIso(session.scheduledAt)}, ${session.durationMinutes} min)`,
        en: `nothing changes: the session is already scheduled so (${DateTime.formatIso(session.scheduledAt)}, ${session.durationMinutes} min)`
      })
    }
    const base = { _tag: "SessionRescheduled" as const, at, sessionId: c.sessionId, scheduledAt, durationMinutes, reason: c.reason }
    return ok(venue === undefined ? base : { ...base, venue })
  },
  RecordSpeakingTimes: (c, s, at) =>
    Either.flatMap(heldSession(c, s), (session) => {
      const facilitators = s.framing?.facilitation?.facilitators ?? []
      for (const [i, t] of c.times.entries()) {
        const present =
          session.attendees.includes(t.participant) ||
          session.guests.some((g) => g.agentId === t.participant) ||
          facilitators.some((f) => f.agentId === t.participant)
        if (!present) {
          return invalid(c, ["times", i, "participant"], {
            fr: `« ${t.participant} » n'a pas participé à cette séance`,
            en: `"${t.participant}" did not take part in this session`
          })
        }
      }
      return ok({ _tag: "SpeakingTimesRecorded", at, sessionId: c.sessionId, times: c.times })
    }),
  RecordTrainingNeed: (c, s, at) =>
    Either.flatMap(heldSession(c, s), () =>
      s.trainingNeeds.some((n) => n.id === c.needId)
        ? invalid(c, ["needId"], { fr: "besoin déjà consigné", en: "training need already recorded" })
        : ok({
            _tag: "TrainingNeedRecorded",
            at,
            need: { id: c.needId, sessionId: c.sessionId, description: c.description, recordedAt: at }
          })
    )
}
