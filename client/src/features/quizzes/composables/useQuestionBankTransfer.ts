import { QuestionLimits } from '@palma/shared';
import { useClientHandle, useMutation } from '@urql/vue';
import { computed, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  QuestionBankExportDocument,
  QuestionBankImportDocument,
  type QuestionBankExportQuery,
  type QuestionBankImportMutation,
  type QuestionImportFormat,
} from '@/api/graphql';
import { errorMessage } from '@/app/errors';
import { readFileAsBase64 } from '@/features/import/file-encoding';

export type QuestionImportReport = QuestionBankImportMutation['importQuestions'];
export type QuestionExportResult = Omit<QuestionBankExportQuery['exportQuestions'], 'content'>;

/**
 * GIFT or CSV into the bank, as the people import does it: check first (a dry run with
 * line-numbered problems), then import exactly the bytes that were checked.
 */
export function useQuestionBankImport() {
  const { t } = useI18n();
  const mutation = useMutation(QuestionBankImportDocument);
  const touches = { additionalTypenames: ['Question', 'QuestionCategory'] };

  const format = ref<QuestionImportFormat>('GIFT');
  /** '' = the top of the bank. */
  const categoryId = ref('');
  const file = shallowRef<File | null>(null);
  const report = ref<QuestionImportReport | null>(null);
  const error = ref<string | null>(null);
  const checkedContent = shallowRef<string | null>(null);

  watch([format, categoryId, file], () => {
    report.value = null;
    error.value = null;
    checkedContent.value = null;
  });

  const canApply = computed(
    () =>
      report.value !== null &&
      report.value.dryRun &&
      report.value.errors.length === 0 &&
      report.value.totalQuestions > 0 &&
      checkedContent.value !== null,
  );

  async function run(contentBase64: string, dryRun: boolean): Promise<void> {
    const result = await mutation.executeMutation(
      {
        input: {
          format: format.value,
          contentBase64,
          dryRun,
          categoryId: categoryId.value === '' ? null : categoryId.value,
        },
      },
      touches,
    );
    if (result.data) report.value = result.data.importQuestions;
    else {
      report.value = null;
      error.value = errorMessage(result.error, t);
    }
  }

  async function check(): Promise<void> {
    error.value = null;
    report.value = null;
    checkedContent.value = null;
    if (!file.value) {
      error.value = t('quizBank.import.chooseFile');
      return;
    }
    if (file.value.size > QuestionLimits.importBytesMax) {
      error.value = t('quizBank.import.tooLarge', { mb: QuestionLimits.importBytesMax / 1024 / 1024 });
      return;
    }
    let content: string;
    try {
      content = await readFileAsBase64(file.value);
    } catch {
      error.value = t('quizBank.import.unreadable');
      return;
    }
    await run(content, true);
    if (report.value) checkedContent.value = content;
  }

  async function apply(): Promise<void> {
    const content = checkedContent.value;
    if (!canApply.value || content === null) return;
    error.value = null;
    // One import per check: a second click must not run it again.
    checkedContent.value = null;
    await run(content, false);
  }

  return { format, categoryId, file, report, error, working: mutation.fetching, canApply, check, apply };
}

/** The file name and content of an export, handed to the browser as a download. */
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Exports the active questions of the bank (or of one category with its subcategories). */
export function useQuestionBankExport() {
  const { t } = useI18n();
  const { client } = useClientHandle();
  const format = ref<QuestionImportFormat>('GIFT');
  const categoryId = ref('');
  const working = ref(false);
  const error = ref<string | null>(null);
  const result = ref<QuestionExportResult | null>(null);

  async function download(): Promise<void> {
    working.value = true;
    error.value = null;
    result.value = null;
    const answer = await client
      .query(
        QuestionBankExportDocument,
        { format: format.value, categoryId: categoryId.value === '' ? null : categoryId.value },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    working.value = false;
    const exported = answer.data?.exportQuestions;
    if (!exported) {
      error.value = errorMessage(answer.error, t);
      return;
    }
    const { content, ...rest } = exported;
    result.value = rest;
    if (exported.count > 0)
      downloadText(
        exported.filename,
        content,
        exported.format === 'CSV' ? 'text/csv;charset=utf-8' : 'text/plain;charset=utf-8',
      );
  }

  return { format, categoryId, working, error, result, download };
}
