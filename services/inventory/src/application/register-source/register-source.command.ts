/** Register (or re-register with a new interval) a Redfish service to discover hardware from. */
export interface RegisterSourceCommand {
  /** 1-63 lower-case letters, digits or "-": names the source and prefixes its items' ids. */
  readonly id: string;
  readonly url: string;
  readonly intervalSeconds: number;
  readonly username?: string;
  readonly password?: string;
}
