import { describe, expect, it } from 'vitest';
import { amountOf, toDecimalString } from '../../src/money/index.js';
import { cellLookupOf, columnLetters, columnNumber, evaluateFormula, staleFormulas, type WorkbookCell } from '../../src/engine/index.js';

const cells: WorkbookCell[] = [
  { sheet: 'brp-savings', address: 'C5', value: amountOf('0.1') },
  { sheet: 'brp-savings', address: 'D5', value: amountOf('815') },
  { sheet: 'brp-savings', address: 'E5', value: amountOf('0.2') },
  { sheet: 'brp-savings', address: 'H5', value: amountOf('1065') },
  { sheet: 'brp-savings', address: 'B5', text: 'Adults Review' },
  { sheet: 'brp-savings', address: 'J5', formula: 'D5-H5', cached: amountOf('-250') },
  { sheet: 'brp-savings', address: 'G5', formula: 'SUM(B5:E5)', cached: amountOf('1') },
  { sheet: 'Checks', address: 'G7', formula: "'brp-savings'!J5*1000+ABS(-2)-SIGN(-3)", cached: amountOf('-249997') },
];
const lookup = cellLookupOf(cells);
const value = (formula: string, sheet = 'brp-savings') => {
  const result = evaluateFormula(formula, sheet, lookup);
  return result === undefined ? undefined : toDecimalString(result);
};

describe('formula evaluation (exact, as data)', () => {
  it('adds decimals exactly (0.1 + 0.2 = 0.3, never 0.30000000000000004); SUM skips text', () => {
    expect(value('SUM(B5:E5)')).toBe('815.3');
    expect(value('C5+E5')).toBe('0.3');
  });

  it('references other sheets, quoted or not, case-insensitively, and uses cached values of formulas', () => {
    expect(value("'brp-savings'!J5*1000+ABS(-2)-SIGN(-3)", 'Checks')).toBe('-249997');
    expect(value("'BRP-SAVINGS'!$D$5 - (H5 - 1)", 'brp-savings')).toBe('-249');
    expect(value("'BRP-SAVINGS'!$D$5 - (H5 - 1)", 'Checks')).toBe('816'); // H5 is the Checks sheet's own, blank
    expect(value('brp_savings!D5', 'Checks')).toBe('0'); // an unquoted sheet name; no such sheet, so blank
    expect(value('Z99+1')).toBe('1'); // a blank cell is 0
  });

  it('divides exactly and ROUNDs half away from zero, as Excel (the export\'s £m cells)', () => {
    expect(value('D5/2')).toBe('407.5');
    expect(value('ROUND(908.5/1000,3)')).toBe('0.909');
    expect(value('ROUND(-908.5/1000,3)')).toBe('-0.909');
    expect(value('ROUND(1362.5/1000,3)')).toBe('1.363');
    expect(value('ROUND(D5/2,0)')).toBe('408');
  });

  it('is not evaluable outside its language or with text in arithmetic', () => {
    expect(value('B5+1')).toBeUndefined();
    expect(value('VLOOKUP(A1,B1:C2,2)')).toBeUndefined();
    expect(value('D5/0')).toBeUndefined();
    expect(value('ROUND(D5)')).toBeUndefined();
    expect(value('ROUND(D5,0.5)')).toBeUndefined();
    expect(value('D5+')).toBeUndefined();
  });

  it('finds formulas whose cached value is stale', () => {
    expect(staleFormulas(cells).map((finding) => [finding.cell, toDecimalString(finding.was!), toDecimalString(finding.now!)])).toEqual([['G5', '1', '815.3']]);
    expect(staleFormulas(cells, amountOf('1000'))).toEqual([]);
  });

  it('converts column letters both ways', () => {
    expect([columnNumber('A'), columnNumber('Z'), columnNumber('AA'), columnNumber('XFD')]).toEqual([1, 26, 27, 16384]);
    expect([1, 26, 27, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'XFD']);
  });
});
