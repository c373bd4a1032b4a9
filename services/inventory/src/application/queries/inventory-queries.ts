import {
  type DeviceFilter,
  deviceFilterProblems,
  type ItemKind,
  itemKinds,
  ItemNotFoundError,
} from '@tessera/inventory-domain';
import type {
  InventoryReadModel,
  ItemView,
  RouteView,
  SourceView,
} from '../ports/inventory-read-model.js';
import { type Page, pageOf, type PageRequest, sliceOf } from './pagination.js';
import { type FieldProblem, InvalidQueryError } from './query-errors.js';

/** The questions the inventory answers, validated before they reach the read models. */
export class InventoryQueries {
  constructor(private readonly readModel: InventoryReadModel) {}

  async getItem(kind: ItemKind, id: string): Promise<ItemView> {
    assertValid(kindProblems(kind));
    const item = await this.readModel.getItem(kind, id);
    if (!item) throw new ItemNotFoundError(kind, id);
    return item;
  }

  async listItems(kind: ItemKind, page: PageRequest): Promise<Page<ItemView>> {
    const { slice, problems } = sliceOf(page);
    assertValid([...kindProblems(kind), ...problems]);
    return pageOf(await this.readModel.listItems(kind, slice));
  }

  async listDevices(filter: DeviceFilter, page: PageRequest): Promise<Page<ItemView<'device'>>> {
    const { slice, problems } = sliceOf(page);
    assertValid([...deviceFilterProblems(filter), ...problems]);
    return pageOf(await this.readModel.listDevices(filter, slice));
  }

  async devicesReachableFrom(hostId: string): Promise<readonly RouteView[]> {
    await this.assertExists('host', hostId);
    return this.readModel.devicesReachableFrom(hostId);
  }

  async hostsReaching(deviceId: string): Promise<readonly RouteView[]> {
    await this.assertExists('device', deviceId);
    return this.readModel.hostsReaching(deviceId);
  }

  listSources(): Promise<readonly SourceView[]> {
    return this.readModel.listSources();
  }

  private async assertExists(kind: ItemKind, id: string): Promise<void> {
    if (!(await this.readModel.itemExists(kind, id))) throw new ItemNotFoundError(kind, id);
  }
}

function kindProblems(kind: string): FieldProblem[] {
  return itemKinds.some((known) => known === kind)
    ? []
    : [{ field: 'kind', message: `"${kind}" is not one of ${itemKinds.join(', ')}` }];
}

function assertValid(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new InvalidQueryError(problems);
}
