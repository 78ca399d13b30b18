import { Limits } from '@palma/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../factories/org.factory.js';
import type { GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
let admin: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedIn(app, { roles: ['ADMIN'] })).client;
});
afterAll(() => app?.close());

const codes = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.map((e) => e.extensions?.code) ?? [];

describe('query limits', () => {
  it(`refuses an operation nested deeper than ${Limits.graphqlMaxDepth} fields with QUERY_TOO_DEEP`, async () => {
    // The deepest real path is exactly the limit; fragments add no level.
    const deepest = `{ courses(first: 1) { edges { node { draft { sections { lessons { content {
      ... on DilemmaContent { nodes { choices { id } } } } } } } } } } }`;
    expect((await admin.gql(deepest)).errors).toBeUndefined();
    // Deeper than any path of the schema: the depth rule answers, whatever else is wrong with it.
    const nest = (levels: number) => `{ ${'a { '.repeat(levels - 1)}b${' }'.repeat(levels - 1)} }`;
    const res = await admin.gql(nest(Limits.graphqlMaxDepth + 1));
    expect(res.status).toBe(400);
    expect(codes(res)).toContain('QUERY_TOO_DEEP');
    expect(codes(await admin.gql(nest(Limits.graphqlMaxDepth)))).not.toContain('QUERY_TOO_DEEP');
  });

  it(`refuses more than ${Limits.graphqlMaxAliases} aliases`, async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { mustChangePassword }`).join(' ')} }`;
    expect((await admin.gql(aliases(Limits.graphqlMaxAliases))).errors).toBeUndefined();
    expect(codes(await admin.gql(aliases(Limits.graphqlMaxAliases + 1)))).toEqual(['TOO_MANY_ALIASES']);
  });

  it('refuses operations that cost too much', async () => {
    const part = `... on Query { departments { id code nameKo nameEn parentId headId headcount head { id name rank jobTitle } } } `;
    expect(codes(await admin.gql(`{ ${part.repeat(300)} }`))).toContain('QUERY_TOO_COMPLEX');
  });

  it('applies the same limits to subscriptions over the websocket (same validation rules)', async () => {
    // Covered in realtime/subscriptions.int-spec.ts; here: the HTTP path refuses subscriptions entirely.
    const res = await admin.gql(`subscription { pings { message } }`);
    expect(res.errors?.length).toBeGreaterThan(0);
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple (form-like) request that a foreign site could send', async () => {
    const client = admin;
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: client.cookie! },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    // The session is still alive: the forged logout did not run.
    expect((await client.ok(`{ me { person { id } } }`)).me).not.toBeNull();
  });

  it('refuses a GET query without a preflight header', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { person { id } } }')}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(res.status).toBe(400);
  });
});

describe('errors', () => {
  it('carry a stable code and never a stack trace', async () => {
    const res = await admin.gql(`{ nope }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.js/);
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const prod = await startTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) } });
    try {
      const res = await prod.client().gql(`{ __schema { queryType { name } } }`);
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.errors?.[0].message).toMatch(/introspection/i);
    } finally {
      await prod.close();
    }
    expect(
      ((await admin.gql(`{ __schema { queryType { name } } }`)).data as { __schema: unknown }).__schema,
    ).toBeTruthy();
  });
});

describe('health', () => {
  it('answers 200 while the database is up and 503 when it is not', async () => {
    const up = await fetch(`${app.url}/health`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'up' });
    const other = await startTestApp();
    await other.dataSource.destroy();
    const down = await fetch(`${other.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'error', database: 'down' });
    await other.close().catch(() => undefined);
  });
});
