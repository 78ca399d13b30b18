import { createHash, createHmac, createPublicKey, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compactVerify, decodeJwt, decodeProtectedHeader, SignJWT, type JWTPayload } from 'jose';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../../common/auth/viewer.js';
import { DomainError } from '../../../common/errors/domain-error.js';
import { isUuid } from '../../../common/ids.js';
import { RateLimitService, type LimitPolicy } from '../../../common/rate-limit/rate-limit.service.js';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import { PeopleService } from '../../org/people.service.js';
import { AchievementsService } from '../achievements.service.js';
import { BadgesService } from '../badges.service.js';
import type { BadgeAward } from '../entities/badge-award.entity.js';
import type { Badge } from '../entities/badge.entity.js';
import { GamificationErrors } from '../gamification.errors.js';
import { SigningKeysService, type Ed25519Jwk } from './signing-keys.service.js';

/** Open Badges 3.0.3 on the VC Data Model 2.0: these two, in this order, come first. */
export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;
const OB3_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** A pasted credential larger than this is not ours (ours are about 3 KB). */
export const VERIFY_MAX_CHARS = 64 * 1024;
const VERIFY_LIMIT: LimitPolicy = { key: 'ob:verify', points: 120, durationSeconds: 60 };

export type Profile = { id: string; type: ['Profile']; name: string; url: string };

export type Achievement = {
  id: string;
  type: ['Achievement'];
  name: string;
  description: string;
  criteria: { narrative: string };
  image: { id: string; type: 'Image' };
  achievementType: 'Badge';
  creator: Profile;
};

export type OpenBadgeCredential = {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: Profile;
  validFrom: string;
  awardedDate: string;
  name: string;
  description: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: {
      type: 'IdentityObject';
      identityHash: string;
      identityType: 'emailAddress';
      hashed: true;
      salt: string;
    }[];
    achievement: Achievement;
  };
  credentialStatus: { id: string; type: '1EdTechRevocationList' };
  credentialSchema: { id: string; type: '1EdTechJsonSchemaValidator2019' }[];
};

export interface CredentialStatus {
  id: string;
  revoked: boolean;
  revokedAt: string | null;
  reason: string | null;
}

export interface CredentialVerification {
  /** Genuine, from this issuer, for an award that exists and is not revoked. */
  valid: boolean;
  /** Signed by one of this issuer's keys and unaltered (true even when revoked). */
  signatureValid: boolean;
  revoked: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  errors: string[];
  /** The decoded payload when it can be read — even when invalid, so check `valid` before trusting it. */
  credential: Record<string, unknown> | null;
  /** From a verified signature only: */
  issuedAt: string | null;
  badgeName: string | null;
  issuerName: string | null;
  /** Whether the email the verifier typed is the recipient's (null: none given or not checkable). */
  recipientMatches: boolean | null;
}

export interface CredentialExport {
  format: 'jwt' | 'json';
  body: string;
  /** Without extension, safe for a Content-Disposition header. */
  filename: string;
}

/**
 * Open Badges 3.0 credentials for earned badges, secured as VC-JWT (OB 3.0 §8.2): the JWT payload
 * is the credential itself plus the registered claims, signed EdDSA with the organisation's key.
 * Credentials are built on request from the award, so they always carry the current badge text;
 * the signature covers what was downloaded.
 */
@Injectable()
export class OpenBadgesService {
  private readonly base: string;
  private readonly saltKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly keys: SigningKeysService,
    private readonly badges: BadgesService,
    private readonly achievements: AchievementsService,
    private readonly people: PeopleService,
    private readonly limits: RateLimitService,
  ) {
    this.base = config.publicUrl;
    // Its own key, not the session secret itself: a salt leaks nothing about the secret.
    this.saltKey = Buffer.from(
      hkdfSync('sha256', config.session.secret, Buffer.alloc(0), 'palma/ob3-identity-salt', 32),
    );
  }

  get issuerId(): string {
    return `${this.base}/api/ob/issuer`;
  }

  credentialId(awardId: string): string {
    return `${this.base}/api/ob/credentials/${awardId}`;
  }

  achievementId(badgeId: string): string {
    return `${this.base}/api/ob/achievements/${badgeId}`;
  }

  /** The organisation: the top of the department tree (the first by name if there are several). */
  async issuerProfile(): Promise<Profile> {
    const [root]: { name_ko: string }[] = await this.dataSource.query(
      `SELECT name_ko FROM departments WHERE parent_id IS NULL ORDER BY name_ko, id LIMIT 1`,
    );
    return { id: this.issuerId, type: ['Profile'], name: root?.name_ko || 'Palma', url: this.base };
  }

  /** The public issuer document, with every key that may have signed its credentials. */
  async issuerDocument(): Promise<Record<string, unknown>> {
    const [profile, keys] = await Promise.all([this.issuerProfile(), this.keys.all()]);
    return {
      '@context': [...OB3_CONTEXT],
      ...profile,
      verificationMethod: keys.map((k) => ({
        id: `${this.issuerId}#${k.kid}`,
        type: 'JsonWebKey',
        controller: this.issuerId,
        publicKeyJwk: { ...k.publicJwk, kid: k.kid, alg: 'EdDSA' },
      })),
    };
  }

  async jwks(): Promise<{ keys: (Ed25519Jwk & { kid: string; alg: 'EdDSA'; use: 'sig' })[] }> {
    const keys = await this.keys.all();
    return { keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: 'EdDSA', use: 'sig' })) };
  }

  async achievementDocument(badgeId: string): Promise<Record<string, unknown>> {
    const badge = await this.badges.get(badgeId).catch((error: unknown) => {
      throw isCode(error, 'BADGE_NOT_FOUND') ? GamificationErrors.achievementNotFound(badgeId) : error;
    });
    return { '@context': [...OB3_CONTEXT], ...(await this.achievement(badge, await this.issuerProfile())) };
  }

  /** The award's credential for its owner or an admin; anyone else learns nothing (404). */
  async export(viewer: Viewer, awardId: string, format: 'jwt' | 'json'): Promise<CredentialExport> {
    const award = await this.achievements.award(awardId).catch((error: unknown) => {
      throw isCode(error, 'AWARD_NOT_FOUND') ? GamificationErrors.credentialNotFound(awardId) : error;
    });
    if (award.personId !== viewer.personId && !viewer.roles.includes('ADMIN'))
      throw GamificationErrors.credentialNotFound(awardId);
    // A fresh signed copy of a withdrawn badge would only mislead whoever receives it.
    if (award.revokedAt) throw GamificationErrors.credentialRevoked(awardId);
    const credential = await this.credential(award);
    const filename = `badge-${slug(award.badge!.nameEn) || award.id.slice(0, 8)}`;
    if (format === 'json') return { format, body: JSON.stringify(credential, null, 2), filename };
    return { format, body: await this.sign(credential), filename };
  }

  async credential(award: BadgeAward): Promise<OpenBadgeCredential> {
    const badge = award.badge ?? (await this.badges.get(award.badgeId));
    const person = await this.people.findById(award.personId);
    if (!person) throw GamificationErrors.credentialNotFound(award.id);
    const issuer = await this.issuerProfile();
    const salt = this.saltFor(award.id);
    const validFrom = award.awardedAt.toISOString();
    return {
      '@context': [...OB3_CONTEXT],
      id: this.credentialId(award.id),
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer,
      validFrom,
      awardedDate: validFrom,
      name: badge.nameKo,
      description: badge.descriptionEn ? `${badge.nameEn}: ${badge.descriptionEn}` : badge.nameEn,
      credentialSubject: {
        type: ['AchievementSubject'],
        // Hashed: the credential is meant to be shared publicly, the address is not.
        identifier: [
          {
            type: 'IdentityObject',
            identityHash: identityHash(person.email, salt),
            identityType: 'emailAddress',
            hashed: true,
            salt,
          },
        ],
        achievement: await this.achievement(badge, issuer),
      },
      credentialStatus: { id: `${this.credentialId(award.id)}/status`, type: '1EdTechRevocationList' },
      credentialSchema: [{ id: OB3_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }],
    };
  }

  /** VC-JWT: the credential is the payload; iss/jti/nbf repeat issuer.id, id and validFrom. */
  async sign(credential: OpenBadgeCredential): Promise<string> {
    const key = await this.keys.activeKey();
    return new SignJWT(credential as unknown as JWTPayload)
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid, jwk: key.publicJwk })
      .setIssuer(credential.issuer.id)
      .setJti(credential.id)
      .setNotBefore(Math.floor(Date.parse(credential.validFrom) / 1000))
      .sign(key.privateKey);
  }

  async status(awardId: string): Promise<CredentialStatus> {
    const [row]: { revoked_at: Date | null; revoked_reason: string | null }[] = isUuid(awardId)
      ? await this.dataSource.query(`SELECT revoked_at, revoked_reason FROM badge_awards WHERE id = $1`, [
          awardId,
        ])
      : [];
    if (!row) throw GamificationErrors.credentialNotFound(awardId);
    return {
      id: this.credentialId(awardId),
      revoked: row.revoked_at !== null,
      revokedAt: row.revoked_at?.toISOString() ?? null,
      reason: row.revoked_at ? row.revoked_reason : null,
    };
  }

  /**
   * Checks a pasted VC-JWT. Never throws for bad input: every problem becomes a message in
   * `errors`. The key comes from our table by `kid`; the key embedded in the header is only
   * compared with it, never trusted (anyone can embed their own key).
   */
  async verify(input: unknown, email: unknown, clientKey: string): Promise<CredentialVerification> {
    await this.limits.consume(VERIFY_LIMIT, clientKey);
    const result: CredentialVerification = {
      valid: false,
      signatureValid: false,
      revoked: false,
      revokedAt: null,
      revokedReason: null,
      errors: [],
      credential: null,
      issuedAt: null,
      badgeName: null,
      issuerName: null,
      recipientMatches: null,
    };
    const fail = (message: string) => {
      result.errors.push(message);
      return result;
    };

    const token = typeof input === 'string' ? input.trim() : '';
    if (!token) return fail('No credential given: paste the badge file (a JWT).');
    if (token.length > VERIFY_MAX_CHARS) return fail('The credential is too large to be one of ours.');
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token))
      return fail('This is not a JWT (three base64url parts separated by dots).');
    let header: ReturnType<typeof decodeProtectedHeader>;
    let payload: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token);
      payload = decodeJwt(token);
    } catch {
      return fail('The JWT header or payload cannot be read.');
    }
    result.credential = payload;

    if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519')
      return fail(`Unsupported signature algorithm ${String(header.alg)}; this issuer signs with EdDSA.`);
    const jwk = typeof header.kid === 'string' ? await this.keys.publicKey(header.kid) : null;
    if (!jwk) return fail('The credential names a signing key this issuer never had.');
    if (header.jwk !== undefined && !sameKey(header.jwk, jwk))
      return fail('The key embedded in the credential is not the issuer’s key with that kid.');
    try {
      await compactVerify(token, createPublicKey({ key: { ...jwk }, format: 'jwk' }), {
        algorithms: ['EdDSA', 'Ed25519'],
      });
    } catch {
      return fail('The signature does not match: the credential was altered or not signed by this issuer.');
    }
    result.signatureValid = true;

    result.errors.push(...this.claimProblems(payload));
    const subject = asRecord(payload.credentialSubject);
    const achievement = asRecord(subject?.achievement);
    const issuer = asRecord(payload.issuer);
    result.issuedAt = typeof payload.validFrom === 'string' ? payload.validFrom : null;
    result.badgeName = str(payload.name) ?? str(achievement?.name);
    result.issuerName = str(issuer?.name);

    const prefix = this.credentialId('');
    const awardId =
      typeof payload.id === 'string' && payload.id.startsWith(prefix) ? payload.id.slice(prefix.length) : '';
    const award = isUuid(awardId) ? await this.achievements.award(awardId).catch(() => null) : null;
    if (!award) {
      result.errors.push('The issuer has no record of this badge award any more.');
    } else {
      if (achievement?.id !== this.achievementId(award.badgeId))
        result.errors.push('The credential names another badge than the one awarded.');
      if (award.revokedAt) {
        result.revoked = true;
        result.revokedAt = award.revokedAt.toISOString();
        result.revokedReason = award.revokedReason;
        result.errors.push(`The issuer revoked this badge on ${result.revokedAt.slice(0, 10)}.`);
      }
      if (typeof email === 'string' && email.trim()) result.recipientMatches = recipientIs(subject, email);
    }
    result.valid = result.errors.length === 0;
    return result;
  }

  /** OB 3.0 shape and the VC-JWT claim rules, for a payload whose signature is already ours. */
  private claimProblems(p: Record<string, unknown>): string[] {
    const problems: string[] = [];
    const context = Array.isArray(p['@context']) ? p['@context'] : [];
    if (context[0] !== OB3_CONTEXT[0] || context[1] !== OB3_CONTEXT[1])
      problems.push('@context must start with the VC 2.0 and Open Badges 3.0.3 contexts.');
    const types = Array.isArray(p.type) ? p.type : [];
    if (!types.includes('VerifiableCredential') || !types.includes('OpenBadgeCredential'))
      problems.push('type must include VerifiableCredential and OpenBadgeCredential.');
    const issuer = asRecord(p.issuer);
    if (issuer?.id !== this.issuerId || p.iss !== this.issuerId)
      problems.push('The credential was issued by someone else (issuer.id / iss).');
    if (typeof p.id !== 'string' || p.jti !== p.id) problems.push('jti must equal the credential id.');
    const validFrom = typeof p.validFrom === 'string' ? Date.parse(p.validFrom) : NaN;
    if (Number.isNaN(validFrom)) problems.push('validFrom is missing or not a date.');
    else if (p.nbf !== undefined && p.nbf !== Math.floor(validFrom / 1000))
      problems.push('nbf does not match validFrom.');
    const subject = asRecord(p.credentialSubject);
    const subjectTypes = Array.isArray(subject?.type) ? subject.type : [];
    if (!subjectTypes.includes('AchievementSubject') || !asRecord(subject?.achievement))
      problems.push('credentialSubject must be an AchievementSubject with an achievement.');
    return problems;
  }

  private async achievement(badge: Badge, issuer: Profile): Promise<Achievement> {
    const [ko, en] = await Promise.all([
      this.badges.narrative(badge, 'ko'),
      this.badges.narrative(badge, 'en'),
    ]);
    return {
      id: this.achievementId(badge.id),
      type: ['Achievement'],
      name: badge.nameKo,
      description: bilingual(badge.descriptionKo, badge.descriptionEn),
      criteria: { narrative: bilingual(ko, en) },
      image: { id: `${this.base}/api/badges/${badge.id}/image`, type: 'Image' },
      achievementType: 'Badge',
      creator: issuer,
    };
  }

  /** Stable per award (a re-download gives the same hash) and unguessable without the secret. */
  private saltFor(awardId: string): string {
    return createHmac('sha256', this.saltKey).update(awardId).digest('hex').slice(0, 32);
  }
}

/** OB 3.0 IdentityObject hash: "sha256$" + hex(sha256(identity + salt)); emails compared lower-case. */
export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(email.trim().toLowerCase() + salt, 'utf8')
    .digest('hex')}`;
}

function recipientIs(subject: Record<string, unknown> | null, email: string): boolean | null {
  const ids = Array.isArray(subject?.identifier) ? subject.identifier : [];
  const entry = ids.map(asRecord).find((i) => i?.identityType === 'emailAddress');
  if (!entry || typeof entry.identityHash !== 'string' || typeof entry.salt !== 'string') return null;
  const expected = Buffer.from(identityHash(email, entry.salt));
  const given = Buffer.from(entry.identityHash);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function sameKey(embedded: unknown, stored: Ed25519Jwk): boolean {
  const e = asRecord(embedded);
  return e?.kty === stored.kty && e.crv === stored.crv && e.x === stored.x && e.d === undefined;
}

function bilingual(ko: string, en: string): string {
  return en && en !== ko ? `${ko}\n\n${en}` : ko;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof DomainError && error.code === code;
}
