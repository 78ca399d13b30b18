import { Limits, type ImportKind } from '@palma/shared';
import { useMutation } from '@urql/vue';
import { computed, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  ImportDepartmentsDocument,
  ImportPeopleDocument,
  type ImportReportFieldsFragment,
} from '@/api/graphql';
import { errorMessage } from '@/app/errors';
import { readFileAsBase64 } from '../file-encoding';

export type ImportReport = ImportReportFieldsFragment;

/**
 * Check first, import second: the chosen file is sent as a dry run; only a report without errors
 * offers the real import, which sends the same bytes again.
 */
export function useOrgImport() {
  const { t } = useI18n();
  const people = useMutation(ImportPeopleDocument);
  const departments = useMutation(ImportDepartmentsDocument);
  // Both kinds change what the org lists show.
  const touches = { additionalTypenames: ['Person', 'Department'] };

  const kind = ref<ImportKind>('PEOPLE');
  const file = shallowRef<File | null>(null);
  const report = ref<ImportReport | null>(null);
  const error = ref<string | null>(null);
  const working = computed(() => people.fetching.value || departments.fetching.value);
  // The bytes that were checked, so that "Import" sends exactly what the report describes.
  const checkedContent = shallowRef<string | null>(null);

  watch([kind, file], () => {
    report.value = null;
    error.value = null;
    checkedContent.value = null;
  });

  const canApply = computed(
    () =>
      report.value !== null &&
      report.value.dryRun &&
      report.value.errors.length === 0 &&
      checkedContent.value !== null,
  );

  async function run(contentBase64: string, dryRun: boolean): Promise<void> {
    const variables = { input: { contentBase64, dryRun } };
    const result =
      kind.value === 'PEOPLE'
        ? await people
            .executeMutation(variables, touches)
            .then((r) => ({ data: r.data?.importPeople, error: r.error }))
        : await departments
            .executeMutation(variables, touches)
            .then((r) => ({ data: r.data?.importDepartments, error: r.error }));
    if (result.data) {
      report.value = result.data;
    } else {
      report.value = null;
      error.value = errorMessage(result.error, t);
    }
  }

  async function check(): Promise<void> {
    error.value = null;
    report.value = null;
    checkedContent.value = null;
    if (!file.value) {
      error.value = t('import.chooseFile');
      return;
    }
    if (file.value.size > Limits.importBytesMax) {
      error.value = t('import.tooLarge', { mb: Limits.importBytesMax / 1024 / 1024 });
      return;
    }
    let content: string;
    try {
      content = await readFileAsBase64(file.value);
    } catch {
      error.value = t('import.unreadable');
      return;
    }
    await run(content, true);
    if (report.value) checkedContent.value = content;
  }

  async function apply(): Promise<void> {
    const content = checkedContent.value;
    if (!canApply.value || content === null) return;
    error.value = null;
    // Only one import per check: a second click must not run it again.
    checkedContent.value = null;
    await run(content, false);
  }

  return { kind, file, report, error, working, canApply, check, apply };
}
