import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startInventoryService } from './app/inventory-app.js';
import { loadInventoryConfig } from './app/inventory-config.js';

/** The inventory service's process: `node dist/main.js` with the environment in app/inventory-config.ts. */
const logger = new Logger('inventory');

async function main(): Promise<void> {
  const service = await startInventoryService(loadInventoryConfig());
  logger.log(`InventoryService listening on ${service.grpcUrl}`);
  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    stopping ??= (async () => {
      logger.log(`${signal}: stopping`);
      await service.close();
      logger.log('stopped');
    })().catch((error: unknown) => {
      logger.error('stopping failed', error instanceof Error ? error.stack : String(error));
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
