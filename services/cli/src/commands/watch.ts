import { type Command, Option } from 'commander';
import { followEvents } from '../client/event-stream.js';
import type { SseMessage } from '../client/sse-parser.js';
import type { CliIo } from '../io.js';
import { renderDocument } from '../output/format.js';
import { cellText, isJsonObject, timeText, valueAt } from '../output/values.js';
import { positiveInteger } from './get.js';
import { type Session, sessionOf, withExamples } from './session.js';

interface WatchOptions {
  readonly kind?: string;
  readonly tenant?: string;
  readonly since?: string;
  readonly follow: boolean;
  readonly maxEvents?: number;
}

export function registerWatchCommand(program: Command, io: CliIo): void {
  withExamples(
    program
      .command('watch')
      .summary('Follow the event stream')
      .description(
        'Follow what changes (the event stream): one line per event, or JSON lines with -o json; reconnects after a drop and resumes where it was',
      )
      .option(
        '--kind <kinds>',
        'only these kinds, comma-separated: composition, lease, device, host, …',
      )
      .option('--tenant <tenant>', "only this tenant's events (no shared hardware events)")
      .option('--since <eventId>', 'start after this event id (as printed with -o json)')
      .option('--no-follow', 'print the events there are, then exit')
      .addOption(
        new Option('--max-events <n>', 'exit after this many events').argParser(positiveInteger),
      ),
    '$ tessera watch --kind composition --tenant finance',
    '$ tessera watch --kind device,host -o json | jq -c \'select(.type | endswith("Cordoned"))\'',
    '$ tessera watch --no-follow --since 1042:7 -o json > events.jsonl',
  ).action(async (options: WatchOptions, command: Command) => {
    const session = sessionOf(command, io);
    const client = await session.client();
    const stop = new AbortController();
    const interrupted = () => {
      stop.abort();
    };
    io.signal?.addEventListener('abort', interrupted, { once: true });
    let seen = 0;
    try {
      await followEvents(client, {
        path: '/v1/events',
        query: { kind: options.kind, tenant: options.tenant },
        lastEventId: options.since,
        follow: options.follow,
        signal: stop.signal,
        onNotice: (text) => {
          session.note(text);
        },
        onMessage: (message) => {
          session.print(eventText(session, message));
          seen += 1;
          if (options.maxEvents !== undefined && seen >= options.maxEvents) stop.abort();
        },
      });
    } finally {
      io.signal?.removeEventListener('abort', interrupted);
    }
  });
}

/** One event: a line for people, or the event as one JSON line with its `eventId` (cursor). */
function eventText(session: Session, message: SseMessage): string {
  const event = parseEvent(message.data);
  if (session.format === 'json' || session.format === 'yaml') {
    const document = isJsonObject(event)
      ? { eventId: message.lastEventId, ...event }
      : { eventId: message.lastEventId, data: message.data };
    return session.format === 'json'
      ? `${JSON.stringify(document)}\n`
      : `---\n${renderDocument('yaml', document)}`;
  }
  if (session.format === 'name') return `${cellText(valueAt(event, 'streamId'))}\n`;
  const tenant = cellText(valueAt(event, 'tenant'));
  return `${[
    timeText(valueAt(event, 'recordedAt')),
    cellText(valueAt(event, 'kind')),
    shortType(cellText(valueAt(event, 'type'))),
    cellText(valueAt(event, 'streamId')),
    tenant === '' ? '' : `tenant=${tenant}`,
    `actor=${cellText(valueAt(event, 'actor'))}`,
  ]
    .filter((part) => part !== '')
    .join(' ')}\n`;
}

/** `tessera.composer.v1.CompositionReady` → `CompositionReady`. */
function shortType(type: string): string {
  return type.slice(type.lastIndexOf('.') + 1);
}

function parseEvent(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
