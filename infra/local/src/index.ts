export * from './kafka/index.js';
export * from './postgres/index.js';
