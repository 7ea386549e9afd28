/** Money: the Decimal clone, exact arithmetic, parsing, display, and the one conversion to a number for chart geometry (plot.ts). */
export * from './amount.js';
export * from './parse.js';
export * from './format.js';
export * from './pence.js';
export * from './minor-units.js';
export * from './plot.js';
export * from './fraction.js';
