/**
 * What a plugin answers, instead of throwing. Each value says what the caller does next.
 */
export type Status =
  /** Go on: the candidate stays, the step is done. */
  | { readonly code: 'success' }
  /**
   * This candidate (host, device, placement) cannot serve this request as the pool is now: drop
   * it, try the others, and report `reason` when nothing fits. Asking again after the pool
   * changes may succeed.
   */
  | { readonly code: 'unschedulable'; readonly reason: string }
  /**
   * The plugin could not decide (inconsistent view, bad settings): stop the whole decision,
   * reserve nothing, surface `message`. Retrying unchanged will fail the same way.
   */
  | { readonly code: 'error'; readonly message: string };

export type Failure = Exclude<Status, { readonly code: 'success' }>;

export const success: Status = { code: 'success' };

export function unschedulable(reason: string): Failure {
  return { code: 'unschedulable', reason };
}

export function pluginError(message: string): Failure {
  return { code: 'error', message };
}
