import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  EventKind,
  EventStatus,
  GroupRegistrationMode,
  RegistrationStatus,
  registrationWindow,
  seatsLeft,
} from '@palma/shared';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { EventSession } from '../entities/event-session.entity.js';
import type { Event } from '../entities/event.entity.js';
import type { Registration } from '../entities/registration.entity.js';
import type { Attendee } from '../registration.sql.js';

registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(EventStatus, { name: 'EventStatus' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(GroupRegistrationMode, { name: 'GroupRegistrationMode' });

export const RegistrationWindowEnum = {
  NOT_OPEN: 'NOT_OPEN',
  OPEN: 'OPEN',
  CLOSED: 'CLOSED',
  STARTED: 'STARTED',
} as const;
registerEnumType(RegistrationWindowEnum, {
  name: 'RegistrationWindow',
  description: 'Where registration for a session stands now.',
});

@ObjectType('Event', { description: 'A concert, play, talk or quiz contest with one or more sessions.' })
export class EventModel {
  @Field(() => ID) id: string;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field() descriptionKo: string;
  @Field() descriptionEn: string;
  @Field(() => EventKind) kind: EventKind;
  @Field({ description: 'Performers or speakers' }) performers: string;
  @Field() venue: string;
  @Field() onlineUrl: string;
  @Field({ description: 'The organiser’s IANA time zone, e.g. Asia/Seoul' }) timeZone: string;
  @Field(() => Int, { description: 'Training minutes credited for attending' }) creditMinutes: number;
  @Field(() => Date, { nullable: true }) registrationOpensAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Null: registration closes when the session starts' })
  registrationClosesAt: Date | null;
  @Field(() => Int, { description: 'Registrants may cancel until this many minutes before their session' })
  cancelCutoffMinutes: number;
  @Field(() => EventStatus) status: EventStatus;
  @Field() cancelReason: string;
  @Field() firstStartsAt: Date;
  @Field() lastEndsAt: Date;
  @Field(() => String, { nullable: true }) coverUrl: string | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() updatedAt: Date;

  static from(e: Event): EventModel {
    return Object.assign(new EventModel(), {
      id: e.id,
      titleKo: e.titleKo,
      titleEn: e.titleEn,
      descriptionKo: e.descriptionKo,
      descriptionEn: e.descriptionEn,
      kind: e.kind,
      performers: e.performers,
      venue: e.venue,
      onlineUrl: e.onlineUrl,
      timeZone: e.timeZone,
      creditMinutes: e.creditMinutes,
      registrationOpensAt: e.registrationOpensAt,
      registrationClosesAt: e.registrationClosesAt,
      cancelCutoffMinutes: e.cancelCutoffMinutes,
      status: e.status,
      cancelReason: e.cancelReason,
      firstStartsAt: e.firstStartsAt,
      lastEndsAt: e.lastEndsAt,
      coverUrl: e.hasCover ? `/api/events/${e.id}/cover?v=${e.updatedAt.getTime()}` : null,
      publishedAt: e.publishedAt,
      updatedAt: e.updatedAt,
    });
  }
}

@ObjectType('EventSession', { description: 'One performance of an event, with its own seats.' })
export class EventSessionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int) capacity: number;
  @Field(() => Int) confirmedCount: number;
  @Field(() => Int) waitlistCount: number;
  @Field(() => Int) checkedInCount: number;
  @Field(() => Int) seatsLeft: number;
  @Field(() => RegistrationWindowEnum) registrationWindow: keyof typeof RegistrationWindowEnum;

  static from(
    s: EventSession,
    event: Pick<Event, 'registrationOpensAt' | 'registrationClosesAt'>,
  ): EventSessionModel {
    return Object.assign(new EventSessionModel(), {
      id: s.id,
      eventId: s.eventId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      confirmedCount: s.confirmedCount,
      waitlistCount: s.waitlistCount,
      checkedInCount: s.checkedInCount,
      seatsLeft: seatsLeft(s),
      registrationWindow: registrationWindow(
        { opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt, startsAt: s.startsAt },
        new Date(),
      ),
    });
  }
}

@ObjectType('Registration', { description: 'A person’s seat or waitlist place in a session.' })
export class RegistrationModel {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID) personId: string;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field(() => Int, { nullable: true, description: 'Arrival number on the waitlist (unique, gaps possible)' })
  waitlistPosition: number | null;
  @Field() registeredAt: Date;
  @Field(() => ID) registeredById: string;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a waitlisted registration got a seat' })
  promotedAt: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt: Date | null;

  static from(r: Registration): RegistrationModel {
    return Object.assign(new RegistrationModel(), {
      id: r.id,
      sessionId: r.sessionId,
      personId: r.personId,
      status: r.status,
      waitlistPosition: r.waitlistPosition,
      registeredAt: r.registeredAt,
      registeredById: r.registeredById,
      confirmedAt: r.confirmedAt,
      promotedAt: r.promotedAt,
      cancelledAt: r.cancelledAt,
    });
  }
}

@ObjectType('Attendee', { description: 'A registration as organisers and door staff see it.' })
export class AttendeeModel {
  @Field(() => ID) registrationId: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field() employeeNumber: string;
  @Field() departmentNameKo: string;
  @Field() departmentNameEn: string;
  @Field(() => RegistrationStatus) status: RegistrationStatus;
  @Field(() => Int, { nullable: true }) waitlistPosition: number | null;
  @Field() registeredAt: Date;
  @Field(() => ID, { nullable: true, description: 'The standing check-in, if checked in' }) checkInId:
    string | null;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;

  static from(a: Attendee): AttendeeModel {
    return Object.assign(new AttendeeModel(), a);
  }
}

@ObjectType('AttendeeConnection')
export class AttendeeConnection extends ConnectionType(AttendeeModel, 'Attendee') {}

@ObjectType('EventConnection')
export class EventConnection extends ConnectionType(EventModel, 'Event') {}

@ObjectType('CheckInResult', { description: 'A successful check-in (green at the door).' })
export class CheckInResult {
  @Field(() => ID) checkInId: string;
  @Field() checkedInAt: Date;
  @Field(() => AttendeeModel) attendee: AttendeeModel;
}

@ObjectType('CheckIn', { description: 'An attendance record; an undone one keeps who undid it and why.' })
export class CheckInModel {
  @Field(() => ID) id: string;
  @Field(() => ID) registrationId: string;
  @Field(() => ID) sessionId: string;
  @Field(() => ID) personId: string;
  @Field() checkedInAt: Date;
  @Field(() => Date, { nullable: true }) undoneAt: Date | null;
  @Field() undoReason: string;
}

@ObjectType('SessionSeats', { description: 'Live seat counts of a session.' })
export class SessionSeatsModel {
  @Field(() => ID) sessionId: string;
  @Field(() => Int) capacity: number;
  @Field(() => Int) confirmedCount: number;
  @Field(() => Int) waitlistCount: number;
  @Field(() => Int) checkedInCount: number;
  @Field(() => Int) seatsLeft: number;
}

@ObjectType('GroupRegistrationResult')
export class GroupRegistrationResult {
  @Field(() => [RegistrationModel], { description: 'Registrations made now (not those already there)' })
  registrations: RegistrationModel[];
  @Field(() => Int) confirmed: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int, { description: 'People who were already registered and were left as they were' })
  alreadyRegistered: number;
}

@ObjectType('CalendarFeed', { description: 'The viewer’s secret calendar subscription address.' })
export class CalendarFeedModel {
  @Field() url: string;
  @Field() createdAt: Date;
}

@ObjectType('EventStaffMember', {
  description: 'A person who may check attendees in, as organisers see them.',
})
export class EventStaffMemberModel {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field() employeeNumber: string;
  @Field() departmentNameKo: string;
  @Field() departmentNameEn: string;
}
