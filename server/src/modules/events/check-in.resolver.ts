import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { CalendarService } from './calendar.service.js';
import { CheckInService } from './check-in.service.js';
import { CheckInInput } from './dto/event.inputs.js';
import { AttendeeModel, CalendarFeedModel, CheckInModel, CheckInResult } from './models/event.models.js';

/** The door (staff only, checked per session) and the viewer's calendar feed. */
@Resolver()
export class CheckInResolver {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly calendar: CalendarService,
  ) {}

  @Authenticated()
  @Mutation(() => CheckInResult, {
    description:
      'Checks a ticket (or a registration found by name) in and credits the attendance once. Refusals carry their reason as the error code.',
  })
  async checkIn(@Args('input') input: CheckInInput, @CurrentViewer() viewer: Viewer): Promise<CheckInResult> {
    const { checkIn, attendee } = await this.checkIns.checkIn(viewer, input);
    return {
      checkInId: checkIn.id,
      checkedInAt: checkIn.checkedInAt,
      attendee: AttendeeModel.from(attendee),
    };
  }

  @Authenticated()
  @Mutation(() => CheckInModel, { description: 'Undoes a mistaken check-in; the credit is reversed.' })
  async undoCheckIn(
    @Args('checkInId', { type: () => ID }) checkInId: string,
    @Args('reason', { defaultValue: '' }) reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CheckInModel> {
    return this.checkIns.undo(viewer, checkInId, reason);
  }

  @Authenticated()
  @Query(() => [AttendeeModel], {
    description: 'Registrants of a session by name or employee number (staff).',
  })
  async checkInSearch(
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('query') query: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AttendeeModel[]> {
    return (await this.checkIns.search(viewer, sessionId, query)).map(AttendeeModel.from);
  }

  @Authenticated()
  @Query(() => [AttendeeModel], { description: 'The latest check-ins of a session, newest first (staff).' })
  async recentCheckIns(
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AttendeeModel[]> {
    return (await this.checkIns.recent(viewer, sessionId)).map(AttendeeModel.from);
  }

  @Authenticated()
  @Query(() => CalendarFeedModel, {
    nullable: true,
    description: 'The viewer’s calendar subscription address.',
  })
  myCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedModel | null> {
    return this.calendar.feedUrl(viewer.personId);
  }

  @Authenticated()
  @Mutation(() => CalendarFeedModel, {
    description: 'Creates the viewer’s calendar address, or replaces it (the old one stops working).',
  })
  rotateCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<CalendarFeedModel> {
    return this.calendar.rotateFeed(viewer.personId);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Turns the viewer’s calendar address off.' })
  revokeCalendarFeed(@CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.calendar.revokeFeed(viewer.personId);
  }
}
