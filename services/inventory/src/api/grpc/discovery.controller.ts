import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import type { inventory } from '@tessera/contracts';
import { importManifest } from '../../application/import-manifest/import-manifest.handler.js';
import {
  type ItemRepository,
  itemRepositoryToken,
} from '../../application/ports/item-repository.js';
import type { RedfishReader } from '../../application/ports/redfish-reader.js';
import { type SourceItems, sourceItemsToken } from '../../application/ports/source-items.js';
import type {
  SourceCredentials,
  SourceRepository,
} from '../../application/ports/source-repository.js';
import type { ReconcileDeps } from '../../application/reconcile-snapshot/reconcile-snapshot.handler.js';
import {
  registerSource,
  type SourceDeps,
} from '../../application/register-source/register-source.handler.js';
import { removeSource } from '../../application/remove-source/remove-source.handler.js';
import { syncSource } from '../../application/sync-source/sync-source.handler.js';
import { commandContextOf } from './command-context.js';
import { reconcileCountsOf, syncSourceResponseOf } from './discovery-mapper.js';
import { manifestFormats, requiredDomainValue } from './enum-mappers.js';
import {
  redfishReaderToken,
  sourceCredentialsToken,
  sourceRepositoryToken,
} from './grpc-tokens.js';

const service = 'InventoryService';

/** Where hardware comes from: manifests, and Redfish sources registered, removed and synced. */
@Controller()
export class DiscoveryController {
  private readonly reconcile: ReconcileDeps;
  private readonly sources: SourceDeps & ReconcileDeps;

  constructor(
    @Inject(itemRepositoryToken) items: ItemRepository,
    @Inject(sourceItemsToken) sourceItems: SourceItems,
    @Inject(sourceRepositoryToken) sources: SourceRepository,
    @Inject(sourceCredentialsToken) credentials: SourceCredentials,
    @Inject(redfishReaderToken) private readonly redfish: RedfishReader,
  ) {
    this.reconcile = { items, sourceItems };
    this.sources = { items, sourceItems, sources, credentials };
  }

  @GrpcMethod(service, 'ImportManifest')
  async importManifest(
    request: inventory.ImportManifestRequest,
    metadata: Metadata,
  ): Promise<inventory.ImportManifestResponse> {
    const format = requiredDomainValue(manifestFormats, request.format, 'format');
    const manifest = { name: request.name, text: request.text, format };
    const result = await importManifest(this.reconcile, manifest, commandContextOf(metadata));
    return reconcileCountsOf(result);
  }

  @GrpcMethod(service, 'RegisterSource')
  async registerSource(
    request: inventory.RegisterSourceRequest,
    metadata: Metadata,
  ): Promise<inventory.RegisterSourceResponse> {
    const { id, url, intervalSeconds, username, password } = request;
    const command = { id, url, intervalSeconds, username, password };
    const { registered } = await registerSource(this.sources, command, commandContextOf(metadata));
    return { registered };
  }

  @GrpcMethod(service, 'RemoveSource')
  async removeSource(
    request: inventory.RemoveSourceRequest,
    metadata: Metadata,
  ): Promise<inventory.RemoveSourceResponse> {
    const command = { id: request.id, reason: request.reason };
    const { missing } = await removeSource(this.sources, command, commandContextOf(metadata));
    return { missing };
  }

  @GrpcMethod(service, 'SyncSource')
  async syncSource(
    request: inventory.SyncSourceRequest,
    metadata: Metadata,
  ): Promise<inventory.SyncSourceResponse> {
    const deps = { ...this.sources, redfish: this.redfish };
    const sync = await syncSource(deps, { id: request.id }, commandContextOf(metadata));
    return syncSourceResponseOf(sync);
  }
}
