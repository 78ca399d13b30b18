import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  CreatePersonDocument,
  IssueTemporaryPasswordDocument,
  PersonDocument,
  SetPersonActiveDocument,
  UpdatePersonDocument,
  type PersonDetailFragment,
  type PersonInput,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from './useDepartments';

/** One person by id (paused while there is no id, e.g. on the "new person" page). */
export function usePerson(id: Ref<string | null>) {
  const query = useQuery({
    query: PersonDocument,
    variables: computed(() => ({ id: id.value ?? '' })),
    pause: computed(() => !id.value),
  });
  return {
    person: computed<PersonDetailFragment | null>(() => query.data.value?.person ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}

export function usePersonMutations() {
  const create = useMutation(CreatePersonDocument);
  const update = useMutation(UpdatePersonDocument);
  const setActive = useMutation(SetPersonActiveDocument);
  const issue = useMutation(IssueTemporaryPasswordDocument);
  const touchesPeople = { additionalTypenames: ['Person', 'Department'] };

  async function createPerson(input: PersonInput): Promise<MutationOutcome<PersonDetailFragment>> {
    const r = await create.executeMutation({ input }, touchesPeople);
    return r.data ? { ok: true, data: r.data.createPerson } : { ok: false, problem: toProblem(r.error) };
  }
  async function updatePerson(
    id: string,
    input: PersonInput,
  ): Promise<MutationOutcome<PersonDetailFragment>> {
    const r = await update.executeMutation({ id, input }, touchesPeople);
    return r.data ? { ok: true, data: r.data.updatePerson } : { ok: false, problem: toProblem(r.error) };
  }
  async function setPersonActive(
    id: string,
    active: boolean,
  ): Promise<MutationOutcome<PersonDetailFragment>> {
    const r = await setActive.executeMutation({ id, active }, touchesPeople);
    return r.data ? { ok: true, data: r.data.setPersonActive } : { ok: false, problem: toProblem(r.error) };
  }
  async function issueTemporaryPassword(personId: string): Promise<MutationOutcome<string>> {
    const r = await issue.executeMutation({ personId });
    return r.data
      ? { ok: true, data: r.data.issueTemporaryPassword.password }
      : { ok: false, problem: toProblem(r.error) };
  }

  return {
    createPerson,
    updatePerson,
    setPersonActive,
    issueTemporaryPassword,
    saving: computed(() => create.fetching.value || update.fetching.value),
    switching: setActive.fetching,
    issuing: issue.fetching,
  };
}
