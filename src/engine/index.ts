/** The pure engine: recompute and reconcile. No I/O. */
export * from './variance.js';
export * from './movement.js';
export * from './report.js';
