import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ALL_ROLES, type Role } from '@palma/shared';
import type { GqlContext, Viewer } from './viewer.js';

export const ACCESS_KEY = 'palma:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not, may call this. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Only people holding at least one of these roles may call this. */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** Any signed-in person, whatever their roles. */
export const Authenticated = () => Roles(...ALL_ROLES);

export function contextOf(ctx: ExecutionContext): GqlContext {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<GqlContext>();
  const req = ctx.switchToHttp().getRequest();
  return { viewer: req.viewer ?? null, ip: req.ip, req };
}

/** The signed-in viewer; only use on operations guarded by @Roles/@Authenticated. */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Viewer => {
  const viewer = contextOf(ctx).viewer;
  if (!viewer) throw new Error('CurrentViewer used on an operation without authentication');
  return viewer;
});

/** The whole GraphQL context (for cookies and the client address). */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): GqlContext => contextOf(ctx));
