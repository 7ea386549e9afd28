/** Scenarios: the model, applying adjustments, outcomes, comparison, sweep and tornado. Pure. */
export * from './model.js';
export * from './errors.js';
export * from './apply.js';
export * from './outcome.js';
export * from './compare.js';
export * from './goal-seek.js';
