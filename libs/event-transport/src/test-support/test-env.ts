/** `TESSERA_TEST_LOG=1` prints the transports' warnings and errors while the specs run. */
export function testLoggingEnabled(): boolean {
  return process.env.TESSERA_TEST_LOG === '1';
}
