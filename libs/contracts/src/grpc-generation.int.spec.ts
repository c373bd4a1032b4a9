import {
  type ChannelCredentials,
  type Client,
  credentials,
  type handleServerStreamingCall,
  type handleUnaryCall,
  Server,
  ServerCredentials,
  type ServiceDefinition,
  type ServiceError,
  status,
} from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type common, errorDetailMetadata, readErrorDetail } from './index.js';
import { generateWithFixtures } from './test-support/generated-fixture.js';

/** The messages of test-support/fixtures/tessera/testing/v1/envelope_echo_service.proto. */
interface EnvelopeMessage {
  envelope?: common.EventEnvelope;
}
interface StreamEnvelopesRequest extends EnvelopeMessage {
  page?: common.PageRequest;
}

/** The part of the generated module this test uses. */
interface EnvelopeEchoModule {
  EnvelopeEchoServiceService: ServiceDefinition;
  EnvelopeEchoServiceClient: new (
    address: string,
    credentials: ChannelCredentials,
  ) => EnvelopeEchoClient;
}

interface EnvelopeEchoClient extends Client {
  echoEnvelope(
    request: EnvelopeMessage,
    callback: (error: ServiceError | null, response: EnvelopeMessage) => void,
  ): unknown;
  streamEnvelopes(request: StreamEnvelopesRequest): NodeJS.ReadableStream;
}

const echoEnvelope: handleUnaryCall<EnvelopeMessage, EnvelopeMessage> = (call, callback) => {
  const envelope = call.request.envelope;
  if (envelope === undefined || envelope.id === '') {
    const detail: common.ErrorDetail = {
      code: 'INVALID_REQUEST',
      message: 'The envelope needs an id.',
      fieldViolations: [{ field: 'envelope.id', code: 'REQUIRED', description: 'Set a UUID.' }],
      metadata: {},
    };
    callback({
      code: status.INVALID_ARGUMENT,
      details: detail.message,
      metadata: errorDetailMetadata(detail),
    });
    return;
  }
  callback(null, { envelope });
};

const streamEnvelopes: handleServerStreamingCall<StreamEnvelopesRequest, EnvelopeMessage> = (
  call,
) => {
  const count = call.request.page?.pageSize ?? 0;
  for (let index = 0; index < count; index += 1) {
    call.write({ envelope: { ...call.request.envelope!, position: index } });
  }
  call.end();
};

const envelope: common.EventEnvelope = {
  id: '0190c3d6-3f7a-7cc1-9d36-a8b3f3c1e2a4',
  type: 'tessera.inventory.v1.DeviceAttached',
  schemaVersion: 1,
  streamId: 'device-0190c3d6-4b1e-7d0a-8f55-7f3e9b2c1d00',
  streamVersion: 1,
  position: 42,
  recordedAt: '2026-11-23T05:20:11.123Z',
  correlationId: '0190c3d6-5555-7000-8000-000000000001',
  causationId: undefined,
  actor: 'service:composer',
  tenant: 'finance',
  payload: Buffer.from([1, 2, 3]),
};

describe('generated grpc-js service definitions', () => {
  let removeGenerated: (() => Promise<void>) | undefined;
  let server: Server | undefined;
  let client: EnvelopeEchoClient | undefined;

  beforeAll(async () => {
    const generated = await generateWithFixtures<EnvelopeEchoModule>(
      'tessera/testing/v1/envelope_echo_service',
    );
    removeGenerated = generated.remove;
    const { EnvelopeEchoServiceService, EnvelopeEchoServiceClient } = generated.module;

    const started = new Server();
    server = started;
    started.addService(EnvelopeEchoServiceService, { echoEnvelope, streamEnvelopes });
    const port = await new Promise<number>((resolve, reject) => {
      started.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, boundPort) => {
        if (error === null) resolve(boundPort);
        else reject(error);
      });
    });
    client = new EnvelopeEchoServiceClient(`127.0.0.1:${port}`, credentials.createInsecure());
  }, 120_000);

  afterAll(async () => {
    client?.close();
    if (server !== undefined) {
      const stopping = server;
      await new Promise<void>((resolve) => {
        stopping.tryShutdown(() => {
          resolve();
        });
      });
    }
    await removeGenerated?.();
  });

  function callEcho(request: EnvelopeMessage): Promise<EnvelopeMessage> {
    return new Promise((resolve, reject) => {
      client!.echoEnvelope(request, (error, response) => {
        if (error === null) resolve(response);
        else reject(error);
      });
    });
  }

  it('serves a unary call from the generated server definition to the generated client', async () => {
    await expect(callEcho({ envelope })).resolves.toEqual({ envelope });
  });

  it('carries an ErrorDetail with field violations in the trailers of a failed call', async () => {
    const error = await callEcho({ envelope: { ...envelope, id: '' } }).then(
      () => undefined,
      (reason: unknown) => reason as ServiceError,
    );

    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(readErrorDetail(error!.metadata)).toEqual({
      code: 'INVALID_REQUEST',
      message: 'The envelope needs an id.',
      fieldViolations: [{ field: 'envelope.id', code: 'REQUIRED', description: 'Set a UUID.' }],
      metadata: {},
    });
  });

  it('streams server-side messages in order', async () => {
    const received: number[] = [];
    for await (const message of client!.streamEnvelopes({
      envelope,
      page: { pageSize: 3, pageToken: '' },
    })) {
      received.push((message as EnvelopeMessage).envelope?.position ?? -1);
    }

    expect(received).toEqual([0, 1, 2]);
  });
});
