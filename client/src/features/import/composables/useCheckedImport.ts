import { computed, shallowRef, watch, type WatchSource } from 'vue';
import { readFileAsBase64 } from '../file-encoding';

/** What every import report says: whether it was a dry run, and what is wrong with the file. */
export interface CheckedReport {
  dryRun: boolean;
  errors: readonly unknown[];
}

/** A report from the server, or the error that came instead (an urql result has this shape). */
export interface ImportRunResult<R> {
  data?: R | null;
  error?: unknown;
}

export interface CheckedImportOptions<R extends CheckedReport> {
  /** The largest file accepted, in bytes: a larger one is refused before it is read. */
  maxBytes: number;
  /** The messages shown, already translated. */
  messages: {
    chooseFile: () => string;
    tooLarge: (mb: number) => string;
    unreadable: () => string;
    /** A failed request (network, permission, a file the server refused). */
    failed: (error: unknown) => string;
  };
  /** Sends the file's exact bytes: a dry run checks them, otherwise they are imported. */
  run: (contentBase64: string, dryRun: boolean) => Promise<ImportRunResult<R>>;
  /** Whatever else the report depends on (a kind, a format, a target): a change discards it. */
  resetOn?: WatchSource[];
  /** What a clean report also needs before it may be imported (say, at least one item). */
  applicable?: (report: R) => boolean;
}

/**
 * Check first, import second: the chosen file is sent as a dry run; only a report without errors
 * offers the real import, which sends exactly the bytes that were checked — once per check.
 */
export function useCheckedImport<R extends CheckedReport>(options: CheckedImportOptions<R>) {
  const { messages } = options;
  const file = shallowRef<File | null>(null);
  const report = shallowRef<R | null>(null);
  const error = shallowRef<string | null>(null);
  // The bytes that were checked, so that the import sends exactly what the report describes.
  const checkedContent = shallowRef<string | null>(null);

  // Bumped whenever the file (or what it depends on) changes: a check still running for the old
  // file then drops its answer instead of offering an import of bytes nobody is looking at.
  let generation = 0;
  function reset() {
    generation += 1;
    report.value = null;
    error.value = null;
    checkedContent.value = null;
  }
  watch([file, ...(options.resetOn ?? [])], reset);

  const canApply = computed(
    () =>
      report.value !== null &&
      report.value.dryRun &&
      report.value.errors.length === 0 &&
      (options.applicable?.(report.value) ?? true) &&
      checkedContent.value !== null,
  );

  async function run(contentBase64: string, dryRun: boolean): Promise<void> {
    const asked = generation;
    const result = await options.run(contentBase64, dryRun);
    if (dryRun && asked !== generation) return;
    if (result.data) {
      report.value = result.data;
    } else {
      report.value = null;
      error.value = messages.failed(result.error);
    }
  }

  async function check(): Promise<void> {
    reset();
    if (!file.value) {
      error.value = messages.chooseFile();
      return;
    }
    if (file.value.size > options.maxBytes) {
      error.value = messages.tooLarge(options.maxBytes / 1024 / 1024);
      return;
    }
    const asked = generation;
    let content: string;
    try {
      content = await readFileAsBase64(file.value);
    } catch {
      error.value = messages.unreadable();
      return;
    }
    if (asked !== generation) return;
    await run(content, true);
    if (asked === generation && report.value) checkedContent.value = content;
  }

  async function apply(): Promise<void> {
    const content = checkedContent.value;
    if (!canApply.value || content === null) return;
    error.value = null;
    // One import per check: a second click must not run it again.
    checkedContent.value = null;
    await run(content, false);
  }

  return { file, report, error, canApply, check, apply };
}
