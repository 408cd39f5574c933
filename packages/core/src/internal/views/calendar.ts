/** The provisional calendar. */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { type Env, header, latest, sessionOrder, sessionRef } from "./common.js"

export const calendar = (s: ExchangeSnapshot, env: Env) =>
  Either.right({
    _tag: "CalendarView" as const,
    header: header(s, "calendar", env, latest(...s.sessions.map((x) => x.changedAt))),
    sessions: sessionOrder(s).map((x) => sessionRef(s, x)),
    plannedEnd: s.framing?.calendar.plannedEnd
  })
