import type { Locale } from '@palma/shared';
import { CAMPAIGN_TIME_ZONE } from './campaign-form';

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** A campaign date (a day in Seoul) in the viewer's language. */
export function formatCampaignDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeZone: CAMPAIGN_TIME_ZONE,
  }).format(date);
}
