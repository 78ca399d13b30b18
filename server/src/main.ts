import { Logger } from '@nestjs/common';
import { createPalma } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DataDirLockedError } from './database/embedded-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const palma = await createPalma(config);
  await palma.app.listen(config.port, config.host);
  const where =
    config.database.kind === 'embedded' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  new Logger('Palma').log(`Palma is running at http://${shown}:${config.port} (${where})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    new Logger('Palma').log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await palma.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
