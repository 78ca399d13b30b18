import { describe, expect, it } from 'vitest';
import {
  emptyCampaignForm,
  emptyTier,
  parseMinutes,
  seoulDate,
  serverFieldMessages,
  toCampaignInput,
  type CampaignForm,
} from './campaign-form';

function validForm(): CampaignForm {
  return {
    ...emptyCampaignForm(),
    nameKo: ' 2025 청렴교육 ',
    nameEn: '2025 integrity training',
    periodStart: '2025-01-01',
    periodEnd: '2026-01-01',
    dueAt: '2025-12-15',
    tiers: [
      {
        ...emptyTier(),
        nameKo: '전 직원',
        nameEn: 'All staff',
        everyone: true,
        ranks: ['4급'],
        minutesTarget: ' 120 ',
        requiredCourseIds: ['c1'],
      },
      {
        ...emptyTier(),
        nameKo: '관리자',
        nameEn: 'Managers',
        roles: ['ADMIN', 'MANAGER'],
        departmentIds: ['d1'],
        includeSubdepartments: false,
        minutesTarget: '0',
        requiredCourseIds: ['c2'],
      },
    ],
  };
}

describe('toCampaignInput', () => {
  it('sends dates as midnight in Seoul, trimmed names and parsed minutes', () => {
    const result = toCampaignInput(validForm());
    expect(result).toEqual({
      ok: true,
      input: {
        nameKo: '2025 청렴교육',
        nameEn: '2025 integrity training',
        descriptionKo: '',
        descriptionEn: '',
        periodStart: '2025-01-01T00:00:00+09:00',
        periodEnd: '2026-01-01T00:00:00+09:00',
        dueAt: '2025-12-15T00:00:00+09:00',
        tiers: [
          {
            nameKo: '전 직원',
            nameEn: 'All staff',
            everyone: true,
            departmentIds: [],
            includeSubdepartments: true,
            ranks: [],
            roles: [],
            minutesTarget: 120,
            requiredCourseIds: ['c1'],
          },
          {
            nameKo: '관리자',
            nameEn: 'Managers',
            everyone: false,
            departmentIds: ['d1'],
            includeSubdepartments: false,
            ranks: [],
            roles: ['MANAGER', 'ADMIN'],
            minutesTarget: 0,
            requiredCourseIds: ['c2'],
          },
        ],
      },
    });
  });

  it('rejects a campaign without tiers', () => {
    const result = toCampaignInput({ ...validForm(), tiers: [] });
    expect(result).toEqual({ ok: false, errors: { tiers: 'campaigns.errors.noTiers' } });
  });

  it('marks minutes that are not a whole number, tiers without audience and bad dates', () => {
    const form = validForm();
    form.tiers[0] = { ...form.tiers[0], everyone: false, ranks: [], minutesTarget: '1.5' };
    form.periodEnd = '2024-12-31';
    form.dueAt = '2025-02-30';
    const result = toCampaignInput(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      periodEnd: 'campaigns.errors.endBeforeStart',
      dueAt: 'campaigns.errors.date',
      'tiers.0.minutesTarget': 'campaigns.errors.minutes',
      'tiers.0.everyone': 'campaigns.errors.noAudience',
    });
  });
});

describe('helpers', () => {
  it('parses minutes strictly', () => {
    expect(parseMinutes('90')).toBe(90);
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('-3')).toBeNull();
    expect(parseMinutes('abc')).toBeNull();
  });

  it('reads instants as the Seoul calendar date', () => {
    expect(seoulDate('2024-12-31T15:00:00.000Z')).toBe('2025-01-01');
  });

  it('reads server field problems in both shapes', () => {
    expect(serverFieldMessages({ 'tiers.0.everyone': 'choose who this tier applies to' })).toEqual({
      'tiers.0.everyone': 'choose who this tier applies to',
    });
    expect(serverFieldMessages([{ field: 'nameKo', message: 'required' }])).toEqual({ nameKo: 'required' });
  });
});
