import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Person } from '../org/person.entity.js';

/** A person's password, kept apart from the person so that no person query can carry it. */
@Entity('credentials')
export class Credential {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @OneToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_credentials_person' })
  person?: Person;

  /** argon2id PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** Set when an admin issued a temporary password. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
