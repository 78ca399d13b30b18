import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'cookie';
import type { IncomingHttpHeaders } from 'node:http';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** The session cookie: httpOnly, SameSite=Lax, Secure in production. */
@Injectable()
export class SessionCookie {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  read(headers: IncomingHttpHeaders): string | null {
    const header = headers.cookie;
    if (!header) return null;
    return parse(header)[this.config.session.cookieName] ?? null;
  }

  set(res: Response, token: string, expiresAt: Date): void {
    res.cookie(this.config.session.cookieName, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.cookieSecure,
      path: '/',
      expires: expiresAt,
    });
  }

  clear(res: Response): void {
    res.clearCookie(this.config.session.cookieName, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.session.cookieSecure,
      path: '/',
    });
  }
}
