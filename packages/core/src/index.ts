/**
 * @entre-pairs/core — the rules of the French social ministries' note on peer
 * exchanges (échanges entre pairs) as typed aggregates, policies and views.
 *
 * @since 0.1.0
 */
export * as Agent from "./Agent.js"
export * as Audience from "./Audience.js"
export * as Command from "./Command.js"
export * as Composer from "./Composer.js"
export * as Decider from "./Decider.js"
export * as Diversity from "./Diversity.js"
export * as Eligibility from "./Eligibility.js"
export * as Evaluate from "./Evaluate.js"
export * as Event from "./Event.js"
export * as EventStore from "./EventStore.js"
export * as Example from "./Example.js"
export * as Exchange from "./Exchange.js"
export * as ExchangeService from "./ExchangeService.js"
export * as Framing from "./Framing.js"
export * from "./Ids.js"
export * as Input from "./Input.js"
export * as Instant from "./Instant.js"
export * as MemoryEventStore from "./MemoryEventStore.js"
export * as Names from "./Names.js"
export * as Obligations from "./Obligations.js"
export * as Policy from "./Policy.js"
export * as Rule from "./Rule.js"
export * as Rules from "./Rules.js"
export * as Session from "./Session.js"
export * as Speaking from "./Speaking.js"
export * as View from "./View.js"
export * as Violation from "./Violation.js"
export * as WorkQuestion from "./WorkQuestion.js"
