/**
 * Handlers that end an exchange: abandonment (from any open state, never
 * refused by a rule) and closing after the restitution.
 */
import { type Handlers, ok } from "./common.js"

export const closing: Handlers<"Abandon" | "Close"> = {
  Abandon: (c, _, at) => ok({ _tag: "ExchangeAbandoned", at, reason: c.reason }),
  Close: (_c, _, at) => ok({ _tag: "ExchangeClosed", at })
}
