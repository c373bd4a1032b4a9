/** Which compositions hold a device now (reserved or allocated), as the ledger says. Read-only. */
export interface CompositionsHoldingDevice {
  compositionsHolding(deviceId: string): Promise<readonly string[]>;
}
