/**
 * SIZ — size (note II-a).
 */
import { isActiveAt } from "../context.js"
import { stateRank } from "../../Exchange.js"
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { count, countEn } from "../fr.js"
import { seance, sessionEn } from "../labels.js"
import { advisory, blocking, local, none, note, push, rule, title } from "../util.js"

const COMPOSED = stateRank("composed")

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "SIZ-01",
    kind: "advisory",
    family: "size",
    section: "II-a",
    title: title(
      "Idéalement 8 à 10 membres (note) : les membres sont les participants réguliers ; les animateurs et les invités ne sont pas comptés.",
      "Ideally 8 to 10 members (note). Members are the regular participants; facilitators and guests are not counted."
    ),
    parameters: [note("sizeMin"), note("sizeMax")],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.rank < COMPOSED) return none
      const n = ctx.activeMembers.length
      const { sizeMin, sizeMax } = ctx.config
      if (n >= sizeMin && n <= sizeMax) return none
      return [
        advisory(
          "SIZ-01",
          ["members"],
          `Le groupe compte ${count(n, "membre", "membres")} ; idéalement, il en compte de ${sizeMin} à ${sizeMax} pour permettre à chacun de s'exprimer.`,
          `The group has ${countEn(n, "member", "members")}; ideally ${sizeMin} to ${sizeMax}.`
        )
      ]
    }
  }),
  rule({
    id: "SIZ-02",
    kind: "blocking",
    family: "size",
    section: "II-a",
    version: 2,
    title: title(
      "Un échange entre pairs suppose des pairs : une séance ne peut pas se tenir avec moins de 2 membres présents (local, 2 par défaut) ; c'est la présence qui compte, non l'inscription.",
      "A peer exchange needs peers: a session cannot be held with fewer than 2 members present (local, default 2); attendance, not enrolment, counts."
    ),
    parameters: [local("minMembersToMeet")],
    scope: "snapshot",
    check: (ctx) => {
      const min = ctx.config.minMembersToMeet
      let out: Array<Violation> | undefined
      // Only a held session can break it: a member may always withdraw (ELI-01),
      // and a session is refused when it is held with too few members present.
      for (const { session, index, millis, held } of ctx.liveSessions) {
        if (!held) continue
        let n = 0
        for (const id of new Set(session.attendees)) {
          const mi = ctx.memberIndex.get(id)
          if (mi !== undefined && isActiveAt(ctx.snapshot.members[mi]!, millis)) n++
        }
        if (n >= min) continue
        out = push(
          out,
          blocking(
            "SIZ-02",
            ["sessions", index, "attendees"],
            `La ${seance(ctx.snapshot, session)} a réuni ${count(n, "membre présent", "membres présents")} : il en faut au moins ${min} pour un échange entre pairs.`,
            `The ${sessionEn(ctx.snapshot, session)} gathered ${countEn(n, "member", "members")} present: at least ${min} are needed.`
          )
        )
      }
      return out ?? none
    }
  })
]
