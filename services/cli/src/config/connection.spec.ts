import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { defaultServer, normalizeServer, redactToken, resolveConnection } from './connection.js';

const file = { server: 'http://file.example:8080', token: 'file-token' };
const env = { TESSERA_SERVER: 'http://env.example', TESSERA_TOKEN: 'env-token' };
const flags = { server: 'http://flag.example', token: 'flag-token' };

describe('which server and token a command uses', () => {
  it('takes the config file when nothing else names them', () => {
    expect(resolveConnection({}, {}, file)).toEqual({
      server: { value: 'http://file.example:8080', source: 'config file' },
      token: { value: 'file-token', source: 'config file' },
    });
  });

  it('lets TESSERA_SERVER and TESSERA_TOKEN override the file', () => {
    expect(resolveConnection({}, env, file)).toEqual({
      server: { value: 'http://env.example', source: 'environment' },
      token: { value: 'env-token', source: 'environment' },
    });
  });

  it('lets --server and --token override both', () => {
    expect(resolveConnection(flags, env, file)).toEqual({
      server: { value: 'http://flag.example', source: 'flag' },
      token: { value: 'flag-token', source: 'flag' },
    });
  });

  it('decides each setting on its own: a flag for the token, the file for the server', () => {
    const connection = resolveConnection({ token: 'flag-token' }, {}, file);
    expect(connection.server.source).toBe('config file');
    expect(connection.token?.source).toBe('flag');
  });

  it('treats an empty variable as unset', () => {
    expect(resolveConnection({}, { TESSERA_TOKEN: '' }, file).token?.value).toBe('file-token');
  });

  it('defaults the server to the local gateway and has no token by default', () => {
    expect(resolveConnection({}, {}, undefined)).toEqual({
      server: { value: defaultServer, source: 'default' },
      token: undefined,
    });
  });
});

describe('normalizeServer', () => {
  it('drops a trailing slash and adds http:// to a bare host:port', () => {
    expect(normalizeServer('https://tessera.example/')).toBe('https://tessera.example');
    expect(normalizeServer('127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it('refuses what is no http(s) URL', () => {
    expect(() => normalizeServer('ftp://files.example')).toThrow(UsageError);
    expect(() => normalizeServer('http://')).toThrow(UsageError);
  });
});

describe('redactToken', () => {
  it('never shows the secret, only its kind and last characters', () => {
    const secret = 'tsr_abcdefghijklmnopqrstuvwxyz0123456789ABCD';
    expect(redactToken(secret)).toBe('tsr_****ABCD');
    expect(redactToken('short-bootstrap-token')).toBe('****');
  });
});
