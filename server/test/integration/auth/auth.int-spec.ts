import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPerson, signedIn, TEST_PASSWORD } from '../../factories/org.factory.js';
import { SessionsService } from '../../../src/modules/auth/sessions.service.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const ME = `{ me { mustChangePassword person { id name roles department { id } } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { person { id name department { code } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('login', () => {
  it('signs in by email or by employee number and sets an httpOnly SameSite=Lax cookie', async () => {
    const person = await createPerson(app, { employeeNumber: 'LOGIN-1', email: 'Login.One@test.palma' });
    const client = app.client();
    const res = await client.gql(LOGIN, {
      i: { identifier: '  login.one@TEST.palma ', password: TEST_PASSWORD },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.person.id).toBe(person.id);
    expect(res.data?.login.person.department.code).toBeTruthy();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^palma_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.ok(ME)).me.person.id).toBe(person.id);

    const byNumber = await app.client().gql(LOGIN, { i: { identifier: 'login-1', password: TEST_PASSWORD } });
    expect(byNumber.data?.login.person.id).toBe(person.id);
  });

  it('gives the same answer for an unknown account, a wrong password and an inactive person', async () => {
    const active = await createPerson(app);
    const inactive = await createPerson(app, { active: false });
    const attempts = [
      { identifier: 'nobody@test.palma', password: TEST_PASSWORD },
      { identifier: active.email, password: 'wrong-password-123' },
      { identifier: inactive.email, password: TEST_PASSWORD },
    ];
    for (const i of attempts) {
      const res = await app.client().gql(LOGIN, { i });
      expect(res.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
      expect(res.errors?.[0].message).toBe('The employee number/email or password is not correct');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('locks an account after 5 failures, even for the right password, and says for how long', async () => {
    const person = await createPerson(app);
    for (let i = 0; i < 5; i++) {
      const code = await app
        .client()
        .code(LOGIN, { i: { identifier: person.email, password: `nope-${i}-xxxxxxxx` } });
      expect(code).toBe('INVALID_CREDENTIALS');
    }
    const res = await app.client().gql(LOGIN, { i: { identifier: person.email, password: TEST_PASSWORD } });
    expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(res.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(60);
    // Another account from the same address is unaffected.
    const other = await createPerson(app);
    await expect(app.client().login(other.email, TEST_PASSWORD)).resolves.toBeTruthy();
  });
});

describe('sessions', () => {
  it('logout revokes the session server-side: the old cookie no longer works', async () => {
    const { client } = await signedIn(app);
    const stolen = client.cookie;
    expect(await client.ok(`mutation { logout }`)).toEqual({ logout: true });
    expect(client.cookie).toBeNull();
    const replay = app.client();
    replay.cookie = stolen;
    expect((await replay.ok(ME)).me).toBeNull();
  });

  it('an expired session is treated as signed out', async () => {
    const { person, client } = await signedIn(app);
    expect((await client.ok(ME)).me.person.id).toBe(person.id);
    await app.dataSource.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE person_id = $1`,
      [person.id],
    );
    expect((await client.ok(ME)).me).toBeNull();
    expect(await client.code(`{ departments { id } }`)).toBe('UNAUTHENTICATED');
  });

  it('a deactivated person is signed out at once', async () => {
    const { person, client } = await signedIn(app);
    await app.dataSource.query(`UPDATE people SET active = false WHERE id = $1`, [person.id]);
    expect((await client.ok(ME)).me).toBeNull();
  });

  it('cookie lookups that arrive together share queries, and each request still gets its own viewer', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => signedIn(app)));
    const [revoked] = people.splice(0, 1);
    const revokedCookie = revoked!.client.cookie;
    await revoked!.client.ok(`mutation { logout }`);
    const asked = [
      ...people.map((p) => ({ cookie: p.client.cookie, expect: p.person.id })),
      { cookie: revokedCookie, expect: null },
      { cookie: 'palma_session=not-a-session', expect: null },
      { cookie: people[3]!.client.cookie, expect: people[3]!.person.id },
    ];
    const answers = await Promise.all(
      asked.map(async ({ cookie }) => {
        const client = app.client();
        client.cookie = cookie;
        return (await client.ok(ME)).me?.person.id ?? null;
      }),
    );
    expect(answers).toEqual(asked.map((a) => a.expect));

    // The same 14 lookups at once, counted: a few go at once, the rest share one query.
    const sessions = app.palma.app.get(SessionsService);
    const runners = vi.spyOn(app.dataSource, 'createQueryRunner');
    try {
      const viewers = await Promise.all(asked.map((a) => sessions.resolve(a.cookie!.split('=')[1])));
      expect(viewers.map((v) => v?.personId ?? null)).toEqual(asked.map((a) => a.expect));
      expect(runners.mock.calls.length).toBeGreaterThan(0);
      expect(runners.mock.calls.length).toBeLessThanOrEqual(5);
    } finally {
      runners.mockRestore();
    }
  });

  it('stores only a keyed hash of the token', async () => {
    const { person, client } = await signedIn(app);
    const token = client.cookie!.split('=')[1];
    const rows: { token_hash: string }[] = await app.dataSource.query(
      `SELECT token_hash FROM sessions WHERE person_id = $1`,
      [person.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].token_hash).not.toContain(token);
  });
});

describe('passwords', () => {
  const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`;

  it('changes the password, keeps this session and signs out the others', async () => {
    const { person, client } = await signedIn(app);
    const otherDevice = await app.client().login(person.email, TEST_PASSWORD);
    await client.ok(CHANGE, { i: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' } });
    expect((await client.ok(ME)).me.person.id).toBe(person.id);
    expect((await otherDevice.ok(ME)).me).toBeNull();
    await expect(app.client().login(person.email, 'a-new-long-password')).resolves.toBeTruthy();
    expect(await app.client().code(LOGIN, { i: { identifier: person.email, password: TEST_PASSWORD } })).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('rejects a wrong current password and a too-short new one', async () => {
    const { client } = await signedIn(app);
    expect(
      await client.code(CHANGE, { i: { currentPassword: 'wrong-one-123', newPassword: 'long-enough-pw' } }),
    ).toBe('WRONG_PASSWORD');
    const res = await client.gql(CHANGE, { i: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(res.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(res.errors?.[0].extensions?.fields).toEqual([
      { field: '(input)', message: 'at least 10 characters' },
    ]);
  });

  it('an admin issues a temporary password that must be changed', async () => {
    const { client: admin } = await signedIn(app, { roles: ['ADMIN'] });
    const person = await createPerson(app, { password: null });
    const { issueTemporaryPassword } = await admin.ok(
      `mutation($id: ID!) { issueTemporaryPassword(personId: $id) { password } }`,
      { id: person.id },
    );
    expect(issueTemporaryPassword.password).toMatch(/^[A-Za-z2-9]{14}$/);
    const client = await app.client().login(person.employeeNumber, issueTemporaryPassword.password);
    expect((await client.ok(ME)).me.mustChangePassword).toBe(true);
    await client.ok(CHANGE, {
      i: { currentPassword: issueTemporaryPassword.password, newPassword: 'my-own-password' },
    });
    expect((await client.ok(ME)).me.mustChangePassword).toBe(false);
  });
});
