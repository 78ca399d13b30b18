import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../../org/person.entity.js';
import { Lesson } from './lesson.entity.js';

/** A signed pledge, with the exact text that was signed. One per person and pledge lesson. */
@Entity('pledge_signatures')
@Index('UQ_pledge_signatures_person_lesson', ['personId', 'lessonId'], { unique: true })
export class PledgeSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'FK_pledge_signatures_person' })
  person?: Relation<Person>;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id', foreignKeyConstraintName: 'FK_pledge_signatures_lesson' })
  lesson?: Relation<Lesson>;

  @Column({ name: 'signed_text', type: 'text' })
  signedText: string;

  @Column({ name: 'typed_name', type: 'varchar', length: 100 })
  typedName: string;

  @Column({ name: 'signed_at', type: 'timestamptz', default: () => 'now()' })
  signedAt: Date;
}
