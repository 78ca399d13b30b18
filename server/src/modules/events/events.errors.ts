import { DomainError } from '../../common/errors/domain-error.js';

export const EventErrors = {
  notFound: (id: string) => new DomainError('NOT_FOUND', 'Event not found', { id }),
  sessionNotFound: (id: string) => new DomainError('NOT_FOUND', 'Event session not found', { id }),
  registrationNotFound: (id: string) => new DomainError('NOT_FOUND', 'Registration not found', { id }),
  checkInNotFound: (id: string) => new DomainError('NOT_FOUND', 'Check-in not found', { id }),
  cancelled: () => new DomainError('EVENT_CANCELLED', 'This event has been cancelled'),
  notOpen: (opensAt: Date) =>
    new DomainError('REGISTRATION_NOT_OPEN', 'Registration has not opened yet', {
      opensAt: opensAt.toISOString(),
    }),
  closed: () => new DomainError('REGISTRATION_CLOSED', 'Registration for this event has closed'),
  started: () => new DomainError('EVENT_STARTED', 'This session has already started'),
  notInAudience: (personIds?: string[]) =>
    new DomainError('NOT_IN_AUDIENCE', 'This event is for other departments', personIds ? { personIds } : {}),
  checkedInCannotCancel: () =>
    new DomainError('ALREADY_CHECKED_IN', 'A registration that has been checked in cannot be cancelled'),
  cancellationClosed: (cutoffMinutes: number) =>
    new DomainError('CANCELLATION_CLOSED', 'It is too late to cancel this registration', { cutoffMinutes }),
  notEnoughSeats: (requested: number, remaining: number) =>
    new DomainError('NOT_ENOUGH_SEATS', `${requested} people do not fit in ${remaining} remaining seats`, {
      requested,
      remaining,
    }),
  capacityBelowConfirmed: (sessionId: string, confirmed: number) =>
    new DomainError(
      'CAPACITY_BELOW_CONFIRMED',
      `Capacity cannot go below the ${confirmed} people already confirmed`,
      { sessionId, confirmed },
    ),
  sessionHasRegistrations: (sessionId: string) =>
    new DomainError('SESSION_HAS_REGISTRATIONS', 'A session people registered for cannot be removed', {
      sessionId,
    }),
  notEditable: () => new DomainError('EVENT_CANCELLED', 'A cancelled event can no longer change'),
  unknownDepartments: (ids: string[]) =>
    new DomainError('VALIDATION_FAILED', 'Some departments do not exist', {
      fields: ids.map((id) => ({ field: 'audienceDepartmentIds', message: `unknown department ${id}` })),
    }),
  unknownPeople: (field: string, ids: string[]) =>
    new DomainError('VALIDATION_FAILED', 'Some people do not exist', {
      fields: ids.map((id) => ({ field, message: `unknown person ${id}` })),
    }),
  outOfScope: (ids: string[]) =>
    new DomainError('FORBIDDEN', 'Some of these people are outside your departments', { personIds: ids }),
  notStaff: () => new DomainError('FORBIDDEN', 'Only the event’s staff can check people in'),
  notYours: () => new DomainError('FORBIDDEN', 'This registration belongs to someone else'),
  ticketInvalid: () => new DomainError('TICKET_INVALID', 'This is not a valid Palma ticket'),
  wrongSession: (sessionId: string) =>
    new DomainError('TICKET_WRONG_SESSION', 'This ticket is for another session', { sessionId }),
  ticketWaitlisted: (name: string) =>
    new DomainError('TICKET_WAITLISTED', 'This person is on the waitlist, not confirmed', { name }),
  ticketCancelled: (name: string) =>
    new DomainError('TICKET_CANCELLED', 'This registration was cancelled', { name }),
  alreadyCheckedIn: (name: string, checkedInAt: Date) =>
    new DomainError('ALREADY_CHECKED_IN', 'This person has already been checked in', {
      name,
      checkedInAt: checkedInAt.toISOString(),
    }),
  checkInUndone: () => new DomainError('CHECK_IN_UNDONE', 'This check-in has already been undone'),
};
