import type pg from 'pg';
import { notifySql, withTransaction } from '@tessera/postgres';
import { publishedHeaders } from '../delivery/message-headers.js';
import type { OutgoingMessage } from '../port.js';
import type { LogTables } from './log-schema.js';

/** Rows per INSERT statement (4 parameters each, far below Postgres's 65535). */
const rowsPerStatement = 500;

/**
 * Appends messages to the log in one transaction and notifies readers at commit. Positions
 * follow the order of `messages`, so one call keeps its order per key.
 */
export async function appendToLog(
  pool: pg.Pool,
  tables: LogTables,
  topic: string,
  messages: readonly OutgoingMessage[],
): Promise<void> {
  if (messages.length === 0) {
    return;
  }
  await withTransaction(pool, async (client) => {
    for (let start = 0; start < messages.length; start += rowsPerStatement) {
      const chunk = messages.slice(start, start + rowsPerStatement);
      const values: string[] = [];
      const parameters: string[] = [];
      chunk.forEach((message, index) => {
        const first = index * 4;
        values.push(`($${first + 1}, $${first + 2}, $${first + 3}::jsonb, $${first + 4}::jsonb)`);
        parameters.push(
          topic,
          message.key,
          JSON.stringify(message.envelope),
          JSON.stringify(publishedHeaders(message)),
        );
      });
      await client.query(
        `INSERT INTO ${tables.messages} (topic, key, envelope, headers) VALUES ${values.join(', ')}`,
        parameters,
      );
    }
    await client.query(notifySql, [tables.channel, topic]);
  });
}
