import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Client,
  credentials,
  makeGenericClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { DistributedError } from './errors.js';
import { linesOf } from './processes/log-lines.js';

/** Answers whether a part is ready now; false (or a rejection) means "not yet". */
export type ReadinessProbe = () => Promise<boolean>;

const pollMs = 250;
const probeTimeoutMs = 2_000;

/**
 * Polls `probe` until it says ready, failing after `timeoutMs` with the part's last lines, or
 * when `signal` aborts. (A process that exits meanwhile is the supervisor's to report: start-up
 * races against it, and its stop aborts `signal`.)
 */
export async function waitUntilReady(
  part: string,
  probe: ReadinessProbe,
  timeoutMs: number,
  recentLines: () => readonly string[],
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    signal.throwIfAborted();
    if (Date.now() > deadline) {
      throw new DistributedError(
        'DISTRIBUTED_NOT_READY',
        `${part} was not ready within ${String(timeoutMs / 1000)} s${linesOf(recentLines())}`,
      );
    }
    await sleep(pollMs);
  }
}

type HealthCallback = (error: ServiceError | null, response: Buffer) => void;
interface HealthClient extends Client {
  check(request: Buffer, options: { deadline: Date }, callback: HealthCallback): void;
}

const identity = (value: Buffer): Buffer => value;
const HealthClientConstructor = makeGenericClientConstructor(
  {
    check: {
      path: '/grpc.health.v1.Health/Check',
      requestStream: false,
      responseStream: false,
      requestSerialize: identity,
      requestDeserialize: identity,
      responseSerialize: identity,
      responseDeserialize: identity,
    },
  },
  'Health',
);

/** HealthCheckResponse.ServingStatus.SERVING (grpc/health/v1/health.proto). */
const serving = 1;

/**
 * Whether the gRPC server at `address` answers the standard health check with SERVING for the
 * whole server (service ""). The messages are encoded by hand, which needs no proto: the
 * request is empty, the answer is field 1 (status) as one varint.
 */
export function grpcServing(address: string): ReadinessProbe {
  return () => {
    const client = new HealthClientConstructor(
      address,
      credentials.createInsecure(),
    ) as unknown as HealthClient;
    return new Promise<boolean>((resolve) => {
      client.check(
        Buffer.alloc(0),
        { deadline: new Date(Date.now() + probeTimeoutMs) },
        (error, response) => {
          client.close();
          resolve(error === null && response[0] === 0x08 && response[1] === serving);
        },
      );
    });
  };
}

/** Whether `GET <baseUrl>/healthz` answers 200. */
export function httpHealthy(baseUrl: string): ReadinessProbe {
  return async () => {
    const response = await fetch(`${baseUrl}/healthz`, {
      signal: AbortSignal.timeout(probeTimeoutMs),
    });
    await response.body?.cancel();
    return response.status === 200;
  };
}

/** Whether the process has written a line matching `pattern` since the watch began. */
export function lineWritten(seen: () => boolean): ReadinessProbe {
  return () => Promise.resolve(seen());
}
