import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Department } from '../../org/department.entity.js';
import { Event } from './event.entity.js';

/** Who may register: people in these departments or below. No rows: everyone. */
@Entity('event_audience_departments')
export class EventAudienceDepartment {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_audience_event' })
  event?: Relation<Event>;

  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id', foreignKeyConstraintName: 'FK_event_audience_department' })
  department?: Relation<Department>;
}
