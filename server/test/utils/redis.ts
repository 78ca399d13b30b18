import { Redis } from 'ioredis';

/** The Redis the multi-process tests use (REDIS_URL, else the local default). */
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether a Redis answers at the URL (multi-process tests are skipped without one). */
export async function redisReachable(url: string = testRedisUrl): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
