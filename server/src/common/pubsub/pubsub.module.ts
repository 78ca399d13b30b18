import { EventEmitter } from 'node:events';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** Injection token for the process's PubSubEngine: in-memory, or Redis when REDIS_URL is set. */
export const PUB_SUB = Symbol('PUB_SUB');

function createPubSub(config: AppConfig): PubSubEngine {
  if (!config.redisUrl) {
    // Thousands of phones follow one live game: one listener each on the same topic.
    const eventEmitter = new EventEmitter();
    eventEmitter.setMaxListeners(0);
    return new PubSub({ eventEmitter });
  }
  const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
  const logger = new Logger('PubSub');
  const publisher = new Redis(config.redisUrl, options);
  const subscriber = new Redis(config.redisUrl, options);
  for (const client of [publisher, subscriber]) {
    client.on('error', (error) => logger.error(`Redis: ${error.message}`));
  }
  logger.log('Using Redis pub/sub');
  return new RedisPubSub({ publisher, subscriber });
}

@Global()
@Module({
  providers: [{ provide: PUB_SUB, inject: [APP_CONFIG], useFactory: createPubSub }],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) {
      this.pubSub.getPublisher().disconnect();
      this.pubSub.getSubscriber().disconnect();
    }
  }
}
