/** Fresh, globally unique ids (composition and reservation ids). */
export interface IdGenerator {
  newId(): string;
}
