import { describeTransportContract } from '../contract/transport-contract.js';
import { createKafkaFixture } from '../test-support/kafka-fixture.js';

describeTransportContract('kafka', createKafkaFixture);
