/** Writes the code-first GraphQL schema to server/schema.gql (committed; diffed in review and CI). */
import { fileURLToPath } from 'node:url';
import { createPalma } from '../bootstrap.js';
import { loadConfig } from '../config/app-config.js';

async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: undefined,
    DATA_DIR: 'memory://',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  const palma = await createPalma({
    ...config,
    schemaFile: fileURLToPath(new URL('../../schema.gql', import.meta.url)),
  });
  await palma.close();
  console.log('Wrote server/schema.gql');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
