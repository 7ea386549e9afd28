/** The pure engine: recompute and reconcile (variance), compare snapshots (movement), compose the committee report. No I/O. */
export * from './variance.js';
export * from './movement.js';
export * from './report.js';
