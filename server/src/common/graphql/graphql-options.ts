import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import {
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../../config/app-config.js';
import type { SessionCookie } from '../../modules/auth/session-cookie.js';
import type { SessionsService } from '../../modules/auth/sessions.service.js';
import type { GqlContext, Viewer } from '../auth/viewer.js';
import { formatError } from '../errors/format-error.js';
import { queryLimitRules } from './limits.js';

interface WsExtra {
  request: IncomingMessage;
  viewer?: Viewer;
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
        connectionInitWaitTimeout: 5_000,
        // An unauthenticated socket is refused (closed with 4403 Forbidden).
        onConnect: async (ctx: WsContext<Record<string, unknown>, WsExtra>) => {
          const viewer = await sessions.resolve(cookie.read(ctx.extra.request.headers));
          if (!viewer) return false;
          ctx.extra.viewer = viewer;
          return true;
        },
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
