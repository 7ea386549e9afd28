import { describe, expect, it } from 'vitest';
import { formatAmount, formatMillions, parseAmount, roundTo, toDecimalString, amountOf } from '../../src/money/index.js';

function parsed(text: string): string {
  const result = parseAmount(text);
  return result.kind === 'amount' ? toDecimalString(result.value) : result.kind;
}

describe('parseAmount: what the report and Excel write', () => {
  it.each([
    ['1,234', '1234'],
    ['12,345,678', '12345678'],
    ['0', '0'],
    ['(158)', '-158'],
    ['(1,367)', '-1367'],
    ['-158', '-158'],
    ['\u2212158', '-158'],
    ['-', '0'],
    ['\u2013', '0'],
    ['£1,234', '1234'],
    ['-£158', '-158'],
    ['(£158)', '-158'],
    ['£(1,065)', '-1065'],
    ['  44  ', '44'],
    ['\u00a044\u00a0', '44'],
    ['( 158 )', '-158'],
    ['1,234.50', '1234.5'],
    ['0.454', '0.454'],
    ['\ufeff17', '17'],
  ])('%j is %s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each(['', '   ', '\t'])('%j is blank', (text) => {
    expect(parsed(text)).toBe('blank');
  });

  it.each(['12x4', '1,23', '1,2345', ',123', '123,', '1e3', '1E3', 'NaN', 'Infinity', '-Infinity', '+5', '--5', '(-5)', '(5', '5)', '2021-03-01', '01/03/2021', '1.2.3', '.5', '5.', '££5', '£', '()', '£()', '£(-5)', '(£)', '- 5 -', '0x10'])(
    '%j is invalid',
    (text) => {
      expect(parseAmount(text)).toEqual({ kind: 'invalid', text });
    },
  );
});

describe('formatAmount and formatMillions: display only', () => {
  it('brackets negatives and groups thousands', () => {
    expect(formatAmount(amountOf('-1367'))).toBe('(1,367)');
    expect(formatAmount(amountOf('-1367'), { brackets: false })).toBe('-1,367');
    expect(formatAmount(amountOf('1234567.5'))).toBe('1,234,567.5');
  });

  it('shows nil as "-" only when asked', () => {
    expect(formatAmount(amountOf('0'))).toBe('0');
    expect(formatAmount(amountOf('0'), { nilDash: true })).toBe('-');
  });

  it('rounds half away from zero (as Excel\'s ROUND) only when places are given', () => {
    expect(formatAmount(amountOf('2.5'), { places: 0 })).toBe('3');
    expect(formatAmount(amountOf('3.5'), { places: 0 })).toBe('4');
    expect(formatAmount(amountOf('-2.5'), { places: 0 })).toBe('(3)');
    expect(formatAmount(amountOf('0.125'), { places: 2 })).toBe('0.13');
    expect(formatAmount(amountOf('0.1249'), { places: 2 })).toBe('0.12');
    expect(toDecimalString(roundTo(amountOf('-0.0005'), 3))).toBe('-0.001');
  });

  it('shows £000 as £m the way the headline does', () => {
    expect(formatMillions(amountOf('454'))).toBe('£0.454m');
    expect(formatMillions(amountOf('1342'))).toBe('£1.342m');
    expect(formatMillions(amountOf('-20'))).toBe('-£0.020m');
    expect(formatMillions(amountOf('0.4'))).toBe('£0.000m');
  });

  it('rounds £m half away from zero: 908.5 → £0.909m, 1,362.5 → £1.363m (not half-to-even £0.908m, £1.362m)', () => {
    expect(formatMillions(amountOf('908.5'))).toBe('£0.909m');
    expect(formatMillions(amountOf('1362.5'))).toBe('£1.363m');
    expect(formatMillions(amountOf('-908.5'))).toBe('-£0.909m');
    expect(formatMillions(amountOf('908.4999'))).toBe('£0.908m');
    expect(formatMillions(amountOf('-0.5'))).toBe('-£0.001m');
  });
});

describe('parseAmount with a decimal comma (--decimal-comma)', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['-2,40', '-2.4'],
    ['(1.367)', '-1367'],
    ['22.975', '22975'],
    ['2,4', '2.4'],
    ['1,234', '1.234'],
    ['£1.234,5', '1234.5'],
    ['-', '0'],
  ])('%s → %s', (text, expected) => {
    const parsed = parseAmount(text, { decimalComma: true });
    expect(parsed.kind === 'amount' ? toDecimalString(parsed.value) : parsed).toBe(expected);
  });

  it.each(['1234.5', '1.23', '1.2345,6', '1,2,3', '12x4'])('%s is invalid', (text) => {
    expect(parseAmount(text, { decimalComma: true })).toEqual({ kind: 'invalid', text });
  });

  it('without it, -2,40 and 1.234,56 are invalid (never −240)', () => {
    expect(parseAmount('-2,40').kind).toBe('invalid');
    expect(parseAmount('1.234,56').kind).toBe('invalid');
  });
});
