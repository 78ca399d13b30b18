import type { CourseCategory, CourseVersionStatus } from '@palma/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Course } from './course.entity.js';

/**
 * One version of a course. Only a DRAFT is edited; publishing freezes it (the previous published
 * version is RETIRED), and people enrolled in a version keep it until they finish.
 */
@Entity('course_versions')
@Index('UQ_course_versions_number', ['courseId', 'version'], { unique: true })
@Index('UQ_course_versions_one_draft', ['courseId'], { unique: true, where: `"status" = 'DRAFT'` })
@Index('UQ_course_versions_one_published', ['courseId'], { unique: true, where: `"status" = 'PUBLISHED'` })
@Check('CHK_course_versions_status', `"status" IN ('DRAFT','PUBLISHED','RETIRED')`)
@Check(
  'CHK_course_versions_category',
  `"category" IN ('INTEGRITY_LAW','PERSONNEL','CONTRACTS_CONSTRUCTION','PERMITS_LICENCES','FINANCE_TAX','GRANTS_OUTSOURCING')`,
)
@Check(
  'CHK_course_versions_minutes',
  `"credit_minutes" BETWEEN 1 AND 6000 AND "estimated_minutes" BETWEEN 1 AND 6000`,
)
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_course_versions_course' })
  course?: Relation<Course>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: CourseVersionStatus;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ name: 'description_ko', type: 'text', default: '' })
  descriptionKo: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  @Column({ type: 'varchar', length: 32 })
  category: CourseCategory;

  /** Credited to the ledger once per person when this version is completed. */
  @Column({ name: 'credit_minutes', type: 'int' })
  creditMinutes: number;

  @Column({ name: 'estimated_minutes', type: 'int' })
  estimatedMinutes: number;

  @Column({ name: 'cover_image_url', type: 'varchar', length: 500, nullable: true })
  coverImageUrl: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags: string[];

  /** Lessons must be completed in order. */
  @Column({ type: 'boolean', default: false })
  sequential: boolean;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
