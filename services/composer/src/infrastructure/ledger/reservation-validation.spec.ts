import { describe, expect, it } from 'vitest';
import { InvalidReservationError } from './ledger-errors.js';
import { type ReservationRequest } from './ledger-records.js';
import { validatedDevices } from './reservation-validation.js';

const valid: ReservationRequest = {
  reservationId: 'r-1',
  compositionId: 'c-1',
  owner: 'replica-a',
  expiresAt: new Date('2030-01-01T00:00:00Z'),
  devices: [
    { deviceId: 'nvme-b', maxCompositions: 1 },
    { deviceId: 'Z-gpu', maxCompositions: 2 },
    { deviceId: 'nvme-a', maxCompositions: 1 },
  ],
};

describe('validatedDevices', () => {
  it('returns the devices in lock order (code points, as COLLATE "C" sorts)', () => {
    expect(validatedDevices(valid).map((device) => device.deviceId)).toEqual([
      'Z-gpu',
      'nvme-a',
      'nvme-b',
    ]);
  });

  it.each<[string, Partial<ReservationRequest>]>([
    ['no devices', { devices: [] }],
    ['an empty owner', { owner: '' }],
    ['an invalid expiry', { expiresAt: new Date('not a date') }],
    [
      'a device named twice',
      { devices: [...valid.devices, { deviceId: 'nvme-a', maxCompositions: 1 }] },
    ],
    ['a limit below 1', { devices: [{ deviceId: 'gpu', maxCompositions: 0 }] }],
    ['a fractional limit', { devices: [{ deviceId: 'gpu', maxCompositions: 1.5 }] }],
  ])('refuses a request with %s', (_, change) => {
    expect(() => validatedDevices({ ...valid, ...change })).toThrow(InvalidReservationError);
  });
});
