/**
 * `entre-pairs demo`: the complete example cycle of `@entre-pairs/core`
 * (DDETS de la Gironde, labour-inspection control unit) run through the
 * real SQL event store on a fresh SQLite file, with the rules at work (two
 * refused commands, the advisories raised), then every document for every
 * audience that may receive it, in every format.
 */
import { Example, type Exchange, Exchange as ExchangeM, Obligations, Policy, View } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import { availableParallelism, loadavg } from "node:os"
import { dirname, join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { Worker } from "node:worker_threads"
import type * as RenderWorker from "./RenderWorker.js"
import type { Common, Lang } from "./Common.js"
import * as DemoFiles from "./DemoFiles.js"
import { handleFailures } from "./Failure.js"
import * as Files from "./Files.js"
import { formatDate, obligationLine, stateLabel, violationJson, violationLine } from "./Format.js"
import * as L from "./Labels.js"
import { decodeCommandOrExit } from "./Lifecycle.js"
import { messages, say, type Text, texts } from "./Messages.js"
import * as Output from "./Output.js"
import { fileName, renderView } from "./Render.js"
import * as Store from "./Store.js"

type Violation = Store.Executed["advisories"][number]

interface Refusal {
  readonly attempt: Text
  readonly command: string
  readonly violations: ReadonlyArray<Violation>
}

/** Tries a command that the rules must refuse; records the refusal. */
const attempt = (exchangeId: string, encoded: Record<string, unknown>, description: Refusal["attempt"], lang: Lang) =>
  Effect.gen(function* () {
    const command = yield* decodeCommandOrExit(encoded, lang)
    const result = yield* Effect.either(Store.execute(exchangeId, command))
    if (Either.isRight(result)) return undefined
    const e = result.left
    if (e._tag !== "RuleViolation") return yield* Effect.fail(e)
    return { attempt: description, command: command._tag, violations: e.violations } satisfies Refusal
  })

/**
 * The service's policy in the demo (local severity, RULES.md preamble): the
 * service wants the note's ideal size of 8 to 10 members kept (SIZ-01,
 * advisory in the note, blocking here), and switches off the lexicon that
 * flags themes suggesting an excluded use (PUR-06, advisory): its inspectors'
 * ordinary words (« sanction », « contrôle ») would raise it for nothing.
 * Recorded with the framing, stated as local rules in the note de cadrage and
 * the group's rules.
 */
export const servicePolicy: Policy.PolicyOverrides = { severity: { "SIZ-01": "blocking", "PUR-06": "off" } }

/**
 * Who receives each document in the note's flow: the framing goes to the
 * group, the direction that approves it and the whole organisation; the
 * liaison sends calendar, agendas and minutes to the line managers (RES-01);
 * minutes and training needs reach management (RES-02, RES-03); the
 * conclusions and the direction's response go wide after the restitution;
 * the review goes to the social-dialogue bodies (RES-06); an attestation to
 * the agent's training record. `--all-audiences` writes every audience the
 * rules allow (CNF-03) instead.
 */
export const recipients: Readonly<Record<L.Output, ReadonlyArray<L.Audience>>> = {
  framing: ["group", "direction", "organisation"],
  invitation: ["organisation"],
  charter: ["group"],
  composition: ["facilitators"],
  calendar: ["group", "lineManagers"],
  agenda: ["group", "lineManagers"],
  minutes: ["group", "lineManagers", "direction"],
  trainingNeeds: ["lineManagers", "direction"],
  conclusions: ["group", "direction", "organisation"],
  directionResponse: ["group", "organisation"],
  review: ["socialDialogue"],
  attestation: ["lineManagers"]
}

/** Every view that exists for the snapshot, for its recipients (or every audience that may receive it). */
const documents = (s: Exchange.ExchangeSnapshot, at: DateTime.Utc, allAudiences: boolean) => {
  const built: Array<{ view: View.View; request: View.Request; output: L.Output; audience: L.Audience; suffix?: string }> = []
  const refused: Array<{ output: L.Output; audience: L.Audience; rule: string }> = []
  const members = s.members.filter((m) => m.role === "operational").map((m) => m.agentId)
  for (const output of L.outputs) {
    const targets: Array<{ request: (a: L.Audience) => View.Request; suffix?: string }> =
      output === "agenda" || output === "minutes"
        ? s.sessions.map((session, i) => ({ request: (audience) => ({ output, audience, sessionId: session.id }), suffix: `seance-${i + 1}` }))
        : output === "attestation"
          ? members.map((agentId) => ({ request: (audience) => ({ output, audience, agentId }), suffix: agentId }))
          : [{ request: (audience) => ({ output, audience }) as View.Request }]
    const audiences: ReadonlyArray<L.Audience> = allAudiences && output !== "attestation" ? L.audiences : recipients[output]
    for (const target of targets) {
      for (const audience of audiences) {
        const request = target.request(audience)
        const view = View.build(s, request, { at })
        // The composition (profiles, facilitators only) has no document layout: `show --json` has it.
        if (Either.isRight(view) && view.right._tag === "CompositionView") continue
        if (Either.isRight(view)) built.push({ view: view.right, request, output, audience, ...(target.suffix === undefined ? {} : { suffix: target.suffix }) })
        else if (target === targets[0]) refused.push({ output, audience, rule: view.left._tag === "ViewRefused" ? view.left.rule : "—" })
      }
    }
  }
  return { built, refused }
}

/**
 * Starts the render worker (`dist/render-worker.js` beside the bin), or
 * returns `undefined` when it is not there (library use, tests on sources)
 * or the snapshot does not encode: then the main thread renders everything.
 */
const startWorker = (
  script: string | undefined,
  snapshot: Exchange.ExchangeSnapshot,
  at: DateTime.Utc,
  lang: Lang,
  jobs: ReadonlyArray<RenderWorker.Job>
): Promise<void> | undefined => {
  if (jobs.length === 0 || process.env["ENTRE_PAIRS_NO_WORKER"] !== undefined) return undefined
  // A second core that is busy elsewhere only adds the worker's start-up cost.
  if (availableParallelism() < 2 || loadavg()[0]! > availableParallelism()) return undefined
  if (script === undefined) return undefined
  let encoded: unknown
  try {
    encoded = ExchangeM.encode(snapshot)
  } catch {
    return undefined
  }
  const input: RenderWorker.Input = { snapshot: encoded, at: DateTime.formatIso(at), lang, jobs }
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: input })
    worker.once("message", (m: { ok: boolean; error?: string }) => (m.ok ? resolve() : reject(new Error(m.error))))
    worker.once("error", reject)
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`render worker exited with ${code}`))))
  })
}

/** `entre-pairs demo [--out DIR]`. */
export const demo = (c: { readonly out: string; readonly allAudiences: boolean; readonly force: boolean; readonly json: boolean; readonly lang: Lang }) => {
  const lang = c.lang
  const m = messages(lang)
  const started = Date.now()
  const database = join(c.out, DemoFiles.databaseName)
  const common: Common = { database, databaseUrl: Option.none(), json: c.json, lang }
  // A fresh database and no stale document from a previous run; never a file the demo did not write.
  const prepare = DemoFiles.prepare(c.out, c.force, lang)
  const program = Effect.gen(function* () {
    const commands = Example.cycleEncoded as ReadonlyArray<Record<string, unknown>>
    const exchangeId = String(commands[0]!["exchangeId"])
    const refusals: Array<Refusal> = []
    const advisories: Array<{ command: string; violation: Violation }> = []
    const states: Array<Exchange.ExchangeState> = []
    let events = 0
    let accepted = 0
    let last: Store.Executed | undefined
    let firstDraftSeen = false
    for (const encoded of commands) {
      // The rules at work: commands the rules refuse, tried where they would tempt.
      if (encoded["_tag"] === "Approve") {
        const r = yield* attempt(
          exchangeId,
          { _tag: "Invite", at: encoded["at"], agents: Example.invitedAgents },
          texts.attemptInviteEarly,
          lang
        )
        if (r !== undefined) refusals.push(r)
      }
      if (encoded["_tag"] === "DraftMinutes" && !firstDraftSeen) {
        firstDraftSeen = true
        const sessionId = encoded["sessionId"]
        const at = (min: number) => `2026-10-16T09:${String(min).padStart(2, "0")}:00.000Z`
        for (const draft of [
          { _tag: "DraftMinutes", at: at(0), sessionId, summary: "Karim Benali a ouvert le tour de table ; Sophie Marchand a décrit une visite de chantier interrompue." },
          { _tag: "FinaliseMinutes", at: at(5), sessionId }
        ]) {
          const command = yield* decodeCommandOrExit(draft, lang)
          last = yield* Store.execute(exchangeId, command)
          accepted++
          events += last.events.length
        }
        const r = yield* attempt(exchangeId, { _tag: "SendMinutes", at: at(10), sessionId }, texts.attemptSendNamed, lang)
        if (r !== undefined) refusals.push(r)
      }
      const command = yield* decodeCommandOrExit(encoded, lang)
      last = yield* Store.execute(exchangeId, command)
      accepted++
      events += last.events.length
      if (states[states.length - 1] !== last.snapshot.state) states.push(last.snapshot.state)
      for (const v of last.advisories) advisories.push({ command: command._tag, violation: v })
    }
    if (process.env["ENTRE_PAIRS_TIMING"] !== undefined) process.stderr.write(`[timing] cycle ${Date.now() - started} ms, cpu ${Math.round(process.cpuUsage().user / 1000)} ms\n`)
    // Read the exchange back from the store, as any later command would.
    const { state: stored, version } = yield* Store.load(exchangeId)
    const snapshot = stored!
    const at = snapshot.updatedAt ?? (yield* DateTime.now)
    const { built, refused } = documents(snapshot, at, c.allAudiences)
    const jobs = built.flatMap((d) =>
      (d.view._tag === "CalendarView" || d.view._tag === "AgendaView" ? L.formats : L.documentFormats).map((format) => ({
        ...d,
        format,
        file: join(c.out, fileName(d.output, d.audience, format, d.suffix))
      }))
    )
    // Two cores: a worker thread renders every other heavy file (PDF, DOCX).
    const heavy = jobs.filter((j) => j.format === "pdf" || j.format === "docx")
    yield* DemoFiles.record(c.out, jobs.map((j) => j.file), lang)
    const offloaded = new Set(heavy.filter((_, i) => i % 2 === 0))
    const here = dirname(fileURLToPath(import.meta.url))
    const candidates = [join(here, "render-worker.js"), join(here, "..", "render-worker.js")]
    const script = (yield* Effect.filter(candidates, Files.exists))[0]
    const worker = startWorker(script, snapshot, at, lang, [...offloaded].map((j) => ({ request: j.request, format: j.format, file: j.file })))
    const local = worker === undefined ? jobs : jobs.filter((j) => !offloaded.has(j))
    yield* Effect.forEach(
      local,
      (job) =>
        Effect.flatMap(renderView(job.view, job.format, lang), (bytes) => Files.writeFile(job.file, bytes, lang)),
      { discard: true }
    )
    if (worker !== undefined) yield* Effect.tryPromise({ try: () => worker, catch: (e) => e })
    if (process.env["ENTRE_PAIRS_TIMING"] !== undefined) process.stderr.write(`[timing] documents ${Date.now() - started} ms, cpu ${Math.round(process.cpuUsage().user / 1000)} ms\n`)
    const written = jobs.map((j) => ({ file: j.file, output: j.output, audience: j.audience, format: j.format }))
    written.sort((a, b) => a.file.localeCompare(b.file))
    const obligations = Obligations.due(snapshot, { at })
    const seconds = (Date.now() - started) / 1000
    if (c.json) {
      return yield* Output.json({
        ok: true,
        exchange: exchangeId,
        database,
        commands: accepted,
        events,
        version,
        states,
        refused: refusals.map((r) => ({ attempt: say(r.attempt, lang), command: r.command, violations: r.violations.map((v) => violationJson(v, lang)) })),
        advisories: advisories.map((a) => ({ command: a.command, ...violationJson(a.violation, lang) })),
        documents: written.map((w) => ({ file: w.file, output: w.output, audience: w.audience, format: w.format })),
        withheld: refused,
        localRules: Policy.localRules(undefined, snapshot.framing).map((r) => ({ rule: r.rule, localKind: r.localKind, noteKinds: r.noteKinds, level: r.level })),
        obligations: obligations.map((o) => ({ rule: o.rule, status: o.status, dueAt: DateTime.formatIso(o.dueAt), what: say(o.what, lang) })),
        seconds
      })
    }
    const dir = relative(process.cwd(), c.out) || "."
    const lines: Array<string> = [
      m.demoTitle,
      "",
      `« ${snapshot.title} »`,
      `${snapshot.service ?? ""} — ${exchangeId}`,
      m.freshDatabase(relative(process.cwd(), database)),
      "",
      m.demoCycle(accepted, events, version),
      `   ${states.map((s) => stateLabel(s, lang)).join(" → ")}`,
      `   ${m.demoFigures} ${snapshot.restitution === undefined ? "—" : formatDate(snapshot.restitution.at, lang)}`,
      "",
      m.demoRules,
      `   ${m.demoLocalRules(
        Policy.localRules(undefined, snapshot.framing)
          .map((r) => m.localRule(r.rule, L.label(L.severities, r.localKind, lang), r.noteKinds.map((k) => L.label(L.kinds, k, lang)).join(" / ")))
          .join(" ; ")
      )}`,
      ...refusals.flatMap((r) => [
        `   ✗ ${m.demoRefused} : ${say(r.attempt, lang)} (${r.command})`,
        ...r.violations.map((v) => `       ${violationLine(v, lang)}`)
      ]),
      `   ⚠ ${m.demoAdvisories(advisories.length)}`,
      ...advisories.map((a) => `       ${a.command} : ${violationLine(a.violation, lang)}`),
      "",
      m.demoDocuments(written.length, dir)
    ]
    for (const output of L.outputs) {
      const mine = written.filter((w) => w.output === output)
      if (mine.length === 0) continue
      const audiences = [...new Set(mine.map((w) => w.audience))].map((a) => L.label(L.audienceLabels, a, lang))
      const formats = [...new Set(mine.map((w) => w.format))]
      lines.push(`   ${L.label(L.outputLabels, output, lang).padEnd(34, " ")} ${String(mine.length).padStart(3)}  ${audiences.join(", ")} — ${formats.join(" ")}`)
    }
    const example =
      written.find((w) => w.output === "minutes" && w.audience === "direction" && w.format === "pdf" && w.file.includes("seance-2")) ??
      written.find((w) => w.output === "minutes" && w.format === "pdf")
    if (example !== undefined) lines.push(`   ${m.forExample} ${relative(process.cwd(), example.file)}`)
    if (refused.length > 0) {
      lines.push(
        `   ${m.withheld} : ${refused
          .map((r) => `${L.label(L.outputLabels, r.output, lang)} → ${L.label(L.audienceLabels, r.audience, lang)}`)
          .join(" ; ")}`
      )
    }
    lines.push("", m.demoObligations(formatDate(at, lang)))
    if (obligations.length === 0) lines.push(m.none)
    for (const o of obligations) lines.push(`   ${obligationLine(o, lang, true)}`)
    lines.push("", m.demoDone(seconds, exchangeId, relative(process.cwd(), database)))
    yield* Output.lines(lines)
  })
  return Effect.zipRight(prepare, program.pipe(Effect.provide(Store.layer(common, { synchronous: "NORMAL" }, servicePolicy)))).pipe(handleFailures(c))
}

