import { TesseraError } from '@tessera/errors';

export type StandaloneErrorCode = 'DATA_DIR_IN_USE' | 'SAVED_ADMIN_TOKEN_INVALID';

/** The base of the standalone process's own errors. */
export abstract class StandaloneError<
  TCode extends StandaloneErrorCode = StandaloneErrorCode,
> extends TesseraError<TCode> {}

/** Another standalone process runs on the data folder; a second one would stop its Postgres. */
export class DataDirInUseError extends StandaloneError<'DATA_DIR_IN_USE'> {
  readonly code = 'DATA_DIR_IN_USE';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
    lockFile: string,
  ) {
    super(
      `another Tessera standalone process (pid ${pid}) uses ${dataDir}: stop it first, or set ` +
        `TESSERA_DATA_DIR to another folder (if no such process runs, delete ${lockFile})`,
    );
  }
}

/** The admin token saved in the data folder is not one the gateway would accept. */
export class SavedAdminTokenInvalidError extends StandaloneError<'SAVED_ADMIN_TOKEN_INVALID'> {
  readonly code = 'SAVED_ADMIN_TOKEN_INVALID';

  constructor(readonly file: string) {
    super(
      `${file} does not hold an admin token (one line of at least 16 characters without ` +
        'white space): delete it to have a new token generated, or set TESSERA_ADMIN_TOKEN',
    );
  }
}
