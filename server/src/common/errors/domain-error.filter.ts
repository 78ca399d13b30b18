import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError } from './domain-error.js';

const HTTP_STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * Domain errors are expected outcomes (wrong password, full event...), not faults. In GraphQL they
 * go to the error formatter untouched; on plain HTTP routes (downloads) they become a JSON body
 * with the same stable code and a fitting status.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() !== 'http') return error;
    const res = host.switchToHttp().getResponse<Response>();
    res
      .status(HTTP_STATUS[error.code] ?? HttpStatus.BAD_REQUEST)
      .json({ code: error.code, message: error.message });
  }
}
