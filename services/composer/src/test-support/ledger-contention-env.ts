/** The settings a contention worker process receives from its parent, read once, all required. */
export function requiredWorkerSetting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
