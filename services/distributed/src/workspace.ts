import { fileURLToPath } from 'node:url';

/**
 * The workspace root: three levels above this file, from `src/` and from `dist/` alike
 * (services/distributed/{src,dist}/workspace.*).
 */
export const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
