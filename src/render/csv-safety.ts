/**
 * Neutralising spreadsheet formula injection in exported text cells, following the
 * OWASP "CSV Injection" guidance: a text cell that begins with `=`, `+`, `-`, `@`,
 * tab or carriage return is prefixed with a single quote so Excel and LibreOffice
 * show it as text instead of evaluating it.
 *
 * Only *text* cells are neutralised. Money is written as a decimal string by a
 * separate path and is never passed here, so `-158` stays a number.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0] as string);
}

/** The text, prefixed with `'` when it would otherwise be read as a formula. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
