import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';

/**
 * For plain HTTP routes (downloads): resolves the session cookie into `req.viewer`, the same
 * viewer the GraphQL context carries, so the global guard and @CurrentViewer work there too.
 */
@Injectable()
export class ViewerMiddleware implements NestMiddleware {
  constructor(
    private readonly sessions: SessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  async use(req: Request & { viewer?: unknown }, _res: Response, next: NextFunction): Promise<void> {
    try {
      req.viewer = await this.sessions.resolve(this.cookie.read(req.headers));
      next();
    } catch (error) {
      next(error);
    }
  }
}
