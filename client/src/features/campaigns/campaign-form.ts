import { ALL_ROLES, type Role } from '@palma/shared';
import type { AdminCampaignFieldsFragment, CampaignInput, CampaignTierInput } from '@/api/graphql';

/** Campaign dates are whole days in Korea: a date means 00:00 in Asia/Seoul. */
export const CAMPAIGN_TIME_ZONE = 'Asia/Seoul';

/** One tier as the form holds it (the minutes target is text as typed). */
export interface CampaignTierForm {
  /** Stable key for the list rendering; not sent. */
  key: string;
  nameKo: string;
  nameEn: string;
  everyone: boolean;
  departmentIds: string[];
  includeSubdepartments: boolean;
  ranks: string[];
  roles: Role[];
  minutesTarget: string;
  requiredCourseIds: string[];
}

/** The campaign form; dates are `YYYY-MM-DD` as a date input gives them. */
export interface CampaignForm {
  nameKo: string;
  nameEn: string;
  descriptionKo: string;
  descriptionEn: string;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  tiers: CampaignTierForm[];
}

/** Problems by field path ("nameKo", "tiers", "tiers.0.minutesTarget"), as i18n keys. */
export type CampaignFormErrors = Record<string, string>;

export type CampaignInputResult =
  { ok: true; input: CampaignInput } | { ok: false; errors: CampaignFormErrors };

let tierCounter = 0;

export function emptyTier(): CampaignTierForm {
  tierCounter += 1;
  return {
    key: `tier-${tierCounter}`,
    nameKo: '',
    nameEn: '',
    everyone: false,
    departmentIds: [],
    includeSubdepartments: true,
    ranks: [],
    roles: [],
    minutesTarget: '',
    requiredCourseIds: [],
  };
}

export function emptyCampaignForm(): CampaignForm {
  return {
    nameKo: '',
    nameEn: '',
    descriptionKo: '',
    descriptionEn: '',
    periodStart: '',
    periodEnd: '',
    dueAt: '',
    tiers: [emptyTier()],
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** `2025-03-01` → `2025-03-01T00:00:00+09:00` (midnight in Seoul). */
export function seoulMidnight(date: string): string {
  return `${date}T00:00:00+09:00`;
}

/** An instant as the `YYYY-MM-DD` date it falls on in Seoul (for date inputs). */
export function seoulDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CAMPAIGN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** A whole number of minutes, 0 or more; null for anything else (blank, "1.5", "-3", "abc"). */
export function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** The form as the API's CampaignInput, or the problems that keep it from being sent. */
export function toCampaignInput(form: CampaignForm): CampaignInputResult {
  const errors: CampaignFormErrors = {};
  const nameKo = form.nameKo.trim();
  const nameEn = form.nameEn.trim();
  if (!nameKo) errors.nameKo = 'fieldErrors.required';
  if (!nameEn) errors.nameEn = 'fieldErrors.required';

  for (const field of ['periodStart', 'periodEnd', 'dueAt'] as const) {
    if (!form[field]) errors[field] = 'fieldErrors.required';
    else if (!isCalendarDate(form[field])) errors[field] = 'campaigns.errors.date';
  }
  // `YYYY-MM-DD` strings compare in calendar order.
  if (!errors.periodStart && !errors.periodEnd && form.periodEnd <= form.periodStart)
    errors.periodEnd = 'campaigns.errors.endBeforeStart';

  if (form.tiers.length === 0) errors.tiers = 'campaigns.errors.noTiers';

  const tiers: CampaignTierInput[] = form.tiers.map((tier, index) => {
    const at = `tiers.${index}`;
    const tierNameKo = tier.nameKo.trim();
    const tierNameEn = tier.nameEn.trim();
    if (!tierNameKo) errors[`${at}.nameKo`] = 'fieldErrors.required';
    if (!tierNameEn) errors[`${at}.nameEn`] = 'fieldErrors.required';
    const minutes = parseMinutes(tier.minutesTarget);
    if (minutes === null) errors[`${at}.minutesTarget`] = 'campaigns.errors.minutes';
    const hasAudience =
      tier.everyone || tier.departmentIds.length > 0 || tier.ranks.length > 0 || tier.roles.length > 0;
    if (!hasAudience) errors[`${at}.everyone`] = 'campaigns.errors.noAudience';
    if (minutes === 0 && tier.requiredCourseIds.length === 0)
      errors[`${at}.minutesTarget`] = 'campaigns.errors.nothingRequired';
    return {
      nameKo: tierNameKo,
      nameEn: tierNameEn,
      everyone: tier.everyone,
      // "Everyone" already covers every criterion: send no narrower ones beside it.
      departmentIds: tier.everyone ? [] : [...tier.departmentIds],
      includeSubdepartments: tier.includeSubdepartments,
      ranks: tier.everyone ? [] : [...tier.ranks],
      roles: tier.everyone ? [] : ALL_ROLES.filter((r) => tier.roles.includes(r)),
      minutesTarget: minutes ?? 0,
      requiredCourseIds: [...tier.requiredCourseIds],
    };
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      nameKo,
      nameEn,
      descriptionKo: form.descriptionKo.trim(),
      descriptionEn: form.descriptionEn.trim(),
      periodStart: seoulMidnight(form.periodStart),
      periodEnd: seoulMidnight(form.periodEnd),
      dueAt: seoulMidnight(form.dueAt),
      tiers,
    },
  };
}

/** A saved campaign back into the form. */
export function campaignToForm(campaign: AdminCampaignFieldsFragment): CampaignForm {
  return {
    nameKo: campaign.nameKo,
    nameEn: campaign.nameEn,
    descriptionKo: campaign.descriptionKo,
    descriptionEn: campaign.descriptionEn,
    periodStart: seoulDate(campaign.periodStart),
    periodEnd: seoulDate(campaign.periodEnd),
    dueAt: seoulDate(campaign.dueAt),
    tiers: campaign.tiers.map((tier) => ({
      ...emptyTier(),
      nameKo: tier.nameKo,
      nameEn: tier.nameEn,
      everyone: tier.everyone,
      departmentIds: [...tier.departmentIds],
      includeSubdepartments: tier.includeSubdepartments,
      ranks: [...tier.ranks],
      roles: [...tier.roles],
      minutesTarget: String(tier.minutesTarget),
      requiredCourseIds: [...tier.requiredCourseIds],
    })),
  };
}

/**
 * `extensions.fields` of a VALIDATION_FAILED error keyed by full path ("tiers.0.everyone"); the
 * server sends either a list of { field, message } or an object of path → message.
 */
export function serverFieldMessages(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(fields)) {
    for (const f of fields) {
      if (typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string')
        out[f.field] ??= f.message;
    }
  } else if (typeof fields === 'object' && fields !== null) {
    for (const [field, message] of Object.entries(fields)) {
      if (typeof message === 'string') out[field] ??= message;
    }
  }
  return out;
}
