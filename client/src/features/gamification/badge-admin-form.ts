import {
  BadgeShape,
  ErrorCode,
  badgeInputSchema,
  type CriteriaNode,
  type CriteriaProblem,
  type FieldProblem,
} from '@palma/shared';
import type { BadgeAdminBadgeFieldsFragment, BadgeInput as BadgeInputGql } from '@/api/graphql';
import { fieldMessage, fieldProblems, type Problem } from '@/app/errors';
import { criteriaValid, newCriteria, parseCriteria } from './badge-criteria';

export type AdminBadge = BadgeAdminBadgeFieldsFragment;

export const BADGE_SHAPES = Object.values(BadgeShape) as BadgeShape[];
/** The platform's primary blue: a new badge looks like Palma until the admin picks a colour. */
export const DEFAULT_BADGE_COLOR = '#1d5a99';
export const SYMBOL_MAX = 4;

/** What the badge editor holds. */
export interface BadgeForm {
  nameKo: string;
  nameEn: string;
  descriptionKo: string;
  descriptionEn: string;
  criteriaTextKo: string;
  criteriaTextEn: string;
  criteria: CriteriaNode;
  shape: BadgeShape;
  color: string;
  symbol: string;
}

export function emptyBadgeForm(): BadgeForm {
  return {
    nameKo: '',
    nameEn: '',
    descriptionKo: '',
    descriptionEn: '',
    criteriaTextKo: '',
    criteriaTextEn: '',
    criteria: newCriteria(),
    shape: 'CIRCLE',
    color: DEFAULT_BADGE_COLOR,
    symbol: '★',
  };
}

export function badgeToForm(badge: AdminBadge): BadgeForm {
  return {
    nameKo: badge.nameKo,
    nameEn: badge.nameEn,
    descriptionKo: badge.descriptionKo,
    descriptionEn: badge.descriptionEn,
    criteriaTextKo: badge.criteriaTextKo,
    criteriaTextEn: badge.criteriaTextEn,
    // The server only stores valid trees; a broken one would start over rather than break the page.
    criteria: parseCriteria(badge.criteria) ?? newCriteria(),
    shape: badge.template.shape,
    color: badge.template.color,
    symbol: badge.template.symbol,
  };
}

export type BadgeInputResult =
  { ok: true; input: BadgeInputGql } | { ok: false; problems: FieldProblem[]; criteriaInvalid: boolean };

/** Checks the form with the shared schema (as the server will) and builds the mutation input. */
export function toBadgeInput(form: BadgeForm): BadgeInputResult {
  const candidate = {
    nameKo: form.nameKo,
    nameEn: form.nameEn,
    descriptionKo: form.descriptionKo,
    descriptionEn: form.descriptionEn,
    criteriaTextKo: form.criteriaTextKo,
    criteriaTextEn: form.criteriaTextEn,
    criteria: form.criteria,
    template: { shape: form.shape, color: form.color, symbol: form.symbol },
  };
  const parsed = badgeInputSchema.safeParse(candidate);
  const criteriaInvalid = !criteriaValid(form.criteria);
  if (!parsed.success || criteriaInvalid)
    return {
      ok: false,
      criteriaInvalid,
      problems: parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    };
  const d = parsed.data;
  return {
    ok: true,
    input: {
      nameKo: d.nameKo,
      nameEn: d.nameEn,
      descriptionKo: d.descriptionKo,
      descriptionEn: d.descriptionEn,
      criteriaTextKo: d.criteriaTextKo,
      criteriaTextEn: d.criteriaTextEn,
      criteria: JSON.stringify(form.criteria),
      template: d.template,
    },
  };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The form field a problem path belongs to: template fields by their own name. */
export function badgeFieldOf(path: string): string {
  if (path.startsWith('template.')) return path.slice('template.'.length).split('.')[0];
  return path.split('.')[0];
}

/** Translated messages by form field (first problem per field); criteria problems are not here. */
export function badgeFieldMessages(problems: readonly FieldProblem[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const field = badgeFieldOf(p.field);
    if (field === 'criteria') continue;
    let message: string;
    if (p.message === 'already used by another badge') message = t('badgeAdmin.form.nameTaken');
    else if (field === 'color') message = t('badgeAdmin.form.colorInvalid');
    else if (field === 'symbol') message = t('badgeAdmin.form.symbolInvalid', { max: SYMBOL_MAX });
    else message = fieldMessage(p.message, t);
    out[field] ??= message;
  }
  return out;
}

/** What a refused save means for the form: field problems and problems inside the criteria. */
export interface ServerBadgeProblems {
  fields: FieldProblem[];
  criteria: CriteriaProblem[];
  /** The criteria are the reason (invalid, a missing reference, a cycle): show it there too. */
  aboutCriteria: boolean;
}

export function serverBadgeProblems(problem: Problem): ServerBadgeProblems {
  const aboutCriteria = (
    [ErrorCode.CRITERIA_INVALID, ErrorCode.CRITERIA_REFERENCE_MISSING, ErrorCode.CRITERIA_CYCLE] as string[]
  ).includes(problem.code);
  if (problem.code === ErrorCode.CRITERIA_INVALID) {
    const raw = problem.details.problems;
    const criteria = Array.isArray(raw)
      ? raw.filter(
          (p): p is CriteriaProblem =>
            typeof p === 'object' &&
            p !== null &&
            typeof p.path === 'string' &&
            typeof p.message === 'string',
        )
      : [];
    return { fields: [], criteria, aboutCriteria };
  }
  const fields = fieldProblems(problem);
  return {
    fields: fields.filter((f) => badgeFieldOf(f.field) !== 'criteria'),
    criteria: fields
      .filter((f) => badgeFieldOf(f.field) === 'criteria')
      .map((f) => ({ path: f.field.replace(/^criteria\.?/, '') || '(root)', message: f.message })),
    aboutCriteria: aboutCriteria || fields.some((f) => badgeFieldOf(f.field) === 'criteria'),
  };
}
