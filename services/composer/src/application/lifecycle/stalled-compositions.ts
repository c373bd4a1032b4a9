/**
 * Finds compositions a crashed replica may have left half way: candidates only, each is loaded
 * and its state decides what (if anything) is left to do.
 */
export interface StalledCompositions {
  /**
   * Compositions whose last lifecycle step was a request, a reschedule or a schedule recorded at
   * or before `stepBefore` (no one took the next step since), or an attach whose deadline is at
   * or before `now`.
   */
  stalled(stepBefore: Date, now: Date): Promise<readonly string[]>;
}
