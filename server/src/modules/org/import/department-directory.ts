export interface DepartmentRef {
  id: string;
  code: string;
  nameKo: string;
  nameEn: string;
  parentId: string | null;
}

export type DepartmentMatch = { kind: 'found'; id: string } | { kind: 'unknown' } | { kind: 'ambiguous' };

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Finds a department as HR files name it: by code ("AUDIT"), by path
 * ("팔마시청/감사관/조사팀" or "Palma City Hall > Audit"), or by a unique Korean or English name.
 */
export class DepartmentDirectory {
  private readonly byCode = new Map<string, DepartmentRef>();
  private readonly children = new Map<string | null, DepartmentRef[]>();

  constructor(private readonly departments: readonly DepartmentRef[]) {
    for (const d of departments) {
      this.byCode.set(d.code.toUpperCase(), d);
      const siblings = this.children.get(d.parentId) ?? [];
      siblings.push(d);
      this.children.set(d.parentId, siblings);
    }
  }

  resolve(value: string): DepartmentMatch {
    const byCode = this.byCode.get(value.normalize('NFKC').replace(/\s+/g, '').toUpperCase());
    if (byCode) return { kind: 'found', id: byCode.id };
    const segments = value
      .split(/\s*[/>]\s*/)
      .map(fold)
      .filter(Boolean);
    if (segments.length === 0) return { kind: 'unknown' };
    const named = (d: DepartmentRef, name: string) => fold(d.nameKo) === name || fold(d.nameEn) === name;
    let candidates = this.departments.filter((d) => named(d, segments[0]));
    for (const segment of segments.slice(1)) {
      candidates = candidates.flatMap((c) =>
        (this.children.get(c.id) ?? []).filter((d) => named(d, segment)),
      );
    }
    if (candidates.length === 1) return { kind: 'found', id: candidates[0].id };
    return candidates.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous' };
  }
}
