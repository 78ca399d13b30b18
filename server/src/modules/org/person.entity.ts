import type { Locale, Role } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Department } from './department.entity.js';

@Entity('people')
@Check(
  'CHK_people_roles',
  `cardinality("roles") >= 1 AND "roles" <@ ARRAY['EMPLOYEE','TRAINER','MANAGER','ADMIN']::text[]`,
)
@Check('CHK_people_locale', `"locale" IN ('ko', 'en')`)
@Check('CHK_people_email_lower', `"email" = lower("email")`)
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_people_employee_number', { unique: true })
  @Column({ name: 'employee_number', type: 'varchar', length: 32 })
  employeeNumber: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('UQ_people_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  rank: string | null;

  @Column({ name: 'job_title', type: 'varchar', length: 100, nullable: true })
  jobTitle: string | null;

  @Index('IDX_people_department')
  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_people_department' })
  department?: Relation<Department>;

  @Column({ type: 'text', array: true, default: () => `'{EMPLOYEE}'` })
  roles: Role[];

  @Column({ type: 'varchar', length: 2, default: 'ko' })
  locale: Locale;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Leaderboards never show this person's name to others (they still count, anonymously). */
  @Column({ name: 'leaderboard_opt_out', type: 'boolean', default: false })
  leaderboardOptOut: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
