import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';

export interface LimitPolicy {
  /** Name of the counter family, e.g. "login:account". */
  key: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

/**
 * Counters shared by all server processes when Redis is configured (in-memory otherwise),
 * built on rate-limiter-flexible.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : null;
    this.redis?.on('error', () => undefined);
  }

  private limiter(policy: LimitPolicy): RateLimiterAbstract {
    let limiter = this.limiters.get(policy.key);
    if (!limiter) {
      const options = {
        keyPrefix: `palma:rl:${policy.key}`,
        points: policy.points,
        duration: policy.durationSeconds,
        blockDuration: policy.blockSeconds ?? 0,
      };
      limiter = this.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: this.redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
      this.limiters.set(policy.key, limiter);
    }
    return limiter;
  }

  /** Throws RATE_LIMITED when the key has no points left, without spending one. */
  async assertAllowed(policy: LimitPolicy, key: string): Promise<void> {
    const res = await this.limiter(policy).get(key);
    if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) throw this.limited(res);
  }

  /** Spends a point; throws RATE_LIMITED when none is left. */
  async consume(policy: LimitPolicy, key: string): Promise<void> {
    try {
      await this.limiter(policy).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw this.limited(error);
      throw error;
    }
  }

  /** Spends a point if any is left, never throws for the limit itself (used to count failures). */
  async penalise(policy: LimitPolicy, key: string): Promise<void> {
    try {
      await this.limiter(policy).consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  async reset(policy: LimitPolicy, key: string): Promise<void> {
    await this.limiter(policy).delete(key);
  }

  private limited(res: RateLimiterRes): DomainError {
    const retryAfterSeconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new DomainError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
