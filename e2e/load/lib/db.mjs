/** A private PostgreSQL database per benchmark run, and people signed in by writing their session rows. */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const pg = require('pg');

/** The PostgreSQL server (a superuser): PG_SERVER_URL, default postgres://postgres@127.0.0.1:5432. */
export const PG_SERVER = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';

/** Host (or Unix socket directory, percent-encoded in the URL: %2Fvar%2Frun%2Fpostgresql), port, user. */
export function pgAddress() {
  const u = new URL(PG_SERVER);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port || '5432',
    user: decodeURIComponent(u.username || 'postgres'),
  };
}

/**
 * Creates an empty database named `<prefix>_<pid>` (the server migrates it when it starts).
 * `drop({ keep })` drops it again (or says how to) and closes the admin connection.
 */
export async function createDatabase(prefix = 'palma_bench') {
  const dbName = `${prefix}_${process.pid}`;
  const dbUrl = `${PG_SERVER}/${dbName}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  return {
    dbName,
    dbUrl,
    async drop({ keep = false } = {}) {
      if (keep)
        console.log(`\nkept database ${dbName} (drop it with: dropdb -h 127.0.0.1 -U postgres ${dbName})`);
      else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    },
  };
}

/**
 * People with a signed-in browser each: rows written the way SessionsService.create writes them
 * (the cookie holds a random token, the row its HMAC under the server's SESSION_SECRET).
 * Returns { id, number, cookie } per person.
 */
export async function createSignedInPeople(
  db,
  { secret, departmentId, prefix, count, roles = '{EMPLOYEE}', userAgent = 'registration-benchmark' },
) {
  const people = Array.from({ length: count }, (_, i) => {
    const token = randomBytes(32).toString('base64url');
    return {
      id: randomUUID(),
      number: `${prefix}${String(i + 1).padStart(6, '0')}`,
      cookie: `palma_session=${token}`,
      tokenHash: createHmac('sha256', secret).update(token).digest('hex'),
    };
  });
  for (let from = 0; from < count; from += 5000) {
    const chunk = people.slice(from, from + 5000);
    await db.query(
      `INSERT INTO people (id, employee_number, name, email, department_id, roles)
       SELECT v.id, v.n, '참가자 ' || v.n, lower(v.n) || '@bench.palma', $3::uuid, $4::text[]
         FROM unnest($1::uuid[], $2::varchar[]) AS v(id, n)`,
      [chunk.map((p) => p.id), chunk.map((p) => p.number), departmentId, roles],
    );
    await db.query(
      `INSERT INTO sessions (token_hash, person_id, expires_at, user_agent)
       SELECT v.h, v.p, now() + interval '1 day', $3
         FROM unnest($1::varchar[], $2::uuid[]) AS v(h, p)`,
      [chunk.map((p) => p.tokenHash), chunk.map((p) => p.id), userAgent],
    );
  }
  return people;
}
