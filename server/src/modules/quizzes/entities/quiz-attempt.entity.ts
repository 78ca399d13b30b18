import type { AttemptStatus } from '@palma/shared';
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
import { Enrolment } from '../../courses/entities/enrolment.entity.js';
import { Lesson } from '../../courses/entities/lesson.entity.js';
import { Person } from '../../org/person.entity.js';
import { Quiz } from './quiz.entity.js';

/**
 * One try at a quiz, taken in a course lesson. Its questions and their order are fixed at start;
 * the server clock sets the deadline. The numbers per (quiz, person) are unique and at most one
 * attempt is in progress, so neither a retry nor a race makes an extra attempt.
 */
@Entity('quiz_attempts')
@Index('UQ_quiz_attempts_number', ['quizId', 'personId', 'number'], { unique: true })
@Index('UQ_quiz_attempts_open', ['quizId', 'personId'], { unique: true, where: `"status" = 'IN_PROGRESS'` })
@Index('IDX_quiz_attempts_deadline', ['deadlineAt'], { where: `"status" = 'IN_PROGRESS'` })
@Check('CHK_quiz_attempts_status', `"status" IN ('IN_PROGRESS','SUBMITTED','EXPIRED')`)
@Check(
  'CHK_quiz_attempts_graded',
  `("status" = 'IN_PROGRESS') = ("finished_at" IS NULL) AND ("finished_at" IS NULL) = ("score" IS NULL)`,
)
export class QuizAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId: string;

  @ManyToOne(() => Quiz, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quiz_id', foreignKeyConstraintName: 'FK_quiz_attempts_quiz' })
  quiz?: Relation<Quiz>;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_quiz_attempts_person' })
  person?: Relation<Person>;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'FK_quiz_attempts_enrolment' })
  enrolment?: Relation<Enrolment>;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'FK_quiz_attempts_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 16, default: 'IN_PROGRESS' })
  status: AttemptStatus;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  /** Null: no time limit. */
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numeric() })
  score: number | null;

  @Column({ name: 'max_score', type: 'numeric', precision: 8, scale: 2, transformer: numeric() })
  maxScore: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numeric() })
  percent: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;
}

/** numeric columns arrive as strings from pg; they hold at most 8 digits here. */
export function numeric() {
  return {
    to: (value: number | null) => value,
    from: (value: string | null) => (value === null ? null : Number(value)),
  };
}
