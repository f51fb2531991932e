export * from './countries.js';
export * from './fields.js';
export * from './description.js';
export * from './item.js';
export * from './response.js';
export * from './score.js';
export * from './manifest.js';
