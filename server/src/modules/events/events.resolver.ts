import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { EventFilterInput, EventInput } from './dto/event.inputs.js';
import { EventLoaders } from './events.loaders.js';
import { EventsService } from './events.service.js';
import {
  EventConnection,
  EventModel,
  EventSessionModel,
  EventStaffMemberModel,
  RegistrationModel,
} from './models/event.models.js';

@Resolver(() => EventModel)
export class EventsResolver {
  constructor(
    private readonly eventsService: EventsService,
    private readonly loaders: EventLoaders,
  ) {}

  @Authenticated()
  @Query(() => EventConnection, { description: 'Events the viewer may see, soonest first.' })
  async events(
    @Args() args: ConnectionArgs,
    @Args('filter', { type: () => EventFilterInput, nullable: true }) filter: EventFilterInput | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EventConnection> {
    const page = await this.eventsService.list(viewer, filter, args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: EventModel.from(e.node) })) };
  }

  @Authenticated()
  @Query(() => EventModel)
  async event(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EventModel> {
    return EventModel.from(await this.eventsService.get(viewer, id));
  }

  @Authenticated()
  @Query(() => [EventModel], {
    description: 'Published events the viewer checks people in for (every one for trainers and admins).',
  })
  async checkInEvents(@CurrentViewer() viewer: Viewer): Promise<EventModel[]> {
    return (await this.eventsService.staffedBy(viewer)).map(EventModel.from);
  }

  @Roles('ADMIN', 'TRAINER')
  @Mutation(() => EventModel, { description: 'Creates a draft event with its sessions.' })
  async createEvent(@Args('input') input: EventInput, @CurrentViewer() viewer: Viewer): Promise<EventModel> {
    return EventModel.from(await this.eventsService.create(viewer, input));
  }

  @Roles('ADMIN', 'TRAINER')
  @Mutation(() => EventModel, {
    description:
      'Replaces an event’s fields and sessions. Raising a capacity promotes waiting people; lowering it below the confirmed count is refused.',
  })
  async updateEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: EventInput,
  ): Promise<EventModel> {
    return EventModel.from(await this.eventsService.update(id, input));
  }

  @Roles('ADMIN', 'TRAINER')
  @Mutation(() => EventModel, { description: 'Publishes a draft (idempotent).' })
  async publishEvent(@Args('id', { type: () => ID }) id: string): Promise<EventModel> {
    return EventModel.from(await this.eventsService.publish(id));
  }

  @Roles('ADMIN', 'TRAINER')
  @Mutation(() => EventModel, { description: 'Cancels the event and tells every registrant (idempotent).' })
  async cancelEvent(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { defaultValue: '' }) reason: string,
  ): Promise<EventModel> {
    return EventModel.from(await this.eventsService.cancel(id, reason));
  }

  @Authenticated()
  @ResolveField(() => [EventSessionModel])
  async sessions(@Parent() event: EventModel, @Ctx() ctx: GqlContext): Promise<EventSessionModel[]> {
    const sessions = await this.loaders.of(ctx).sessionsOfEvent.load(event.id);
    return sessions.map((s) => EventSessionModel.from(s, event));
  }

  @Authenticated()
  @ResolveField(() => [ID], {
    description: 'Departments (with their sub-departments) that may register; empty: everyone',
  })
  audienceDepartmentIds(@Parent() event: EventModel): Promise<string[]> {
    return this.eventsService.audienceOf(event.id);
  }

  @Roles('ADMIN', 'TRAINER')
  @ResolveField(() => [ID], { description: 'People who check attendees in (besides trainers and admins)' })
  staffPersonIds(@Parent() event: EventModel): Promise<string[]> {
    return this.eventsService.staffOf(event.id);
  }

  @Roles('ADMIN', 'TRAINER')
  @ResolveField(() => [EventStaffMemberModel], { description: 'The door staff, with names (organisers)' })
  staff(@Parent() event: EventModel): Promise<EventStaffMemberModel[]> {
    return this.eventsService.staffMembers(event.id);
  }

  @Roles('ADMIN', 'TRAINER')
  @Query(() => [EventStaffMemberModel], {
    description: 'Active people by name or employee number, to choose door staff from (at most 20).',
  })
  eventStaffCandidates(@Args('query') query: string): Promise<EventStaffMemberModel[]> {
    return this.eventsService.staffCandidates(query);
  }

  @Authenticated()
  @ResolveField(() => Boolean, { description: 'Whether the viewer may check people in' })
  canCheckIn(@Parent() event: EventModel, @Ctx() ctx: GqlContext): Promise<boolean> {
    return this.loaders.of(ctx).isStaff.load(event.id);
  }
}

@Resolver(() => EventSessionModel)
export class EventSessionsResolver {
  constructor(private readonly loaders: EventLoaders) {}

  @Authenticated()
  @ResolveField(() => RegistrationModel, {
    nullable: true,
    description: 'The viewer’s registration for this session (also a cancelled one)',
  })
  async myRegistration(
    @Parent() session: EventSessionModel,
    @Ctx() ctx: GqlContext,
  ): Promise<RegistrationModel | null> {
    const reg = await this.loaders.of(ctx).myRegistration.load(session.id);
    return reg ? RegistrationModel.from(reg) : null;
  }
}
