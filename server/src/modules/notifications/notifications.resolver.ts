import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { PubSubEngine } from 'graphql-subscriptions';
import { Authenticated, CurrentViewer } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';
import { NotificationConnection, NotificationModel } from './models/notification.model.js';
import type { Notification } from './notification.entity.js';
import { notificationTopic, NotificationsService } from './notifications.service.js';

@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Authenticated()
  @Query(() => NotificationConnection, { description: 'The viewer’s notifications, newest first.' })
  async myNotifications(
    @Args() args: ConnectionArgs,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NotificationConnection> {
    const page = await this.notifications.list(viewer.personId, unreadOnly, args.first, args.after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: NotificationModel.from(e.node) })),
    };
  }

  @Authenticated()
  @Query(() => Int, { description: 'For the bell.' })
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.notifications.unreadCount(viewer.personId);
  }

  @Authenticated()
  @Mutation(() => Int, {
    description: 'Marks notifications read (all when ids is null); returns how many changed.',
  })
  markNotificationsRead(
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<number> {
    return this.notifications.markRead(viewer.personId, ids ?? null);
  }

  @Authenticated()
  @Subscription(() => NotificationModel, {
    description: 'New notifications for the viewer, as they are created on any server process.',
    resolve: (payload: { notificationAdded: Notification }) =>
      NotificationModel.from(payload.notificationAdded),
  })
  notificationAdded(@CurrentViewer() viewer: Viewer): AsyncIterableIterator<unknown> {
    return this.pubSub.asyncIterableIterator(notificationTopic(viewer.personId));
  }
}
