/**
 * Compares the entities with the schema the committed migrations build (on a throw-away embedded
 * database) and either writes a new migration for the difference or, with --check, fails when
 * there is one (the drift check CI runs).
 *
 *   npm run migration:generate -w server -- add-courses
 *   npm run migration:check -w server
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/data-source-options.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const name = args.find((a) => !a.startsWith('--'));

async function main(): Promise<number> {
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined, DATA_DIR: 'memory://' });
  const database = await openDatabase(config);
  const dataSource = new DataSource({ ...database.options, logging: false });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.map((q) => q.query).reverse();
    if (check) {
      if (up.length === 0) {
        console.log('Migrations match the entities.');
        return 0;
      }
      console.error(
        'The entities and the migrations disagree. Run `npm run migration:generate -w server -- <name>`:',
      );
      for (const q of up) console.error(`  ${q}`);
      return 1;
    }
    if (up.length === 0) {
      console.log('No changes: nothing to generate.');
      return 0;
    }
    if (!name || !/^[a-z0-9-]+$/.test(name)) {
      console.error('Give the migration a kebab-case name, e.g. `-- add-courses`.');
      return 2;
    }
    const timestamp = Date.now();
    const className = name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) + timestamp;
    const render = (queries: string[]) =>
      queries
        .map(
          (q) => `    await queryRunner.query(\`${q.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`);`,
        )
        .join('\n');
    const file = fileURLToPath(
      new URL(`../../src/database/migrations/${timestamp}-${name}.ts`, import.meta.url),
    );
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render(down)}
  }
}
`,
    );
    console.log(`Wrote ${file}\nRead it, then add ${className} to src/database/migrations/index.ts.`);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
