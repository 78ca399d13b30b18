import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { Limits } from '@palma/shared';
import {
  GraphQLError,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../../config/app-config.js';
import type { SessionCookie } from '../../modules/auth/session-cookie.js';
import type { SessionsService } from '../../modules/auth/sessions.service.js';
import { PlayerTokenSigner } from '../auth/player-token.js';
import type { GqlContext, Viewer } from '../auth/viewer.js';
import { DomainError } from '../errors/domain-error.js';
import { formatError } from '../errors/format-error.js';
import { queryLimitRules } from './limits.js';
import { sharedSubscribe } from './shared-subscribe.js';

const TOO_MANY_SUBSCRIPTIONS = `At most ${Limits.subscriptionsPerSocket} subscriptions per connection`;

interface WsExtra {
  request: IncomingMessage;
  viewer?: Viewer;
  guestPlayerId?: string;
}

function isWsContext(arg: unknown): arg is WsContext<Record<string, unknown>, WsExtra> {
  return typeof arg === 'object' && arg !== null && 'extra' in arg && 'subscriptions' in arg;
}

/**
 * Apollo (HTTP) and graphql-ws (websocket) on the same /graphql path, sharing the session
 * cookie, the error formatter and the depth/alias/cost limits.
 */
export function graphqlOptions(
  config: AppConfig,
  sessions: SessionsService,
  cookie: SessionCookie,
): ApolloDriverConfig {
  const limitRules = queryLimitRules();
  const playerTokens = new PlayerTokenSigner(config.session.secret);
  return {
    autoSchemaFile: config.schemaFile ?? true,
    sortSchema: true,
    path: '/graphql',
    graphiql: false,
    introspection: !config.isProduction,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    fieldResolverEnhancers: ['guards'],
    validationRules: limitRules,
    formatError,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // One execution per shared payload (a live game's state), not one per subscriber.
        subscribe: sharedSubscribe,
        connectionInitWaitTimeout: 5_000,
        // A socket needs a session cookie, or a live-game player token in its connection
        // params (a guest at a concert); anything else is refused (closed with 4403 Forbidden).
        onConnect: async (ctx: WsContext<Record<string, unknown>, WsExtra>) => {
          const viewer = await sessions.resolve(cookie.read(ctx.extra.request.headers));
          if (viewer) {
            ctx.extra.viewer = viewer;
            return true;
          }
          const guestPlayerId = playerTokens.verify(ctx.connectionParams?.playerToken);
          if (!guestPlayerId) return false;
          ctx.extra.guestPlayerId = guestPlayerId;
          return true;
        },
        // One socket holds a bounded number of subscriptions. graphql-ws has already registered
        // the id being subscribed when it asks, so that one is part of the count.
        onSubscribe: (ctx: WsContext<Record<string, unknown>, WsExtra>) =>
          Object.keys(ctx.subscriptions).length > Limits.subscriptionsPerSocket
            ? [
                new GraphQLError(TOO_MANY_SUBSCRIPTIONS, {
                  originalError: new DomainError('TOO_MANY_SUBSCRIPTIONS', TOO_MANY_SUBSCRIPTIONS),
                }),
              ]
            : undefined,
        validate: (schema: GraphQLSchema, document: DocumentNode) =>
          validate(schema, document, [...specifiedRules, ...limitRules]),
        // Errors on a socket look exactly like errors over HTTP (stable extensions.code).
        // graphql-ws reports parse and validation errors here, without Apollo's codes.
        onError: (_ctx: unknown, _id: string, _payload: unknown, errors: readonly GraphQLError[]) =>
          errors.map((e) =>
            formatError(
              e.originalError || e.extensions.code
                ? e.toJSON()
                : { ...e.toJSON(), extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } },
              e,
            ),
          ),
        onNext: (_ctx: unknown, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult) =>
          result.errors
            ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) }
            : undefined,
      } as Record<string, unknown>,
    },
    context: async (arg: unknown): Promise<GqlContext> => {
      if (isWsContext(arg)) {
        const request = arg.extra.request;
        return {
          viewer: arg.extra.viewer ?? null,
          guestPlayerId: arg.extra.guestPlayerId ?? null,
          ip: request.socket.remoteAddress ?? 'unknown',
          req: request as Request,
        };
      }
      const { req, res } = arg as { req: Request; res: Response };
      const viewer = await sessions.resolve(cookie.read(req.headers));
      return { viewer, ip: req.ip ?? 'unknown', req, res };
    },
  } satisfies ApolloDriverConfig & { subscriptions?: unknown; execute?: (args: ExecutionArgs) => unknown };
}
