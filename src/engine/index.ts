/** The pure engine: recompute and reconcile, scenarios, simulation. No I/O. */
export * from './variance.js';
export * from './outturn.js';
export * from './scenario/index.js';
export * from './simulate.js';
export * from './histogram.js';
export * from './random.js';
export * from './movement.js';
export * from './report.js';
export * from './formula.js';
export * from './reconcile.js';
export * from './explain.js';
export * from './trend.js';
export * from './returns.js';
