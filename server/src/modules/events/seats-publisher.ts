import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSubEngine } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { PUB_SUB } from '../../common/pubsub/pubsub.module.js';

export const seatsTopic = (sessionId: string) => `event-seats.${sessionId}`;

export interface SessionSeats {
  sessionId: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  checkedInCount: number;
}

/**
 * Live seat counts. Changes are coalesced per session: during a rush, one payload (read once
 * from the database) goes out per session every `intervalMs`, however many registrations
 * happened, to every subscriber on every process.
 */
@Injectable()
export class SeatsPublisher implements OnModuleDestroy {
  private readonly logger = new Logger('SeatsPublisher');
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly intervalMs = 150;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  /** Call after the change has committed. */
  changed(sessionIds: Iterable<string>): void {
    for (const id of sessionIds) this.pending.add(id);
    if (!this.timer && this.pending.size > 0) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    }
  }

  async flush(): Promise<void> {
    this.timer = null;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    try {
      for (const row of await this.snapshot(ids)) {
        await this.pubSub.publish(seatsTopic(row.sessionId), { sessionSeats: row });
      }
    } catch (error) {
      this.logger.warn(`seat counts not published: ${String(error)}`);
    }
  }

  /** The sessions' counts now (one query). */
  snapshot(sessionIds: readonly string[]): Promise<SessionSeats[]> {
    return this.dataSource.query(
      `SELECT id AS "sessionId", capacity, confirmed_count AS "confirmedCount",
              waitlist_count AS "waitlistCount", checked_in_count AS "checkedInCount"
         FROM event_sessions WHERE id = ANY($1::uuid[])`,
      [sessionIds],
    );
  }

  onModuleDestroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
