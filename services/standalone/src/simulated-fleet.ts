import { servicePool } from '@tessera/api-kit/server';
import { composerTopic, fleetTopic } from '@tessera/composer';
import {
  createKafkaTransport,
  createPostgresLogTransport,
  type EventTransport,
  type Logger,
} from '@tessera/event-transport';
import { startSimulatedResponder } from '@tessera/simulated-agents';
import type pg from 'pg';

export interface SimulatedFleetOptions {
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[] | undefined;
  readonly seed: number;
  readonly logger: Logger;
}

export interface SimulatedFleet {
  stop(): Promise<void>;
}

/**
 * Fleet and its host agents, simulated: every attach and detach intent the composer publishes
 * is answered at once, successfully, on the transport the services use (Kafka, or the Postgres
 * log in the standalone database).
 */
export async function startSimulatedFleet(options: SimulatedFleetOptions): Promise<SimulatedFleet> {
  const { transport, pool } = await openTransport(options);
  try {
    const responder = await startSimulatedResponder({
      transport,
      intentsTopic: composerTopic,
      observationsTopic: fleetTopic,
      group: 'tessera.simulated-agents',
      latencyMs: { min: 0, max: 0 },
      failureRate: 0,
      seed: options.seed,
    });
    return {
      stop: async () => {
        await responder.stop();
        await transport.close();
        await pool?.end();
      },
    };
  } catch (error) {
    await transport.close();
    await pool?.end();
    throw error;
  }
}

async function openTransport(
  options: SimulatedFleetOptions,
): Promise<{ transport: EventTransport; pool: pg.Pool | undefined }> {
  if (options.kafkaBrokers !== undefined) {
    const transport = createKafkaTransport({
      brokers: options.kafkaBrokers,
      clientId: 'tessera-simulated-agents',
      logger: options.logger,
    });
    return { transport, pool: undefined };
  }
  const pool = servicePool(options.databaseUrl, 'simulated-agents', options.logger);
  try {
    const transport = createPostgresLogTransport({
      pool,
      connectionString: options.databaseUrl,
      logger: options.logger,
    });
    await transport.migrate();
    return { transport, pool };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
