/** The time commands are decided at; tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}
