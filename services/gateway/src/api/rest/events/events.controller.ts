import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { visibleEventsQuery } from '../../../application/events/watch-events.js';
import type { EventFeed } from '../../../application/ports/event-feed.js';
import type { FeedSignal } from '../../../infrastructure/feed/feed-signal.js';
import { type Caller, CurrentCaller, Requires } from '../auth/access.decorators.js';
import { ApiProblem } from '../problem.js';
import { eventFeedToken, feedSignalToken } from '../tokens.js';
import { EventsQuery } from './events-query.dto.js';
import { serveEventStream, type StreamResponse } from './event-stream.js';

const cursorPattern = /^\d{1,20}:\d{1,16}$/;

/** What changed, as Server-Sent Events, for consoles and automation. */
@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  constructor(
    @Inject(eventFeedToken) private readonly feed: EventFeed,
    @Inject(feedSignalToken) private readonly signal: FeedSignal,
  ) {}

  @Get()
  @Requires('viewer')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Follow what changes: the events of the tenants the caller sees, and the shared hardware',
    description:
      'Each message is `id: <cursor>` and `data: <event JSON>` ({id, type, kind, streamId, ' +
      'streamVersion, tenant, actor, recordedAt, data}). Resume after a disconnect with the ' +
      '`Last-Event-ID` header (or `after`).',
  })
  stream(
    @CurrentCaller() caller: Caller,
    @Query() query: EventsQuery,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: StreamResponse,
  ): void {
    const visible = visibleEventsQuery(caller.principal, {
      kinds: query.kind?.split(','),
      tenant: query.tenant,
      after: query.after ?? lastEventIdOf(lastEventId),
    });
    serveEventStream(this.feed, this.signal, visible, query.follow ?? true, response);
  }
}

function lastEventIdOf(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (!cursorPattern.test(header.trim())) {
    throw new ApiProblem(400, 'VALIDATION_FAILED', 'Last-Event-ID is not an id this stream sent', [
      { field: 'Last-Event-ID', message: 'must be an event id this stream sent' },
    ]);
  }
  return header.trim();
}
