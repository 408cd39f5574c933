/**
 * PUR — purpose and scope (note I-a, I-b, I-c, I-d).
 */
import type { Rule } from "../../Rule.js"
import type { Path, Violation } from "../../Violation.js"
import { isExcluded } from "../../WorkQuestion.js"
import { natureEn, natureFr } from "../fr.js"
import { cite, seance, sessionEn } from "../labels.js"
import { advisory, blocking, isBlank, local, none, push, rule, title } from "../util.js"

/**
 * The words of a text as PUR-06 compares them: lower case, without accents or
 * ligatures, split on anything that is not a letter or a digit. The same
 * texts are read at every evaluation (the lifecycle evaluates before and
 * after each command), so results are kept, within a bound.
 */
const tokenCache = new Map<string, ReadonlyArray<string>>()
const tokens = (s: string): ReadonlyArray<string> => {
  let t = tokenCache.get(s)
  if (t === undefined) {
    t = s
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0)
    if (tokenCache.size >= 4096) tokenCache.clear()
    tokenCache.set(s, t)
  }
  return t
}

interface Lexicon {
  /** Entries by their first word: whole words in sequence, an optional plural (s, x) on each. */
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<{ readonly entry: string; readonly words: ReadonlyArray<string> }>>
}

const compileLexicon = (lexicon: ReadonlyArray<string>): Lexicon => {
  const byFirst = new Map<string, Array<{ entry: string; words: ReadonlyArray<string> }>>()
  for (const entry of lexicon) {
    const words = tokens(entry)
    if (words.length === 0) continue
    const list = byFirst.get(words[0]!) ?? []
    list.push({ entry, words })
    byFirst.set(words[0]!, list)
  }
  return { byFirst }
}

const lexicons = new WeakMap<ReadonlyArray<string>, Lexicon>()
const lexiconOf = (words: ReadonlyArray<string>): Lexicon => {
  let compiled = lexicons.get(words)
  if (compiled === undefined) {
    compiled = compileLexicon(words)
    lexicons.set(words, compiled)
  }
  return compiled
}

/** A word of the text matches a word of the lexicon, or its plural. */
const same = (word: string, entry: string): boolean => word === entry || word === `${entry}s` || word === `${entry}x`
const singular = (word: string): string => (word.length > 1 && (word.endsWith("s") || word.endsWith("x")) ? word.slice(0, -1) : word)

/** The lexicon entry a text suggests, if any (PUR-06). */
const suggested = (lexicon: Lexicon, text: string): string | undefined => {
  const ws = tokens(text)
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!
    const candidates = lexicon.byFirst.get(w) ?? lexicon.byFirst.get(singular(w))
    if (candidates === undefined) continue
    for (const { entry, words } of candidates) {
      if (i + words.length > ws.length) continue
      if (words.every((x, k) => same(ws[i + k]!, x))) return entry
    }
  }
  return undefined
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "PUR-01",
    kind: "blocking",
    family: "purpose",
    section: "I-c",
    title: title(
      "L'échange déclare au moins un objectif : régulation collective de l'activité ; identification, analyse et résolution d'un problème ; développement professionnel.",
      "An exchange declares at least one objective among: collective regulation of activity; identification, analysis and resolution of a problem; professional development."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const framing = ctx.snapshot.framing
      if (framing === undefined || framing.objectives.length > 0) return none
      return [
        blocking(
          "PUR-01",
          ["framing", "objectives"],
          "Le cadrage ne déclare aucun objectif : régulation collective de l'activité, résolution d'un problème ou développement professionnel.",
          "The framing declares no objective (collective regulation, problem resolution or professional development)."
        )
      ]
    }
  }),
  rule({
    id: "PUR-02",
    kind: "blocking",
    family: "purpose",
    section: "I-d",
    version: 2,
    title: title(
      "L'échange déclare sa finalité principale : résoudre des problèmes / améliorer des situations, ou se professionnaliser / développer les pratiques. Les deux ne s'excluent pas : « dans tous les cas », la finalité est le développement professionnel, et résoudre des problèmes professionnalise aussi. La finalité principale choisit les règles de composition (ELI-03, ELI-04, ELI-05) et les conditions de réussite rappelées dans les documents.",
      "An exchange declares its main purpose: problem solving / improving situations, or professionalisation / developing practices. The two are not exclusive: « dans tous les cas » the finality is professional development, and problem solving also professionalises. The main purpose selects the composition rules (ELI-03, ELI-04, ELI-05) and the success conditions shown in documents."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const framing = ctx.snapshot.framing
      if (framing === undefined || framing.purpose !== undefined) return none
      return [
        blocking(
          "PUR-02",
          ["framing", "purpose"],
          "Le cadrage ne déclare pas la finalité principale de l'échange : résoudre des problèmes ou se professionnaliser.",
          "The framing does not declare the exchange's main purpose (problem solving or professionalisation)."
        )
      ]
    }
  }),
  rule({
    id: "PUR-03",
    kind: "blocking",
    family: "purpose",
    section: "Introduction, I-a",
    version: 2,
    title: title(
      "Chaque question de travail est ancrée dans le travail réel et nomme son objet : activité, règles et processus, ressources, contraintes, sens donné au travail, conditions de réalisation, difficultés rencontrées, pratiques pour les surmonter et leurs limites — ou un autre objet du travail, décrit en quelques mots (la liste de la note se termine par « etc. »).",
      "Every work question (theme) is anchored in real work and names its subject among: activity, rules and processes, resources, constraints, meaning of work, working conditions, difficulties met, practices to overcome them and their limits — or another subject of the work, described in a few words (the note's list ends in « etc. »)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.questions.forEach((q, i) => {
        if (q.subject === undefined) {
          out = push(
            out,
            blocking(
              "PUR-03",
              ["questions", i, "subject"],
              `La question « ${cite(q.title)} » ne précise pas son objet : l'activité, les règles et processus, les ressources, les contraintes… ou un autre objet du travail, décrit en quelques mots.`,
              `The question "${cite(q.title)}" does not name its subject (activity, rules and processes, resources, constraints… or another subject described in a few words).`
            )
          )
        } else if (q.subject === "other" && isBlank(q.subjectDescription)) {
          out = push(
            out,
            blocking(
              "PUR-03",
              ["questions", i, "subjectDescription"],
              `La question « ${cite(q.title)} » porte sur un autre objet du travail sans le décrire en quelques mots.`,
              `The question "${cite(q.title)}" is about another subject of the work without describing it in a few words.`
            )
          )
        }
        if (isBlank(q.anchoring)) {
          out = push(
            out,
            blocking(
              "PUR-03",
              ["questions", i, "anchoring"],
              `La question « ${cite(q.title)} » n'est pas ancrée dans une situation de travail réelle.`,
              `The question "${cite(q.title)}" is not anchored in a real work situation.`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "PUR-04",
    kind: "blocking",
    family: "purpose",
    section: "I-b",
    version: 2,
    title: title(
      "Une question ou un point d'ordre du jour relevant d'un usage exclu est refusé : transmission d'informations descendantes ; recueil d'opinions individuelles ; règlement de comptes interpersonnels ; seulement ce qui doit être fait ; négociation ou revendication ; prise de décision ; remise en cause des agents et de leurs pratiques professionnelles (juger une personne ou sa propre manière de faire — l'analyse critique des processus et des pratiques de travail est la démarche elle-même, jamais exclue) ; discussion générale sans objectif.",
      "A theme or agenda item whose nature is one of the excluded uses is refused: top-down information from management; collection of individual opinions; settling interpersonal disputes; only prescribing what should be done; negotiation or demands; taking decisions; calling individual agents into question (judging a person or their own way of working — the critical analysis of work processes and practices is the approach itself, never excluded); a general discussion without an objective."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.questions.forEach((q, i) => {
        if (isExcluded(q.nature)) {
          out = push(
            out,
            blocking(
              "PUR-04",
              ["questions", i, "nature"],
              `La question « ${cite(q.title)} » relève d'un usage que la note exclut : ${natureFr[q.nature]}.`,
              `The question "${cite(q.title)}" is an excluded use of an exchange: ${natureEn[q.nature]}.`
            )
          )
        }
      })
      ctx.snapshot.sessions.forEach((s, si) => {
        s.agenda?.items.forEach((item, ii) => {
          if (isExcluded(item.nature)) {
            out = push(
              out,
              blocking(
                "PUR-04",
                ["sessions", si, "agenda", "items", ii, "nature"],
                `Le point « ${item.title} » de l'ordre du jour de la ${seance(ctx.snapshot, s)} relève d'un usage que la note exclut : ${natureFr[item.nature]}.`,
                `Agenda item "${item.title}" of the ${sessionEn(ctx.snapshot, s)} is an excluded use: ${natureEn[item.nature]}.`
              )
            )
          }
        })
      })
      return out ?? none
    }
  }),
  rule({
    id: "PUR-05",
    kind: "guarantee",
    family: "purpose",
    section: "I-b",
    title: title(
      "L'échange n'est jamais une instance de décision ni un substitut aux réunions de service ou aux instances représentatives du personnel : le modèle n'a pas d'issue « décision » ; les décisions n'existent que dans la réponse de la direction (RES-05). Ses travaux peuvent alimenter ces instances.",
      "The exchange is never a decision body nor a substitute for service meetings or staff-representative bodies: the model has no \"decision\" outcome; decisions exist only as the direction's response (RES-05). Its outputs may feed those bodies."
    ),
    parameters: [],
    scope: "guarantee"
  }),
  rule({
    id: "PUR-06",
    kind: "advisory",
    family: "purpose",
    section: "I-b",
    version: 2,
    title: title(
      "Une thématique, une question ou un point d'ordre du jour dont la formulation évoque un usage exclu (lexique local, par ex. « prime », « revendication », « évaluation individuelle », « conflit entre collègues » ; jamais les mots du travail ordinaire, comme « sanction » pour un service d'inspection) est signalé aux animateurs, qui confirment sa nature.",
      "A theme, question or agenda item whose wording suggests an excluded use (a French lexicon, local, e.g. « prime », « revendication », « évaluation individuelle », « conflit entre collègues »; never words of ordinary work such as « sanction » for an inspection service) is flagged for the facilitators to confirm its nature."
    ),
    parameters: [local("excludedUseLexicon")],
    scope: "snapshot",
    check: (ctx) => {
      const lexicon = lexiconOf(ctx.config.excludedUseLexicon)
      if (lexicon.byFirst.size === 0) return none
      let out: Array<Violation> | undefined
      const flag = (text: string, path: Path, whatFr: string, whatEn: string, whereFr = "", whereEn = "") => {
        const entry = suggested(lexicon, text)
        if (entry === undefined) return
        out = push(
          out,
          advisory(
            "PUR-06",
            path,
            `${whatFr} « ${text} »${whereFr} évoque un usage que la note exclut (« ${entry} ») : les animateurs confirment sa nature avant d'en débattre.`,
            `${whatEn} "${text}"${whereEn} suggests an excluded use ("${entry}"): the facilitators confirm its nature before it is discussed.`
          )
        )
      }
      const f = ctx.snapshot.framing
      if (f !== undefined && f.themesNatureConfirmed !== true) {
        f.themes.forEach((t, i) => flag(t, ["framing", "themes", i], "La thématique", "The theme"))
      }
      ctx.snapshot.questions.forEach((q, i) => {
        if (q.natureConfirmed === true || isExcluded(q.nature)) return
        flag(q.title, ["questions", i, "title"], "La question", "The question")
      })
      ctx.snapshot.sessions.forEach((s, si) => {
        s.agenda?.items.forEach((item, ii) => {
          if (item.natureConfirmed === true || isExcluded(item.nature)) return
          flag(
            item.title,
            ["sessions", si, "agenda", "items", ii, "title"],
            "Le point",
            "The agenda item",
            ` de l'ordre du jour de la ${seance(ctx.snapshot, s)}`,
            ` of the ${sessionEn(ctx.snapshot, s)}`
          )
        })
      })
      return out ?? none
    }
  })
]
