import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { AccessGuard } from './access.guard.js';
import { Authenticated, Public, Roles } from './decorators.js';
import type { Viewer } from './viewer.js';

class Sample {
  undeclared() {}
  @Public() open() {}
  @Roles('ADMIN') adminOnly() {}
  @Authenticated() anyone() {}
}

function httpContext(handler: keyof Sample, viewer: Viewer | null): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Sample.prototype[handler],
    getClass: () => Sample,
    switchToHttp: () => ({ getRequest: () => ({ viewer, ip: '127.0.0.1' }) }),
  } as unknown as ExecutionContext;
}

const employee: Viewer = { personId: 'p', sessionId: 's', roles: ['EMPLOYEE'], departmentId: null };
const guard = new AccessGuard(new Reflector());

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
  return undefined;
}

describe('AccessGuard', () => {
  it('denies an operation that declares nothing, even to an admin', () => {
    expect(
      codeOf(() => guard.canActivate(httpContext('undeclared', { ...employee, roles: ['ADMIN'] }))),
    ).toBe('FORBIDDEN');
  });
  it('lets anyone through @Public', () => {
    expect(guard.canActivate(httpContext('open', null))).toBe(true);
  });
  it('asks anonymous callers to sign in', () => {
    expect(codeOf(() => guard.canActivate(httpContext('anyone', null)))).toBe('UNAUTHENTICATED');
  });
  it('checks roles', () => {
    expect(codeOf(() => guard.canActivate(httpContext('adminOnly', employee)))).toBe('FORBIDDEN');
    expect(guard.canActivate(httpContext('adminOnly', { ...employee, roles: ['EMPLOYEE', 'ADMIN'] }))).toBe(
      true,
    );
    expect(guard.canActivate(httpContext('anyone', employee))).toBe(true);
  });
});
