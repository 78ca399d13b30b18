import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useCheckedImport, type ImportRunResult } from './useCheckedImport';

interface Report {
  dryRun: boolean;
  errors: string[];
  rows: number;
}

const clean = (dryRun: boolean, rows = 2): Report => ({ dryRun, errors: [], rows });
const messages = {
  chooseFile: () => 'choose a file',
  tooLarge: (mb: number) => `at most ${mb} MB`,
  unreadable: () => 'unreadable',
  failed: (error: unknown) => `failed: ${String(error)}`,
};
/** "a,b" — and its bytes in base64, as the server receives them. */
const csv = () => new File(['a,b'], 'people.csv', { type: 'text/csv' });
const CSV_BASE64 = 'YSxi';

let scope = effectScope();
afterEach(() => scope.stop());

function start(
  answer: (content: string, dryRun: boolean) => ImportRunResult<Report>,
  extra: { maxBytes?: number; applicable?: (r: Report) => boolean } = {},
) {
  const run = vi.fn(async (content: string, dryRun: boolean) => answer(content, dryRun));
  const target = ref('top');
  scope = effectScope();
  const flow = scope.run(() =>
    useCheckedImport<Report>({
      maxBytes: extra.maxBytes ?? 1024 * 1024,
      messages,
      run,
      resetOn: [target],
      applicable: extra.applicable,
    }),
  )!;
  /** Picks a file as the field does: the form has settled by the time anyone clicks. */
  async function choose(file: File) {
    flow.file.value = file;
    await nextTick();
  }
  return { flow, run, target, choose };
}

describe('useCheckedImport', () => {
  it('asks for a file before anything is sent', async () => {
    const { flow, run } = start(() => ({ data: clean(true) }));
    await flow.check();
    expect(flow.error.value).toBe('choose a file');
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a file over the size limit without reading it', async () => {
    const { flow, run, choose } = start(() => ({ data: clean(true) }), { maxBytes: 2 * 1024 * 1024 });
    const arrayBuffer = vi.fn();
    await choose({ size: 2 * 1024 * 1024 + 1, arrayBuffer } as unknown as File);
    await flow.check();
    expect(flow.error.value).toBe('at most 2 MB');
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it('says so when the file cannot be read', async () => {
    const { flow, run, choose } = start(() => ({ data: clean(true) }));
    await choose({ size: 3, arrayBuffer: () => Promise.reject(new Error('gone')) } as unknown as File);
    await flow.check();
    expect(flow.error.value).toBe('unreadable');
    expect(run).not.toHaveBeenCalled();
  });

  it('checks with a dry run, then imports exactly the checked bytes — once per check', async () => {
    const { flow, run, choose } = start((_, dryRun) => ({ data: clean(dryRun) }));
    await choose(csv());
    await flow.check();
    expect(run).toHaveBeenCalledWith(CSV_BASE64, true);
    expect(flow.report.value).toEqual(clean(true));
    expect(flow.canApply.value).toBe(true);

    await Promise.all([flow.apply(), flow.apply()]);
    expect(run).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenLastCalledWith(CSV_BASE64, false);
    expect(flow.report.value).toEqual(clean(false));
    expect(flow.canApply.value).toBe(false);
    await flow.apply();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('offers no import for a report with errors, or one the caller finds empty', async () => {
    const withErrors = start(() => ({ data: { ...clean(true), errors: ['line 2'] } }));
    await withErrors.choose(csv());
    await withErrors.flow.check();
    expect(withErrors.flow.canApply.value).toBe(false);
    await withErrors.flow.apply();
    expect(withErrors.run).toHaveBeenCalledTimes(1);

    const empty = start(() => ({ data: clean(true, 0) }), { applicable: (r) => r.rows > 0 });
    await empty.choose(csv());
    await empty.flow.check();
    expect(empty.flow.report.value).toEqual(clean(true, 0));
    expect(empty.flow.canApply.value).toBe(false);
  });

  it('shows a failed request as the caller words it, with no report', async () => {
    const { flow, choose } = start(() => ({ data: null, error: 'offline' }));
    await choose(csv());
    await flow.check();
    expect(flow.report.value).toBeNull();
    expect(flow.error.value).toBe('failed: offline');
    expect(flow.canApply.value).toBe(false);
  });

  it('keeps the failure of an import, and needs a new check to try again', async () => {
    const { flow, run, choose } = start((_, dryRun) =>
      dryRun ? { data: clean(true) } : { error: 'conflict' },
    );
    await choose(csv());
    await flow.check();
    await flow.apply();
    expect(flow.error.value).toBe('failed: conflict');
    expect(flow.report.value).toBeNull();
    await flow.apply();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('drops the report when the file or anything it depends on changes', async () => {
    const { flow, target, choose } = start(() => ({ data: clean(true) }));
    await choose(csv());
    await flow.check();
    expect(flow.canApply.value).toBe(true);

    target.value = 'a category';
    await nextTick();
    expect(flow.report.value).toBeNull();
    expect(flow.canApply.value).toBe(false);

    await flow.check();
    expect(flow.canApply.value).toBe(true);
    await choose(csv());
    expect(flow.report.value).toBeNull();
    expect(flow.error.value).toBeNull();
    expect(flow.canApply.value).toBe(false);
  });

  it('drops the answer of a check that was still running when the file changed', async () => {
    let answer: (r: ImportRunResult<Report>) => void = () => undefined;
    const { flow, choose, run } = start(() => ({ data: clean(true) }));
    run.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await choose(csv());
    const checking = flow.check();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    // Another file is picked while the server still reads the first one.
    await choose(new File(['c,d'], 'other.csv', { type: 'text/csv' }));
    answer({ data: clean(true) });
    await checking;
    expect(flow.report.value).toBeNull();
    expect(flow.canApply.value).toBe(false);
  });
});
