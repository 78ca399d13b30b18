import type { Locale } from '@palma/shared';

export interface BankCategory {
  id: string;
  nameKo: string;
  nameEn: string;
  parentId: string | null;
  /** Active questions directly in this category. */
  questionCount: number;
}

export interface CategoryChoice {
  id: string;
  /** The name alone. */
  name: string;
  /** Parent names down to this one ("청탁금지법 › 금품등 수수"), for places without indentation. */
  path: string;
  depth: number;
  /** Ids from the top of the tree down to this category, itself included. */
  ancestorIds: string[];
  /** Active questions in it and every category below it. */
  totalCount: number;
}

const nameOf = (c: BankCategory, locale: Locale) =>
  (locale === 'en' ? c.nameEn : c.nameKo).trim() || (locale === 'en' ? c.nameKo : c.nameEn);

/**
 * The category tree in reading order (each parent before its children, siblings by name), with
 * depth and a total that includes subcategories. A category whose parent is missing is a root; a
 * cycle cannot loop (each category is visited once).
 */
export function categoryChoices(categories: readonly BankCategory[], locale: Locale): CategoryChoice[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<string | null, BankCategory[]>();
  for (const c of categories) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'ko');
  for (const list of children.values())
    list.sort((a, b) => collator.compare(nameOf(a, locale), nameOf(b, locale)));

  const out: CategoryChoice[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, path: string[], ancestors: string[] = []): number => {
    let total = 0;
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const name = nameOf(c, locale);
      const ancestorIds = [...ancestors, c.id];
      const choice: CategoryChoice = {
        id: c.id,
        name,
        path: [...path, name].join(' › '),
        depth,
        ancestorIds,
        totalCount: 0,
      };
      out.push(choice);
      choice.totalCount = c.questionCount + walk(c.id, depth + 1, [...path, name], ancestorIds);
      total += choice.totalCount;
    }
    return total;
  };
  walk(null, 0, []);
  return out;
}
