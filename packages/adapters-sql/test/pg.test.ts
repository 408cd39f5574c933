import { contract } from "./contract.js"
import { describePg, freshPg } from "./helpers.js"
import { atomicity } from "./atomicity.js"

describePg("PostgreSQL", () => {
  contract("PostgreSQL", () => freshPg())
  atomicity("PostgreSQL", freshPg)
})
