import type { LessonContent, LessonKind } from '@palma/shared';
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
import { CourseSection } from './course-section.entity.js';
import { CourseVersion } from './course-version.entity.js';

/** A lesson; `content` holds the kind-specific part, validated by the schemas in @palma/shared. */
@Entity('lessons')
@Index('IDX_lessons_section', ['sectionId', 'position'])
@Index('IDX_lessons_version', ['versionId'])
@Check('CHK_lessons_kind', `"kind" IN ('READING','VIDEO','DILEMMA','PLEDGE','QUIZ')`)
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'section_id', type: 'uuid' })
  sectionId: string;

  @ManyToOne(() => CourseSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'FK_lessons_section' })
  section?: Relation<CourseSection>;

  /** Denormalised from the section so that "is this lesson in that version" is one lookup. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_lessons_version' })
  courseVersion?: Relation<CourseVersion>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  kind: LessonKind;

  @Column({ name: 'title_ko', type: 'varchar', length: 200 })
  titleKo: string;

  @Column({ name: 'title_en', type: 'varchar', length: 200 })
  titleEn: string;

  @Column({ type: 'jsonb' })
  content: LessonContent;
}
