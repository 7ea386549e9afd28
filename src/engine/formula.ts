/**
 * Spreadsheet formulas as data: parse and evaluate the small formula language of the
 * workbooks `fn-model export` writes, exactly (decimal money arithmetic, never floating
 * point), so `fn-model reconcile` can tell a formula whose cached value is stale. Pure:
 * the cells are given as data, no workbook library.
 *
 * The language: numbers (`1000`), cell references (`D5`, `$D$5`), ranges (`C5:E5`),
 * references to other sheets (`'fn-costs'!G12`, `Headline!E3`), `+`, `-` (binary and
 * unary), `*`, `/`, parentheses, and the functions `SUM`, `ABS`, `SIGN` and `ROUND(x, n)`
 * (n = 0–15 places, half away from zero as Excel's ROUND, by `roundTo`). Anything else
 * (another function, a string, an error literal, a division by zero) is "not evaluable":
 * such a formula is not checked.
 *
 * Evaluation follows Excel and LibreOffice: a referenced formula cell counts as its
 * cached value; a blank cell is 0 in arithmetic; `SUM` ignores text and blanks in ranges;
 * text in arithmetic makes the formula not evaluable (it would be `#VALUE!`).
 */
import { type Amount, ZERO, absolute, add, amountOf, compare, divide, isZero, multiply, negate, roundTo, subtract } from '../money/index.js';

/** One cell of a workbook, as data. Addresses are A1-style without `$` (`F12`). */
export interface WorkbookCell {
  readonly sheet: string;
  readonly address: string;
  /** A numeric value typed into the cell (an input). */
  readonly value?: Amount;
  /** A text value. */
  readonly text?: string;
  /** The cell's formula without the leading `=` (`SUM(C5:E5)`). */
  readonly formula?: string;
  /** The formula's cached (last saved) numeric result; absent when none was saved or it was not a number. */
  readonly cached?: Amount;
  /** What the cell holds in the report's terms, when the reader can tell (table, line id, field). */
  readonly label?: CellLabel;
}

/** A cell in the report's terms: table id (or sheet), line id (or row label) and field (or column heading). */
export interface CellLabel {
  readonly table: string;
  readonly line: string;
  readonly field: string;
}

/** Finds a cell by sheet (case-insensitively) and address; undefined for an empty cell. */
export type CellLookup = (sheet: string, address: string) => WorkbookCell | undefined;

/** Build a {@link CellLookup} over a list of cells. */
export function cellLookupOf(cells: readonly WorkbookCell[]): CellLookup {
  const index = new Map<string, WorkbookCell>();
  for (const cell of cells) index.set(`${cell.sheet.toLowerCase()}!${cell.address}`, cell);
  return (sheet, address) => index.get(`${sheet.toLowerCase()}!${address}`);
}

/** The 1-based column number of column letters (`A` → 1, `AA` → 27). */
export function columnNumber(letters: string): number { // number-ok: a cell address
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/** The column letters of a 1-based column number (1 → `A`, 27 → `AA`). */
export function columnLetters(number: number): string {
  let letters = '';
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A1 address of a 1-based row and column (`cellAddress(5, 4)` → `D5`). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A reference to one cell or a rectangular range, on a sheet (or the formula's own sheet). */
interface Reference {
  readonly kind: 'ref';
  readonly sheet: string | undefined;
  readonly from: { readonly row: number; readonly column: number };
  readonly to: { readonly row: number; readonly column: number };
}

type Node =
  | { readonly kind: 'number'; readonly value: Amount }
  | Reference
  | { readonly kind: 'negate'; readonly operand: Node }
  | { readonly kind: 'binary'; readonly operator: '+' | '-' | '*' | '/'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'call'; readonly name: 'SUM' | 'ABS' | 'SIGN' | 'ROUND'; readonly args: readonly Node[] };

class NotEvaluable extends Error {}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})/;

/** Parse a formula (without `=`); throws {@link NotEvaluable} outside the language. */
function parse(formula: string): Node {
  let at = 0;
  const text = formula;
  const space = () => {
    while (at < text.length && /\s/.test(text[at] as string)) at += 1;
  };
  const peek = () => {
    space();
    return text[at];
  };
  const expect = (char: string) => {
    if (peek() !== char) throw new NotEvaluable(`expected ${char}`);
    at += 1;
  };
  const cellAt = (): { row: number; column: number } => {
    const match = CELL.exec(text.slice(at));
    if (!match) throw new NotEvaluable('expected a cell');
    at += match[0].length;
    return { row: Number(match[2]), column: columnNumber(match[1] as string) }; // number-ok: a cell address
  };
  const reference = (sheet: string | undefined): Reference => {
    const from = cellAt();
    let to = from;
    if (text[at] === ':') {
      at += 1;
      to = cellAt();
    }
    return {
      kind: 'ref',
      sheet,
      from: { row: Math.min(from.row, to.row), column: Math.min(from.column, to.column) },
      to: { row: Math.max(from.row, to.row), column: Math.max(from.column, to.column) },
    };
  };
  const primary = (): Node => {
    const char = peek();
    if (char === undefined) throw new NotEvaluable('unexpected end');
    if (char === '(') {
      at += 1;
      const inner = expression();
      expect(')');
      return inner;
    }
    if (/[0-9.]/.test(char)) {
      const match = /^\d+(?:\.\d+)?|^\.\d+/.exec(text.slice(at));
      if (!match) throw new NotEvaluable('bad number');
      at += match[0].length;
      return { kind: 'number', value: amountOf(match[0]) };
    }
    if (char === "'") {
      let name = '';
      at += 1;
      for (;;) {
        if (at >= text.length) throw new NotEvaluable('unclosed sheet name');
        if (text[at] === "'" && text[at + 1] === "'") {
          name += "'";
          at += 2;
        } else if (text[at] === "'") {
          at += 1;
          break;
        } else {
          name += text[at];
          at += 1;
        }
      }
      expect('!');
      return reference(name);
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(at))?.[0];
    if (word === undefined) throw new NotEvaluable(`unexpected ${char}`);
    const after = text[at + word.length];
    if (after === '!') {
      at += word.length + 1;
      return reference(word);
    }
    if (after === '(') {
      const name = word.toUpperCase();
      if (name !== 'SUM' && name !== 'ABS' && name !== 'SIGN' && name !== 'ROUND') throw new NotEvaluable(`function ${word}`);
      at += word.length + 1;
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(expression());
        while (peek() === ',' || peek() === ';') {
          at += 1;
          args.push(expression());
        }
      }
      expect(')');
      if (name === 'ROUND' && args.length !== 2) throw new NotEvaluable('ROUND takes two arguments');
      if (name !== 'SUM' && name !== 'ROUND' && args.length !== 1) throw new NotEvaluable(`${name} takes one argument`);
      return { kind: 'call', name, args };
    }
    return reference(undefined);
  };
  const unary = (): Node => {
    const char = peek();
    if (char === '-') {
      at += 1;
      return { kind: 'negate', operand: unary() };
    }
    if (char === '+') {
      at += 1;
      return unary();
    }
    return primary();
  };
  const term = (): Node => {
    let left = unary();
    for (let char = peek(); char === '*' || char === '/'; char = peek()) {
      at += 1;
      left = { kind: 'binary', operator: char, left, right: unary() };
    }
    return left;
  };
  const expression = (): Node => {
    let left = term();
    for (let char = peek(); char === '+' || char === '-'; char = peek()) {
      at += 1;
      left = { kind: 'binary', operator: char, left, right: term() };
    }
    return left;
  };
  const tree = expression();
  if (peek() !== undefined) throw new NotEvaluable(`unexpected ${text[at] ?? ''}`);
  return tree;
}

type CellContent = { readonly kind: 'number'; readonly value: Amount } | { readonly kind: 'blank' } | { readonly kind: 'text' };

function contentOf(cell: WorkbookCell | undefined): CellContent {
  if (cell === undefined) return { kind: 'blank' };
  if (cell.formula !== undefined) {
    if (cell.cached === undefined) throw new NotEvaluable('a referenced formula has no cached number');
    return { kind: 'number', value: cell.cached };
  }
  if (cell.value !== undefined) return { kind: 'number', value: cell.value };
  if (cell.text !== undefined && cell.text !== '') return { kind: 'text' };
  return { kind: 'blank' };
}

function cellsOf(reference: Reference, sheet: string, lookup: CellLookup): CellContent[] {
  const contents: CellContent[] = [];
  for (let row = reference.from.row; row <= reference.to.row; row += 1) {
    for (let column = reference.from.column; column <= reference.to.column; column += 1) {
      contents.push(contentOf(lookup(reference.sheet ?? sheet, cellAddress(row, column))));
    }
  }
  return contents;
}

function scalar(node: Node, sheet: string, lookup: CellLookup): Amount {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'ref': {
      if (node.from.row !== node.to.row || node.from.column !== node.to.column) throw new NotEvaluable('a range where one value is needed');
      const [content] = cellsOf(node, sheet, lookup);
      if (content?.kind === 'text') throw new NotEvaluable('text in arithmetic');
      return content?.kind === 'number' ? content.value : ZERO;
    }
    case 'negate':
      return negate(scalar(node.operand, sheet, lookup));
    case 'binary': {
      const left = scalar(node.left, sheet, lookup);
      const right = scalar(node.right, sheet, lookup);
      if (node.operator === '+') return add(left, right);
      if (node.operator === '-') return subtract(left, right);
      if (node.operator === '/') {
        if (isZero(right)) throw new NotEvaluable('division by zero (#DIV/0!)');
        return divide(left, right);
      }
      return multiply(left, right);
    }
    case 'call': {
      if (node.name === 'SUM') {
        let total = ZERO;
        for (const arg of node.args) {
          if (arg.kind === 'ref') {
            for (const content of cellsOf(arg, sheet, lookup)) if (content.kind === 'number') total = add(total, content.value);
          } else total = add(total, scalar(arg, sheet, lookup));
        }
        return total;
      }
      const [arg, placesArg] = node.args;
      const value = scalar(arg as Node, sheet, lookup);
      if (node.name === 'ROUND') {
        const places = scalar(placesArg as Node, sheet, lookup);
        if (!places.isInteger() || places.lt(0) || places.gt(15)) throw new NotEvaluable('ROUND to other than 0–15 places');
        return roundTo(value, places.toNumber()); // number-ok: a count of decimal places, not money
      }
      if (node.name === 'ABS') return absolute(value);
      return amountOf(String(compare(value, ZERO)));
    }
  }
}

/**
 * What a formula gives from the cells it references as they now stand (referenced
 * formulas count as their cached values), or undefined when the formula is outside the
 * language above or references text or an uncached formula.
 * `sheet` is the formula's own sheet (for references without a sheet).
 */
export function evaluateFormula(formula: string, sheet: string, lookup: CellLookup): Amount | undefined {
  try {
    return scalar(parse(formula.replace(/^=/, '')), sheet, lookup);
  } catch (error) {
    if (error instanceof NotEvaluable) return undefined;
    throw error;
  }
}

/** Every reference node of a parsed formula, in the order written. */
function referencesOf(node: Node): Reference[] {
  switch (node.kind) {
    case 'number':
      return [];
    case 'ref':
      return [node];
    case 'negate':
      return referencesOf(node.operand);
    case 'binary':
      return [...referencesOf(node.left), ...referencesOf(node.right)];
    case 'call':
      return node.args.flatMap(referencesOf);
  }
}

/**
 * Every cell a formula references, ranges expanded, in the order written (duplicates
 * dropped), each as its sheet (the formula's own `sheet` when the reference names none)
 * and A1 address; undefined when the formula is outside the language above. Used by
 * `reconcile` to tell which edited cell made a formula stale.
 */
export function formulaReferences(formula: string, sheet: string): { readonly sheet: string; readonly address: string }[] | undefined {
  let tree: Node;
  try {
    tree = parse(formula.replace(/^=/, ''));
  } catch (error) {
    if (error instanceof NotEvaluable) return undefined;
    throw error;
  }
  const seen = new Set<string>();
  const cells: { sheet: string; address: string }[] = [];
  for (const reference of referencesOf(tree)) {
    for (let row = reference.from.row; row <= reference.to.row; row += 1) {
      for (let column = reference.from.column; column <= reference.to.column; column += 1) {
        const cell = { sheet: reference.sheet ?? sheet, address: cellAddress(row, column) };
        const key = `${cell.sheet.toLowerCase()}!${cell.address}`;
        if (seen.has(key)) continue;
        seen.add(key);
        cells.push(cell);
      }
    }
  }
  return cells;
}
