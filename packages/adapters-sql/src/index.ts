/**
 * @entre-pairs/adapters-sql — the event store and read models of entre-pairs
 * on SQLite (embedded default) and PostgreSQL, over `@effect/sql`, and a
 * Promise facade for applications that do not use Effect.
 *
 * @since 0.1.0
 */
export * as SqlEventStore from "./SqlEventStore.js"
export * as Facade from "./Facade.js"
export {
  ClosedError,
  ConcurrencyConflictError,
  createEntrePairs,
  type EntrePairs,
  EntrePairsError,
  InvalidInputError,
  RuleViolationError,
  StoreError
} from "./Facade.js"
