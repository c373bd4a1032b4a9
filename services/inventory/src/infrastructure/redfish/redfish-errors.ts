import { TesseraError } from '@tessera/errors';

/*
 * Why a Redfish crawl failed. Each names the URL it failed on. A crawl fails as a whole: a partial
 * crawl would read as hardware gone missing. Only a 404 below the service root is tolerated (a
 * dangling link, which the mapping reports).
 */

/** Connection refused or reset, DNS failure: the service could not be reached. */
export class RedfishUnreachableError extends TesseraError<'REDFISH_UNREACHABLE'> {
  readonly code = 'REDFISH_UNREACHABLE';

  constructor(
    readonly url: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Redfish service unreachable at ${url}: ${reason}`, options);
  }
}

/** No complete answer within the per-request timeout. */
export class RedfishTimeoutError extends TesseraError<'REDFISH_TIMEOUT'> {
  readonly code = 'REDFISH_TIMEOUT';

  constructor(
    readonly url: string,
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`Redfish service did not answer ${url} within ${timeoutMs} ms`, options);
  }
}

/** The body is not JSON, or not a JSON object. */
export class RedfishMalformedResponseError extends TesseraError<'REDFISH_MALFORMED_RESPONSE'> {
  readonly code = 'REDFISH_MALFORMED_RESPONSE';

  constructor(
    readonly url: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Redfish resource ${url} is malformed: ${reason}`, options);
  }
}

function httpErrorMessage(url: string, status: number, credentialsGiven: boolean): string {
  if (status === 401) {
    return credentialsGiven
      ? `Redfish service at ${url} refused the credentials (HTTP 401)`
      : `Redfish service at ${url} requires credentials and none were given (HTTP 401)`;
  }
  return `Redfish service answered HTTP ${status} for ${url}`;
}

/** An HTTP error status: on the service root, or other than 404 below it. */
export class RedfishHttpError extends TesseraError<'REDFISH_HTTP_ERROR'> {
  readonly code = 'REDFISH_HTTP_ERROR';

  constructor(
    readonly url: string,
    readonly status: number,
    credentialsGiven: boolean,
  ) {
    super(httpErrorMessage(url, status, credentialsGiven));
  }
}

/** The service links more resources than the crawl may read (`maxResources`). */
export class RedfishCrawlLimitError extends TesseraError<'REDFISH_CRAWL_LIMIT'> {
  readonly code = 'REDFISH_CRAWL_LIMIT';

  constructor(
    readonly url: string,
    readonly maxResources: number,
  ) {
    super(
      `Redfish service at ${url} links more than ${maxResources} resources for discovery; ` +
        'raise maxResources if it really is that large',
    );
  }
}
