import { startKafkaContainer, startPostgresContainer } from './containers.js';
import { probeDockerEngine } from './docker-probe.js';
import { startLocalKafka, startLocalPostgres } from './local-processes.js';
import { type ProvisionDependencies } from './provision-test-infra.js';

/** The real ways to obtain Postgres and Kafka. */
export const defaultProvisionDependencies: ProvisionDependencies = {
  probeDocker: (dockerHost) => probeDockerEngine(dockerHost),
  startPostgresContainer: (image) => startPostgresContainer(image),
  startKafkaContainer: (image) => startKafkaContainer(image),
  startLocalPostgres,
  startLocalKafka,
};
