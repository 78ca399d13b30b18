import { Inject } from '@nestjs/common';
import { Args, Field, Mutation, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { PubSubEngine } from 'graphql-subscriptions';
import { Authenticated, CurrentViewer } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';

const PING_TOPIC = 'heartbeat.ping';

@ObjectType()
export class Ping {
  @Field() message: string;
  @Field({ description: 'Server time when the ping was published (ISO 8601)' }) sentAt: string;
  @Field({ description: 'Server process that published it' }) origin: string;
}

/**
 * Proves the realtime path end to end: a mutation on any server process publishes through the
 * PubSub provider (in-memory or Redis), every signed-in subscriber receives it over graphql-ws.
 */
@Resolver()
export class HeartbeatResolver {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  @Authenticated()
  @Mutation(() => Boolean)
  async ping(
    @Args('message', { defaultValue: 'ping' }) message: string,
    @CurrentViewer() _viewer: Viewer,
  ): Promise<boolean> {
    const payload: Ping = {
      message: message.slice(0, 200),
      sentAt: new Date().toISOString(),
      origin: String(process.pid),
    };
    await this.pubSub.publish(PING_TOPIC, { pings: payload });
    return true;
  }

  @Authenticated()
  @Subscription(() => Ping)
  pings(): AsyncIterableIterator<Ping> {
    return this.pubSub.asyncIterableIterator(PING_TOPIC);
  }
}
