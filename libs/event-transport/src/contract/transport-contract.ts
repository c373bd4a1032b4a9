import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import type { EventTransport } from '../port.js';
import { describeBatchContract } from './batch-contract.js';
import type { ContractContext, TransportContractFixture } from './contract-helpers.js';
import { describeDeliveryContract } from './delivery-contract.js';
import { describeFailureContract } from './failure-contract.js';

export type { TransportContractFixture } from './contract-helpers.js';

/**
 * The one behavioural contract of `EventTransport`, run by every adapter's integration spec
 * against real infrastructure: order per key, redelivery and restart after crashes, no loss,
 * dead-lettering after bounded retries, independent groups, shared work within a group, stop,
 * and the same guarantees for batch delivery (`handleBatch`), where a poison message is isolated.
 * With `cutsConnections`, the fixture's `breakConsumerConnections` is exercised too.
 */
export function describeTransportContract(
  name: string,
  setup: () => Promise<TransportContractFixture>,
  options: { readonly cutsConnections?: boolean } = {},
): void {
  describe(`EventTransport contract: ${name}`, () => {
    let fixture: TransportContractFixture | undefined;
    const open: EventTransport[] = [];

    beforeAll(async () => {
      fixture = await setup();
    });
    afterEach(async () => {
      const closing = open.splice(0).map((transport) => transport.close());
      await Promise.all(closing);
    });
    afterAll(async () => {
      await fixture?.dispose();
    });

    const context: ContractContext = {
      fixture: () => {
        if (!fixture) {
          throw new Error('the contract fixture is not set up');
        }
        return fixture;
      },
      transport: async () => {
        const transport = await context.fixture().createTransport();
        open.push(transport);
        return transport;
      },
      uniqueName: (prefix) => context.fixture().uniqueName(prefix),
    };

    describeDeliveryContract(context);
    describeFailureContract(context, { cutsConnections: options.cutsConnections ?? false });
    describeBatchContract(context);
  });
}
