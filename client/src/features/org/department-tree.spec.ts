import { describe, expect, it } from 'vitest';
import {
  buildDepartmentTree,
  flattenDepartmentTree,
  moveTargets,
  subtreeIds,
  type TreeDepartment,
} from './department-tree';

const dept = (
  id: string,
  parentId: string | null,
  nameKo: string,
  nameEn: string,
  headId: string | null = null,
) => ({
  id,
  parentId,
  code: id.toUpperCase(),
  nameKo,
  nameEn,
  headId,
});

const departments: (TreeDepartment & { headId: string | null })[] = [
  dept('palma', null, '팔마시청', 'Palma City Hall', 'mayor'),
  dept('audit', 'palma', '감사관', 'Audit Office', 'manager'),
  dept('inv', 'audit', '조사팀', 'Investigation Team'),
  dept('int', 'audit', '청렴팀', 'Integrity Team'),
  dept('adm', 'palma', '행정국', 'Administration Bureau'),
  dept('hr', 'adm', '인사과', 'Personnel Division'),
];

describe('department tree', () => {
  it('nests departments and sorts siblings by name in the current language', () => {
    const ko = flattenDepartmentTree(buildDepartmentTree(departments, 'ko'));
    expect(ko.map((f) => `${f.depth}:${f.department.nameKo}`)).toEqual([
      '0:팔마시청',
      '1:감사관',
      '2:조사팀',
      '2:청렴팀',
      '1:행정국',
      '2:인사과',
    ]);
    const en = flattenDepartmentTree(buildDepartmentTree(departments, 'en'));
    expect(en.map((f) => f.department.nameEn)).toEqual([
      'Palma City Hall',
      'Administration Bureau',
      'Personnel Division',
      'Audit Office',
      'Integrity Team',
      'Investigation Team',
    ]);
  });

  it('offers every department except itself and its descendants as a new parent', () => {
    const targets = moveTargets(departments, 'audit', 'ko').map((f) => f.department.id);
    expect(targets).toEqual(['palma', 'adm', 'hr']);
    expect(moveTargets(departments, 'hr', 'ko').map((f) => f.department.id)).toEqual([
      'palma',
      'audit',
      'inv',
      'int',
      'adm',
    ]);
  });

  it('collects subtrees of several roots', () => {
    expect(subtreeIds(departments, ['adm', 'int'])).toEqual(new Set(['adm', 'hr', 'int']));
  });

  it('does not lose departments whose parent is missing or that form a loop', () => {
    const broken = [dept('a', 'missing', 'A', 'A'), dept('b', 'c', 'B', 'B'), dept('c', 'b', 'C', 'C')];
    const flat = flattenDepartmentTree(buildDepartmentTree(broken, 'en'));
    expect(flat.map((f) => f.department.id)).toEqual(['a', 'b', 'c']);
    expect(flat.map((f) => f.depth)).toEqual([0, 0, 1]);
  });
});
