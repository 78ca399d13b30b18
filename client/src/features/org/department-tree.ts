import type { Locale } from '@palma/shared';

/** The fields the tree helpers need; the generated DepartmentFields fragment has them all. */
export interface TreeDepartment {
  id: string;
  parentId?: string | null;
  code: string;
  nameKo: string;
  nameEn: string;
}

export interface DepartmentNode<T extends TreeDepartment> {
  department: T;
  depth: number;
  children: DepartmentNode<T>[];
}

export interface FlatDepartment<T extends TreeDepartment> {
  department: T;
  depth: number;
}

/** Korean name in Korean, English name in English (falling back to the other when blank). */
export function departmentName(
  department: Pick<TreeDepartment, 'nameKo' | 'nameEn'>,
  locale: Locale,
): string {
  return (
    (locale === 'en' ? department.nameEn || department.nameKo : department.nameKo || department.nameEn) ?? ''
  );
}

/**
 * Builds the tree from the flat list, siblings sorted by their name in the given language.
 * A department whose parent is missing is shown at the top level rather than lost.
 */
export function buildDepartmentTree<T extends TreeDepartment>(
  departments: readonly T[],
  locale: Locale,
): DepartmentNode<T>[] {
  const ids = new Set(departments.map((d) => d.id));
  const childrenOf = new Map<string | null, T[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(d);
    childrenOf.set(parent, list);
  }
  const collator = new Intl.Collator(locale === 'ko' ? 'ko-KR' : 'en');
  const visited = new Set<string>();
  const build = (parent: string | null, depth: number): DepartmentNode<T>[] =>
    (childrenOf.get(parent) ?? [])
      .filter((d) => !visited.has(d.id))
      .sort((a, b) => collator.compare(departmentName(a, locale), departmentName(b, locale)))
      .map((d) => {
        visited.add(d.id);
        return { department: d, depth, children: build(d.id, depth + 1) };
      });
  const roots = build(null, 0);
  // Departments in a parent loop (the server forbids them) still show up, at the top level.
  for (const d of [...departments].sort((a, b) =>
    collator.compare(departmentName(a, locale), departmentName(b, locale)),
  )) {
    if (visited.has(d.id)) continue;
    visited.add(d.id);
    roots.push({ department: d, depth: 0, children: build(d.id, 1) });
  }
  return roots;
}

/** The tree in reading order (pre-order), each department with its depth. */
export function flattenDepartmentTree<T extends TreeDepartment>(
  nodes: readonly DepartmentNode<T>[],
): FlatDepartment<T>[] {
  const out: FlatDepartment<T>[] = [];
  const walk = (list: readonly DepartmentNode<T>[]) => {
    for (const node of list) {
      out.push({ department: node.department, depth: node.depth });
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The given departments and everything below them. */
export function subtreeIds(departments: readonly TreeDepartment[], rootIds: Iterable<string>): Set<string> {
  const childrenOf = new Map<string, string[]>();
  for (const d of departments) {
    if (!d.parentId) continue;
    const list = childrenOf.get(d.parentId) ?? [];
    list.push(d.id);
    childrenOf.set(d.parentId, list);
  }
  const out = new Set<string>();
  const stack = [...rootIds];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(childrenOf.get(id) ?? []));
  }
  return out;
}

/** Where a department may be moved: anywhere except itself and its own sub-departments. */
export function moveTargets<T extends TreeDepartment>(
  departments: readonly T[],
  movingId: string,
  locale: Locale,
): FlatDepartment<T>[] {
  const excluded = subtreeIds(departments, [movingId]);
  return flattenDepartmentTree(buildDepartmentTree(departments, locale)).filter(
    (f) => !excluded.has(f.department.id),
  );
}

/** A select option label indented by depth (no-break spaces survive in <option> text). */
export function indentedLabel(label: string, depth: number): string {
  return `${'\u00a0\u00a0'.repeat(depth)}${label}`;
}
