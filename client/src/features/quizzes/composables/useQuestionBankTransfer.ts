import { QuestionLimits } from '@palma/shared';
import { useClientHandle, useMutation } from '@urql/vue';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  QuestionBankExportDocument,
  QuestionBankImportDocument,
  type QuestionBankExportQuery,
  type QuestionBankImportMutation,
  type QuestionImportFormat,
} from '@/api/graphql';
import { errorMessage } from '@/app/errors';
import { useCheckedImport } from '@/features/import/composables/useCheckedImport';

export type QuestionImportReport = QuestionBankImportMutation['importQuestions'];
export type QuestionExportResult = Omit<QuestionBankExportQuery['exportQuestions'], 'content'>;

/**
 * GIFT or CSV into the bank, as the people import does it (useCheckedImport): check first (a dry
 * run with line-numbered problems), then import exactly the bytes that were checked.
 */
export function useQuestionBankImport() {
  const { t } = useI18n();
  const mutation = useMutation(QuestionBankImportDocument);
  const touches = { additionalTypenames: ['Question', 'QuestionCategory'] };

  const format = ref<QuestionImportFormat>('GIFT');
  /** '' = the top of the bank. */
  const categoryId = ref('');

  const { file, report, error, canApply, check, apply } = useCheckedImport<QuestionImportReport>({
    maxBytes: QuestionLimits.importBytesMax,
    messages: {
      chooseFile: () => t('quizBank.import.chooseFile'),
      tooLarge: (mb) => t('quizBank.import.tooLarge', { mb }),
      unreadable: () => t('quizBank.import.unreadable'),
      failed: (e) => errorMessage(e, t),
    },
    resetOn: [format, categoryId],
    // A file without questions has nothing to import.
    applicable: (r) => r.totalQuestions > 0,
    run: (contentBase64, dryRun) =>
      mutation
        .executeMutation(
          {
            input: {
              format: format.value,
              contentBase64,
              dryRun,
              categoryId: categoryId.value === '' ? null : categoryId.value,
            },
          },
          touches,
        )
        .then((r) => ({ data: r.data?.importQuestions, error: r.error })),
  });

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
