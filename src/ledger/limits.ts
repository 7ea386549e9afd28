/** Ledger-reading limits shared by the reader and the `actuals` command's option defaults (no dependencies). */

/** How many located problems the ledger reader collects before it stops (`--max-errors` default). */
export const DEFAULT_MAX_ERRORS = 10;
