export * from './device.js';
export * from './fabric.js';
export * from './placement.js';
export * from './snapshot.js';
