import { InvalidReservationError } from './ledger-errors.js';
import { compareText, type ReservationRequest } from './ledger-records.js';

/**
 * The request's devices in lock order (device id, code point order), after checking that the
 * request is well formed; throws `InvalidReservationError` otherwise.
 */
export function validatedDevices(request: ReservationRequest): ReservationRequest['devices'] {
  const invalid = (reason: string): InvalidReservationError =>
    new InvalidReservationError(request.reservationId, reason);
  if (!request.reservationId || !request.compositionId || !request.owner) {
    throw invalid('reservation id, composition id and owner must not be empty');
  }
  if (Number.isNaN(request.expiresAt.getTime())) {
    throw invalid('expiresAt is not a valid time');
  }
  if (request.devices.length === 0) {
    throw invalid('it names no device');
  }
  const devices = [...request.devices].sort((a, b) => compareText(a.deviceId, b.deviceId));
  devices.forEach((device, index) => {
    if (!device.deviceId) {
      throw invalid('a device id is empty');
    }
    if (!Number.isInteger(device.maxCompositions) || device.maxCompositions < 1) {
      throw invalid(`maxCompositions of ${device.deviceId} must be an integer >= 1`);
    }
    if (devices[index - 1]?.deviceId === device.deviceId) {
      throw invalid(`device ${device.deviceId} is named twice`);
    }
  });
  return devices;
}
