/** The pure engine: recompute, reconcile, explain; formulas as data. No I/O. */
export * from './variance.js';
export * from './formula.js';
export * from './reconcile.js';
export * from './explain.js';
