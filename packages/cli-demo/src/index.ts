/**
 * @entre-pairs/cli-demo — the `entre-pairs` command: a full peer-exchange
 * cycle in one demo, every lifecycle operation, snapshot checks, agent
 * imports and the composer. The command definitions are exported for
 * embedding and testing.
 *
 * @since 0.1.0
 */
export * as AgentImport from "./AgentImport.js"
export * as Cli from "./Cli.js"
