import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
const dist = mkdtempSync(join(tmpdir(), 'palma-client-dist-'));
beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(dist, 'app.js'), 'console.log(1)');
  app = await startTestApp({ env: { CLIENT_DIST: dist } });
});
afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (path: string, accept = 'text/html') => fetch(`${app.url}${path}`, { headers: { accept } });

describe('one port for the web app and the API', () => {
  it('serves the client for client-side routes, and its files', async () => {
    for (const path of ['/', '/login', '/courses/abc/learn/def', '/verify/7KQ4-M2XA-9PDH']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<div id="app">');
    }
    expect(await (await get('/app.js', '*/*')).text()).toBe('console.log(1)');
  });

  it('never answers API paths with the client', async () => {
    const pdf = await get('/api/certificates/00000000-0000-4000-8000-000000000000/pdf');
    expect(pdf.status).toBe(401);
    expect(await pdf.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in' });
    expect((await get('/health')).headers.get('content-type')).toMatch(/json/);
    expect((await get('/api/nothing-here')).status).toBe(404);
  });
});
