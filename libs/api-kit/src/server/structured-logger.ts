import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from '@tessera/event-transport';

/** The libraries' structured logger, written through Nest's logger as one line per message. */
export function structuredLogger(context: string): Logger {
  const nest = new NestLogger(context);
  const line = (message: string, fields?: Record<string, unknown>): string =>
    fields === undefined ? message : `${message} ${JSON.stringify(fields)}`;
  return {
    debug: (message, fields) => {
      nest.debug(line(message, fields));
    },
    info: (message, fields) => {
      nest.log(line(message, fields));
    },
    warn: (message, fields) => {
      nest.warn(line(message, fields));
    },
    error: (message, fields) => {
      nest.error(line(message, fields));
    },
  };
}

/** An error's message for a log line (anything else thrown, as a string). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
