import { describe, expect, it } from 'vitest';
import { readyLine, welcomeText } from './welcome.js';

const started = {
  httpUrl: 'http://127.0.0.1:8080',
  grpcUrl: '127.0.0.1:40001',
  adminToken: 'tsr_0123456789abcdef0123456789abcdef01234567',
  adminTokenFile: '/home/ada/tessera/.tessera/admin-token',
  database: 'embedded Postgres in /home/ada/tessera/.tessera/postgres',
  transport: 'postgres-log',
  inventoryUrl: '127.0.0.1:41001',
  composerUrl: '127.0.0.1:41002',
} as const;
const config = { lab: { seed: 7, hosts: 24 } };

describe('what npm start prints once it runs', () => {
  it('shows a new admin token once, with the URLs and a first command using it', () => {
    const text = welcomeText(
      { ...started, adminTokenSource: 'generated', demoLab: { kind: 'imported', registered: 282 } },
      config,
    );
    expect(text.split('\n')[0]).toBe(`${readyLine} http://127.0.0.1:8080`);
    expect(text).toContain('REST API      http://127.0.0.1:8080/v1');
    expect(text).toContain('OpenAPI page  http://127.0.0.1:8080/docs');
    expect(text).toContain('Event stream  http://127.0.0.1:8080/v1/events');
    expect(text).toContain('gRPC API      127.0.0.1:40001');
    expect(text).toContain(`Admin token   ${started.adminToken}`);
    expect(text).toContain('Demo lab      imported (24 hosts, seed 7, 282 items)');
    expect(text).toContain(
      `curl -H "Authorization: Bearer ${started.adminToken}" "http://127.0.0.1:8080/v1/devices?kind=gpu"`,
    );
  });

  it('says where a saved token is, without printing it', () => {
    const text = welcomeText(
      { ...started, adminTokenSource: 'saved', demoLab: { kind: 'kept' } },
      config,
    );
    expect(text).not.toContain(started.adminToken);
    expect(text).toContain(`Admin token   saved in ${started.adminTokenFile}`);
    expect(text).toContain(`Bearer $(cat '${started.adminTokenFile}')`);
    expect(text).toContain('Demo lab      not imported: the inventory already has items');
  });

  it('never prints a configured token', () => {
    const text = welcomeText(
      { ...started, adminTokenSource: 'environment', demoLab: { kind: 'kept' } },
      config,
    );
    expect(text).not.toContain(started.adminToken);
    expect(text).toContain('Bearer $TESSERA_ADMIN_TOKEN');
  });
});
