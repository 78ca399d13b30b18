export * from './questions.js';
export * from './question-draft.js';
export * from './quiz-rules.js';
export * from './gift.js';
