import { describeTransportContract } from '../contract/transport-contract.js';
import { createPostgresLogFixture } from '../test-support/postgres-log-fixture.js';

describeTransportContract('postgres log', createPostgresLogFixture, { cutsConnections: true });
