/**
 * Recipe: entre-pairs served over HTTP inside an intranet service, with
 * `@effect/platform`'s HttpApi (which also yields the OpenAPI document).
 * The audience of every view comes from the authenticated user's role, never
 * from the request. Run by packages/adapters-sql/test/http-recipe.test.ts,
 * which makes the real HTTP requests.
 */
import * as HttpApi from "@effect/platform/HttpApi"
import * as HttpApiBuilder from "@effect/platform/HttpApiBuilder"
import * as HttpApiEndpoint from "@effect/platform/HttpApiEndpoint"
import * as HttpApiGroup from "@effect/platform/HttpApiGroup"
import * as HttpApiMiddleware from "@effect/platform/HttpApiMiddleware"
import * as HttpApiSchema from "@effect/platform/HttpApiSchema"
import * as HttpApiSecurity from "@effect/platform/HttpApiSecurity"
import * as HttpServer from "@effect/platform/HttpServer"
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { AgentId, Audience, Command, Decider, ExchangeService, SessionId, View, Violation } from "@entre-pairs/core"
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { createServer } from "node:http"

// --- Who is calling -----------------------------------------------------------

/** The intranet's roles, and the audience each one reads views as. */
export const Role = Schema.Literal("facilitator", "member", "lineManager", "director", "socialDialogue", "staff")
export type Role = typeof Role.Type
const audienceOf: { readonly [R in Role]: Audience.Audience } = {
  facilitator: "facilitators",
  member: "group",
  lineManager: "lineManagers",
  director: "direction",
  socialDialogue: "socialDialogue",
  staff: "organisation"
}

/** The authenticated user, as the intranet's single sign-on gives it. */
export class CurrentUser extends Context.Tag("CurrentUser")<CurrentUser, { readonly id: string; readonly role: Role }>() {}

export class Unauthorized extends Schema.TaggedError<Unauthorized>()(
  "Unauthorized",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 401 })
) {}

export class Forbidden extends Schema.TaggedError<Forbidden>()(
  "Forbidden",
  { message: Schema.String },
  HttpApiSchema.annotations({ status: 403 })
) {}

/** Bearer authentication: the token identifies the user and their role. */
export class Authentication extends HttpApiMiddleware.Tag<Authentication>()("Authentication", {
  failure: Unauthorized,
  provides: CurrentUser,
  security: { bearer: HttpApiSecurity.bearer }
}) {}

// --- The API -------------------------------------------------------------------

const ExchangePath = Schema.Struct({ exchangeId: Schema.String })

const Api = HttpApi.make("entre-pairs").add(
  HttpApiGroup.make("exchanges")
    .add(
      HttpApiEndpoint.post("execute", "/exchanges/:exchangeId/commands")
        .setPath(ExchangePath)
        .setPayload(Command.ExchangeCommand)
        .addSuccess(Schema.Struct({ version: Schema.Number, state: Schema.String, advisories: Schema.Array(Violation.Violation) }))
        .addError(Violation.RuleViolation, { status: 409 })
        .addError(Decider.InvalidCommand, { status: 400 })
        .addError(Forbidden)
    )
    .add(
      HttpApiEndpoint.get("view", "/exchanges/:exchangeId/views/:output")
        .setPath(Schema.Struct({ exchangeId: Schema.String, output: Schema.Literal(...Audience.outputs) }))
        .setUrlParams(Schema.Struct({ sessionId: Schema.optional(Schema.String), agentId: Schema.optional(Schema.String) }))
        .addSuccess(Schema.Unknown.annotations({ description: "the view of the output for the caller's audience, as JSON" }))
        .addError(View.ViewRefused, { status: 403 })
        .addError(View.ViewUnavailable, { status: 404 })
        .addError(ExchangeService.ExchangeNotFound, { status: 404 })
        .addError(Forbidden)
    )
    .middleware(Authentication)
)

// --- The handlers --------------------------------------------------------------

/** A view as JSON: instants as ISO-8601 strings. */
const toJson = (value: unknown): unknown =>
  DateTime.isDateTime(value)
    ? DateTime.formatIso(value)
    : Array.isArray(value)
    ? value.map(toJson)
    : typeof value === "object" && value !== null
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toJson(v)]))
    : value

/** Who may change an exchange: its facilitators and the direction. */
const mayExecute = (role: Role) => role === "facilitator" || role === "director"

const ExchangesLive = HttpApiBuilder.group(Api, "exchanges", (handlers) =>
  handlers
    .handle("execute", ({ path, payload }) =>
      Effect.gen(function*() {
        const user = yield* CurrentUser
        if (!mayExecute(user.role)) return yield* new Forbidden({ message: `a ${user.role} does not change exchanges` })
        const service = yield* ExchangeService.ExchangeService
        const executed = yield* service.execute(path.exchangeId, payload).pipe(
          // The store's own failures are the server's (500), not the caller's.
          Effect.catchTags({ EventStoreError: Effect.die, ConcurrencyConflict: Effect.die })
        )
        return { version: executed.version, state: executed.snapshot.state, advisories: executed.advisories }
      }))
    .handle("view", ({ path, urlParams }) =>
      Effect.gen(function*() {
        const user = yield* CurrentUser
        // The audience is the user's, whatever the request says.
        const audience = audienceOf[user.role]
        const request: View.Request = path.output === "agenda" || path.output === "minutes"
          ? { output: path.output, audience, sessionId: SessionId.make(urlParams.sessionId ?? "") }
          : path.output === "attestation"
          ? { output: path.output, audience, agentId: AgentId.make(urlParams.agentId ?? user.id) }
          : { output: path.output, audience }
        const service = yield* ExchangeService.ExchangeService
        const view = yield* service.view(path.exchangeId, request).pipe(Effect.catchTag("EventStoreError", Effect.die))
        return toJson(view)
      }))
)

/** The intranet's tokens; in production, the single sign-on's verification. */
export type Directory = ReadonlyMap<string, { readonly id: string; readonly role: Role }>

const authentication = (directory: Directory) =>
  Layer.succeed(
    Authentication,
    Authentication.of({
      bearer: (token) => {
        const user = directory.get(Redacted.value(token))
        return user === undefined ? Effect.fail(new Unauthorized({ message: "unknown token" })) : Effect.succeed(user)
      }
    })
  )

/**
 * The server: the API and its OpenAPI document (`/openapi.json`), the
 * application service over the SQLite event store, on `port` (0: any free
 * port; the `HttpServer` in the layer's output has the address).
 */
export const server = (options: { readonly filename: string; readonly port: number; readonly directory: Directory }) =>
  HttpApiBuilder.serve().pipe(
    Layer.provide(HttpApiBuilder.middlewareOpenApi()),
    Layer.provide(HttpApiBuilder.api(Api)),
    Layer.provide(ExchangesLive),
    Layer.provide(authentication(options.directory)),
    Layer.provide(ExchangeService.layer().pipe(Layer.provide(SqlEventStore.layerSqlite({ filename: options.filename })))),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: options.port }))
  )

/** The address the server listens on. */
export const address = Effect.map(HttpServer.HttpServer, (server) =>
  server.address._tag === "TcpAddress" ? `http://127.0.0.1:${server.address.port}` : "")
