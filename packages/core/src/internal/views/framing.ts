/** The framing (note de cadrage): facilitation by role and profile, no names (CNF-02). */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { type Env, header, occupationLabel, sessionOrder, unitLabel } from "./common.js"

/** The framing's content, also carried by the invitation. */
export const framingView = (s: ExchangeSnapshot, env: Env) => {
  const f = s.framing
  return {
    _tag: "FramingView" as const,
    header: header(s, "framing", env, s.approval?.at),
    origin: s.origin === undefined ? undefined : { by: s.origin.by, at: s.origin.at },
    objectives: f?.objectives ?? [],
    purpose: f?.purpose,
    perimeter: f?.perimeter.units ?? [],
    occupationsConcerned: f?.occupationsConcerned ?? [],
    perimeterLabels: (f?.perimeter.units ?? []).map((u) => unitLabel(s, u)),
    occupationLabels: (f?.occupationsConcerned ?? []).map((o) => occupationLabel(s, o)),
    themes: f?.themes ?? [],
    facilitation:
      f?.facilitation === undefined
        ? undefined
        : {
            mode: f.facilitation.mode,
            soloReason: f.facilitation.soloReason,
            facilitators: f.facilitation.facilitators.map((x) => ({
              role: x.role,
              profile: x.profile,
              trained: x.training !== undefined
            }))
          },
    plannedEnd: f?.calendar.plannedEnd,
    provisionalDates: f?.calendar.provisionalDates ?? [],
    dedicatedTime:
      f?.dedicatedTime === undefined
        ? undefined
        : {
            preparationHours: f.dedicatedTime.preparationHours,
            participationHours: f.dedicatedTime.participationHours,
            facilitationHours: f.dedicatedTime.facilitationHours,
            formalisationHours: f.dedicatedTime.formalisationHours
          },
    reviewForSocialDialogue: f?.reviewForSocialDialogue ?? false,
    approval: s.approval === undefined ? undefined : { at: s.approval.at, by: s.approval.by },
    composition: { sizeMin: env.config.sizeMin, sizeMax: env.config.sizeMax },
    // The framing's venue, else the first session's (the note de cadrage states where the group meets).
    venue: f?.venue ?? sessionOrder(s).find((x) => x.venue !== undefined)?.venue?.name,
    reply: f?.reply === undefined ? undefined : { how: f.reply.how, deadline: f.reply.deadline, contact: f.reply.contact },
    localRules: env.localRules,
    workingDays: env.config.workingDays ? { holidayCalendar: env.config.holidayCalendar } : undefined
  }
}

export const framing = (s: ExchangeSnapshot, env: Env) => Either.right(framingView(s, env))
