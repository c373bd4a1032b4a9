import { AuditController } from './audit.controller.js';
import { TokensController } from './tokens.controller.js';

/** The REST endpoints for administration: API tokens and the audit log. */
export const adminControllers = [TokensController, AuditController];
