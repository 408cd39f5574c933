/**
 * Arguments and options shared by the command declarations, and
 * `lifecycle`, the shape of an ergonomic subcommand: its options build one
 * encoded `Command.ExchangeCommand`, run like `exchange exec`. Imports
 * @effect/cli and effect only: the command tree is built at start-up.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type Common, common } from "../Common.js"

/** The lifecycle runner, loaded on demand. */
export const lifecycleHandlers = () => Effect.promise(() => import("../Lifecycle.js"))

export const exchangeArg = Args.text({ name: "exchange-id" }).pipe(Args.withDescription("Identifiant de l'échange / exchange ID (ex. ech-ddets33-uc3-2026)"))
export const at = Options.text("at").pipe(
  Options.withDescription("Date de la commande, ISO 8601 (défaut : maintenant) / when it happened"),
  Options.optional
)
export const session = Options.text("session").pipe(Options.withDescription("Identifiant de séance / session ID (ex. s2)"))
export const agent = Options.text("agent").pipe(Options.withDescription("Identifiant d'agent / agent ID (ex. agt-003)"))
export const text = (name: string, description: string) => Options.text(name).pipe(Options.withDescription(description))
export const optionalText = (name: string, description: string) => text(name, description).pipe(Options.optional)
export const many = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withDescription(`${description} (répétable ou séparé par des virgules / repeatable or comma-separated)`),
    Options.repeated,
    Options.map((values) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v.length > 0))
  )
/** `{ [key]: value }` when the option is set, else `{}`. */
export const some = <A>(o: Option.Option<A>, key: string) => (Option.isSome(o) ? { [key]: o.value } : {})

export const jsonValue = (name: string, description: string) =>
  Options.text(name).pipe(Options.withDescription(`${description} : JSON, @fichier ou - (stdin) / JSON, @file or -`))

type LifecycleConfig = Record<string, Options.Options<any> | Args.Args<any>>

/**
 * An ergonomic subcommand: its options build one encoded command of
 * `Command.ExchangeCommand`, which then runs like `exchange exec`.
 */
export const lifecycle = <const C extends LifecycleConfig>(
  name: string,
  tag: string,
  description: string,
  config: C,
  build: (a: Command.Command.ParseConfig<C>) => Record<string, unknown>
) =>
  Command.make(name, { exchange: exchangeArg, at, ...common, ...config }, (parsed) => {
    // The spread of a generic record is opaque to the checker: name the shared fields.
    const a = parsed as unknown as Common & { readonly exchange: string; readonly at: Option.Option<string> }
    return Effect.flatMap(lifecycleHandlers(), (h) =>
      h.execute(a, a.exchange, { _tag: tag, ...some(a.at, "at"), ...build(parsed as unknown as Command.Command.ParseConfig<C>) })
    )
  }).pipe(Command.withDescription(`${description} [${tag}]`))

/** Estate queries: a page of at most `--limit` rows after `--cursor` (the `next` a page printed). */
export const page = {
  limit: Options.integer("limit").pipe(
    Options.withDescription("Lignes par page, 1 à 1000 (sans : tout) / rows per page"),
    Options.optional
  ),
  cursor: Options.text("cursor").pipe(
    Options.withDescription("Suite d'une page précédente / where the previous page stopped"),
    Options.optional
  )
}

/** `--service`: the service (direction) running the exchanges. */
export const serviceOption = Options.text("service").pipe(
  Options.withDescription("Service (direction) des échanges / the exchanges' service"),
  Options.optional
)
