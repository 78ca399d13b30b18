import { createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AchievementsService } from '../../../src/modules/gamification/achievements.service.js';
import { OpenBadgesService } from '../../../src/modules/gamification/open-badges/open-badges.service.js';
import { SigningKeysService } from '../../../src/modules/gamification/open-badges/signing-keys.service.js';
import { createDepartment, signedIn, TEST_PASSWORD } from '../../factories/org.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import {
  createPrivateDatabase,
  onRealPostgres,
  startTestApp,
  type TestApp,
  type TestAppOptions,
} from '../../utils/test-app.js';

const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
const AWARDED_AT = '2026-03-15T01:00:00.000Z';

const schema: object = JSON.parse(
  readFileSync(new URL('./ob3-credential.schema.json', import.meta.url), 'utf8'),
);
// Not a strict tuple: more contexts may follow the two OB 3.0 requires first.
const validateCredential = new Ajv({ allErrors: true, strict: true, strictTuples: false }).compile(schema);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // The organisation at the top of the tree issues; '가…' sorts before every factory department.
  await createDepartment(app.dataSource, { nameKo: '가람시청', nameEn: 'Garam City Hall' });
});
afterAll(() => app?.close());

/** A badge and its award to the person, written straight to the tables (no evaluator involved). */
async function award(target: TestApp, personId: string): Promise<{ badgeId: string; awardId: string }> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const [{ id: badgeId }] = await target.dataSource.query(
    `INSERT INTO badges (name_ko, name_en, description_ko, description_en, criteria, template)
     VALUES ($1, $2, '청렴 교육을 다섯 과정 이상 마쳤습니다.', 'Completed five or more integrity courses.',
             '{"kind":"COURSES_COMPLETED","count":5}'::jsonb, '{"shape":"SHIELD","color":"#1f6feb","symbol":"청"}'::jsonb)
     RETURNING id`,
    [`청렴 달인 ${suffix}`, `Integrity Master ${suffix}`],
  );
  const [{ id: awardId }] = await target.dataSource.query(
    `INSERT INTO badge_awards (badge_id, person_id, awarded_at) VALUES ($1, $2, $3) RETURNING id`,
    [badgeId, personId, AWARDED_AT],
  );
  return { badgeId, awardId };
}

async function get(target: TestApp, path: string, client?: GqlClient): Promise<Response> {
  return fetch(`${target.url}${path}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });
}

async function json(res: Response | Promise<Response>): Promise<AnyData> {
  return (await res).json() as Promise<AnyData>;
}

async function verify(target: TestApp, body: unknown): Promise<{ status: number; body: AnyData }> {
  const res = await fetch(`${target.url}/api/ob/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64url = (s: string) => Buffer.from(s, 'base64url');
const parts = (jwt: string) => {
  const [h, p, s] = jwt.split('.');
  return {
    h,
    p,
    s,
    header: JSON.parse(unb64url(h).toString('utf8')),
    payload: JSON.parse(unb64url(p).toString('utf8')),
  };
};

/** An employee with an award, their signed-in client and the signed credential. */
async function holder(target = app, name = '김청렴') {
  const { person, client } = await signedIn(target, { name });
  const ids = await award(target, person.id);
  const res = await get(target, `/api/ob/credentials/${ids.awardId}`, client);
  expect(res.status).toBe(200);
  return { person, client, ...ids, jwt: (await res.text()).trim() };
}

describe('the credential', () => {
  it('is an Open Badges 3.0 credential with the required fields, and names no one', async () => {
    const { person, client } = await signedIn(app, { name: '박배지' });
    const { badgeId, awardId } = await award(app, person.id);

    const res = await get(app, `/api/ob/credentials/${awardId}?format=json`, client);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="badge-integrity-master-[a-z0-9]+\.json"$/,
    );
    const text = await res.text();
    const vc = JSON.parse(text);

    const ok = validateCredential(vc);
    expect(validateCredential.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(vc['@context'].slice(0, 2)).toEqual(OB3_CONTEXT);
    expect(vc.id).toBe(`${app.config.publicUrl}/api/ob/credentials/${awardId}`);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.issuer).toEqual({
      id: `${app.config.publicUrl}/api/ob/issuer`,
      type: ['Profile'],
      name: '가람시청',
      url: app.config.publicUrl,
    });
    expect(vc.validFrom).toBe(AWARDED_AT);
    expect(vc.name).toMatch(/^청렴 달인 /);
    expect(vc.credentialStatus).toEqual({ id: `${vc.id}/status`, type: '1EdTechRevocationList' });

    const achievement = vc.credentialSubject.achievement;
    expect(achievement).toMatchObject({
      id: `${app.config.publicUrl}/api/ob/achievements/${badgeId}`,
      type: ['Achievement'],
      achievementType: 'Badge',
      image: { id: `${app.config.publicUrl}/api/badges/${badgeId}/image`, type: 'Image' },
    });
    expect(achievement.description).toContain('청렴 교육을 다섯 과정 이상 마쳤습니다.');
    expect(achievement.criteria.narrative.length).toBeGreaterThan(5);
    // The image the credential points to is really there, without a session.
    expect((await get(app, `/api/badges/${badgeId}/image`)).status).toBe(200);

    // The recipient is the hash of their address with the salt; the address itself is nowhere.
    const [identity] = vc.credentialSubject.identifier;
    const expected = createHash('sha256')
      .update(person.email + identity.salt)
      .digest('hex');
    expect(identity.identityHash).toBe(`sha256$${expected}`);
    expect(text).not.toContain(person.email);
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(person.id);

    // Downloading again gives the same credential (a stable salt, no timestamps of the download).
    const again = await json(get(app, `/api/ob/credentials/${awardId}?format=json`, client));
    expect(again).toEqual(vc);
  });

  it('is a VC-JWT: EdDSA header with our kid, the credential as payload, a signature any Ed25519 library accepts', async () => {
    const { jwt, awardId } = await holder();
    const { h, p, s, header, payload } = parts(jwt);
    expect(header.alg).toBe('EdDSA');
    expect(header.typ).toBe('JWT');

    const jwks = await json(get(app, '/api/ob/jwks'));
    const key = jwks.keys.find((k: AnyData) => k.kid === header.kid);
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(header.jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: key!.x });
    // kid is the RFC 7638 thumbprint of the key.
    const thumbprint = createHash('sha256')
      .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: key!.x }))
      .digest('base64url');
    expect(header.kid).toBe(thumbprint);

    // OB 3.0 §8.2: the payload is the credential with iss, jti and nbf.
    expect(validateCredential(payload)).toBe(true);
    expect(payload.iss).toBe(payload.issuer.id);
    expect(payload.jti).toBe(payload.id);
    expect(payload.id).toContain(awardId);
    expect(payload.nbf).toBe(Date.parse(AWARDED_AT) / 1000);
    expect(payload.sub).toBeUndefined();

    // Checked with @noble/curves, not with the library that signed it.
    const message = new Uint8Array(Buffer.from(`${h}.${p}`, 'ascii'));
    const publicKey = new Uint8Array(unb64url(key!.x));
    expect(ed25519.verify(new Uint8Array(unb64url(s)), message, publicKey)).toBe(true);
    const altered = new Uint8Array(Buffer.from(`${h}.${p.slice(0, -2)}`, 'ascii'));
    expect(ed25519.verify(new Uint8Array(unb64url(s)), altered, publicKey)).toBe(false);
  });
});

describe('POST /api/ob/verify', () => {
  it('accepts a genuine credential and tells whether a given email is the recipient’s', async () => {
    const { jwt, person } = await holder();
    const { status, body } = await verify(app, { credential: jwt });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      valid: true,
      signatureValid: true,
      revoked: false,
      errors: [],
      issuedAt: AWARDED_AT,
      issuerName: '가람시청',
      recipientMatches: null,
    });
    expect(body.badgeName).toMatch(/^청렴 달인 /);
    expect(JSON.stringify(body)).not.toContain(person.email);

    expect(
      (await verify(app, { credential: jwt, email: person.email.toUpperCase() })).body.recipientMatches,
    ).toBe(true);
    expect(
      (await verify(app, { credential: jwt, email: 'someone.else@test.palma' })).body.recipientMatches,
    ).toBe(false);
  });

  it('rejects an altered payload', async () => {
    const { jwt } = await holder();
    const { h, s, payload } = parts(jwt);
    payload.name = '위조된 배지';
    payload.credentialSubject.achievement.name = '위조된 배지';
    const forged = `${h}.${b64url(JSON.stringify(payload))}.${s}`;
    const { status, body } = await verify(app, { credential: forged });
    expect(status).toBe(200);
    expect(body.valid).toBe(false);
    expect(body.signatureValid).toBe(false);
    expect(body.errors.join(' ')).toMatch(/signature/i);
    expect(body.badgeName).toBeNull();
  });

  it('rejects a credential signed by another Ed25519 key under our kid, with or without that key embedded', async () => {
    const { jwt } = await holder();
    const { header, payload } = parts(jwt);
    const attacker = generateKeyPairSync('ed25519');
    const forge = (h: AnyData) => {
      const input = `${b64url(JSON.stringify(h))}.${b64url(JSON.stringify(payload))}`;
      return `${input}.${nodeSign(null, Buffer.from(input), attacker.privateKey).toString('base64url')}`;
    };
    const plain = await verify(app, { credential: forge({ alg: 'EdDSA', typ: 'JWT', kid: header.kid }) });
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ valid: false, signatureValid: false });

    const attackerJwk = attacker.publicKey.export({ format: 'jwk' });
    const embedded = await verify(app, { credential: forge({ ...header, jwk: attackerJwk }) });
    expect(embedded.body).toMatchObject({ valid: false, signatureValid: false });
    expect(embedded.body.errors.join(' ')).toMatch(/embedded/);

    const unknownKid = await verify(app, {
      credential: forge({ alg: 'EdDSA', kid: 'A'.repeat(43), jwk: attackerJwk }),
    });
    expect(unknownKid.body).toMatchObject({ valid: false, signatureValid: false });
  });

  it('checks the claims even under a genuine signature (issuer, badge, award)', async () => {
    const service = app.palma.app.get(OpenBadgesService);
    const { person } = await signedIn(app);
    const { awardId } = await award(app, person.id);
    const { badgeId: otherBadgeId } = await award(app, (await signedIn(app)).person.id);
    const genuine = await service.credential(await app.palma.app.get(AchievementsService).award(awardId));
    const signedVariant = async (change: (vc: AnyData) => void) => {
      const vc: AnyData = structuredClone(genuine);
      change(vc);
      return (await verify(app, { credential: await service.sign(vc as typeof genuine) })).body;
    };

    expect((await signedVariant(() => undefined)).valid).toBe(true);
    const otherBadge = await signedVariant((vc) => {
      vc.credentialSubject.achievement.id = `${app.config.publicUrl}/api/ob/achievements/${otherBadgeId}`;
    });
    expect(otherBadge).toMatchObject({ valid: false, signatureValid: true });
    expect(otherBadge.errors.join(' ')).toMatch(/another badge/);
    const otherIssuer = await signedVariant((vc) => {
      vc.issuer.id = 'https://elsewhere.example/issuer';
    });
    expect(otherIssuer).toMatchObject({ valid: false, signatureValid: true });
    const noAward = await signedVariant((vc) => {
      vc.id = `${app.config.publicUrl}/api/ob/credentials/00000000-0000-4000-8000-000000000000`;
    });
    expect(noAward.errors.join(' ')).toMatch(/no record/);
    const wrongContext = await signedVariant((vc) => {
      vc['@context'] = [...vc['@context']].reverse();
    });
    expect(wrongContext.errors.join(' ')).toMatch(/@context/);
  });

  it('answers garbage with valid: false (or 400), never a server error', async () => {
    const garbage: unknown[] = [
      {},
      { credential: '' },
      { credential: 'hello' },
      { credential: 'a.b.c' },
      { credential: '...' },
      { credential: 'eyJhbGciOiJub25lIn0.e30.' },
      { credential: `${b64url('{"alg":"none"}')}.${b64url('{}')}.${b64url('x')}` },
      { credential: `${b64url('{"alg":"EdDSA","kid":"../../etc"}')}.${b64url('[1,2]')}.${b64url('x')}` },
      { credential: `${b64url('not json')}.${b64url('not json')}.${b64url('x')}` },
      { credential: 42 },
      { credential: ['a', 'b'] },
      { credential: `${'a'.repeat(70_000)}.b.c` },
      [1, 2, 3],
    ];
    for (const body of garbage) {
      const res = await verify(app, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    // Bodies that are not a JSON object or array are refused by the JSON parser itself.
    for (const raw of ['{"credential": ', '"just a string"', 'eyJhbGciOiJFZERTQSJ9.e30.e30']) {
      const res = await fetch(`${app.url}/api/ob/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw,
      });
      expect(res.status, raw).toBe(400);
    }
  });

  it('reports a revoked award as revoked, with the reason, and stops issuing it', async () => {
    const { jwt, awardId, client } = await holder();
    await app.dataSource.query(
      `UPDATE badge_awards SET revoked_at = now(), revoked_reason = '부정한 방법으로 취득' WHERE id = $1`,
      [awardId],
    );
    const { status, body } = await verify(app, { credential: jwt });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      valid: false,
      signatureValid: true,
      revoked: true,
      revokedReason: '부정한 방법으로 취득',
    });
    expect(Date.parse(body.revokedAt)).not.toBeNaN();

    const statusDoc = await json(get(app, `/api/ob/credentials/${awardId}/status`));
    expect(statusDoc).toMatchObject({ revoked: true, reason: '부정한 방법으로 취득' });
    const again = await get(app, `/api/ob/credentials/${awardId}`, client);
    expect(again.status).toBe(400);
    expect((await json(again)).code).toBe('CREDENTIAL_INVALID');
  });
});

describe('access', () => {
  it('gives the credential to its owner and admins only', async () => {
    const { awardId, client: owner } = await holder();
    const { client: stranger } = await signedIn(app);
    const { client: admin } = await signedIn(app, { roles: ['ADMIN'] });
    const path = `/api/ob/credentials/${awardId}`;

    expect((await get(app, path, owner)).status).toBe(200);
    expect((await get(app, `${path}?format=json`, admin)).status).toBe(200);
    const denied = await get(app, path, stranger);
    expect(denied.status).toBe(404);
    expect(await json(denied)).toEqual({ code: 'NOT_FOUND', message: 'Credential not found' });
    expect((await get(app, path)).status).toBe(401);
    // A stranger cannot tell a real award from a made-up one.
    expect(
      (await get(app, '/api/ob/credentials/00000000-0000-4000-8000-000000000000', stranger)).status,
    ).toBe(404);
    expect((await get(app, '/api/ob/credentials/not-an-id', owner)).status).toBe(404);
    expect((await get(app, `${path}?format=xml`, owner)).status).toBe(400);
  });

  it('serves issuer, keys, achievement and status publicly, without anyone’s email or name', async () => {
    const { person, badgeId, awardId } = await holder(app, '최공개');
    const documents: [string, RegExp][] = [
      ['/api/ob/issuer', /^application\/ld\+json/],
      ['/api/ob/jwks', /^application\/json/],
      [`/api/ob/achievements/${badgeId}`, /^application\/ld\+json/],
      [`/api/ob/credentials/${awardId}/status`, /^application\/json/],
    ];
    for (const [path, type] of documents) {
      const res = await get(app, path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(type);
      const text = await res.text();
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.id);
      expect(text).not.toMatch(/"d"\s*:/); // no private key material
    }

    const issuer = await json(get(app, '/api/ob/issuer'));
    expect(issuer).toMatchObject({
      '@context': OB3_CONTEXT,
      id: `${app.config.publicUrl}/api/ob/issuer`,
      type: ['Profile'],
      name: '가람시청',
      url: app.config.publicUrl,
    });
    const jwks = await json(get(app, '/api/ob/jwks'));
    expect(issuer.verificationMethod.map((m: AnyData) => m.publicKeyJwk.x).sort()).toEqual(
      jwks.keys.map((k: AnyData) => k.x).sort(),
    );
    expect(issuer.verificationMethod[0]).toMatchObject({ type: 'JsonWebKey', controller: issuer.id });

    const achievement = await json(get(app, `/api/ob/achievements/${badgeId}`));
    expect(achievement).toMatchObject({
      '@context': OB3_CONTEXT,
      type: ['Achievement'],
      achievementType: 'Badge',
    });
    expect(await json(get(app, `/api/ob/credentials/${awardId}/status`))).toEqual({
      id: `${app.config.publicUrl}/api/ob/credentials/${awardId}`,
      revoked: false,
      revokedAt: null,
      reason: null,
    });
    expect((await get(app, '/api/ob/achievements/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get(app, '/api/ob/credentials/nope/status')).status).toBe(404);
  });
});

describe('the signing key', () => {
  it('rotates on an admin’s request; credentials signed before keep verifying', async () => {
    const before = await holder();
    const oldKid = parts(before.jwt).header.kid;
    const { client: employee } = await signedIn(app);
    const { client: admin } = await signedIn(app, { roles: ['ADMIN'] });
    const rotate = (c: GqlClient) =>
      fetch(`${app.url}/api/ob/keys/rotate`, { method: 'POST', headers: { cookie: c.cookie ?? '' } });
    expect((await rotate(employee)).status).toBe(403);
    const res = await rotate(admin);
    expect(res.status).toBe(200);
    const { kid } = await json(res);
    expect(kid).not.toBe(oldKid);

    const after = await holder();
    expect(parts(after.jwt).header.kid).toBe(kid);
    const kids = (await json(get(app, '/api/ob/jwks'))).keys.map((k: AnyData) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([kid, oldKid]));
    expect((await verify(app, { credential: before.jwt })).body.valid).toBe(true);
    expect((await verify(app, { credential: after.jwt })).body.valid).toBe(true);
  });

  it('is created once when several processes need it at the same moment', async () => {
    // Retire every key so the next use must create one; fresh service instances stand for processes.
    // (A real race only on PostgreSQL: PGlite's single connection runs the transactions one by one.)
    for (let round = 0; round < 5; round++) {
      await app.dataSource.query(`UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
      const processes = Array.from({ length: 6 }, () => new SigningKeysService(app.dataSource, app.config));
      const keys = await Promise.all(processes.map((p) => p.activeKey()));
      expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
      const [{ n }] = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM signing_keys WHERE retired_at IS NULL`,
      );
      expect(n).toBe(1);
    }
  });

  it('is stored encrypted, and survives a restart (same kid; old credentials verify; new ones use it)', async () => {
    const shared = await sharedDatabase();
    const apps: TestApp[] = [];
    try {
      const one = await startTestApp(shared.options);
      apps.push(one);
      const { person, jwt } = await holder(one, '정재시작');
      const kids = (await json(get(one, '/api/ob/jwks'))).keys.map((k: AnyData) => k.kid);
      expect(kids).toHaveLength(1);
      const [row] = await one.dataSource.query(`SELECT private_key_enc FROM signing_keys`);
      expect(row.private_key_enc.length).toBe(12 + 16 + 48); // iv, tag, PKCS#8 Ed25519 (48 bytes)
      expect(row.private_key_enc.includes(Buffer.from('302e020100300506032b657004220420', 'hex'))).toBe(
        false,
      );

      await one.close();
      apps.splice(0);
      const two = await startTestApp(shared.options);
      apps.push(two);
      expect((await json(get(two, '/api/ob/jwks'))).keys.map((k: AnyData) => k.kid)).toEqual(kids);
      expect((await verify(two, { credential: jwt })).body.valid).toBe(true);
      const client = await two.client().login(person.email, TEST_PASSWORD);
      const [{ id: awardId }] = await two.dataSource.query(
        `SELECT id FROM badge_awards WHERE person_id = $1`,
        [person.id],
      );
      const fresh = await (await get(two, `/api/ob/credentials/${awardId}`, client)).text();
      expect(parts(fresh).header.kid).toBe(kids[0]);

      // Under another SESSION_SECRET the private key cannot be opened: nothing is signed, yet the
      // public side (keys, verification of what was issued) keeps working.
      await two.close();
      apps.splice(0);
      const three = await startTestApp({
        ...shared.options,
        env: { ...shared.options.env, SESSION_SECRET: 'another-secret-of-at-least-32-characters' },
      });
      apps.push(three);
      expect((await json(get(three, '/api/ob/jwks'))).keys.map((k: AnyData) => k.kid)).toEqual(kids);
      expect((await verify(three, { credential: jwt })).body.valid).toBe(true);
      const again = await three.client().login(person.email, TEST_PASSWORD);
      expect((await get(three, `/api/ob/credentials/${awardId}`, again)).status).toBe(500);
    } finally {
      for (const a of apps) await a.close();
      await shared.cleanup();
    }
  });

  it('is created once by two server processes on one PostgreSQL', async (ctx) => {
    if (!onRealPostgres) {
      console.warn(
        'SKIPPED two-process signing-key race: needs DATABASE_URL (a PostgreSQL both processes share)',
      );
      ctx.skip();
      return;
    }
    const db = await createPrivateDatabase(process.env.DATABASE_URL!);
    const apps: TestApp[] = [];
    try {
      apps.push(await startTestApp({ databaseUrl: db.url }), await startTestApp({ databaseUrl: db.url }));
      const answers = await Promise.all(
        [...apps, ...apps].map(async (a) => (await json(get(a, '/api/ob/jwks'))).keys as AnyData[]),
      );
      expect(new Set(answers.flat().map((k) => k.kid)).size).toBe(1);
      const [{ n }] = await apps[0].dataSource.query(`SELECT count(*)::int AS n FROM signing_keys`);
      expect(n).toBe(1);
    } finally {
      for (const a of apps) await a.close();
      await db.drop();
    }
  });
});

/** A database two app instances can open one after the other (PGlite directory or private PostgreSQL). */
async function sharedDatabase(): Promise<{ options: TestAppOptions; cleanup(): Promise<void> }> {
  if (onRealPostgres) {
    const db = await createPrivateDatabase(process.env.DATABASE_URL!);
    return { options: { databaseUrl: db.url }, cleanup: () => db.drop() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'palma-ob3-'));
  return { options: { env: { DATA_DIR: dir } }, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
