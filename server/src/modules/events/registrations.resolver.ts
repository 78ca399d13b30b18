import { Inject } from '@nestjs/common';
import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { cancellationOpen, GroupRegistrationMode, seatsLeft } from '@palma/shared';
import { PubSubEngine } from 'graphql-subscriptions';
import { Authenticated, Ctx, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';
import { withInitial } from '../../common/pubsub/with-initial.js';
import { RegistrantFilterInput } from './dto/event.inputs.js';
import { EventErrors } from './events.errors.js';
import { EventLoaders } from './events.loaders.js';
import { EventsService } from './events.service.js';
import {
  AttendeeConnection,
  AttendeeModel,
  EventModel,
  EventSessionModel,
  GroupRegistrationResult,
  RegistrationModel,
  SessionSeatsModel,
} from './models/event.models.js';
import { TicketSigner } from './event-tickets.js';
import { RegistrationsService } from './registrations.service.js';
import { SeatsPublisher, seatsTopic, type SessionSeats } from './seats-publisher.js';

@Resolver(() => RegistrationModel)
export class RegistrationsResolver {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly tickets: TicketSigner,
    private readonly events: EventsService,
    private readonly seats: SeatsPublisher,
    private readonly loaders: EventLoaders,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Authenticated()
  @Query(() => [RegistrationModel], { description: 'The viewer’s seats and waitlist places, soonest first.' })
  async myRegistrations(
    @Args('upcomingOnly', { defaultValue: true }) upcomingOnly: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RegistrationModel[]> {
    return (await this.registrations.mine(viewer.personId, upcomingOnly)).map(RegistrationModel.from);
  }

  @Roles('ADMIN', 'TRAINER')
  @Query(() => AttendeeConnection, { description: 'An event’s registrants, by session, status and name.' })
  async eventRegistrants(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('filter', { type: () => RegistrantFilterInput, nullable: true })
    filter: RegistrantFilterInput | null,
    @Args() args: ConnectionArgs,
  ): Promise<AttendeeConnection> {
    const page = await this.registrations.registrants(eventId, filter ?? {}, args.first, args.after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: AttendeeModel.from(e.node) })),
    };
  }

  @Authenticated()
  @Mutation(() => RegistrationModel, {
    description:
      'Takes a seat, or a waitlist place when the session is full. Idempotent: an existing registration is returned.',
  })
  async registerForSession(
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.register(viewer, sessionId));
  }

  @Authenticated()
  @Mutation(() => RegistrationModel, {
    description:
      'Cancels a registration (one’s own until the cut-off); the first waiting person gets the seat.',
  })
  async cancelRegistration(
    @Args('registrationId', { type: () => ID }) registrationId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RegistrationModel> {
    return RegistrationModel.from(await this.registrations.cancel(viewer, registrationId));
  }

  @Roles('ADMIN', 'MANAGER')
  @Mutation(() => GroupRegistrationResult, {
    description: 'Registers several people (a manager: of their departments; an admin: anyone) at once.',
  })
  async registerGroup(
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
    @Args('mode', { type: () => GroupRegistrationMode }) mode: GroupRegistrationMode,
    @CurrentViewer() viewer: Viewer,
  ): Promise<GroupRegistrationResult> {
    if (personIds.length === 0 || personIds.length > 500) {
      throw new DomainError('VALIDATION_FAILED', 'Choose between 1 and 500 people', {
        fields: [{ field: 'personIds', message: 'between 1 and 500 people' }],
      });
    }
    const result = await this.registrations.registerGroup(viewer, sessionId, personIds, mode);
    return { ...result, registrations: result.registrations.map(RegistrationModel.from) };
  }

  @Authenticated()
  @Subscription(() => SessionSeatsModel, {
    description:
      'Seat counts of these sessions: the current counts first, then every change (at most a few updates a second).',
    resolve: (payload: { sessionSeats: SessionSeats }) => ({
      ...payload.sessionSeats,
      seatsLeft: seatsLeft(payload.sessionSeats),
    }),
  })
  async sessionSeats(
    @Args('sessionIds', { type: () => [ID] }) sessionIds: string[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<AsyncIterableIterator<unknown>> {
    if (sessionIds.length === 0 || sessionIds.length > 50) {
      throw new DomainError('VALIDATION_FAILED', 'Watch between 1 and 50 sessions', {
        fields: [{ field: 'sessionIds', message: 'between 1 and 50' }],
      });
    }
    await this.events.assertSessionsVisible(viewer, sessionIds);
    return withInitial(this.pubSub.asyncIterableIterator(sessionIds.map(seatsTopic)), async () =>
      (await this.seats.snapshot(sessionIds)).map((s) => ({ sessionSeats: s })),
    );
  }

  @Authenticated()
  @ResolveField(() => EventSessionModel)
  async session(@Parent() r: RegistrationModel, @Ctx() ctx: GqlContext): Promise<EventSessionModel> {
    const loaders = this.loaders.of(ctx);
    const session = await loaders.session.load(r.sessionId);
    if (!session) throw EventErrors.sessionNotFound(r.sessionId);
    const event = await loaders.event.load(session.eventId);
    return EventSessionModel.from(session, event!);
  }

  @Authenticated()
  @ResolveField(() => EventModel)
  async event(@Parent() r: RegistrationModel, @Ctx() ctx: GqlContext): Promise<EventModel> {
    const loaders = this.loaders.of(ctx);
    const session = await loaders.session.load(r.sessionId);
    const event = session && (await loaders.event.load(session.eventId));
    if (!event) throw EventErrors.sessionNotFound(r.sessionId);
    return EventModel.from(event);
  }

  @Authenticated()
  @ResolveField(() => Int, { nullable: true, description: 'Place in the queue while waitlisted: 1 is next' })
  waitlistPlace(@Parent() r: RegistrationModel, @Ctx() ctx: GqlContext): Promise<number | null> | null {
    return r.status === 'WAITLISTED' ? this.loaders.of(ctx).waitlistPlace.load(r.id) : null;
  }

  @Authenticated()
  @ResolveField(() => Date, { nullable: true })
  checkedInAt(@Parent() r: RegistrationModel, @Ctx() ctx: GqlContext): Promise<Date | null> {
    return this.loaders.of(ctx).checkedInAt.load(r.id);
  }

  @Authenticated()
  @ResolveField(() => String, {
    nullable: true,
    description: 'The signed QR ticket token: only for the registrant, only while confirmed',
  })
  ticket(@Parent() r: RegistrationModel, @CurrentViewer() viewer: Viewer): string | null {
    if (r.personId !== viewer.personId || r.status !== 'CONFIRMED') return null;
    return this.tickets.sign(r.id);
  }

  @Authenticated()
  @ResolveField(() => Boolean, { description: 'Whether the registrant may still cancel it themselves' })
  async canCancel(@Parent() r: RegistrationModel, @Ctx() ctx: GqlContext): Promise<boolean> {
    if (r.status === 'CANCELLED') return false;
    const loaders = this.loaders.of(ctx);
    const session = await loaders.session.load(r.sessionId);
    const event = session && (await loaders.event.load(session.eventId));
    if (!session || !event || event.status !== 'PUBLISHED') return false;
    if (await loaders.checkedInAt.load(r.id)) return false;
    return cancellationOpen(session.startsAt, event.cancelCutoffMinutes, new Date());
  }
}
