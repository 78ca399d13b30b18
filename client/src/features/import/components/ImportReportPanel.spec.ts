import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { ImportReport } from '../composables/useOrgImport';
import ImportReportPanel from './ImportReportPanel.vue';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    kind: 'PEOPLE',
    dryRun: true,
    applied: false,
    encoding: 'CP949',
    totalRows: 3,
    created: 1,
    updated: 1,
    unchanged: 1,
    ignoredColumns: [],
    errors: [],
    ...overrides,
  };
}

function render(props: { report: ImportReport; canApply: boolean }, locale: 'ko' | 'en' = 'en') {
  return mount(ImportReportPanel, { props, global: { plugins: [createAppI18n(locale)] } });
}

const importButton = (wrapper: ReturnType<typeof render>) =>
  wrapper.findAll('button').filter((b) => b.text() === 'Import' || b.text() === '가져오기');

describe('ImportReportPanel', () => {
  it('lists every bad row with its line, column and translated problem, and offers no import', () => {
    const wrapper = render(
      {
        report: report({
          errors: [
            {
              line: 2,
              column: '이메일',
              code: 'INVALID_VALUE',
              message: 'not a valid email address',
              value: 'kim@',
              relatedLine: null,
            },
            {
              line: 4,
              column: 'department',
              code: 'UNKNOWN_DEPARTMENT',
              message: 'No department matches "X"',
              value: 'X',
              relatedLine: null,
            },
            {
              line: 5,
              column: '사번',
              code: 'DUPLICATE_IN_FILE',
              message: 'Employee number P1 is also on line 2',
              value: 'P1',
              relatedLine: 2,
            },
            {
              line: 6,
              column: null,
              code: 'COLUMN_COUNT',
              message: 'Expected 9 cells, found 3',
              value: null,
              relatedLine: null,
            },
          ],
        }),
        canApply: false,
      },
      'ko',
    );

    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(rows).toEqual([
      ['2', '이메일', '올바르지 않은 값입니다', '입력값: kim@'],
      ['4', 'department', '일치하는 부서가 없습니다', '입력값: X'],
      ['5', '사번', '파일 안에 중복된 값이 있습니다', '2번째 줄과 같은 값입니다: P1'],
      ['6', '—', '열 개수가 머리글과 다릅니다', '—'],
    ]);
    expect(wrapper.find('caption').text()).toBe('문제가 있는 행');
    expect(wrapper.find('[role="status"]').text()).toContain('문제 4건을 찾았습니다');
    expect(wrapper.text()).toContain('아무것도 저장하지 않았습니다');
    expect(importButton(wrapper)).toHaveLength(0);
  });

  it('shows the counts of a clean check and an Import button that asks to apply', async () => {
    const wrapper = render({ report: report({ ignoredColumns: ['note'] }), canApply: true });

    const status = wrapper.find('[role="status"]');
    expect(status.text()).toContain('No problems found');
    expect(status.text()).toContain('People, 3 rows: 1 new, 1 changed, 1 unchanged');
    expect(status.text()).toContain('Encoding: CP949');
    expect(status.text()).toContain('Ignored columns: note');
    expect(wrapper.find('table').exists()).toBe(false);

    const buttons = importButton(wrapper);
    expect(buttons).toHaveLength(1);
    await buttons[0].trigger('click');
    expect(wrapper.emitted('apply')).toHaveLength(1);
  });

  it('reports an applied import without offering to import again', () => {
    const wrapper = render({
      report: report({
        kind: 'DEPARTMENTS',
        dryRun: false,
        applied: true,
        created: 2,
        updated: 0,
        unchanged: 1,
      }),
      canApply: false,
    });
    expect(wrapper.find('h2').text()).toBe('Import result');
    expect(wrapper.find('[role="status"]').text()).toContain(
      'Departments, 3 rows processed: 2 new, 0 changed, 1 unchanged',
    );
    expect(importButton(wrapper)).toHaveLength(0);
  });
});
