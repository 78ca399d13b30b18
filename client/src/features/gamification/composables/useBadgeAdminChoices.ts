import type { Locale } from '@palma/shared';
import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  BadgeAdminBadgesDocument,
  BadgeAdminCampaignChoicesDocument,
  BadgeAdminCourseChoicesDocument,
} from '@/api/graphql';
import type { CriteriaChoice, CriteriaChoices } from '../badge-criteria';

const inLocale = (ko: string, en: string, locale: Locale) => (locale === 'en' ? en || ko : ko || en);

/**
 * Courses, campaigns and badges a condition may name, labelled in the interface language. The
 * badge being edited is left out: requiring itself, nobody could ever earn it.
 */
export function useBadgeAdminChoices(selfId: Ref<string | null>) {
  const { locale } = useI18n();
  const courses = useQuery({ query: BadgeAdminCourseChoicesDocument });
  const campaigns = useQuery({ query: BadgeAdminCampaignChoicesDocument });
  const badges = useQuery({ query: BadgeAdminBadgesDocument, context: { additionalTypenames: ['Badge'] } });

  const choices = computed<CriteriaChoices>(() => {
    const lang = locale.value as Locale;
    const courseList: CriteriaChoice[] = (courses.data.value?.courses.edges ?? []).flatMap(({ node }) => {
      const version = node.published;
      return version ? [{ id: node.id, label: inLocale(version.titleKo, version.titleEn, lang) }] : [];
    });
    return {
      courses: courseList.sort((a, b) => a.label.localeCompare(b.label, lang)),
      campaigns: (campaigns.data.value?.campaigns ?? []).map((c) => ({
        id: c.id,
        label: inLocale(c.nameKo, c.nameEn, lang),
      })),
      badges: (badges.data.value?.badges ?? [])
        .filter((b) => b.id !== selfId.value)
        .map((b) => ({ id: b.id, label: inLocale(b.nameKo, b.nameEn, lang) })),
    };
  });
  return {
    choices,
    error: computed(() => courses.error.value ?? campaigns.error.value ?? badges.error.value),
  };
}
