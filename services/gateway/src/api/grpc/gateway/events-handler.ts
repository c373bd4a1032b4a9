import type { gateway } from '@tessera/contracts';
import { readEvents, visibleEventsQuery } from '../../../application/events/watch-events.js';
import type { EventFeed, FeedWakeups } from '../../../application/ports/event-feed.js';
import type { AnswerStream, GatewayCaller } from './gateway-call.js';
import { eventMessage } from './gateway-messages.js';
import { eventsToWatch } from './gateway-requests.js';

/**
 * WatchEvents: the events GET /v1/events streams, with the same visibility per tenant, each with
 * the position to resume after; without `follow` it ends once it sent what there is.
 */
export function watchEventsHandler(
  feed: EventFeed,
  wakeups: FeedWakeups,
): (
  request: gateway.WatchEventsRequest,
  caller: GatewayCaller,
  answers: AnswerStream<gateway.WatchEventsResponse>,
) => Promise<void> {
  return async (request, caller, answers) => {
    const query = visibleEventsQuery(caller.principal, eventsToWatch(request));
    const events = readEvents(feed, wakeups, query, {
      follow: request.follow,
      stop: answers.stop,
    });
    for await (const entry of events) await answers.write(eventMessage(entry));
  };
}
