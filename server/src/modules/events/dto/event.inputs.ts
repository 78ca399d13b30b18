import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { EventKind, RegistrationStatus } from '@palma/shared';

@InputType()
export class EventSessionInput {
  @Field(() => ID, { nullable: true, description: 'An existing session to keep; omit for a new one' })
  id?: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => Int) capacity: number;
}

@InputType({ description: 'An event and all its sessions (sessions missing from the list are removed).' })
export class EventInput {
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field({ defaultValue: '' }) descriptionKo: string;
  @Field({ defaultValue: '' }) descriptionEn: string;
  @Field(() => EventKind) kind: EventKind;
  @Field({ defaultValue: '' }) performers: string;
  @Field({ defaultValue: '' }) venue: string;
  @Field({ defaultValue: '' }) onlineUrl: string;
  @Field({ defaultValue: 'Asia/Seoul' }) timeZone: string;
  @Field(() => Int, { defaultValue: 0 }) creditMinutes: number;
  @Field(() => Date, { nullable: true }) registrationOpensAt?: Date | null;
  @Field(() => Date, { nullable: true }) registrationClosesAt?: Date | null;
  @Field(() => Int, { defaultValue: 60 }) cancelCutoffMinutes: number;
  @Field(() => [ID], { defaultValue: [], description: 'Empty: everyone may register' })
  audienceDepartmentIds: string[];
  @Field(() => [ID], { defaultValue: [], description: 'People who may check attendees in' })
  staffPersonIds: string[];
  @Field(() => [EventSessionInput]) sessions: EventSessionInput[];
}

@InputType()
export class EventFilterInput {
  @Field(() => [EventKind], { nullable: true }) kinds?: EventKind[] | null;
  @Field(() => Date, { nullable: true, description: 'Events with a session starting at or after this' })
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: '… and before this' }) to?: Date | null;
  @Field({ nullable: true, description: 'Only events with a seat free now' }) openSeatsOnly?: boolean;
}

@InputType()
export class RegistrantFilterInput {
  @Field(() => ID, { nullable: true }) sessionId?: string | null;
  @Field(() => RegistrationStatus, { nullable: true }) status?: RegistrationStatus | null;
  @Field({ nullable: true }) search?: string;
}

@InputType({ description: 'One scan (or a pick from the search) at the door.' })
export class CheckInInput {
  @Field(() => ID) sessionId: string;
  @Field(() => String, { nullable: true, description: 'The QR ticket token' }) token?: string | null;
  @Field(() => ID, { nullable: true, description: 'Or the registration chosen by name' })
  registrationId?: string | null;
  @Field(() => ID, { description: 'A fresh UUID per scan; a retried request returns the same check-in' })
  scanId: string;
}
