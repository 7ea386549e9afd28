/** The domain model: see programme.ts (types) and layout.ts (the report's fixed layout). */
export * from './programme.js';
export * from './layout.js';
export * from './month.js';
