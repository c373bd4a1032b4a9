import { TesseraError } from '@tessera/errors';

/** The responder's options cannot be simulated (a negative latency, a rate above 1). */
export class InvalidResponderOptionsError extends TesseraError<'SIMULATED_AGENT_INVALID_OPTIONS'> {
  readonly code = 'SIMULATED_AGENT_INVALID_OPTIONS';

  constructor(readonly problems: readonly string[]) {
    super(`invalid simulated agent options: ${problems.join('; ')}`);
  }
}

/**
 * An intent the responder cannot answer (no host, device or composition id). Thrown from the
 * handler so that the transport retries it and then dead-letters it with this message.
 */
export class InvalidIntentError extends TesseraError<'SIMULATED_AGENT_INVALID_INTENT'> {
  readonly code = 'SIMULATED_AGENT_INVALID_INTENT';

  constructor(type: string, eventId: string, problems: readonly string[]) {
    super(`cannot answer ${type} ${eventId}: ${problems.join('; ')}`);
  }
}
