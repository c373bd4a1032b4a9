import type { ServerWritableStream } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { inventory } from '@tessera/contracts';
import { map, type Observable } from 'rxjs';
import { LogFollower } from '../../infrastructure/watch/log-follower.js';
import { watchResponseOf, watchStartOf } from './change-mapper.js';
import { observeBatches } from './observe-batches.js';

/** The inventory's events as they are recorded, for consumers that cannot read Kafka. */
@Controller()
export class WatchChangesController {
  constructor(@Inject(LogFollower) private readonly follower: LogFollower) {}

  @GrpcMethod('InventoryService', 'WatchChanges')
  watchChanges(
    request: inventory.WatchChangesRequest,
    _metadata: unknown,
    call: ServerWritableStream<inventory.WatchChangesRequest, inventory.WatchChangesResponse>,
  ): Observable<inventory.WatchChangesResponse> {
    const start = watchStartOf(request);
    return observeBatches(call, (signal) => this.follower.follow(start, signal)).pipe(
      map(watchResponseOf),
    );
  }
}
