import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@palma/shared';
import { DataSource, IsNull } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { Coalescer } from '../../database/coalescer.js';
import { runAlone } from '../../database/prepared.js';
import { Session } from './session.entity.js';

/** The live sessions among the given token digests, with their people. $1 digests. */
const RESOLVE_SESSIONS_SQL = `SELECT s.token_hash, s.id AS session_id, p.id AS person_id, p.roles, p.department_id
  FROM sessions s JOIN people p ON p.id = s.person_id
 WHERE s.token_hash = ANY($1::varchar[]) AND s.revoked_at IS NULL AND s.expires_at > now() AND p.active`;

/** Most cookie lookups one query answers, and how many such queries run at once. */
const LOOKUP_BATCH = 200;
const LOOKUP_CONCURRENCY = 4;

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
    return this.lookups.run('', this.digest(token));
  }

  /**
   * Every signed-in request looks its cookie up: a named prepared statement (planned once per
   * connection), and the lookups that arrive while others are in flight go together in one
   * query, so a busy server does not pay a round trip per request.
   */
  private readonly lookups = new Coalescer<string, Viewer | null>(
    async (_all, digests) => {
      const rows = await runAlone<{
        token_hash: string;
        session_id: string;
        person_id: string;
        roles: Role[];
        department_id: string;
      }>(this.dataSource, 'palma_resolve_sessions', RESOLVE_SESSIONS_SQL, [digests]);
      const byDigest = new Map(rows.map((row) => [row.token_hash, row]));
      return digests.map((digest) => {
        const row = byDigest.get(digest);
        return row
          ? {
              sessionId: row.session_id,
              personId: row.person_id,
              roles: row.roles,
              departmentId: row.department_id,
            }
          : null;
      });
    },
    { maxBatch: LOOKUP_BATCH, concurrency: LOOKUP_CONCURRENCY },
  );

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
