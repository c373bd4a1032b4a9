import {
  absentLease,
  decideLease,
  evolveLease,
  type Lease,
  type LeaseFact,
  type LeaseState,
  QuotaExceededError,
} from '@tessera/composer-domain';
import { DevicesTakenError } from '../ports/allocation-ledger.js';
import type { CommandContext } from '../ports/command-context.js';
import { resolveSpec } from '../templates/resolve-spec.js';
import { chooseLeaseDevices } from './choose-lease-devices.js';
import { earlierLeaseAdmission } from './earlier-lease-admission.js';
import { type LeaseIdempotency, LeaseKeyTakenError } from './lease-book.js';
import { defaultMaxAdmissionAttempts, type LeaseDeps } from './lease-deps.js';
import { leaseRequestFingerprint } from './lease-request-fingerprint.js';
import type { LeaseAdmission, RequestLeaseCommand } from './request-lease.command.js';

/**
 * Admits a lease or rejects it. A spec naming a template is rendered first. A bad request throws
 * (`InvalidLeaseError` naming the field, `CompositionSpecInvalidError`, `TemplateNotFoundError`)
 * and stores nothing; so does a known idempotency key: with the same request it answers that
 * lease again, with another `LeaseIdempotencyConflictError`. Otherwise the devices of all compositions
 * are chosen on a scratch index and held in the ledger for the window in the transaction that
 * records `LeaseRequested` + `LeaseAdmitted`, all or nothing; when another admission held one
 * of them first, the choice is made again without it. A lease that would take its tenant past
 * a quota during the window is rejected with the quota's reason. When nothing fits, `LeaseRequested` +
 * `LeaseRejected` are stored with the reason.
 */
export async function requestLease(
  deps: LeaseDeps,
  command: RequestLeaseCommand,
  context: CommandContext,
): Promise<LeaseAdmission> {
  const leaseId = deps.ids.newId();
  const now = deps.clock.now();
  const spec = await resolveSpec(deps.templates, command.spec);
  const requested = decideLease(
    { command: 'Request', id: leaseId, ...command, spec },
    absentLease,
    now,
  );
  const lease = leaseOf(requested.reduce<LeaseState>(evolveLease, absentLease));
  const { idempotencyKey: key } = command;
  if (key === undefined) return admit(deps, lease, requested, undefined, context);
  const idempotency = { key, fingerprint: leaseRequestFingerprint(lease) };
  const earlier = await earlierLeaseAdmission(deps, idempotency);
  if (earlier !== undefined) return earlier;
  try {
    return await admit(deps, lease, requested, idempotency, context);
  } catch (error) {
    // A concurrent request stored its lease under the key first.
    if (!(error instanceof LeaseKeyTakenError)) throw error;
    const raced = await earlierLeaseAdmission(deps, idempotency);
    if (raced === undefined) throw error;
    return raced;
  }
}

/** Chooses and holds the devices (again without those taken meanwhile), or rejects. */
async function admit(
  deps: LeaseDeps,
  lease: Lease,
  requested: readonly LeaseFact[],
  idempotency: LeaseIdempotency | undefined,
  context: CommandContext,
): Promise<LeaseAdmission> {
  const { id: leaseId } = lease;
  const now = deps.clock.now();
  const excluded = new Set<string>();
  const attempts = deps.maxAdmissionAttempts ?? defaultMaxAdmissionAttempts;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const choice = await chooseLeaseDevices(deps, lease, excluded);
    if (choice.outcome === 'short') {
      return reject(deps, lease, requested, choice, idempotency, context);
    }
    const admitted = decideLease({ command: 'Admit', held: choice.held }, lease, now);
    const facts = [...requested, ...admitted];
    try {
      await deps.leases.save(
        {
          leaseId,
          facts,
          expectedVersion: 0,
          state: evolved(lease, admitted),
          hold: choice.hold,
          ...(idempotency && { idempotency }),
        },
        context,
      );
      return { outcome: 'admitted', leaseId, held: choice.held };
    } catch (error) {
      if (error instanceof QuotaExceededError) {
        const rejection = { reason: error.message, shortfalls: [] };
        return reject(deps, lease, requested, rejection, idempotency, context);
      }
      if (!(error instanceof DevicesTakenError)) throw error;
      for (const deviceId of error.deviceIds) excluded.add(deviceId);
    }
  }
  const reason = `other leases or compositions took the chosen devices ${attempts} times in a row`;
  return reject(deps, lease, requested, { reason, shortfalls: [] }, idempotency, context);
}

async function reject(
  deps: LeaseDeps,
  lease: Lease,
  requested: readonly LeaseFact[],
  { reason, shortfalls }: { readonly reason: string; readonly shortfalls: Shortfalls },
  idempotency: LeaseIdempotency | undefined,
  context: CommandContext,
): Promise<LeaseAdmission> {
  const rejected = decideLease({ command: 'Reject', reason, shortfalls }, lease, deps.clock.now());
  await deps.leases.save(
    {
      leaseId: lease.id,
      facts: [...requested, ...rejected],
      expectedVersion: 0,
      state: evolved(lease, rejected),
      ...(idempotency && { idempotency }),
    },
    context,
  );
  return { outcome: 'rejected', leaseId: lease.id, reason, shortfalls };
}

type Shortfalls = Extract<LeaseAdmission, { outcome: 'rejected' }>['shortfalls'];

export function evolved(state: LeaseState, facts: readonly LeaseFact[]): LeaseState {
  return facts.reduce<LeaseState>(evolveLease, state);
}

export function leaseOf(state: LeaseState): Lease {
  if (state.status === 'absent') throw new Error('a requested lease cannot be absent');
  return state;
}
