import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { EventEnvelope } from '../envelope.js';
import { publishedHeaders } from '../delivery/message-headers.js';
import type { DeliveredMessage, OutgoingMessage } from '../port.js';

/** A record as it goes on the wire: the envelope as JSON in the value, keyed by `key`. */
export function encodeKafkaMessage(message: OutgoingMessage): Message {
  return {
    key: message.key,
    value: JSON.stringify(message.envelope),
    headers: publishedHeaders(message),
  };
}

export type DecodedKafkaMessage =
  | { readonly ok: true; readonly message: Omit<DeliveredMessage, 'attempt'> }
  | { readonly ok: false; readonly problem: string; readonly raw: Message };

/**
 * Reads a record back. A record whose value is not an envelope (not JSON, a tombstone) can
 * never be handled: it is reported, with the raw record to dead-letter as it is.
 */
export function decodeKafkaMessage(topic: string, record: KafkaMessage): DecodedKafkaMessage {
  const key = record.key?.toString('utf8') ?? '';
  const headers = decodeHeaders(record.headers);
  const raw: Message = { key: record.key, value: record.value, headers };
  if (record.value === null) {
    return { ok: false, problem: 'the record has no value (a tombstone?)', raw };
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(record.value.toString('utf8'));
  } catch (error) {
    return { ok: false, problem: `the value is not JSON: ${(error as Error).message}`, raw };
  }
  if (!looksLikeEnvelope(envelope)) {
    return { ok: false, problem: 'the value is JSON but not an event envelope', raw };
  }
  return { ok: true, message: { topic, key, envelope, headers } };
}

function looksLikeEnvelope(value: unknown): value is EventEnvelope {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof EventEnvelope, unknown>>;
  return typeof candidate.id === 'string' && typeof candidate.type === 'string';
}

/** kafkajs gives header values as Buffers (or arrays of them for repeated headers). */
function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) {
      decoded[name] = typeof last === 'string' ? last : last.toString('utf8');
    }
  }
  return decoded;
}
