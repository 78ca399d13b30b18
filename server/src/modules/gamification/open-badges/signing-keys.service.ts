import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';

/** An Ed25519 public key as a JWK (RFC 8037). */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export interface PublicSigningKey {
  kid: string;
  publicJwk: Ed25519Jwk;
  createdAt: Date;
  retiredAt: Date | null;
}

export interface ActiveSigningKey {
  kid: string;
  publicJwk: Ed25519Jwk;
  privateKey: KeyObject;
}

/** A kid is a base64url SHA-256 thumbprint: 43 characters. Anything else never reaches SQL. */
const KID = /^[A-Za-z0-9_-]{43}$/;
const KEY_INFO = 'palma/ob3-signing-key';
/** Serialises key creation across processes (pg advisory locks are per database). */
const CREATE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('palma.ob3.signing_key'))`;
/**
 * How long a process trusts its cached active key. Retiring a key (another process rotated, or
 * an operator ran SQL) is noticed within this time; until then the old key still signs, and
 * its credentials stay verifiable because retired keys are kept.
 */
const ACTIVE_TTL_MS = 5 * 60_000;

/**
 * The organisation's Ed25519 credential-signing keys. One key is active (signs); retired keys
 * stay in `signing_keys` so that credentials they signed still verify. The private key is kept
 * encrypted (AES-256-GCM, key from HKDF(SESSION_SECRET)) so a database dump alone cannot forge
 * credentials.
 */
@Injectable()
export class SigningKeysService {
  private readonly logger = new Logger(SigningKeysService.name);
  private readonly kek: Buffer;
  private active: { key: ActiveSigningKey; loadedAt: number } | null = null;
  /** One load at a time in this process, so concurrent first requests share one key creation. */
  private loading: Promise<ActiveSigningKey> | null = null;
  /** Public keys never change for a kid; only `retiredAt` does, which verification ignores. */
  private readonly publicByKid = new Map<string, Ed25519Jwk>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.kek = Buffer.from(hkdfSync('sha256', config.session.secret, Buffer.alloc(0), KEY_INFO, 32));
  }

  /** The key that signs new credentials; created on first use. */
  async activeKey(): Promise<ActiveSigningKey> {
    if (this.active && Date.now() - this.active.loadedAt < ACTIVE_TTL_MS) return this.active.key;
    this.loading ??= this.loadOrCreate().finally(() => (this.loading = null));
    return this.loading;
  }

  /** The stored public key with this kid (active or retired), or null. */
  async publicKey(kid: string): Promise<Ed25519Jwk | null> {
    if (!KID.test(kid)) return null;
    const cached = this.publicByKid.get(kid);
    if (cached) return cached;
    const [row]: { public_jwk: Ed25519Jwk }[] = await this.dataSource.query(
      `SELECT public_jwk FROM signing_keys WHERE kid = $1`,
      [kid],
    );
    if (!row) return null; // not cached: another process may create it later
    const jwk = toJwk(row.public_jwk);
    this.publicByKid.set(kid, jwk);
    return jwk;
  }

  /** Every key ever used, newest first (verifiers need the retired ones too). */
  async all(): Promise<PublicSigningKey[]> {
    let rows = await this.publicRows();
    // The very first visitor of the JWKS should see the key that will sign. Only then is the
    // private key touched: listing public keys must work even if it could not be decrypted.
    if (rows.length === 0) {
      await this.activeKey();
      rows = await this.publicRows();
    }
    return rows.map((r) => ({
      kid: r.kid,
      publicJwk: toJwk(r.public_jwk),
      createdAt: r.created_at,
      retiredAt: r.retired_at,
    }));
  }

  private publicRows(): Promise<
    { kid: string; public_jwk: unknown; created_at: Date; retired_at: Date | null }[]
  > {
    return this.dataSource.query(
      `SELECT kid, public_jwk, created_at, retired_at FROM signing_keys ORDER BY created_at DESC, kid`,
    );
  }

  /**
   * Retires the active key and creates a new one. Credentials signed before stay verifiable.
   * Other processes pick the new key up within ACTIVE_TTL_MS.
   */
  async rotate(): Promise<ActiveSigningKey> {
    const key = await this.dataSource.transaction(async (em) => {
      await em.query(CREATE_LOCK);
      await em.query(`UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
      return this.insertNew(em);
    });
    this.active = { key, loadedAt: Date.now() };
    this.logger.log(`Open Badges signing key rotated; new kid ${key.kid}`);
    return key;
  }

  private async loadOrCreate(): Promise<ActiveSigningKey> {
    const key =
      (await this.findActive(this.dataSource.manager)) ??
      // Under the lock, look again: another process may have created it while we waited.
      (await this.dataSource.transaction(async (em) => {
        await em.query(CREATE_LOCK);
        return (await this.findActive(em)) ?? this.insertNew(em);
      }));
    this.active = { key, loadedAt: Date.now() };
    return key;
  }

  private async findActive(em: EntityManager): Promise<ActiveSigningKey | null> {
    const [row]: { kid: string; public_jwk: Ed25519Jwk; private_key_enc: Buffer }[] = await em.query(
      `SELECT kid, public_jwk, private_key_enc FROM signing_keys
        WHERE retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1`,
    );
    if (!row) return null;
    const publicJwk = toJwk(row.public_jwk);
    return { kid: row.kid, publicJwk, privateKey: this.decrypt(row.kid, publicJwk, row.private_key_enc) };
  }

  private async insertNew(em: EntityManager): Promise<ActiveSigningKey> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const publicJwk = toJwk(publicKey.export({ format: 'jwk' }));
    const kid = jwkThumbprint(publicJwk);
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    // A random kid cannot collide in practice; ON CONFLICT only keeps a replay harmless.
    await em.query(
      `INSERT INTO signing_keys (kid, public_jwk, private_key_enc) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (kid) DO NOTHING`,
      [kid, JSON.stringify(publicJwk), this.encrypt(kid, der)],
    );
    this.publicByKid.set(kid, publicJwk);
    this.logger.log(`Open Badges signing key created; kid ${kid}`);
    return { kid, publicJwk, privateKey };
  }

  /** iv(12) ‖ tag(16) ‖ ciphertext; the kid is authenticated data, so rows cannot swap keys. */
  private encrypt(kid: string, plaintext: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.kek, iv);
    cipher.setAAD(Buffer.from(kid, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  private decrypt(kid: string, publicJwk: Ed25519Jwk, stored: Buffer): KeyObject {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.kek, stored.subarray(0, 12));
      decipher.setAAD(Buffer.from(kid, 'utf8'));
      decipher.setAuthTag(stored.subarray(12, 28));
      const der = Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]);
      const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
      // A row edited by hand could pair keys wrongly: everything it signed would then fail to verify.
      if (
        createPublicKey(key).export({ format: 'jwk' }).x !== publicJwk.x ||
        jwkThumbprint(publicJwk) !== kid
      )
        throw new Error('the private key does not match its public key and kid');
      return key;
    } catch (error) {
      // Not silently replaced: other processes (or the old secret) may still hold the key.
      throw new Error(
        `The Open Badges signing key ${kid} cannot be decrypted (${(error as Error).message}). ` +
          'Was SESSION_SECRET changed? Restore it, or retire the key with ' +
          `"UPDATE signing_keys SET retired_at = now() WHERE kid = '${kid}'" so that a new one is created.`,
        { cause: error },
      );
    }
  }
}

/** Keeps exactly the members of an Ed25519 public JWK (the stored or exported object may carry more). */
function toJwk(value: unknown): Ed25519Jwk {
  const v = (value ?? {}) as Record<string, unknown>;
  if (v.kty !== 'OKP' || v.crv !== 'Ed25519' || typeof v.x !== 'string')
    throw new Error('Not an Ed25519 public JWK');
  return { kty: 'OKP', crv: 'Ed25519', x: v.x };
}

/** RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, base64url. */
export function jwkThumbprint(jwk: Ed25519Jwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical, 'utf8').digest('base64url');
}
