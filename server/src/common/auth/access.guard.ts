import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error.js';
import { ACCESS_KEY, contextOf, type AccessRule } from './decorators.js';

/**
 * Global guard: every operation, field resolver and controller route must declare who may
 * call it with @Public() or @Roles(...). Anything undeclared is denied.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${ctx.getClass().name}.${ctx.getHandler().name} declares no access rule: denied`);
      throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
    }
    if (rule.kind === 'public') return true;
    const viewer = contextOf(ctx).viewer;
    if (!viewer) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
    if (!rule.roles.some((role) => viewer.roles.includes(role))) {
      throw new DomainError('FORBIDDEN', 'You are not allowed to do this');
    }
    return true;
  }
}
