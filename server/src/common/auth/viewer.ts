import type { Role } from '@palma/shared';
import type { Request, Response } from 'express';

/** The authenticated person behind a request or a websocket. */
export interface Viewer {
  personId: string;
  sessionId: string;
  roles: readonly Role[];
  departmentId: string | null;
}

/** The GraphQL context for both HTTP operations and websocket subscriptions. */
export interface GqlContext {
  viewer: Viewer | null;
  /** A websocket opened by a live-game guest: the player its token names. */
  guestPlayerId?: string | null;
  ip: string;
  req?: Request;
  res?: Response;
}
