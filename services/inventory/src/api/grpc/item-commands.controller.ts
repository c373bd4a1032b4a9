import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { inventory } from '@tessera/contracts';
import type { OperatorAction } from '../../application/operate-item/operate-item.command.js';
import { operateItem } from '../../application/operate-item/operate-item.handler.js';
import {
  type ItemRepository,
  itemRepositoryToken,
} from '../../application/ports/item-repository.js';
import { commandContextOf } from './command-context.js';
import { healthStates, itemKinds, requiredDomainValue } from './enum-mappers.js';

const service = 'InventoryService';

/** What every item command answers: events appended (0: nothing changed) and the item's version. */
interface ItemCommandResponse {
  appendedEvents: number;
  itemVersion: number;
}

/** Operators' commands on items: cordon, uncordon, retire, labels, health. */
@Controller()
export class ItemCommandsController {
  constructor(@Inject(itemRepositoryToken) private readonly items: ItemRepository) {}

  @GrpcMethod(service, 'CordonItem')
  cordonItem(
    request: inventory.CordonItemRequest,
    metadata: Metadata,
  ): Promise<inventory.CordonItemResponse> {
    return this.operate(request, { action: 'cordon', reason: request.reason }, metadata);
  }

  @GrpcMethod(service, 'UncordonItem')
  uncordonItem(
    request: inventory.UncordonItemRequest,
    metadata: Metadata,
  ): Promise<inventory.UncordonItemResponse> {
    return this.operate(request, { action: 'uncordon', reason: request.reason }, metadata);
  }

  @GrpcMethod(service, 'RetireItem')
  retireItem(
    request: inventory.RetireItemRequest,
    metadata: Metadata,
  ): Promise<inventory.RetireItemResponse> {
    return this.operate(request, { action: 'retire', reason: request.reason }, metadata);
  }

  @GrpcMethod(service, 'SetItemLabels')
  setItemLabels(
    request: inventory.SetItemLabelsRequest,
    metadata: Metadata,
  ): Promise<inventory.SetItemLabelsResponse> {
    return this.operate(request, { action: 'set-labels', labels: { ...request.labels } }, metadata);
  }

  @GrpcMethod(service, 'SetItemHealth')
  setItemHealth(
    request: inventory.SetItemHealthRequest,
    metadata: Metadata,
  ): Promise<inventory.SetItemHealthResponse> {
    const health = requiredDomainValue(healthStates, request.health, 'health');
    return this.operate(
      request,
      { action: 'set-health', health, reason: request.reason },
      metadata,
    );
  }

  /** Runs the action, then reads the item's version from its stream (never from a projection). */
  private async operate(
    request: { kind: inventory.ItemKind; id: string },
    operation: OperatorAction,
    metadata: Metadata,
  ): Promise<ItemCommandResponse> {
    const kind = requiredDomainValue(itemKinds, request.kind, 'kind');
    const context = commandContextOf(metadata);
    const facts = await operateItem(this.items, { kind, id: request.id, operation }, context);
    const { version } = await this.items.load(kind, request.id);
    return { appendedEvents: facts.length, itemVersion: version };
  }
}
