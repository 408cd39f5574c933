/**
 * A session's agenda (SES-06): guests by role and reason, no names. Dated
 * when sent (else set), or when the session last changed after that (moved):
 * the agenda then shows the new date.
 */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import type { SessionId } from "../../Ids.js"
import { agendaItems, type Env, findSession, guestsOf, header, latest, sessionRef, unavailable } from "./common.js"

export const agenda = (s: ExchangeSnapshot, env: Env, request: { readonly sessionId: SessionId }) =>
  Either.flatMap(findSession(s, request.sessionId), (session) =>
    session.agenda === undefined
      ? unavailable("Cette séance n'a pas encore d'ordre du jour.", "This session has no agenda yet.")
      : Either.right({
          _tag: "AgendaView" as const,
          header: header(s, "agenda", env, latest(session.agenda.sentAt ?? session.agenda.setAt, session.changedAt)),
          session: sessionRef(s, session),
          items: agendaItems(s, session),
          guests: guestsOf(session)
        })
  )
