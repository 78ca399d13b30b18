import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Enrolment } from './enrolment.entity.js';
import { Lesson } from './lesson.entity.js';

/**
 * A learner's progress in one lesson: when they opened it (server clock, for minimum reading
 * time), what they did (video position, scenario path) and when they completed it.
 */
@Entity('lesson_progress')
@Index('UQ_lesson_progress_enrolment_lesson', ['enrolmentId', 'lessonId'], { unique: true })
export class LessonProgress {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'FK_lesson_progress_enrolment' })
  enrolment?: Relation<Enrolment>;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'FK_lesson_progress_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Kind-specific learner state: { videoPositionSeconds, watchedPercent } or { dilemmaPath: [...] }. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  state: Record<string, unknown>;
}
