/**
 * ELI — eligibility: volunteering answers an invitation, the perimeter, the
 * occupation of a professionalisation group, the occupations and profiles of
 * a problem-solving group, guests, and agents of the perimeter not invited.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases, early } from "./harness.js"

const agentOf = (s: any, id: string) => s.agents.find((a: any) => a.id === id)
const invitationOf = (s: any, id: string) => s.invitations.find((i: any) => i.agentId === id)
const uninvite = (s: any, id: string) => (s.invitations = s.invitations.filter((i: any) => i.agentId !== id))
/** agt-011 (unit ut33-uc3-s2) volunteered on 18 February 2026 at noon: volunteers[10]. */
const V11 = "2026-02-18T12:00:00.000Z"

describe("ELI-01", () => {
  const refused = {
    kind: "blocking" as const,
    path: ["volunteers", 10, "agentId"],
    fr: /^Mme Lucie Bernard s'est portée volontaire sans avoir été invitée : le volontariat répond à une invitation\.$/,
    en: "Lucie Bernard volunteered without having been invited: volunteering answers an invitation."
  }
  cases("ELI-01", [
    { title: "ELI-01 refuses a volunteer never invited", json: mutate((s) => uninvite(s, "agt-011")), expect: [refused] },
    {
      title: "ELI-01 refuses a volunteer invited only after volunteering, and accepts one invited at that moment",
      json: mutate((s) => (invitationOf(s, "agt-011").at = "2026-02-18T12:01:00.000Z")),
      expect: [refused]
    },
    { title: "ELI-01 accepts an invitation at the very moment of volunteering", json: mutate((s) => (invitationOf(s, "agt-011").at = V11)), expect: [] },
    {
      title: "ELI-01 takes the earliest of several invitations",
      json: mutate((s) => {
        invitationOf(s, "agt-011").at = "2026-02-19T12:00:00.000Z"
        s.invitations.push({ agentId: "agt-011", at: "2026-02-17T12:00:00.000Z" })
        s.invitations.push({ agentId: "agt-011", at: "2026-02-20T12:00:00.000Z" })
      }),
      expect: []
    },
    {
      title: "ELI-01 counts a collective invitation of the volunteer's unit, up to the moment of volunteering",
      json: mutate((s) => {
        uninvite(s, "agt-011")
        s.collectiveInvitations = [{ at: V11, channel: "email", units: ["ut33-uc3-s2"] }]
      }),
      expect: []
    },
    {
      title: "ELI-01 does not count a collective invitation after the volunteering",
      json: mutate((s) => {
        uninvite(s, "agt-011")
        s.collectiveInvitations = [{ at: "2026-02-18T12:01:00.000Z", channel: "email", units: ["ut33-uc3-s2"] }]
      }),
      expect: [refused]
    },
    {
      title: "ELI-01 does not count a collective invitation of another unit",
      json: mutate((s) => {
        uninvite(s, "agt-011")
        s.collectiveInvitations = [{ at: "2026-02-10T12:00:00.000Z", channel: "email", units: ["ut33-uc3-s1"] }]
      }),
      expect: [refused]
    },
    {
      title: "ELI-01 refuses a member who never volunteered",
      json: mutate((s) => (s.volunteers = s.volunteers.filter((v: any) => v.agentId !== "agt-003"))),
      expect: [
        {
          kind: "blocking",
          path: ["members", 2, "agentId"],
          fr: /^Mme Sophie Lefèvre, membre du groupe, ne s'est pas portée volontaire : la participation repose sur le volontariat\.$/,
          en: "Sophie Lefèvre, a member of the group, did not volunteer."
        }
      ]
    },
    {
      title: "ELI-01 refuses a member who joined before volunteering, and accepts one who joined at that moment",
      json: mutate((s) => {
        s.volunteers[2].at = "2026-03-02T09:01:00.000Z"
        s.volunteers[3].at = "2026-03-02T09:00:00.000Z"
      }),
      expect: [
        {
          kind: "blocking",
          path: ["members", 2, "joinedAt"],
          fr: /^Mme Sophie Lefèvre a rejoint le groupe \(2 mars 2026\) avant de se porter volontaire \(2 mars 2026\)\.$/,
          en: "Sophie Lefèvre joined the group (2026-03-02) before volunteering (2026-03-02)."
        }
      ]
    }
  ])
})

describe("ELI-02", () => {
  cases("ELI-02", [
    {
      title: "ELI-02 refuses the invitation and the volunteering of an agent assigned outside the perimeter, naming the unit",
      json: mutate((s) => (agentOf(s, "agt-012").unit = "ddets33-srh")),
      expect: [
        {
          kind: "blocking",
          path: ["invitations", 11, "agentId"],
          fr: /^M\. Yann Kerbrat a été invité alors qu'il était affecté hors du périmètre de l'échange \(DDETS 33 — ressources humaines\)\.$/,
          en: "Yann Kerbrat was invited while assigned outside the exchange's perimeter (DDETS 33 — ressources humaines)."
        },
        {
          kind: "blocking",
          path: ["volunteers", 11, "agentId"],
          fr: /^M\. Yann Kerbrat s'est porté volontaire alors qu'il était affecté hors du périmètre de l'échange \(DDETS 33 — ressources humaines\)\.$/,
          en: "Yann Kerbrat volunteered while assigned outside the exchange's perimeter (DDETS 33 — ressources humaines)."
        }
      ]
    },
    {
      title: "ELI-02 reads the unit recorded at the invitation, then the one at the volunteering",
      json: mutate((s) => {
        s.invitations[10].unit = "ddets33-srh"
        s.volunteers[11].unit = "ddets33-prevention"
      }),
      expect: [
        { kind: "blocking", path: ["invitations", 10, "agentId"] },
        { kind: "blocking", path: ["volunteers", 11, "agentId"], fr: /\(DDETS 33 — prévention\)/ }
      ]
    },
    {
      title: "ELI-02 accepts a member reassigned later: the units recorded at the time count",
      json: mutate((s) => {
        agentOf(s, "agt-012").unit = "ddets33-srh"
        s.invitations[11].unit = "ut33-uc3-s3"
        s.volunteers[11].unit = "ut33-uc3-s3"
      }),
      expect: []
    },
    {
      title: "ELI-02 exempts a resource person from the perimeter",
      json: mutate((s) => {
        s.invitations[10].role = "resource"
        s.invitations[10].unit = "ddets33-srh"
        s.volunteers[10].unit = "ddets33-srh"
      }),
      expect: []
    },
    {
      title: "ELI-02 exempts a member composed as a resource person",
      json: mutate((s) => {
        s.volunteers[2].unit = "ddets33-srh"
        s.members[2].role = "resource"
      }),
      expect: []
    },
    {
      title: "ELI-02 has nothing to check without a perimeter",
      json: mutate((s) => {
        agentOf(s, "agt-012").unit = "ddets33-srh"
        s.framing.perimeter.units = []
      }),
      expect: []
    }
  ])
})

describe("ELI-03", () => {
  cases("ELI-03", [
    {
      title: "ELI-03 refuses a professionalisation group whose framing names no occupation",
      json: mutate((s) => delete s.framing.occupationsConcerned),
      expect: [
        {
          kind: "blocking",
          path: ["framing", "occupationsConcerned"],
          fr: /^Pour se professionnaliser, le cadrage nomme le métier \(ou la famille de métiers similaires\) des membres : sans métier nommé, le groupe ne peut pas être constitué\.$/,
          en: "For professionalisation the framing names the members' occupation (or family of similar occupations): without it the group cannot be composed."
        }
      ]
    },
    {
      title: "ELI-03 waits for members before asking for the occupation",
      json: mutate((s) => delete early(s, "announced").framing.occupationsConcerned),
      at: "2026-02-10T00:00:00Z",
      expect: []
    },
    {
      title: "ELI-03 refuses each member who neither exercises nor contributes to the occupation, with the labels",
      json: mutate((s) => {
        agentOf(s, "agt-003").occupation = "gestionnaire-rh"
        agentOf(s, "agt-004").occupation = "medecin-travail"
      }),
      expect: [
        {
          kind: "blocking",
          path: ["members", 2],
          fr: /^Mme Sophie Lefèvre, membre du groupe \(Gestionnaire RH\), n'exerce ni ne concourt au métier de l'échange : Inspecteur ou inspectrice du travail et Contrôleur ou contrôleuse du travail\.$/,
          en: "Sophie Lefèvre, a member of the group (Gestionnaire RH), neither exercises nor contributes to the exchange's occupation: Inspecteur ou inspectrice du travail and Contrôleur ou contrôleuse du travail."
        },
        { kind: "blocking", path: ["members", 3], fr: /^M\. Thomas Giraud, membre du groupe \(Médecin du travail\), n'exerce ni ne concourt au métier de l'échange : Inspecteur ou inspectrice du travail et Contrôleur ou contrôleuse du travail\.$/ }
      ]
    },
    {
      title: "ELI-03 does not apply to a problem-solving group",
      json: mutate((s) => {
        agentOf(s, "agt-003").occupation = "gestionnaire-rh"
        s.framing.purpose = "problemSolving"
      }),
      expect: []
    }
  ])
})

describe("ELI-04", () => {
  const problemSolving = (s: any, occupations: ReadonlyArray<string>) => {
    s.framing.purpose = "problemSolving"
    s.framing.occupationsConcerned = occupations
  }
  cases("ELI-04", [
    {
      title: "ELI-04 names each occupation concerned, by the framing or a question, that no member represents",
      json: mutate((s) => {
        problemSolving(s, ["inspecteur-travail", "medecin-travail"])
        s.questions[0].occupationsConcerned = ["psychologue-travail", "gestionnaire-rh"]
      }),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^Aucun membre ne représente le métier concerné « Médecin du travail » : il convient de convier des représentants des différents métiers concernés\.$/,
          en: 'No member represents the occupation concerned "Médecin du travail".'
        },
        { kind: "advisory", path: ["members"], fr: /« Gestionnaire RH »/, en: /"Gestionnaire RH"/ }
      ]
    },
    {
      title: "ELI-04 applies from composition on, not before",
      json: mutate((s) => {
        problemSolving(s, ["medecin-travail"])
        s.state = "composed"
      }),
      at: "2026-03-05T00:00:00Z",
      expect: [{ kind: "advisory", path: ["members"] }]
    },
    {
      title: "ELI-04 waits for the composition",
      json: mutate((s) => problemSolving(early(s, "announced"), ["medecin-travail"])),
      at: "2026-02-10T00:00:00Z",
      expect: []
    },
    {
      title: "ELI-04 does not apply to a professionalisation group",
      json: mutate((s) => (s.questions[0].occupationsConcerned = ["medecin-travail"])),
      expect: []
    }
  ])
})

describe("ELI-05", () => {
  /** A problem-solving group with no resource person anywhere. */
  const noResource = (s: any) => {
    s.framing.purpose = "problemSolving"
    s.members[8].role = "operational"
    s.framing.facilitation.mode = "solo"
    s.framing.facilitation.facilitators = [{ ...s.framing.facilitation.facilitators[0], profile: "occupationExpert" }]
    s.sessions[2].guests = []
  }
  cases("ELI-05", [
    {
      title: "ELI-05 advises a resource person when none takes part",
      json: mutate(noResource),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^Aucune personne ressource \(par ex\. psychologue du travail, chargé de prévention, RH\) ne participe, ni parmi les animateurs, ni parmi les membres, ni parmi les invités des séances : il convient d'adapter les profils au sujet traité\.$/,
          en: "No resource person (e.g. work psychologist, prevention officer, HR) takes part, among the facilitators, the members or the sessions' guests."
        }
      ]
    },
    {
      title: "ELI-05 counts a member composed as a resource person",
      json: mutate((s) => {
        noResource(s)
        s.members[8].role = "resource"
      }),
      expect: []
    },
    {
      title: "ELI-05 counts a facilitator with a resource profile",
      json: mutate((s) => {
        noResource(s)
        s.framing.facilitation.facilitators[0].profile = "workPsychologist"
      }),
      expect: []
    },
    {
      title: "ELI-05 counts a session's guest",
      json: mutate((s) => {
        noResource(s)
        s.sessions[2].guests = [{ agentId: "agt-g01", role: "occupationalPhysician", reason: "Éclairage médical." }]
      }),
      expect: []
    },
    {
      title: "ELI-05 advises operational members when all are resource persons",
      json: mutate((s) => {
        s.framing.purpose = "problemSolving"
        for (const m of s.members) m.role = "resource"
      }),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^Le groupe ne compte aucun opérationnel \(agents, encadrants\) : il convient d'adapter les profils au sujet traité\.$/,
          en: "The group has no operational member (agents, managers)."
        }
      ]
    },
    {
      title: "ELI-05 applies from composition on",
      json: mutate((s) => {
        noResource(s)
        s.state = "composed"
      }),
      at: "2026-03-05T00:00:00Z",
      expect: [{ kind: "advisory", path: ["members"] }]
    },
    {
      title: "ELI-05 says nothing of a group whose members have all withdrawn",
      json: mutate((s) => {
        noResource(s)
        for (const m of s.members) m.withdrawnAt = "2026-12-20T00:00:00.000Z"
      }),
      expect: []
    },
    {
      title: "ELI-05 does not apply to a professionalisation group",
      json: mutate((s) => {
        noResource(s)
        s.framing.purpose = "professionalisation"
      }),
      expect: []
    }
  ])
})

describe("ELI-06", () => {
  cases("ELI-06", [
    {
      title: "ELI-06 advises a reason for a guest, and that a guest is not a member",
      json: mutate((s) => {
        s.sessions[2].guests[0].reason = " "
        s.sessions[1].guests = [{ agentId: "agt-003", role: "other", reason: "Parce que" }]
      }),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 1, "guests", 0, "agentId"],
          fr: /^Mme Sophie Lefèvre est à la fois membre du groupe et invitée ponctuelle de la 2e séance \(18 mai 2026\) : un invité n'est pas membre\.$/,
          en: "Sophie Lefèvre is both a member of the group and an occasional guest of the 2nd session (2026-05-18)."
        },
        {
          kind: "advisory",
          path: ["sessions", 2, "guests", 0, "reason"],
          fr: /^Le motif de la présence de Mme Anne Besson, invitée à la 3e séance \(6 juillet 2026\), n'est pas consigné\.$/,
          en: "Anne Besson, a guest of the 3rd session (2026-07-06), has no recorded reason."
        }
      ]
    },
    {
      title: "ELI-06 agrees with the person: « invité ponctuel » for a man, « invitée ponctuelle » for a woman",
      json: mutate((s) => {
        s.sessions[1].guests = [{ agentId: "agt-002", role: "other", reason: "Parce que" }]
      }),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 1, "guests", 0, "agentId"],
          fr: /^M\. Karim Benali est à la fois membre du groupe et invité ponctuel de la 2e séance \(18 mai 2026\) : un invité n'est pas membre\.$/
        }
      ]
    }
  ])
})

describe("ELI-07", () => {
  const announced = (s: any) => early(s, "announced")
  const W = "2026-02-10T00:00:00Z"
  const drop = (s: any, ...ids: ReadonlyArray<string>) => (s.invitations = s.invitations.filter((i: any) => !ids.includes(i.agentId)))
  cases("ELI-07", [
    {
      title: "ELI-07 lists the agents of the perimeter with no invitation",
      json: mutate((s) => drop(announced(s), "agt-013", "agt-014")),
      at: W,
      expect: [
        {
          kind: "advisory",
          path: ["invitations"],
          fr: /^2 agents du périmètre n'ont reçu aucune invitation : Mme Pauline Girard et M\. Olivier Petit\. Une invitation collective \(courriel à tout le service, réunion de service\) vaut invitation ; une exclusion motivée \(absence, départ\) lève cet avertissement\.$/,
          en: /^2 agents of the perimeter have no recorded invitation: Pauline Girard and Olivier Petit\. A collective invitation counts; an exclusion with a reason silences this warning\.$/
        }
      ]
    },
    {
      title: "ELI-07 says « 1 agent du périmètre n'a » in the singular",
      json: mutate((s) => drop(announced(s), "agt-014")),
      at: W,
      expect: [{ kind: "advisory", path: ["invitations"], fr: /^1 agent du périmètre n'a reçu aucune invitation : /, en: /^1 agent of the perimeter has no recorded invitation: / }]
    },
    {
      title: "ELI-07 is silenced by a collective invitation of the unit, an exclusion, or being a facilitator",
      json: mutate((s) => {
        drop(announced(s), "agt-013", "agt-014", "agt-001")
        s.collectiveInvitations = [{ at: "2026-02-06T10:00:00.000Z", channel: "serviceMeeting", units: ["ut33-uc3-s4"] }]
        s.exclusions = [{ agentId: "agt-001", reason: "Congé de longue durée", at: "2026-02-05T10:00:00.000Z" }]
        agentOf(s, "agt-f01").unit = "ut33-uc3-s1"
      }),
      at: W,
      expect: []
    },
    {
      title: "ELI-07 ignores agents outside the perimeter",
      json: mutate((s) => drop(announced(s), "agt-009")),
      at: W,
      expect: []
    },
    {
      title: "ELI-07 speaks only between the announcement and the composition",
      json: mutate((s) => drop(s, "agt-013")),
      expect: []
    },
    {
      title: "ELI-07 does not speak before the announcement",
      json: mutate((s) => {
        drop(announced(s), "agt-013")
        s.state = "approved"
      }),
      at: W,
      expect: []
    },
    {
      title: "ELI-07 has nothing to list without a perimeter",
      json: mutate((s) => {
        drop(announced(s), "agt-013")
        s.framing.perimeter.units = []
      }),
      at: W,
      expect: []
    }
  ])
})
