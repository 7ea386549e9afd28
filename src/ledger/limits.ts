/** Ledger-reading limits shared by the reader and the `actuals` command's option defaults (no dependencies). */

/** How many located problems the ledger reader collects before it stops (`--max-errors` default). */
export const DEFAULT_MAX_ERRORS = 10;

/**
 * The ledger record (one row, all its fields, quoted line breaks included) the reader
 * stops waiting for: once more than 4 MiB of a record has been read without its end
 * (checked between reads of 1 MiB), it is a located problem at the row it starts on,
 * almost always a quote left open that would otherwise swallow the rest of the file into
 * one field. So records of up to 4 MiB are always read, and none over 5 MiB is; memory
 * stays at two read chunks plus this, whatever the input.
 */
export const MAX_LEDGER_RECORD_BYTES = 4 * 1024 * 1024;
