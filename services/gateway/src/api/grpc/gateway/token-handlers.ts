import type { gateway } from '@tessera/contracts';
import type { TokenStore } from '../../../application/ports/token-store.js';
import {
  issueToken,
  listTokens,
  revokeToken,
} from '../../../application/tokens/token-use-cases.js';
import { administers, auditTenantOf } from '../../../domain/token-administration.js';
import type { GatewayCaller } from './gateway-call.js';
import { apiTokenMessage } from './gateway-messages.js';
import { tokenToIssue, tokenToRevoke } from './gateway-requests.js';

type Handler<Req, Res> = (request: Req, caller: GatewayCaller) => Promise<Res>;

/** IssueToken, ListTokens and RevokeToken, with the rules of /v1/tokens (the use cases'). */
export function tokenHandlers(
  store: TokenStore,
  now: () => Date,
): {
  issueToken: Handler<gateway.IssueTokenRequest, gateway.IssueTokenResponse>;
  listTokens: Handler<gateway.ListTokensRequest, gateway.ListTokensResponse>;
  revokeToken: Handler<gateway.RevokeTokenRequest, gateway.RevokeTokenResponse>;
} {
  return {
    issueToken: async (request, caller) => {
      const command = tokenToIssue(request, now());
      // As REST: a refused grant on another tenant is recorded as the platform's.
      if (administers(caller.principal, command.grants)) {
        caller.touch(auditTenantOf(command.grants));
      }
      const issued = await issueToken(store, { ...command, issuer: caller.principal });
      return { token: apiTokenMessage(issued.token), secret: issued.secret };
    },
    listTokens: async (_request, caller) => ({
      tokens: (await listTokens(store, caller.principal)).map(apiTokenMessage),
    }),
    revokeToken: async (request, caller) => {
      const tokenId = tokenToRevoke(request);
      await revokeToken(store, tokenId, caller.principal);
      return { tokenId };
    },
  };
}
