import { gateway } from '@tessera/contracts';
import type { EventFeed, FeedWakeups } from '../../../application/ports/event-feed.js';
import type { TokenStore } from '../../../application/ports/token-store.js';
import type { Role } from '../../../domain/access.js';
import { listAuditHandler } from './audit-handler.js';
import { watchEventsHandler } from './events-handler.js';
import {
  type GatewayCallDeps,
  type GatewayMethod,
  streamingGatewayCall,
  unaryGatewayCall,
} from './gateway-call.js';
import { tokenHandlers } from './token-handlers.js';
import { whoAmIHandler } from './whoami-handler.js';

export interface GatewayServiceDeps extends GatewayCallDeps {
  readonly tokens: TokenStore;
  readonly feed: EventFeed;
  readonly wakeups: FeedWakeups;
}

type MethodName = keyof typeof gateway.GatewayServiceService;

/**
 * Each method's role on some tenant, as its REST endpoint's `@Requires` (handlers then check
 * what the request names); the commands are audited as REST's are.
 */
const access = {
  whoAmI: { role: 'viewer', command: false },
  issueToken: { role: 'admin', command: true },
  listTokens: { role: 'admin', command: false },
  revokeToken: { role: 'admin', command: true },
  listAudit: { role: 'operator', command: false },
  watchEvents: { role: 'viewer', command: false },
} as const satisfies Record<MethodName, { role: Role; command: boolean }>;

const method = (name: MethodName): GatewayMethod => ({
  path: gateway.GatewayServiceService[name].path,
  ...access[name],
});

/** tessera.gateway.v1.GatewayService: the gateway's own functions beside the forwarded ones. */
export function gatewayServiceHandlers(deps: GatewayServiceDeps): gateway.GatewayServiceServer {
  const tokens = tokenHandlers(deps.tokens, deps.authenticators.now);
  return {
    whoAmI: unaryGatewayCall(method('whoAmI'), deps, whoAmIHandler()),
    issueToken: unaryGatewayCall(method('issueToken'), deps, tokens.issueToken),
    listTokens: unaryGatewayCall(method('listTokens'), deps, tokens.listTokens),
    revokeToken: unaryGatewayCall(method('revokeToken'), deps, tokens.revokeToken),
    listAudit: unaryGatewayCall(method('listAudit'), deps, listAuditHandler(deps.audit)),
    watchEvents: streamingGatewayCall(
      method('watchEvents'),
      deps,
      watchEventsHandler(deps.feed, deps.wakeups),
    ),
  };
}
