import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { configFilePath, loadConfig, saveConfig } from './config-file.js';

describe('configFilePath', () => {
  it('is $TESSERA_CONFIG when set', () => {
    expect(configFilePath({ TESSERA_CONFIG: '/etc/t.json', XDG_CONFIG_HOME: '/x' })).toBe(
      '/etc/t.json',
    );
  });

  it('else under $XDG_CONFIG_HOME, else under ~/.config', () => {
    expect(configFilePath({ XDG_CONFIG_HOME: '/x', HOME: '/home/a' })).toBe(
      '/x/tessera/config.json',
    );
    expect(configFilePath({ HOME: '/home/a' })).toBe('/home/a/.config/tessera/config.json');
  });
});

describe('the config file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tessera-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is absent until saved, then holds server and token readable by its owner only', async () => {
    const file = path.join(dir, 'nested', 'config.json');
    expect(await loadConfig(file)).toBeUndefined();
    await saveConfig(file, { server: 'http://a:1', token: 'tsr_x' });
    expect(await loadConfig(file)).toEqual({ server: 'http://a:1', token: 'tsr_x' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
  });

  it('tightens an existing file to 0600 when saving over it', async () => {
    const file = path.join(dir, 'config.json');
    await writeFile(file, '{}', { mode: 0o644 });
    await saveConfig(file, { token: 'tsr_y' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ token: 'tsr_y' });
  });

  it('is a usage error when it is not a JSON object', async () => {
    const file = path.join(dir, 'config.json');
    await writeFile(file, 'server: yaml?');
    await expect(loadConfig(file)).rejects.toThrow(UsageError);
    await writeFile(file, '[]');
    await expect(loadConfig(file)).rejects.toThrow(/must hold a JSON object/);
  });
});
