import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { eventMessage } from '../contract/contract-helpers.js';
import { eventHeaders } from '../delivery/message-headers.js';
import { decodeKafkaMessage, encodeKafkaMessage } from './kafka-codec.js';

function record(value: Buffer | null, headers: KafkaMessage['headers'] = {}): KafkaMessage {
  return {
    key: Buffer.from('host-7'),
    value,
    headers,
    offset: '0',
    timestamp: '0',
    attributes: 0,
  };
}

describe('kafka codec', () => {
  it('round-trips key, envelope and headers, and stamps the event headers', () => {
    const message = eventMessage('host-7', 3, { gpus: 2 });
    const encoded = encodeKafkaMessage(message);
    const headers = Object.fromEntries(
      Object.entries(encoded.headers ?? {}).map(([name, value]) => [
        name,
        Buffer.from(String(value)),
      ]),
    );
    const decoded = decodeKafkaMessage(
      'topic',
      record(Buffer.from(String(encoded.value)), headers),
    );

    expect(decoded).toEqual({
      ok: true,
      message: {
        topic: 'topic',
        key: 'host-7',
        envelope: message.envelope,
        headers: {
          'contract-sequence': '3',
          [eventHeaders.type]: 'ContractProbed',
          [eventHeaders.id]: message.envelope.id,
          [eventHeaders.correlationId]: message.envelope.correlationId,
        },
      },
    });
  });

  it('reports records that are not envelopes, keeping the raw record for the dead-letter topic', () => {
    const notJson = decodeKafkaMessage('topic', record(Buffer.from('{oops')));
    expect(notJson).toMatchObject({ ok: false, raw: { value: Buffer.from('{oops') } });
    expect(decodeKafkaMessage('topic', record(null))).toMatchObject({ ok: false });
    expect(decodeKafkaMessage('topic', record(Buffer.from('{"hello":1}')))).toMatchObject({
      ok: false,
    });
  });

  it('reads repeated headers as their last value', () => {
    const message = eventMessage('host-7', 1);
    const decoded = decodeKafkaMessage(
      'topic',
      record(Buffer.from(JSON.stringify(message.envelope)), {
        trace: [Buffer.from('a'), Buffer.from('b')],
      }),
    );
    expect(decoded.ok && decoded.message.headers.trace).toBe('b');
  });
});
