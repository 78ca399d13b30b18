import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { Notification } from '../notification.entity.js';

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field() bodyKo: string;
  @Field() bodyEn: string;
  @Field(() => String, { nullable: true }) link: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;

  static from(n: Notification): NotificationModel {
    return Object.assign(new NotificationModel(), {
      id: n.id,
      kind: n.kind,
      titleKo: n.titleKo,
      titleEn: n.titleEn,
      bodyKo: n.bodyKo,
      bodyEn: n.bodyEn,
      link: n.link,
      createdAt: new Date(n.createdAt),
      readAt: n.readAt ? new Date(n.readAt) : null,
    });
  }
}

@ObjectType()
export class NotificationConnection extends ConnectionType(NotificationModel, 'Notification') {}
