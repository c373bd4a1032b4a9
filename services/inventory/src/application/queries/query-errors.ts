/** A query whose arguments are wrong: the one error every Tessera service's API reports alike. */
export { type FieldProblem, InvalidQueryError } from '@tessera/api-kit';
