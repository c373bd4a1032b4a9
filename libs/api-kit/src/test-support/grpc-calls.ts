import {
  type Client,
  type ClientUnaryCall,
  credentials,
  makeGenericClientConstructor,
  Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import { type common, readErrorDetail } from '@tessera/contracts';
import { service as healthService } from 'grpc-health-check';

type Callback<Res> = (error: ServiceError | null, response: Res) => void;

/** A unary call as a promise: `unary((m, cb) => client.getItem(request, m, cb))`. */
export function unary<Res>(
  invoke: (metadata: Metadata, callback: Callback<Res>) => ClientUnaryCall,
  headers: Record<string, string> = {},
): Promise<Res> {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  return new Promise((resolve, reject) => {
    invoke(metadata, (error, response) => {
      if (error === null) resolve(response);
      else reject(error);
    });
  });
}

/** The error a call failed with, and the ErrorDetail its trailers carry. */
export async function failureOf(
  call: Promise<unknown>,
): Promise<{ error: ServiceError; detail: common.ErrorDetail | undefined }> {
  const error = await call.then(
    () => {
      throw new Error('the call succeeded where it should have failed');
    },
    (reason: unknown) => reason as ServiceError,
  );
  return { error, detail: readErrorDetail(error.metadata) };
}

/** The fields an ErrorDetail's violations name, sorted. */
export function violatedFields(detail: common.ErrorDetail | undefined): string[] | undefined {
  return detail?.fieldViolations.map((violation) => violation.field).sort();
}

/** Asks the standard health service how `service` is ("" for the whole server). */
export function healthStatus(address: string, service: string): Promise<string> {
  const HealthClient = makeGenericClientConstructor(healthService, 'Health');
  const client = new HealthClient(address, credentials.createInsecure()) as unknown as Client & {
    check(request: { service: string }, callback: Callback<{ status: string }>): void;
  };
  return new Promise<string>((resolve, reject) => {
    client.check({ service }, (error, response) => {
      client.close();
      if (error === null) resolve(response.status);
      else reject(error);
    });
  });
}

/**
 * The raw answer of server reflection (v1) to `list_services`. The test looks for service
 * names in it, which needs no protobuf decoder: names are plain UTF-8 strings in the encoding.
 */
export function reflectionListServices(address: string): Promise<string> {
  const identity = (value: Buffer): Buffer => value;
  const ReflectionClient = makeGenericClientConstructor(
    {
      serverReflectionInfo: {
        path: '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo',
        requestStream: true,
        responseStream: true,
        requestSerialize: identity,
        requestDeserialize: identity,
        responseSerialize: identity,
        responseDeserialize: identity,
      },
    },
    'ServerReflection',
  );
  const client = new ReflectionClient(
    address,
    credentials.createInsecure(),
  ) as unknown as Client & {
    serverReflectionInfo(): NodeJS.ReadWriteStream;
  };
  const stream = client.serverReflectionInfo();
  return new Promise<string>((resolve, reject) => {
    stream.once('data', (answer: Buffer) => {
      stream.end();
      client.close();
      resolve(answer.toString('latin1'));
    });
    stream.once('error', reject);
    // ServerReflectionRequest { list_services (field 7) = "" }
    stream.write(Buffer.from([0x3a, 0x00]));
  });
}
