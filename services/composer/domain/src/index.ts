/**
 * @tessera/composer-domain: the composer's pure domain. The composition spec and its validation
 * (`spec/`), the composition aggregate (`composition/`), and the scheduler (`scheduler`, a
 * namespace: its request types mirror the spec's vocabulary under the same names).
 */
export * from './composition/index.js';
export * from './spec/index.js';
export * as scheduler from './scheduler/index.js';
export * from './lease/index.js';
export * from './quota/index.js';
export * from './template/index.js';
export * from './capacity/index.js';
