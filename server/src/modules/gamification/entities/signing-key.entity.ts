import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The organisation's Ed25519 credential-signing keys. The private key is stored encrypted with a
 * key derived from SESSION_SECRET; retired keys stay so that credentials they signed still verify.
 */
@Entity('signing_keys')
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid: string;

  /** Public key as a JWK (OKP / Ed25519). */
  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, string>;

  /** AES-256-GCM(iv ‖ tag ‖ ciphertext) of the PKCS#8 DER private key. */
  @Column({ name: 'private_key_enc', type: 'bytea', select: false })
  privateKeyEnc: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
