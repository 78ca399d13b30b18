import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@palma/shared';
import { DataSource, IsNull } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { runAlone } from '../../database/prepared.js';
import { Session } from './session.entity.js';

const RESOLVE_SESSION_SQL = `SELECT s.id AS session_id, p.id AS person_id, p.roles, p.department_id
  FROM sessions s JOIN people p ON p.id = s.person_id
 WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND p.active`;

/**
 * Opaque session tokens: the browser holds 32 random bytes; the database holds only an HMAC of
 * them, so a leaked sessions table cannot be replayed.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private digest(token: string): string {
    return createHmac('sha256', this.config.session.secret).update(token).digest('hex');
  }

  async create(
    personId: string,
    ip: string | null,
    userAgent: string | null,
  ): Promise<{ sessionId: string; token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.session.ttlMs);
    const inserted = await this.dataSource.getRepository(Session).insert({
      tokenHash: this.digest(token),
      personId,
      expiresAt,
      ip: ip?.slice(0, 64) ?? null,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { sessionId: inserted.identifiers[0].id as string, token, expiresAt };
  }

  /** The viewer for a token, or null when it is unknown, expired, revoked or the person is inactive. */
  async resolve(token: string | undefined | null): Promise<Viewer | null> {
    if (!token || token.length > 100) return null;
    // Every signed-in request runs this: a named prepared statement, planned once per connection.
    const [row] = await runAlone<{
      session_id: string;
      person_id: string;
      roles: Role[];
      department_id: string;
    }>(this.dataSource, 'palma_resolve_session', RESOLVE_SESSION_SQL, [this.digest(token)]);
    return row
      ? {
          sessionId: row.session_id,
          personId: row.person_id,
          roles: row.roles,
          departmentId: row.department_id,
        }
      : null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Signs a person out everywhere (optionally except the current session). */
  async revokeAllFor(personId: string, exceptSessionId: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [personId, exceptSessionId],
    );
  }
}
