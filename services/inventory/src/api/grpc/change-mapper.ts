import { invalidArgument } from '@tessera/api-kit';
import type { inventory } from '@tessera/contracts';
import type { LogRead } from '@tessera/event-store';
import {
  decodeLogPosition,
  encodeLogPosition,
  type LogPosition,
  logStart,
} from '@tessera/postgres';

/** Where a watch starts: after the position a previous response gave, or at the log's start. */
export function watchStartOf(request: inventory.WatchChangesRequest): LogPosition {
  const token = request.afterPosition.trim();
  if (token === '') return logStart;
  try {
    return decodeLogPosition(token);
  } catch {
    throw invalidArgument('after_position', 'is not a resume_position this service issued');
  }
}

/** One batch of the log as a watch response, with the position to resume after it. */
export function watchResponseOf(read: LogRead): inventory.WatchChangesResponse {
  return {
    changes: read.events.map((event) => ({
      eventId: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      position: event.position,
      recordTime: event.recordedAt,
      correlationId: event.correlationId,
      causationId: event.causationId ?? undefined,
      actor: event.actor,
      dataJson: JSON.stringify(event.data),
    })),
    resumePosition: encodeLogPosition(read.next),
  };
}
