/**
 * LIF — lifecycle and framing: origin, framing before invitations,
 * acceptance before communication, communication before composition,
 * dedicated time, venue, planned end and rhythm; each refusal at its path
 * and said in both languages, each boundary from both sides.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases, early } from "./harness.js"

/** Framed, not yet accepted, nothing sent. */
const framedOnly = (s: any) => {
  early(s, "framed")
  delete s.approval
  s.invitations = []
  s.communications = []
  return s
}
const FEB1 = "2026-02-01T00:00:00Z"

describe("LIF-01", () => {
  cases("LIF-01", [
    {
      title: "LIF-01 refuses an exchange whose origin is not recorded, and says so",
      json: mutate((s) => delete s.origin),
      expect: [
        {
          kind: "blocking",
          path: ["origin"],
          fr: /^L'origine de la démarche \(la direction ou les agents eux-mêmes\) n'est pas consignée\.$/,
          en: "The origin of the exchange (direction or agents) is not recorded."
        }
      ]
    }
  ])
})

describe("LIF-02", () => {
  cases("LIF-02", [
    {
      title: "LIF-02 refuses the framed state without a framing, naming the state",
      json: mutate((s) => {
        framedOnly(s)
        delete s.framing
      }),
      at: FEB1,
      expect: [
        {
          kind: "blocking",
          path: ["framing"],
          fr: /^L'échange est au stade « cadré » sans note ni réunion de cadrage\.$/,
          en: 'The exchange is at the stage "framed" without a formal framing.'
        }
      ]
    },
    {
      title: "LIF-02 asks nothing of a proposed exchange that has sent nothing",
      json: mutate((s) => {
        framedOnly(s)
        s.state = "proposed"
        delete s.framing
      }),
      at: FEB1,
      expect: []
    },
    {
      title: "LIF-02 refuses invitations sent without a framing, even from the proposed state",
      json: mutate((s) => {
        early(s, "proposed")
        delete s.framing
        delete s.approval
        s.communications = []
      }),
      at: "2026-02-10T00:00:00Z",
      expect: [
        {
          kind: "blocking",
          path: ["framing"],
          fr: /^Des invitations ont été envoyées sans note ni réunion de cadrage\.$/,
          en: "Invitations were sent without a formal framing."
        }
      ]
    },
    {
      title: "LIF-02 names each element the framing does not formalise, at its path",
      json: mutate((s) => {
        s.framing.objectives = []
        delete s.framing.purpose
        s.framing.perimeter.units = []
        s.framing.themes = [" "]
        s.framing.facilitation.facilitators = []
        s.framing.calendar = { provisionalDates: [] }
      }),
      expect: [
        ["objectives", "les objectifs", "objectives"],
        ["purpose", "la finalité", "purpose"],
        ["perimeter.units", "le périmètre", "perimeter"],
        ["themes", "les thématiques", "themes"],
        ["facilitation", "l'animation et ses animateurs", "facilitation and facilitators"],
        ["calendar", "le calendrier prévisionnel", "provisional calendar"]
      ].map(([path, fr, en]) => ({
        kind: "blocking" as const,
        path: ["framing", ...path!.split(".")],
        fr: new RegExp(`^Le cadrage ne formalise pas ${fr}\\.$`),
        en: `The framing does not formalise the ${en}.`
      }))
    },
    {
      title: "LIF-02 names a facilitation not formalised at all",
      json: mutate((s) => delete s.framing.facilitation),
      expect: [{ kind: "blocking", path: ["framing", "facilitation"], fr: /^Le cadrage ne formalise pas l'animation et ses animateurs\.$/ }]
    },
    {
      title: "LIF-02 accepts a theme among blank ones, a calendar with only a planned end or only provisional dates",
      json: mutate((s) => {
        s.framing.themes = [" ", "L'annonce des suites d'un contrôle"]
        s.framing.calendar.provisionalDates = []
      }),
      expect: []
    },
    {
      title: "LIF-02 accepts a calendar with provisional dates and no planned end",
      json: mutate((s) => delete s.framing.calendar.plannedEnd),
      expect: []
    },
    {
      title: "LIF-02 lets a framed exchange complete its framing before it is accepted",
      json: mutate((s) => {
        framedOnly(s)
        s.framing.objectives = []
      }),
      at: FEB1,
      expect: []
    },
    {
      title: "LIF-02 requires a complete framing once accepted, even before any invitation",
      json: mutate((s) => {
        early(s, "approved")
        s.invitations = []
        s.communications = []
        s.framing.objectives = []
      }),
      at: "2026-02-03T00:00:00Z",
      expect: [{ kind: "blocking", path: ["framing", "objectives"] }]
    },
    {
      title: "LIF-02 refuses an invitation dated before the framing, and accepts one at the framing's time",
      json: mutate((s) => {
        s.invitations[0].at = "2026-01-26T13:29:00.000Z"
        s.invitations[1].at = "2026-01-26T13:30:00.000Z"
      }),
      expect: [
        {
          kind: "blocking",
          path: ["invitations", 0, "at"],
          fr: /^L'invitation de Mme Élodie Marchand \(26 janvier 2026\) précède le cadrage \(26 janvier 2026\)\.$/,
          en: "The invitation of Élodie Marchand (2026-01-26) precedes the framing (2026-01-26)."
        }
      ]
    },
    {
      title: "LIF-02 refuses a collective invitation dated before the framing, naming its channel",
      json: mutate((s) => (s.collectiveInvitations = [{ at: "2026-01-20T10:00:00.000Z", channel: "email", units: ["ut33-uc3-s1"] }])),
      expect: [
        {
          kind: "blocking",
          path: ["collectiveInvitations", 0, "at"],
          fr: /^L'invitation collective par courriel \(20 janvier 2026\) précède le cadrage \(26 janvier 2026\)\.$/,
          en: "The collective invitation by email (2026-01-20) precedes the framing (2026-01-26)."
        }
      ]
    }
  ])
})

describe("LIF-03", () => {
  cases("LIF-03", [
    {
      title: "LIF-03 refuses the state, the invitations and the communication of an exchange never accepted, each at its path",
      json: mutate((s) => delete s.approval),
      expect: [
        {
          kind: "blocking",
          path: ["approval"],
          fr: /^L'échange est au stade « clos » sans acceptation consignée de l'encadrement\.$/,
          en: 'The exchange is at the stage "closed" with no recorded acceptance by management.'
        },
        {
          kind: "blocking",
          path: ["invitations"],
          fr: /^Des invitations ont été envoyées sans que l'encadrement ait accepté l'échange\.$/,
          en: "Invitations were sent although management has not accepted the exchange."
        },
        {
          kind: "blocking",
          path: ["communications"],
          fr: /^La démarche a été communiquée sans que l'encadrement ait accepté l'échange\.$/,
          en: "The approach was communicated although management has not accepted the exchange."
        }
      ]
    },
    {
      title: "LIF-03 refuses collective invitations of an exchange never accepted, at their list",
      json: mutate((s) => {
        delete s.approval
        s.invitations = []
        s.communications = []
        s.collectiveInvitations = [{ at: "2026-02-03T10:00:00.000Z", channel: "serviceMeeting", units: ["ut33-uc3-s1"] }]
      }),
      expect: [
        { kind: "blocking", path: ["approval"] },
        { kind: "blocking", path: ["collectiveInvitations"] }
      ]
    },
    {
      title: "LIF-03 asks no acceptance of a framed exchange that has sent nothing",
      json: mutate(framedOnly),
      at: FEB1,
      expect: []
    },
    {
      title: "LIF-03 refuses the approved state without a recorded acceptance",
      json: mutate((s) => {
        framedOnly(s)
        s.state = "approved"
      }),
      at: "2026-02-03T00:00:00Z",
      expect: [{ kind: "blocking", path: ["approval"], fr: /au stade « accepté » /, en: /stage "approved"/ }]
    },
    {
      title: "LIF-03 refuses an invitation and a communication dated before the acceptance, and accepts them at its time",
      json: mutate((s) => {
        s.invitations[2].at = "2026-02-02T10:59:00.000Z"
        s.invitations[3].at = "2026-02-02T11:00:00.000Z"
        s.communications[0].at = "2026-02-01T10:00:00.000Z"
        s.communications[1].at = "2026-02-02T11:00:00.000Z"
      }),
      expect: [
        {
          kind: "blocking",
          path: ["invitations", 2, "at"],
          fr: /^L'invitation de Mme Sophie Lefèvre \(2 février 2026\) précède l'acceptation de l'encadrement \(2 février 2026\)\.$/,
          en: "The invitation of Sophie Lefèvre (2026-02-02) precedes management's acceptance (2026-02-02)."
        },
        {
          kind: "blocking",
          path: ["communications", 0, "at"],
          fr: /^Une communication par réunion de service \(1er février 2026\) précède l'acceptation de l'encadrement \(2 février 2026\)\.$/,
          en: "A communication by service meeting (2026-02-01) precedes management's acceptance (2026-02-02)."
        }
      ]
    },
    {
      title: "LIF-03 refuses a collective invitation dated before the acceptance",
      json: mutate((s) => (s.collectiveInvitations = [{ at: "2026-02-01T10:00:00.000Z", channel: "serviceMeeting", units: ["ut33-uc3-s1"] }])),
      expect: [
        {
          kind: "blocking",
          path: ["collectiveInvitations", 0, "at"],
          fr: /^L'invitation collective par réunion de service \(1er février 2026\) précède l'acceptation de l'encadrement \(2 février 2026\)\.$/,
          en: "The collective invitation by service meeting (2026-02-01) precedes management's acceptance (2026-02-02)."
        }
      ]
    }
  ])
})

describe("LIF-04", () => {
  const approach = (channel: string, at: string) => ({ channel, at, about: "approach" })
  cases("LIF-04", [
    {
      title: "LIF-04 refuses a composition with no communication before it, and advises on the channels",
      json: mutate((s) => (s.communications = s.communications.filter((c: any) => c.about === "results"))),
      expect: [
        {
          kind: "blocking",
          path: ["communications"],
          fr: /^Il est nécessaire de communiquer sur la démarche au sein de l'organisation : aucune communication n'est consignée avant la constitution du groupe\.$/,
          en: "The approach must be communicated across the organisation: no communication is recorded before the group was composed."
        },
        {
          kind: "advisory",
          path: ["communications"],
          fr: /^La démarche a été communiquée par 0 moyen ; il est conseillé de diversifier les moyens de communication \(au moins 2\)\.$/,
          en: "The approach was communicated through 0 channels; at least 2 are advised."
        },
        {
          kind: "advisory",
          path: ["communications"],
          fr: /^Il est conseillé d'échanger sur la démarche lors de réunions de service : aucune présentation en réunion de service n'est consignée\.$/,
          en: "The approach was not presented at a service meeting."
        }
      ]
    },
    {
      title: "LIF-04 accepts a communication at the very time of the composition",
      json: mutate((s) => (s.communications = [approach("serviceMeeting", "2026-03-02T09:00:00.000Z"), approach("email", "2026-03-02T09:00:00.000Z")])),
      expect: []
    },
    {
      title: "LIF-04 refuses communications all dated after the first member joined",
      json: mutate((s) => {
        s.communications = [approach("serviceMeeting", "2026-03-02T09:01:00.000Z"), approach("email", "2026-03-02T09:01:00.000Z")]
        s.members[4].joinedAt = "2026-03-02T09:00:30.000Z"
        for (const m of s.members.slice(5)) m.joinedAt = "2026-03-05T09:00:00.000Z"
      }),
      expect: [{ kind: "blocking", path: ["communications"] }]
    },
    {
      title: "LIF-04 counts a member who joined before the others for the date of composition",
      json: mutate((s) => {
        s.communications = [approach("serviceMeeting", "2026-03-01T09:00:00.000Z"), approach("email", "2026-03-01T09:00:00.000Z")]
        s.members[3].joinedAt = "2026-02-28T09:00:00.000Z"
      }),
      expect: [{ kind: "blocking", path: ["communications"] }]
    },
    {
      title: "LIF-04 names the framing elements each invitation does not carry",
      json: mutate((s) => {
        s.invitations[0].carries = ["origin", "objectives", "themes"]
        s.invitations[1].carries = ["origin", "objectives", "perimeter", "themes"]
        s.collectiveInvitations = [
          { at: "2026-02-06T10:00:00.000Z", channel: "intranet", units: ["ut33-uc3-s1"], carries: ["origin", "origin", "origin", "origin", "origin"] }
        ]
      }),
      expect: [
        {
          kind: "blocking",
          path: ["invitations", 0, "carries"],
          fr: /^L'invitation de Mme Élodie Marchand ne reprend pas le périmètre et l'animation du cadrage\.$/,
          en: "The invitation of Élodie Marchand does not carry the framing's perimeter and facilitation."
        },
        {
          kind: "blocking",
          path: ["invitations", 1, "carries"],
          fr: /^L'invitation de M\. Karim Benali ne reprend pas l'animation du cadrage\.$/,
          en: "The invitation of Karim Benali does not carry the framing's facilitation."
        },
        {
          kind: "blocking",
          path: ["collectiveInvitations", 0, "carries"],
          fr: /^L'invitation collective par intranet ne reprend pas les objectifs, le périmètre, les thématiques et l'animation du cadrage\.$/,
          en: /^The collective invitation by intranet does not carry the framing's objectives, perimeter, themes,? and facilitation\.$/
        }
      ]
    },
    {
      title: "LIF-04 advises a second channel, in the singular for one, and a service meeting",
      json: mutate((s) => (s.communications = [approach("email", "2026-02-05T10:00:00.000Z")])),
      expect: [
        {
          kind: "advisory",
          path: ["communications"],
          fr: /^La démarche a été communiquée par 1 moyen ; il est conseillé de diversifier les moyens de communication \(au moins 2\)\.$/,
          en: "The approach was communicated through 1 channel; at least 2 are advised."
        },
        { kind: "advisory", path: ["communications"], fr: /aucune présentation en réunion de service/ }
      ]
    },
    {
      title: "LIF-04 reads the local number of channels, in the plural",
      json: mutate(() => undefined),
      config: { minCommunicationChannels: 3 },
      expect: [
        {
          kind: "advisory",
          path: ["communications"],
          fr: /^La démarche a été communiquée par 2 moyens ; il est conseillé de diversifier les moyens de communication \(au moins 3\)\.$/,
          en: "The approach was communicated through 2 channels; at least 3 are advised."
        }
      ]
    },
    {
      title: "LIF-04 advises nothing on channels when the local minimum is 0",
      json: mutate((s) => (s.communications = [approach("email", "2026-02-05T10:00:00.000Z")])),
      config: { minCommunicationChannels: 0 },
      expect: []
    },
    {
      title: "LIF-04 advises on channels from the announcement on, not before",
      json: mutate((s) => {
        early(s, "announced")
        s.communications = [approach("email", "2026-02-05T10:00:00.000Z")]
      }),
      at: "2026-02-10T00:00:00Z",
      expect: [
        { kind: "advisory", path: ["communications"] },
        { kind: "advisory", path: ["communications"] }
      ]
    },
    {
      title: "LIF-04 advises nothing on channels of an accepted exchange not yet announced",
      json: mutate((s) => {
        early(s, "approved")
        s.invitations = []
        s.communications = [approach("email", "2026-02-05T10:00:00.000Z")]
      }),
      at: "2026-02-10T00:00:00Z",
      expect: []
    },
    {
      title: "LIF-04 counts a collective invitation as a communication and as a channel",
      json: mutate((s) => {
        s.communications = [approach("email", "2026-02-05T10:00:00.000Z")]
        s.collectiveInvitations = [{ at: "2026-02-06T10:00:00.000Z", channel: "serviceMeeting", units: ["ut33-uc3-s1"] }]
      }),
      expect: []
    }
  ])
})

describe("LIF-05", () => {
  const noTime = (s: any) => delete s.framing.dedicatedTime
  cases("LIF-05", [
    {
      title: "LIF-05 refuses a framing with no dedicated time, and says what it is for",
      json: mutate(noTime),
      expect: [
        {
          kind: "blocking",
          path: ["framing", "dedicatedTime"],
          fr: /^Le cadrage ne prévoit aucun temps dédié : la démarche nécessite du temps pour la préparation, la participation, l'animation et la formalisation des travaux\.$/,
          en: "The framing allots no dedicated time: the approach needs time for preparation, participation, facilitation and formalisation."
        }
      ]
    },
    {
      title: "LIF-05 names each use without time, and accepts an amount or a declaration",
      json: mutate((s) => {
        s.framing.dedicatedTime = { participationHours: 12, declarations: { preparation: "sur le temps de travail", facilitation: "  " } }
      }),
      expect: [
        {
          kind: "blocking",
          path: ["framing", "dedicatedTime", "facilitationHours"],
          fr: /^Le cadrage ne prévoit pas de temps dédié pour l'animation \(une durée, ou une déclaration telle que « sur le temps de travail »\)\.$/,
          en: 'The framing allots no dedicated time for facilitation (an amount, or a declaration such as "on working time").'
        },
        {
          kind: "blocking",
          path: ["framing", "dedicatedTime", "formalisationHours"],
          fr: /pour la formalisation des travaux \(/,
          en: /for formalisation \(/
        }
      ]
    },
    {
      title: "LIF-05 waits while the exchange is framed and has invited no one",
      json: mutate((s) => noTime(framedOnly(s))),
      at: FEB1,
      expect: []
    },
    {
      title: "LIF-05 applies to a framed exchange as soon as it invites someone",
      json: mutate((s) => {
        early(s, "framed")
        delete s.approval
        s.communications = []
        noTime(s)
      }),
      at: "2026-02-10T00:00:00Z",
      expect: [{ kind: "blocking", path: ["framing", "dedicatedTime"] }]
    },
    {
      title: "LIF-05 applies to a framed exchange as soon as it invites collectively",
      json: mutate((s) => {
        noTime(framedOnly(s))
        s.collectiveInvitations = [{ at: "2026-02-06T10:00:00.000Z", channel: "intranet", units: ["ut33-uc3-s1"] }]
      }),
      at: "2026-02-10T00:00:00Z",
      expect: [{ kind: "blocking", path: ["framing", "dedicatedTime"] }]
    },
    {
      title: "LIF-05 applies once the exchange is accepted",
      json: mutate((s) => {
        early(s, "approved")
        s.invitations = []
        s.communications = []
        noTime(s)
      }),
      at: "2026-02-03T00:00:00Z",
      expect: [{ kind: "blocking", path: ["framing", "dedicatedTime"] }]
    }
  ])
})

describe("LIF-06", () => {
  cases("LIF-06", [
    {
      title: "LIF-06 refuses a session held without a venue",
      json: mutate((s) => delete s.sessions[1].venue),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "venue"],
          fr: /^La 2e séance \(18 mai 2026\) s'est tenue sans lieu consigné\.$/,
          en: "The 2nd session (2026-05-18) was held without a recorded venue."
        }
      ]
    },
    {
      title: "LIF-06 advises a venue for a session not yet held",
      json: mutate((s) => {
        s.state = "inSessions"
        delete s.sessions[3].venue
        s.sessions[3].status = "scheduled"
        for (const k of ["heldAt", "attendees", "presentations", "variants", "speakingTimes"]) delete s.sessions[3][k]
        s.sessions[3].minutes = []
        for (const k of ["conclusions", "restitution", "directionResponse", "review", "closedAt"]) delete s[k]
        s.actions = []
        s.testimonials = []
      }),
      at: "2026-09-01T00:00:00Z",
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 3, "venue"],
          fr: /^La 4e séance \(21 septembre 2026\) n'a pas encore de lieu : il doit être consigné avant qu'elle se tienne\.$/,
          en: "The 4th session (2026-09-21) has no venue yet: it must be recorded before the session is held."
        }
      ]
    },
    {
      title: "LIF-06 names each quality of the venue the facilitators have not attested",
      json: mutate((s) => {
        s.sessions[0].venue = { name: "Salle" }
        s.sessions[1].venue.quiet = false
        s.sessions[2].venue.private = false
        s.sessions[3].venue.equipped = false
      }),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 0, "venue"],
          fr: /^Le lieu de la 1re séance \(16 mars 2026\) doit être propice aux échanges : les animateurs n'ont pas attesté son équipement adéquat, qu'il favorise la concentration et qu'il garantit la liberté de parole\.$/,
          en: /^The venue of the 1st session \(2026-03-16\) must suit the exchanges: the facilitators have not attested suitable equipment, favours concentration, and protects freedom of speech\.$/
        },
        {
          kind: "advisory",
          path: ["sessions", 1, "venue"],
          fr: /n'ont pas attesté qu'il favorise la concentration\.$/,
          en: /^The venue of the 2nd session \(2026-05-18\) must suit the exchanges: the facilitators have not attested favours concentration\.$/
        },
        {
          kind: "advisory",
          path: ["sessions", 2, "venue"],
          fr: /n'ont pas attesté qu'il garantit la liberté de parole\.$/,
          en: /have not attested [^,]*freedom of speech\.$/
        },
        {
          kind: "advisory",
          path: ["sessions", 3, "venue"],
          fr: /n'ont pas attesté son équipement adéquat\.$/,
          en: /have not attested [^,]*equipment\.$/
        }
      ]
    }
  ])
})

describe("LIF-07", () => {
  /** A fifth session, held on 2 November 2026. */
  const fifth = (s: any) => {
    const x = JSON.parse(JSON.stringify(s.sessions[3]))
    Object.assign(x, { id: "ses-5", scheduledAt: "2026-11-02T09:30:00.000Z", heldAt: "2026-11-02T09:30:00.000Z", minutes: [], variants: [], presentations: [] })
    s.sessions.push(x)
  }
  cases("LIF-07", [
    {
      title: "LIF-07 refuses a cycle without a planned end, and says why",
      json: mutate((s) => delete s.framing.calendar.plannedEnd),
      expect: [
        {
          kind: "blocking",
          path: ["framing", "calendar", "plannedEnd"],
          fr: /^Le cycle ne déclare pas sa date de fin prévue : un échange entre pairs n'a pas vocation à être pérenne\.$/,
          en: "The cycle declares no planned end: a peer exchange is not permanent."
        }
      ]
    },
    {
      title: "LIF-07 asks for the planned end from the framed state on",
      json: mutate((s) => delete framedOnly(s).framing.calendar.plannedEnd),
      at: FEB1,
      expect: [{ kind: "blocking", path: ["framing", "calendar", "plannedEnd"] }]
    },
    {
      title: "LIF-07 leaves a framed exchange without a framing to LIF-02",
      json: mutate((s) => delete framedOnly(s).framing),
      at: FEB1,
      expect: []
    },
    {
      title: "LIF-07 does not ask a proposed exchange for its planned end",
      json: mutate((s) => {
        framedOnly(s).state = "proposed"
        delete s.framing.calendar.plannedEnd
      }),
      at: FEB1,
      expect: []
    },
    {
      title: "LIF-07 accepts a session scheduled at the planned end itself",
      json: mutate((s) => (s.framing.calendar.plannedEnd = "2026-09-21T09:30:00.000Z")),
      expect: []
    },
    {
      title: "LIF-07 refuses a session scheduled after the planned end, with both dates",
      json: mutate((s) => (s.framing.calendar.plannedEnd = "2026-09-21T09:29:00.000Z")),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 3, "scheduledAt"],
          fr: /^La 4e séance \(21 septembre 2026\) est postérieure à la fin prévue du cycle \(21 septembre 2026\) : modifier d'abord la fin prévue, avec un motif\.$/,
          en: "The 4th session (2026-09-21) is after the cycle's planned end (2026-09-21): amend the planned end first, with a reason."
        }
      ]
    },
    {
      title: "LIF-07 refuses a session held after the planned end though scheduled before it",
      json: mutate((s) => {
        s.framing.calendar.plannedEnd = "2026-09-21T09:30:00.000Z"
        s.sessions[3].heldAt = "2026-09-21T09:31:00.000Z"
      }),
      expect: [{ kind: "blocking", path: ["sessions", 3, "heldAt"], fr: /^La 4e séance \(21 septembre 2026\), tenue le 21 septembre 2026, est postérieure à la fin prévue du cycle \(21 septembre 2026\) : modifier d'abord la fin prévue, avec un motif\.$/ }]
    },
    {
      title: "LIF-07 accepts a session held at the planned end itself",
      json: mutate((s) => {
        s.framing.calendar.plannedEnd = "2026-09-21T09:31:00.000Z"
        s.sessions[3].heldAt = "2026-09-21T09:31:00.000Z"
      }),
      expect: []
    },
    {
      title: "LIF-07 advises against a fifth session within twelve months, at the fifth",
      json: mutate(fifth),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 4],
          fr: /^5 séances en douze mois à partir du 16 mars 2026 : trois ou quatre réunions annuelles doivent suffire \(au plus 4\)\.$/,
          en: "5 sessions within 12 months from 2026-03-16: 3 to 4 a year should suffice (at most 4)."
        }
      ]
    },
    {
      title: "LIF-07 reads the maximum from the policy",
      json: mutate(() => undefined),
      config: { maxSessionsPer12Months: 3 },
      expect: [{ kind: "advisory", path: ["sessions", 3], fr: /^4 séances en douze mois à partir du 16 mars 2026 .*\(au plus 3\)\.$/ }]
    },
    {
      title: "LIF-07 does not count a session exactly twelve months later in the same window",
      json: mutate((s) => {
        s.sessions[0].scheduledAt = "2025-09-21T09:30:00.000Z"
        s.sessions[0].heldAt = "2025-09-21T09:30:00.000Z"
      }),
      config: { maxSessionsPer12Months: 3 },
      expect: []
    },
    {
      title: "LIF-07 slides the window: four sessions within twelve months after a first one long before",
      json: mutate((s) => {
        s.sessions[0].scheduledAt = "2025-01-20T09:30:00.000Z"
        s.sessions[0].heldAt = "2025-01-20T09:30:00.000Z"
        fifth(s)
      }),
      config: { maxSessionsPer12Months: 3 },
      expect: [{ kind: "advisory", path: ["sessions", 4], fr: /^4 séances en douze mois à partir du 18 mai 2026 / }]
    },
    {
      title: "LIF-07 does not count a cancelled session",
      json: mutate((s) => {
        fifth(s)
        s.sessions[4].status = "cancelled"
      }),
      expect: []
    }
  ])
})
