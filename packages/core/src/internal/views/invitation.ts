/** The invitation: the framing elements it carries, and that taking part is voluntary (ELI-01, LIF-04). */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { earliest, type Env, header } from "./common.js"
import { framingView } from "./framing.js"

export const invitation = (s: ExchangeSnapshot, env: Env) =>
  Either.right({
    _tag: "InvitationView" as const,
    header: header(s, "invitation", env, earliest(...s.invitations.map((i) => i.at), ...s.collectiveInvitations.map((i) => i.at))),
    carries: s.invitations[s.invitations.length - 1]?.carries ??
      (["origin", "objectives", "perimeter", "themes", "facilitation"] as const),
    framing: framingView(s, env),
    voluntary: true as const,
    groupRules: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"] as const
  })
