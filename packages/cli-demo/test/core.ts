/**
 * The built core, the one bundled into the bin these tests spawn: fixtures
 * taken from it always match what the bin knows, even while core's sources
 * are being edited.
 */
export * from "../../core/dist/index.js"
