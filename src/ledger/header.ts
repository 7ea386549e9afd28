/**
 * Finding a ledger export's columns by their headings, as finance systems label them.
 */
import { type LedgerProblem, LedgerError } from './errors.js';

/** Where the ledger's columns are (0-based field indexes) and what the file calls them. */
export interface LedgerColumns {
  readonly postingDate: number;
  readonly costCentre: number;
  readonly account: number;
  /** The description/narrative column, when there is one (it is carried, never summed). */
  readonly description: number | undefined;
  /** How amounts are given: one signed column, or separate debit and credit columns. */
  readonly amount: { readonly kind: 'signed'; readonly column: number } | { readonly kind: 'debit-credit'; readonly debit: number; readonly credit: number };
  /** Headings exactly as in the file, by index (for messages). */
  readonly headings: readonly string[];
  /** Number of fields in the header; every row must have this many. */
  readonly width: number;
}

/** Accepted headings for each column, compared case-insensitively with spaces, `_` and `-` alike. */
export const COLUMN_LABELS = {
  postingDate: ['posting date', 'date', 'transaction date', 'gl date'],
  costCentre: ['cost centre', 'cost center', 'cc', 'cost centre code', 'cost center code'],
  account: ['account', 'subjective', 'nominal', 'account code', 'subjective code', 'nominal code'],
  description: ['description', 'narrative', 'details'],
  amount: ['amount', 'value', 'net amount', 'amount gbp', 'amount £'],
  debit: ['debit', 'debit amount', 'dr'],
  credit: ['credit', 'credit amount', 'cr'],
} as const;

function normalise(heading: string): string {
  return heading.trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/[()]/g, '').trim();
}

/**
 * Locate the ledger's columns from its header row (line 1).
 * Required: posting date, cost centre, account, and either an amount column or both
 * debit and credit columns. Description is optional.
 * @throws LedgerError with one problem per missing or repeated column, located at line 1.
 */
export function findLedgerColumns(headings: readonly string[], file: string): LedgerColumns {
  const problems: LedgerProblem[] = [];
  const normalised = headings.map(normalise);
  const find = (kind: keyof typeof COLUMN_LABELS, required: boolean, what: string): number | undefined => {
    const labels: readonly string[] = COLUMN_LABELS[kind];
    const found: number[] = [];
    normalised.forEach((heading, index) => {
      if (labels.includes(heading)) found.push(index);
    });
    if (found.length > 1) {
      problems.push({ file, row: 1, message: `has more than one ${what} column (${found.map((i) => `"${headings[i]}"`).join(', ')})` });
      return undefined;
    }
    if (found.length === 0 && required) {
      problems.push({ file, row: 1, message: `has no ${what} column (looked for ${labels.map((l) => `"${l}"`).join(', ')})` });
    }
    return found[0];
  };
  const postingDate = find('postingDate', true, 'posting date');
  const costCentre = find('costCentre', true, 'cost centre');
  const account = find('account', true, 'account');
  const description = find('description', false, 'description');
  const amountColumn = find('amount', false, 'amount');
  const debit = find('debit', false, 'debit');
  const credit = find('credit', false, 'credit');
  let amount: LedgerColumns['amount'] | undefined;
  if (amountColumn !== undefined) {
    if (debit !== undefined || credit !== undefined) {
      problems.push({ file, row: 1, message: 'has both an amount column and debit/credit columns; keep one or the other' });
    }
    amount = { kind: 'signed', column: amountColumn };
  } else if (debit !== undefined && credit !== undefined) {
    amount = { kind: 'debit-credit', debit, credit };
  } else if (!problems.some((p) => p.message.includes('more than one'))) {
    problems.push({ file, row: 1, message: 'has no amount column (looked for "amount", or "debit" and "credit")' });
  }
  if (problems.length > 0 || postingDate === undefined || costCentre === undefined || account === undefined || amount === undefined) {
    throw new LedgerError(problems);
  }
  return { postingDate, costCentre, account, description, amount, headings, width: headings.length };
}
