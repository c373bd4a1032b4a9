import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startGatewayService } from './app/gateway-app.js';
import { loadGatewayConfig } from './app/gateway-config.js';

/** The gateway's process: `node dist/main.js` with the environment in app/gateway-config.ts. */
const logger = new Logger('gateway');

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const gateway = await startGatewayService(config);
  logger.log(`REST API on ${gateway.httpUrl}/v1 (OpenAPI page ${gateway.httpUrl}/docs)`);
  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    stopping ??= (async () => {
      logger.log(`${signal}: stopping`);
      await gateway.close();
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
