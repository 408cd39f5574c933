import { contract } from "./contract.js"
import { freshSqlite } from "./helpers.js"
import { atomicity } from "./atomicity.js"

contract("SQLite", () => freshSqlite())
atomicity("SQLite", freshSqlite)
