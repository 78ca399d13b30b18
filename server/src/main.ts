import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { createPalma } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DataDirLockedError } from './database/embedded-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const palma = await createPalma(config);
  await palma.app.listen(config.port, config.host);
  // Keep idle connections longer than the load balancers and clients that reuse them (Node's 5 s
  // default lets a reused socket be closed under a request: ECONNRESET during a registration rush).
  const server = palma.app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
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
