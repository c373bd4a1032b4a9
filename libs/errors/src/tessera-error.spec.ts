import { describe, expect, it } from 'vitest';
import { isTesseraError, TesseraError } from './tessera-error.js';

class WidgetMissingError extends TesseraError<'WIDGET_MISSING'> {
  readonly code = 'WIDGET_MISSING';
}

describe('TesseraError', () => {
  it('carries a stable code, the subclass name and the cause', () => {
    const cause = new Error('lookup failed');
    const error = new WidgetMissingError('widget w-1 does not exist', { cause });
    expect(error.code).toBe('WIDGET_MISSING');
    expect(error.name).toBe('WidgetMissingError');
    expect(error.cause).toBe(cause);
    expect(isTesseraError(error)).toBe(true);
  });

  it('does not claim errors it did not raise', () => {
    expect(isTesseraError(new Error('boom'))).toBe(false);
    expect(isTesseraError({ code: 'WIDGET_MISSING' })).toBe(false);
  });
});
