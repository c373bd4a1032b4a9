// `node --conditions=@tessera/source --import ./scripts/source-loader/register.mjs <file.ts>`: runs
// a service or tool from its TypeScript sources, compiled on load by SWC with decorator metadata, as
// vitest does for the tests (vitest.shared.ts). tsx cannot stand in: esbuild emits no
// `design:*` metadata, so the gateway's ValidationPipe and OpenAPI document would lose their types.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
