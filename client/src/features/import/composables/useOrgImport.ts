import { Limits, type ImportKind } from '@palma/shared';
import { useMutation } from '@urql/vue';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  ImportDepartmentsDocument,
  ImportPeopleDocument,
  type ImportReportFieldsFragment,
} from '@/api/graphql';
import { errorMessage } from '@/app/errors';
import { useCheckedImport } from './useCheckedImport';

export type ImportReport = ImportReportFieldsFragment;

/**
 * People or departments from a CSV file, checked first (a dry run), then imported: see
 * useCheckedImport.
 */
export function useOrgImport() {
  const { t } = useI18n();
  const people = useMutation(ImportPeopleDocument);
  const departments = useMutation(ImportDepartmentsDocument);
  // Both kinds change what the org lists show.
  const touches = { additionalTypenames: ['Person', 'Department'] };

  const kind = ref<ImportKind>('PEOPLE');
  const working = computed(() => people.fetching.value || departments.fetching.value);

  const { file, report, error, canApply, check, apply } = useCheckedImport<ImportReport>({
    maxBytes: Limits.importBytesMax,
    messages: {
      chooseFile: () => t('import.chooseFile'),
      tooLarge: (mb) => t('import.tooLarge', { mb }),
      unreadable: () => t('import.unreadable'),
      failed: (e) => errorMessage(e, t),
    },
    resetOn: [kind],
    run: (contentBase64, dryRun) => {
      const variables = { input: { contentBase64, dryRun } };
      return kind.value === 'PEOPLE'
        ? people
            .executeMutation(variables, touches)
            .then((r) => ({ data: r.data?.importPeople, error: r.error }))
        : departments
            .executeMutation(variables, touches)
            .then((r) => ({ data: r.data?.importDepartments, error: r.error }));
    },
  });

  return { kind, file, report, error, working, canApply, check, apply };
}
