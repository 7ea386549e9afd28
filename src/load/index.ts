// TEMPORARY STUB (replaced by the loader branch)
export * from './errors.js';
export * from './dataset.js';
