import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { composer } from '@tessera/contracts';

/** How long the start waits for the composer to learn the lab before going on anyway. */
const readyWithinMs = 60_000;
const callDeadlineMs = 5_000;

/**
 * Resolves once the composer's scheduler knows at least one host: a preview of one device
 * examines hosts (or fits). The inventory's events reach the composer through the transport a
 * moment after the lab's import, and a composition asked for before that would fail with "no
 * host is known". Resolves `false` if that has not happened within a minute: the start goes on,
 * and compositions fail with that reason until the events arrive.
 */
export async function waitForSchedulerToKnowHosts(composerUrl: string): Promise<boolean> {
  const client = new composer.ComposerServiceClient(composerUrl, credentials.createInsecure());
  const spec = composer.CompositionSpec.fromPartial({
    name: 'readiness-probe',
    tenant: 'standalone',
    hostSelector: {},
    groups: [{ name: 'any', kind: 'gpu', count: 1 }],
  });
  try {
    const deadline = Date.now() + readyWithinMs;
    for (let pauseMs = 20; Date.now() < deadline; pauseMs = Math.min(pauseMs * 2, 500)) {
      const preview = await previewOnce(client, spec);
      const fits = preview.outcome === composer.PreviewOutcome.PREVIEW_OUTCOME_FITS;
      if (fits || preview.hostsExamined > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return false;
  } finally {
    client.close();
  }
}

function previewOnce(
  client: composer.ComposerServiceClient,
  spec: composer.CompositionSpec,
): Promise<composer.PreviewCompositionResponse> {
  return new Promise((resolve, reject) => {
    client.previewComposition(
      { spec },
      new Metadata(),
      { deadline: new Date(Date.now() + callDeadlineMs) },
      (error: ServiceError | null, response: composer.PreviewCompositionResponse) => {
        if (error === null) resolve(response);
        else reject(error);
      },
    );
  });
}
