import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Person } from '../org/person.entity.js';

/**
 * An issued certificate of completion (이수증). What it certifies is copied at issue time
 * (name, department, rank, title, minutes), so the document and its verification never change
 * when the person or the course does. One per person and subject.
 */
@Entity('certificates')
@Index('UQ_certificates_code', ['code'], { unique: true })
@Index('UQ_certificates_subject', ['personId', 'kind', 'subjectId'], { unique: true })
@Check('CHK_certificates_kind', `"kind" IN ('COURSE','CAMPAIGN')`)
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Public verification code, e.g. 7KQ4-M2XA-9PDH. */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  kind: 'COURSE' | 'CAMPAIGN';

  /** The completed course version or campaign. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_certificates_person' })
  person?: Relation<Person>;

  @Column({ name: 'person_name', type: 'varchar', length: 100 })
  personName: string;

  @Column({ name: 'employee_number', type: 'varchar', length: 32 })
  employeeNumber: string;

  @Column({ name: 'department_name', type: 'varchar', length: 200 })
  departmentName: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  rank: string | null;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;

  @Column({ name: 'issuer_name', type: 'varchar', length: 200 })
  issuerName: string;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}
