/**
 * Types of `@socialgouv/jours-feries` (2.0.0 ships none): the French public
 * holidays of a year, by their French name, as `Date`s built in the
 * process's time zone (`internal/workingDays.ts` reads them back so that
 * the result does not depend on it).
 */
declare module "@socialgouv/jours-feries" {
  function getJoursFeries(year: number, options?: { readonly alsace?: boolean }): Record<string, Date>
  export = getJoursFeries
}
