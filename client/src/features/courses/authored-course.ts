import type { CourseCategory, LessonKind, Locale } from '@palma/shared';
import type { AuthorCourseQuery } from '@/api/graphql';

/** A course as its authors see it: the draft being edited and the version learners take. */
export type AuthoredCourse = AuthorCourseQuery['course'];
export type AuthoredVersion = NonNullable<AuthoredCourse['draft']>;
export type AuthoredSection = AuthoredVersion['sections'][number];
export type AuthoredLesson = AuthoredSection['lessons'][number];
export type AuthoredContent = AuthoredLesson['content'];

/** General integrity law first, then the five vulnerable areas, as the catalogue lists them. */
export const COURSE_CATEGORIES: readonly CourseCategory[] = [
  'INTEGRITY_LAW',
  'PERSONNEL',
  'CONTRACTS_CONSTRUCTION',
  'PERMITS_LICENCES',
  'FINANCE_TAX',
  'GRANTS_OUTSOURCING',
];

export const LESSON_KINDS: readonly LessonKind[] = ['READING', 'VIDEO', 'DILEMMA', 'PLEDGE', 'QUIZ'];

/** The Korean or English text of something authored in both, falling back to the other one. */
export function localized(
  item: { titleKo: string; titleEn: string } | null | undefined,
  locale: Locale,
): string {
  if (!item) return '';
  const [first, second] = locale === 'en' ? [item.titleEn, item.titleKo] : [item.titleKo, item.titleEn];
  return first.trim() || second;
}

/** Picks the Korean or English member of a pair of texts (`textKo`/`textEn`, `labelKo`/`labelEn`...). */
export function pick(ko: string, en: string, locale: Locale): string {
  return (locale === 'en' ? en : ko).trim() || (locale === 'en' ? ko : en);
}
