import type { Admin, Kafka } from 'kafkajs';
import { TransientInfrastructureError } from '../errors/transient-errors.js';
import type { Logger } from '../logger.js';

export interface TopicDefaults {
  readonly partitions: number;
  /** Defaults to the broker's `default.replication.factor`. */
  readonly replicationFactor?: number;
}

const metadataWaitMs = 30_000;

/**
 * Creates topics on demand through the admin client, at most once per topic and process:
 * creation is idempotent ("already exists" is success, so racing processes agree), and a topic
 * counts as ready only once every partition has a leader in the metadata.
 */
export class KafkaTopics {
  private readonly ready = new Map<string, Promise<void>>();
  private admin: Promise<Admin> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly defaults: TopicDefaults,
    private readonly logger: Logger,
  ) {}

  async ensure(topics: readonly string[]): Promise<void> {
    await Promise.all(topics.map((topic) => this.ensureOne(topic)));
  }

  /** Checks these topics again next time (after a failure that may mean they were deleted). */
  forget(topics: readonly string[]): void {
    topics.forEach((topic) => this.ready.delete(topic));
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.ready.clear();
    if (admin) {
      await (await admin.catch(() => undefined))?.disconnect();
    }
  }

  private ensureOne(topic: string): Promise<void> {
    let ready = this.ready.get(topic);
    if (!ready) {
      ready = this.create(topic);
      this.ready.set(topic, ready);
      ready.catch(() => {
        if (this.ready.get(topic) === ready) {
          this.ready.delete(topic);
        }
      });
    }
    return ready;
  }

  private async create(topic: string): Promise<void> {
    const admin = await this.connectedAdmin();
    const created = await admin.createTopics({
      topics: [
        {
          topic,
          numPartitions: this.defaults.partitions,
          ...(this.defaults.replicationFactor === undefined
            ? {}
            : { replicationFactor: this.defaults.replicationFactor }),
        },
      ],
      // kafkajs's own wait gives up on "this server does not host this topic-partition", which a
      // loaded broker answers for a moment after creating a topic: ours below retries it.
      waitForLeaders: false,
    });
    if (created) {
      this.logger.info('kafka topic created', { topic, partitions: this.defaults.partitions });
    }
    await this.waitForLeaders(admin, topic);
  }

  private async waitForLeaders(admin: Admin, topic: string): Promise<void> {
    const deadline = Date.now() + metadataWaitMs;
    let lastProblem = 'no metadata yet';
    while (Date.now() < deadline) {
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
        const partitions = topics.find((candidate) => candidate.name === topic)?.partitions ?? [];
        if (partitions.length > 0 && partitions.every((partition) => partition.leader >= 0)) {
          return;
        }
        lastProblem = `${partitions.length} partitions, not all with a leader`;
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new TransientInfrastructureError(
      `kafka topic ${topic} has no leaders after ${metadataWaitMs} ms: ${lastProblem}`,
    );
  }

  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      const connecting = admin.connect().then(() => admin);
      this.admin = connecting;
      connecting.catch(() => {
        if (this.admin === connecting) {
          this.admin = undefined;
        }
      });
    }
    return this.admin;
  }
}
