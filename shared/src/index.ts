export * from './roles.js';
export * from './errors.js';
export * from './limits.js';
export * from './validation.js';
export * from './import.js';
export * from './learning.js';
export * from './lesson-content.js';
export * from './campaigns.js';
