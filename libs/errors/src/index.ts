export { isTesseraError, TesseraError } from './tessera-error.js';
