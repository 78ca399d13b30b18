#!/usr/bin/env node
/**
 * CSV import benchmark: 10,000 people through the real server (GraphQL, validation, one
 * transaction), on PostgreSQL and on the embedded database, with a peer measured in the same run:
 * PostgreSQL inserting the same rows with one bare INSERT … SELECT FROM unnest (the write floor).
 *
 *   npm run build && node e2e/load/import-benchmark.mjs [--rows 10000]
 *
 * Needs a PostgreSQL server (PG_SERVER_URL, default postgres://postgres@127.0.0.1:5432) to create
 * a scratch database in; prints a table; asserts nothing about time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pg = require('pg');
const root = fileURLToPath(new URL('../../', import.meta.url));
const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 10_000;
const PG_SERVER = process.env.PG_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const DEPARTMENTS = ['AUDIT-INV', 'AUDIT-INT', 'ADM-HR', 'ADM-CON', 'URB-PER', 'URB-TAX'];
const RANKS = ['9급', '8급', '7급', '6급', '5급'];

function csv(rows, variant = '') {
  const lines = ['employee_number,name,email,department,rank,job_title,roles,locale,active'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `B${String(i).padStart(6, '0')},벤치${variant}${i},bench${i}@bench.palma,${DEPARTMENTS[i % DEPARTMENTS.length]},${RANKS[i % RANKS.length]},주무관,EMPLOYEE,ko,Y`,
    );
  }
  return lines.join('\n') + '\n';
}

async function startServer(env) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['server/dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function stop(child) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function gql(url, cookie, query, variables) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

const IMPORT = `mutation($i: ImportFileInput!) { importPeople(input: $i) { applied created updated unchanged errors { line code } } }`;

async function timeImport(url, cookie, text, dryRun) {
  const t = performance.now();
  const { data } = await gql(url, cookie, IMPORT, {
    i: { contentBase64: Buffer.from(text).toString('base64'), dryRun },
  });
  const ms = performance.now() - t;
  if (data.importPeople.errors.length)
    throw new Error(`import reported errors: ${JSON.stringify(data.importPeople.errors.slice(0, 3))}`);
  return { ms, report: data.importPeople };
}

async function runScenario(label, env) {
  const { url, child } = await startServer(env);
  try {
    const { cookie } = await gql(
      url,
      null,
      `mutation { login(input: { identifier: "admin@palma.go.kr", password: "palma-demo-2026" }) { person { id } } }`,
    );
    const rows = [];
    const check = await timeImport(url, cookie, csv(ROWS), true);
    rows.push([label, 'check (dry run)', check]);
    const first = await timeImport(url, cookie, csv(ROWS), false);
    rows.push([label, 'import: create', first]);
    const again = await timeImport(url, cookie, csv(ROWS), false);
    rows.push([label, 're-import: unchanged', again]);
    const changed = await timeImport(url, cookie, csv(ROWS, '*'), false);
    rows.push([label, 're-import: all changed', changed]);
    return rows;
  } finally {
    await stop(child);
  }
}

async function peer(dbUrl) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await client.query(
    `CREATE TEMP TABLE people_peer (LIKE people INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
  );
  const [{ id: dept }] = (await client.query(`SELECT id FROM departments LIMIT 1`)).rows;
  const n = Array.from({ length: ROWS }, (_, i) => i);
  const t = performance.now();
  await client.query(
    `INSERT INTO people_peer (employee_number, name, email, rank, job_title, department_id, roles, locale, active)
     SELECT v.n, v.nm, v.e, v.r, '주무관', $4::uuid, '{EMPLOYEE}', 'ko', true
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $5::varchar[]) AS v(n, nm, e, r)`,
    [
      n.map((i) => `B${i}`),
      n.map((i) => `벤치${i}`),
      n.map((i) => `bench${i}@bench.palma`),
      dept,
      n.map((i) => RANKS[i % RANKS.length]),
    ],
  );
  const ms = performance.now() - t;
  await client.end();
  return ms;
}

async function main() {
  const dbName = `palma_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'palma-bench-'));
  const results = [];
  let peerMs;
  try {
    results.push(...(await runScenario('PostgreSQL', { DATABASE_URL: `${PG_SERVER}/${dbName}` })));
    peerMs = await peer(`${PG_SERVER}/${dbName}`);
    results.push(...(await runScenario('embedded PGlite', { DATABASE_URL: '', DATA_DIR: dataDir })));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\nCSV import of ${ROWS.toLocaleString('en')} people (one GraphQL request each, all-or-nothing)\n`,
  );
  console.log('| database | step | time | rows/s | created/updated/unchanged | vs peer |');
  console.log('|---|---|---|---|---|---|');
  for (const [db, step, { ms, report }] of results) {
    const ratio =
      db === 'PostgreSQL' && step === 'import: create' ? `${(ms / peerMs).toFixed(1)}× peer time` : '';
    console.log(
      `| ${db} | ${step} | ${fmt(ms)} | ${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} | ${report.created}/${report.updated}/${report.unchanged} | ${ratio} |`,
    );
  }
  console.log(
    `| PostgreSQL | peer: bare INSERT … unnest of the same rows | ${fmt(peerMs)} | ${Math.round(ROWS / (peerMs / 1000)).toLocaleString('en')} | | 1.0× |`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
