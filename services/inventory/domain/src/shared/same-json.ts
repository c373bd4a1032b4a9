export { sameJson } from '@tessera/hardware';
