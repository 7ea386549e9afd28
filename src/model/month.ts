/**
 * Calendar months, as the trend of monthly snapshots uses them (docs/trend.md). A month
 * is held as ISO text `YYYY-MM` (`2021-03`), which sorts in calendar order as text.
 */

/** A calendar month as ISO text `YYYY-MM`, e.g. `2021-03`. */
export type Month = string & { readonly __month: unique symbol };

/** The English month names, January first (three-letter forms are their first three letters). */
export const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

/**
 * The month of a year and month number.
 * @throws RangeError when `year` is not 1000–9999 or `month` not 1–12 (a caller's bug; parse user text with `monthsIn`).
 */
export function monthOf(year: number, month: number): Month {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`no such month: ${year}-${month}`);
  }
  return `${year}-${String(month).padStart(2, '0')}` as Month;
}

/** The month after `month` (`2020-12` → `2021-01`). */
export function nextMonth(month: Month): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? monthOf(year + 1, 1) : monthOf(year, number + 1);
}

/** The calendar months strictly between each neighbouring pair of `months` (ascending), in order: the months no snapshot covers. */
export function missingMonths(months: readonly Month[]): Month[] {
  const missing: Month[] = [];
  for (let index = 1; index < months.length; index++) {
    for (let month = nextMonth(months[index - 1]!); month < months[index]!; month = nextMonth(month)) missing.push(month);
  }
  return missing;
}

/**
 * Every month a snapshot's name gives (docs/trend.md, "Which month a snapshot is"),
 * without repeats, in the order found. Recognised, case-insensitively, anywhere in the
 * name where not run into other letters or digits:
 * - ISO year and month, `YYYY-MM` (also with `_`, `.` or a space), so `2021-03`,
 *   `monitoring_2021_03` and the date `2021-03-31` are all March 2021;
 * - an English month name or its first three letters (and `sept`) with a four-digit year
 *   before or after it, joined by `-`, `_`, `.`, a space or nothing: `march-2021`,
 *   `Mar 2021`, `2021-march`, `mar2021`.
 * Two-digit years (`mar-21`) are not read: the century would be a guess.
 */
export function monthsIn(name: string): Month[] {
  const found: Month[] = [];
  const note = (year: string, month: number) => {
    const value = monthOf(Number(year), month); // number-ok: a calendar year, not money
    if (!found.includes(value)) found.push(value);
  };
  const text = name.toLowerCase();
  for (const match of text.matchAll(/(?<![a-z0-9])((?:19|20)\d\d)[-_. ](0[1-9]|1[0-2]|[1-9])(?![0-9])/g)) note(match[1]!, Number(match[2])); // number-ok: a month number, not money
  const names = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
  const number = (word: string) => MONTH_NAMES.findIndex((month) => month.startsWith(word.slice(0, 3))) + 1;
  for (const match of text.matchAll(new RegExp(`(?<![a-z0-9])(${names})[-_. ]?((?:19|20)\\d\\d)(?![0-9])`, 'g'))) note(match[2]!, number(match[1]!));
  for (const match of text.matchAll(new RegExp(`(?<![a-z0-9])((?:19|20)\\d\\d)[-_. ]?(${names})(?![a-z])`, 'g'))) note(match[1]!, number(match[2]!));
  return found;
}
