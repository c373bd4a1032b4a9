/** The settings a contention worker process receives from its parent, read once, all required. */
export function requiredWorkerSetting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** The parent's environment plus the worker's settings, for spawning a worker. */
export function workerEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...settings };
}
