import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startComposerService } from './app/composer-app.js';
import { loadComposerConfig } from './app/composer-config.js';

/** The composer service's process: `node dist/main.js` with the environment in app/composer-config.ts. */
const logger = new Logger('composer');

async function main(): Promise<void> {
  const config = loadComposerConfig();
  const service = await startComposerService(config);
  logger.log(`ComposerService listening on ${service.grpcUrl} as ${config.ownerId}`);
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
