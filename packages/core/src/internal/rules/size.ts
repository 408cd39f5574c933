/**
 * SIZ — size (note II-a).
 */
import { isActiveAt } from "../context.js"
import { stateRank } from "../../Exchange.js"
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { advisory, blocking, day, local, none, note, push, rule, title } from "../util.js"

const COMPOSED = stateRank("composed")

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "SIZ-01",
    kind: "advisory",
    family: "size",
    section: "II-a",
    title: title(
      "Idéalement 8 à 10 membres ; les membres sont les participants réguliers (animateurs et invités non comptés).",
      "Ideally 8 to 10 members. Members are the regular participants; facilitators and guests are not counted."
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
          `Le groupe compte ${n} membre(s) ; idéalement ${sizeMin} à ${sizeMax}.`,
          `The group has ${n} member(s); ideally ${sizeMin} to ${sizeMax}.`
        )
      ]
    }
  }),
  rule({
    id: "SIZ-02",
    kind: "blocking",
    family: "size",
    section: "II-a",
    title: title(
      "Un échange entre pairs suppose des pairs : moins de 2 membres ne peuvent pas tenir une séance.",
      "A peer exchange needs peers: fewer than 2 members cannot hold a session."
    ),
    parameters: [local("minMembersToMeet")],
    scope: "snapshot",
    check: (ctx) => {
      const min = ctx.config.minMembersToMeet
      let out: Array<Violation> | undefined
      // Only a held session can break it: a member may always withdraw (ELI-01),
      // and a scheduled session is refused when it is held with too few members.
      for (const { session, index, millis, held } of ctx.liveSessions) {
        if (!held) continue
        let n = 0
        for (const m of ctx.snapshot.members) if (isActiveAt(m, millis)) n++
        if (n >= min) continue
        out = push(
          out,
          blocking(
            "SIZ-02",
            ["sessions", index],
            `La séance ${session.id} du ${day(millis)} a réuni ${n} membre(s) : il en faut au moins ${min}.`,
            `Session ${session.id} on ${day(millis)} gathered ${n} member(s): at least ${min} are needed.`
          )
        )
      }
      return out ?? none
    }
  })
]
