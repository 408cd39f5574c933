/**
 * Handlers of the minutes (compte rendu): drafting and correcting (RES-09),
 * finalising, and sending them outside the group (RES-01, CNF-06).
 */
import * as Either from "effect/Either"
import * as Release from "../release.js"
import { findSession, type Handlers, heldSession, invalid, ok, refuse, refuseAll } from "./common.js"

export const minutes: Handlers<"DraftMinutes" | "FinaliseMinutes" | "SendMinutes"> = {
  DraftMinutes: (c, s, at) =>
    Either.flatMap(heldSession(c, s), (session) => {
      const last = session.minutes[session.minutes.length - 1]
      if (last !== undefined && last.sentAt === undefined) {
        // Redraft of an unsent version: same number, back to draft.
        const version = { version: last.version, draftedAt: at, summary: c.summary }
        return ok({
          _tag: "MinutesDrafted",
          at,
          sessionId: c.sessionId,
          minutes: last.correction === undefined ? version : { ...version, correction: last.correction }
        })
      }
      if (last !== undefined && (c.correction === undefined || c.correction.trim() === "")) {
        return refuse("RES-09", ["correction"], {
          fr: "Une version envoyée ne change jamais : la correction est une nouvelle version, avec son motif.",
          en: "A sent version never changes: a correction is a new version, with its reason."
        })
      }
      const version = { version: (last?.version ?? 0) + 1, draftedAt: at, summary: c.summary }
      return ok({
        _tag: "MinutesDrafted",
        at,
        sessionId: c.sessionId,
        minutes: c.correction === undefined || last === undefined ? version : { ...version, correction: c.correction }
      })
    }),
  FinaliseMinutes: (c, s, at) => {
    const found = findSession(s, c.sessionId)
    if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
    const last = found.session.minutes[found.session.minutes.length - 1]
    if (last === undefined || last.finalisedAt !== undefined) {
      return refuse("RES-09", ["sessions", found.index, "minutes"], {
        fr: "Il faut un projet de compte rendu (non finalisé) pour le finaliser.",
        en: "Finalising needs a draft (not yet finalised) of the minutes."
      })
    }
    return ok({ _tag: "MinutesFinalised", at, sessionId: c.sessionId, version: last.version })
  },
  SendMinutes: (c, s, at) => {
    const found = findSession(s, c.sessionId)
    if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
    const last = found.session.minutes[found.session.minutes.length - 1]
    if (last === undefined || last.finalisedAt === undefined || last.sentAt !== undefined) {
      return refuse("RES-09", ["sessions", found.index, "minutes"], {
        fr: "Le compte rendu est finalisé par les animateurs avant d'être envoyé ; une version envoyée ne l'est qu'une fois.",
        en: "Minutes are finalised by the facilitators before they are sent; a version is sent once."
      })
    }
    if (s.liaison === undefined) {
      return refuse("RES-01", ["liaison"], {
        fr: "Le groupe désigne une personne ressource avant l'envoi du premier compte rendu.",
        en: "The group designates a liaison before the first minutes are sent."
      })
    }
    const leak = Release.minutesLeaks(s, found.index)
    if (leak.length > 0) return refuseAll(leak)
    return ok({ _tag: "MinutesSent", at, sessionId: c.sessionId, version: last.version })
  }
}
