import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CourseVersion } from './course-version.entity.js';

/** A module of a course version: an ordered group of lessons ("section" to avoid Nest's word). */
@Entity('course_sections')
@Index('IDX_course_sections_version', ['versionId', 'position'])
export class CourseSection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_course_sections_version' })
  courseVersion?: Relation<CourseVersion>;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;
}
