import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { invalidArgument } from '@tessera/api-kit';
import type { composer } from '@tessera/contracts';
import {
  capacityFor,
  type CapacityDeps,
  capacityTimeline,
} from '../../application/capacity/index.js';
import { capacityResponseOf, capacityStepOf, timeOf } from './capacity-mapper.js';
import { withFieldNames } from './field-errors.js';
import { capacityDepsToken } from './grpc-tokens.js';
import { specInputOf } from './spec-mapper.js';

const service = 'ComposerService';
const minStepSeconds = 60;

/** Capacity and what-if for planners: how many fit in a window, and capacity over time. */
@Controller()
export class CapacityController {
  constructor(@Inject(capacityDepsToken) private readonly deps: () => Promise<CapacityDeps>) {}

  @GrpcMethod(service, 'GetCapacity')
  async getCapacity(request: composer.GetCapacityRequest): Promise<composer.GetCapacityResponse> {
    const window = {
      start: timeOf(request.windowStart, 'window_start'),
      end: timeOf(request.windowEnd, 'window_end'),
    };
    const query = {
      spec: withoutEmptyName(specInputOf(request.spec)),
      wanted: request.wanted,
      ...(request.limit === 0 ? {} : { limit: request.limit }),
      window,
    };
    const report = await withFieldNames(capacityFor(await this.deps(), query), {
      'window.start': 'window_start',
      'window.end': 'window_end',
    });
    return capacityResponseOf(report);
  }

  @GrpcMethod(service, 'GetCapacityTimeline')
  async getCapacityTimeline(
    request: composer.GetCapacityTimelineRequest,
  ): Promise<composer.GetCapacityTimelineResponse> {
    const start = timeOf(request.start, 'start');
    const end = timeOf(request.end, 'end');
    if (request.stepSeconds < minStepSeconds) {
      throw invalidArgument('step_seconds', `must be at least ${minStepSeconds}`);
    }
    const query = { start, end, stepMs: request.stepSeconds * 1000 };
    const steps = await withFieldNames(capacityTimeline(await this.deps(), query), {
      'window.start': 'start',
      'window.end': 'end',
      stepMs: 'step_seconds',
    });
    return { steps: steps.map(capacityStepOf) };
  }
}

/** A what-if spec needs no name: an empty one is left out, so the question gets its own. */
function withoutEmptyName(spec: unknown): unknown {
  if (typeof spec !== 'object' || spec === null || !('name' in spec) || spec.name !== '') {
    return spec;
  }
  const { name: _empty, ...rest } = spec;
  return rest;
}
