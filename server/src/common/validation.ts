import { toFieldProblems } from '@palma/shared';
import type { z } from 'zod';
import { DomainError } from './errors/domain-error.js';

/** Validates input with a schema from @palma/shared; problems go to `extensions.fields`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = toFieldProblems(result.error);
  throw new DomainError(
    'VALIDATION_FAILED',
    `Invalid input: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
    { fields },
  );
}
