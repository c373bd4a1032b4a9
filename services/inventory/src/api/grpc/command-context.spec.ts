import { Metadata } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { InvalidQueryError } from '../../application/queries/query-errors.js';
import { commandContextOf } from './command-context.js';

const metadataWith = (entries: Record<string, string>): Metadata => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return metadata;
};

describe('the command context of a call', () => {
  it('takes the correlation id and the actor from the metadata', () => {
    expect(
      commandContextOf(metadataWith({ 'x-correlation-id': 'c-42', 'x-actor': ' user:alice ' })),
    ).toEqual({ correlationId: 'c-42', actor: 'user:alice' });
  });

  it('starts a new correlation and records an anonymous actor when the caller sent neither', () => {
    const first = commandContextOf(new Metadata());
    const second = commandContextOf(metadataWith({ 'x-actor': '' }));
    expect(first.actor).toBe('anonymous');
    expect(second.actor).toBe('anonymous');
    expect(first.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.correlationId).not.toBe(first.correlationId);
  });

  it('refuses an actor too long to store on every event', () => {
    expect(() => commandContextOf(metadataWith({ 'x-actor': 'a'.repeat(201) }))).toThrow(
      InvalidQueryError,
    );
  });
});
