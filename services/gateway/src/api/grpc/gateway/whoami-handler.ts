import type { gateway } from '@tessera/contracts';
import { describeCaller } from '../../../application/whoami/describe-caller.js';
import type { GatewayCaller } from './gateway-call.js';
import { callerMessage } from './gateway-messages.js';

/** WhoAmI: the caller as GET /v1/whoami describes it. */
export function whoAmIHandler(): (
  request: gateway.WhoAmIRequest,
  caller: GatewayCaller,
) => Promise<gateway.WhoAmIResponse> {
  return (_request, caller) => Promise.resolve(callerMessage(describeCaller(caller.principal)));
}
