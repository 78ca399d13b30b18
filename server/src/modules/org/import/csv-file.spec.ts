import { PEOPLE_COLUMNS, PEOPLE_REQUIRED_COLUMNS } from '@palma/shared';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvFileError, decodeCsv, parseCsv } from './csv-file.js';

const korean = '사번,이름,이메일,부서\nP1,김민수,kim@palma.go.kr,감사관\n';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsv(new TextEncoder().encode(korean))).toEqual({ text: korean, encoding: 'UTF-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(korean)]);
    expect(decodeCsv(bom)).toEqual({ text: korean, encoding: 'UTF-8 BOM' });
  });
  it('reads EUC-KR/CP949 as exported by Korean Excel', () => {
    const bytes = iconv.encode(korean + 'P2,똠방각하,x@y.kr,팔마\n', 'cp949');
    const { text, encoding } = decodeCsv(bytes);
    expect(encoding).toBe('CP949');
    expect(text).toContain('김민수');
    expect(text).toContain('똠방각하'); // only in CP949, not in plain EUC-KR
  });
});

describe('parseCsv', () => {
  it('maps Korean headers, reports unknown columns and keeps line numbers', () => {
    const parsed = parseCsv(
      '사번,이름,이메일,부서,비고\n\nP1,김민수,kim@x.kr,감사관,메모\n"P2","이\n영희",lee@x.kr,감사관\nP3,박,p@x.kr,감사관\n',
      PEOPLE_COLUMNS,
      PEOPLE_REQUIRED_COLUMNS,
      100,
    );
    expect(parsed.ignoredColumns).toEqual(['비고']);
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 4, 6]);
    expect(parsed.rows[0].values).toEqual({
      employeeNumber: 'P1',
      name: '김민수',
      email: 'kim@x.kr',
      department: '감사관',
    });
    expect(parsed.rows[1].values.name).toBe('이\n영희');
  });
  it('fails the whole file when a required column is missing', () => {
    expect(() => parseCsv('name,email\nA,a@x.kr\n', PEOPLE_COLUMNS, PEOPLE_REQUIRED_COLUMNS, 100)).toThrow(
      /Missing required column\(s\): employee_number, department/,
    );
  });
  it('fails on broken quoting with the line number', () => {
    try {
      parseCsv(
        'employee_number,name,email,department\nP1,"Kim,a@x.kr,D\n',
        PEOPLE_COLUMNS,
        PEOPLE_REQUIRED_COLUMNS,
        100,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvFileError);
    }
  });
  it('refuses files over the row limit', () => {
    const text = 'employee_number,name,email,department\n' + 'P,N,e@x.kr,D\n'.repeat(3);
    expect(() => parseCsv(text, PEOPLE_COLUMNS, PEOPLE_REQUIRED_COLUMNS, 2)).toThrow(/more than 2 rows/);
  });
});
