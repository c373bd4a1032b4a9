import { quoteIdentifier } from '@tessera/postgres';
import kafkajs, { type Admin } from 'kafkajs';
import type pg from 'pg';
import { type TransportSettings } from '../shared/transport-kind.js';

/** Looks at what a transport holds, from outside it. */
export interface TransportProbe {
  /** Messages on `topic` (every copy: a republished message counts again). */
  publishedCount(topic: string): Promise<number>;
  close(): Promise<void>;
}

export function createTransportProbe(settings: TransportSettings, pool: pg.Pool): TransportProbe {
  switch (settings.transport) {
    case 'kafka':
      return kafkaProbe(settings.kafkaBrokers);
    case 'postgres':
      return postgresLogProbe(pool, settings.logSchema);
  }
}

/** The sum of the topic's partition end offsets (the producer writes no transaction markers). */
function kafkaProbe(brokers: readonly string[]): TransportProbe {
  const kafka = new kafkajs.Kafka({
    brokers: [...brokers],
    clientId: 'tessera-it-probe',
    logLevel: kafkajs.logLevel.NOTHING,
  });
  let admin: Promise<Admin> | undefined;
  const connected = (): Promise<Admin> => {
    admin ??= (async () => {
      const client = kafka.admin();
      await client.connect();
      return client;
    })();
    return admin;
  };
  return {
    publishedCount: async (topic) => {
      const offsets = await (await connected()).fetchTopicOffsets(topic);
      return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
    },
    close: async () => {
      await (await admin)?.disconnect();
    },
  };
}

function postgresLogProbe(pool: pg.Pool, logSchema: string): TransportProbe {
  return {
    publishedCount: async (topic) => {
      const { rows } = await pool.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${quoteIdentifier(logSchema)}.messages WHERE topic = $1`,
        [topic],
      );
      return Number(rows[0]?.count ?? 0);
    },
    close: () => Promise.resolve(),
  };
}
