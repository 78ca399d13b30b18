import type { Locale } from '@palma/shared';
import type { QuestionCategoryFieldsFragment } from '@/api/graphql';

export type BankCategory = QuestionCategoryFieldsFragment;

/** One category in tree order, with what the tree and the selects need to show it. */
export interface CategoryRow {
  category: BankCategory;
  name: string;
  depth: number;
  /** Names from the root down to this one. */
  path: string[];
  /** Active questions in it and all its subcategories (the list shows them by default). */
  totalCount: number;
  hasChildren: boolean;
}

export function categoryName(category: Pick<BankCategory, 'nameKo' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' ? category.nameEn || category.nameKo : category.nameKo;
}

/**
 * The flat list as a tree, depth first, siblings by name in the viewer's language. A category whose
 * parent is missing (deleted meanwhile) is shown at the top rather than lost.
 */
export function categoryRows(categories: readonly BankCategory[], locale: Locale): CategoryRow[] {
  const ids = new Set(categories.map((c) => c.id));
  const children = new Map<string | null, BankCategory[]>();
  for (const c of categories) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'ko');
  const rows: CategoryRow[] = [];
  const visit = (parent: string | null, depth: number, path: string[]): number => {
    let total = 0;
    const siblings = [...(children.get(parent) ?? [])].sort((a, b) =>
      collator.compare(categoryName(a, locale), categoryName(b, locale)),
    );
    for (const category of siblings) {
      const name = categoryName(category, locale);
      const row: CategoryRow = {
        category,
        name,
        depth,
        path: [...path, name],
        totalCount: 0,
        hasChildren: (children.get(category.id) ?? []).length > 0,
      };
      rows.push(row);
      row.totalCount = category.questionCount + visit(category.id, depth + 1, row.path);
      total += row.totalCount;
    }
    return total;
  };
  visit(null, 0, []);
  return rows;
}

/** A category and everything under it. */
export function subtreeIds(categories: readonly BankCategory[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Native <option>s collapse leading spaces: indent with no-break spaces instead. */
export function indentedName(row: Pick<CategoryRow, 'depth' | 'name'>): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(row.depth)}${row.name}`;
}

/** The whole path ("청탁금지법 › 금품 수수"): what a closed select should show. */
export function pathName(row: Pick<CategoryRow, 'path'>): string {
  return row.path.join(' › ');
}
