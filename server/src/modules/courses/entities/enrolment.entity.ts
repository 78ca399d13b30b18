import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { Course } from './course.entity.js';
import { CourseVersion } from './course-version.entity.js';

/** A person taking one version of a course. One per person and version. */
@Entity('course_enrolments')
@Index('UQ_course_enrolments_person_version', ['personId', 'versionId'], { unique: true })
@Index('IDX_course_enrolments_course', ['courseId', 'personId'])
export class Enrolment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_course_enrolments_person' })
  person?: Relation<Person>;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'FK_course_enrolments_course' })
  course?: Relation<Course>;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'FK_course_enrolments_version' })
  courseVersion?: Relation<CourseVersion>;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Where "continue" takes the learner. */
  @Column({ name: 'last_lesson_id', type: 'uuid', nullable: true })
  lastLessonId: string | null;
}
