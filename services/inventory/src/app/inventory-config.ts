import { readEnvironment, ServiceEnvironment, serviceVariables } from '@tessera/api-kit/server';
import { IsIn } from 'class-validator';

/** The inventory service's settings, read once from the environment at boot. */
export interface InventoryConfig {
  readonly databaseUrl: string;
  /** The address the gRPC server listens on. */
  readonly grpcHost: string;
  /** 0 picks a free port (tests). */
  readonly grpcPort: number;
  /**
   * Kafka brokers for the inventory topic (events out) and fleet's topic (host reports in);
   * without them the Postgres-log transport in the same database carries both (standalone).
   */
  readonly kafkaBrokers: readonly string[] | undefined;
  /** Whether Redfish sources are resynced on their intervals (the loop is wired separately). */
  readonly syncEnabled: boolean;
}

/** The inventory's variables beside those every service reads. */
class InventoryEnvironment extends ServiceEnvironment {
  override GRPC_PORT = 50061;

  @IsIn(['true', 'false'], { message: 'must be true or false' })
  INVENTORY_SYNC_ENABLED = 'true';
}

const variables = [...serviceVariables, 'INVENTORY_SYNC_ENABLED'] as const;

/**
 * Reads and validates every variable the service uses, failing once with all the problems
 * (`ConfigInvalidError`). Nothing else in the service reads `process.env`.
 */
export function loadInventoryConfig(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): InventoryConfig {
  const env = readEnvironment('inventory', InventoryEnvironment, variables, environment);
  return {
    databaseUrl: env.DATABASE_URL,
    grpcHost: env.GRPC_HOST,
    grpcPort: env.GRPC_PORT,
    kafkaBrokers: env.KAFKA_BROKERS?.split(','),
    syncEnabled: env.INVENTORY_SYNC_ENABLED === 'true',
  };
}
