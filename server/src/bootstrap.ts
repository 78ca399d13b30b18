import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabase } from './database/data-source-options.js';
import { SeedService } from './database/seeds/seed.service.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface RunningPalma {
  app: NestExpressApplication;
  /** Closes the app, then the embedded database (in that order). */
  close(): Promise<void>;
}

/** Paths the server answers itself; everything else that wants HTML gets the client. */
const SERVER_PATHS = ['/graphql', '/health', '/api/'];

/** Serves the built client: its files, and index.html for every client-side route. */
function serveClient(app: NestExpressApplication, clientDist: string): void {
  const index = join(clientDist, 'index.html');
  if (!existsSync(index)) {
    new Logger('Client').warn(`No client build at ${clientDist}; run "npm run build" to serve the web app.`);
    return;
  }
  app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || SERVER_PATHS.some((p) => req.path.startsWith(p)) || !req.accepts('html')) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Builds the whole application: database (embedded or PostgreSQL), migrations, demo seed, HTTP. */
export async function createPalma(config: AppConfig): Promise<RunningPalma> {
  const database = await openDatabase(config);
  let app: NestExpressApplication | null = null;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database.options), {
      logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
      bodyParser: false,
    });
    app.useBodyParser('json', { limit: '12mb' });
    if (config.trustProxy) app.set('trust proxy', true);
    app.disable('x-powered-by');
    serveClient(app, config.clientDist);
    await app.init();
    await app.get(SeedService).seedDemoIfEnabled();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    throw error;
  }
  const running = app;
  return {
    app: running,
    async close() {
      await running.close();
      await database.embedded?.stop();
    },
  };
}
