import { CourseLimits, type FieldProblem } from '@palma/shared';
import { fieldMessage, fieldProblems, problemMessage, type Problem } from '@/app/errors';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** Number fields and their allowed range, for a message that says what to enter. */
const RANGES: Record<string, [number, number]> = {
  creditMinutes: [1, CourseLimits.creditMinutesMax],
  estimatedMinutes: [1, CourseLimits.creditMinutesMax],
  minReadingSeconds: [0, CourseLimits.minReadingSecondsMax],
  requiredWatchPercent: [1, 100],
};
const URL_FIELDS = new Set(['coverImageUrl', 'url']);

/**
 * Translated problems keyed by their full path (`titleKo`, `nodes.1.choices.0.labelEn`); the
 * scenario's structural problems (field `nodes` itself) are left to the scenario editor.
 */
export function courseFieldMessages(problems: readonly FieldProblem[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    if (p.field === 'nodes') continue;
    const leaf = p.field.split('.').pop() ?? p.field;
    // A tag is one entry of one field.
    const key = p.field.startsWith('tags.') ? 'tags' : p.field;
    let message: string;
    const range = RANGES[leaf];
    if (range) message = t('courses.fieldErrors.range', { min: range[0], max: range[1] });
    else if (URL_FIELDS.has(leaf)) message = t('courses.fieldErrors.url');
    else message = fieldMessage(p.message, t);
    out[key] ??= message;
  }
  return out;
}

/** The scenario's structural problems (English sentences of `dilemmaProblems()`), as sent on "nodes". */
export function structuralProblems(problems: readonly FieldProblem[]): string[] {
  return problems.filter((p) => p.field === 'nodes').map((p) => p.message);
}

/**
 * A failed save as the forms show it: one sentence for the whole form, plus messages per field —
 * shared validation problems, or the Markdown field the server found unsafe.
 */
export function savingProblem(
  problem: Problem,
  t: Translate,
): { message: string; fields: Record<string, string>; structural: string[] } {
  const problems = fieldProblems(problem);
  const fields = courseFieldMessages(problems, t);
  if (problem.code === 'UNSAFE_CONTENT' && typeof problem.details.field === 'string')
    fields[problem.details.field] = t('errors.UNSAFE_CONTENT');
  return { message: problemMessage(problem, t), fields, structural: structuralProblems(problems) };
}
