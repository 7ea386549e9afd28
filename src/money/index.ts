/** Money: the Decimal clone, exact arithmetic, parsing and display. See each module. */
export * from './amount.js';
export * from './parse.js';
export * from './format.js';
export * from './plot.js';
