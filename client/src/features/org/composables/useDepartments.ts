import type { Locale } from '@palma/shared';
import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  CreateDepartmentDocument,
  DeleteDepartmentDocument,
  DepartmentsDocument,
  MoveDepartmentDocument,
  UpdateDepartmentDocument,
  type DepartmentFieldsFragment,
  type DepartmentInput,
  type UpdateDepartmentInput,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import { buildDepartmentTree, departmentName, flattenDepartmentTree } from '../department-tree';

export type Department = DepartmentFieldsFragment;

/** The department tree (one flat query), shaped for the current language. */
export function useDepartments() {
  const { locale } = useI18n();
  const query = useQuery({ query: DepartmentsDocument, context: { additionalTypenames: ['Department'] } });

  const departments = computed<Department[]>(() => query.data.value?.departments ?? []);
  const byId = computed(() => new Map(departments.value.map((d) => [d.id, d])));
  const tree = computed(() => buildDepartmentTree(departments.value, locale.value as Locale));
  const flat = computed(() => flattenDepartmentTree(tree.value));

  function nameOf(department: Pick<Department, 'nameKo' | 'nameEn'> | null | undefined): string {
    return department ? departmentName(department, locale.value as Locale) : '';
  }

  return {
    departments,
    byId,
    tree,
    flat,
    nameOf,
    fetching: query.fetching,
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

export type MutationOutcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Admin changes to the tree; each resolves to the saved department or the problem. */
export function useDepartmentMutations() {
  const create = useMutation(CreateDepartmentDocument);
  const update = useMutation(UpdateDepartmentDocument);
  const move = useMutation(MoveDepartmentDocument);
  const remove = useMutation(DeleteDepartmentDocument);
  // A deletion returns only a boolean: tell the cache which lists it touches.
  const touchesDepartments = { additionalTypenames: ['Department', 'Person'] };

  const saving = computed(
    () => create.fetching.value || update.fetching.value || move.fetching.value || remove.fetching.value,
  );

  async function createDepartment(input: DepartmentInput): Promise<MutationOutcome<Department>> {
    const r = await create.executeMutation({ input }, touchesDepartments);
    return r.data ? { ok: true, data: r.data.createDepartment } : { ok: false, problem: toProblem(r.error) };
  }
  async function updateDepartment(
    id: string,
    input: UpdateDepartmentInput,
  ): Promise<MutationOutcome<Department>> {
    const r = await update.executeMutation({ id, input }, touchesDepartments);
    return r.data ? { ok: true, data: r.data.updateDepartment } : { ok: false, problem: toProblem(r.error) };
  }
  async function moveDepartment(id: string, parentId: string | null): Promise<MutationOutcome<Department>> {
    const r = await move.executeMutation({ id, parentId }, touchesDepartments);
    return r.data ? { ok: true, data: r.data.moveDepartment } : { ok: false, problem: toProblem(r.error) };
  }
  async function deleteDepartment(id: string): Promise<MutationOutcome<boolean>> {
    const r = await remove.executeMutation({ id }, touchesDepartments);
    return r.data ? { ok: true, data: r.data.deleteDepartment } : { ok: false, problem: toProblem(r.error) };
  }

  return { createDepartment, updateDepartment, moveDepartment, deleteDepartment, saving };
}
