import { normaliseHeader } from '@palma/shared';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type CsvEncoding = 'UTF-8' | 'UTF-8 BOM' | 'CP949';

export class CsvFileError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Decodes an uploaded file: UTF-8 with or without BOM, else CP949 (the superset of EUC-KR that
 * Korean Excel and HR systems write). Strict UTF-8 decoding fails on any CP949 Hangul byte pair.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 BOM' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp949'), encoding: 'CP949' };
  }
}

export interface CsvRow<K extends string> {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  values: Partial<Record<K, string>>;
  /** Set when the record has a different number of cells than the header. */
  cellCount: number;
}

export interface ParsedCsv<K extends string> {
  columns: K[];
  /** The header text the file used for each recognised column (for error reports). */
  headerOf: Partial<Record<K, string>>;
  ignoredColumns: string[];
  headerCellCount: number;
  rows: CsvRow<K>[];
}

/**
 * Parses CSV text with a header row, mapping header names (English or Korean aliases) to field
 * keys. Unknown columns are reported and ignored; missing required columns fail the whole file.
 */
export function parseCsv<K extends string>(
  text: string,
  aliases: Record<K, readonly string[]>,
  required: readonly K[],
  maxRows: number,
): ParsedCsv<K> {
  let records: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    records = parse(text, {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new CsvFileError(`The file is not valid CSV: ${e.message}`, e.lines ?? null);
  }
  if (records.length === 0) throw new CsvFileError('The file is empty');
  const lookup = new Map<string, K>();
  for (const key of Object.keys(aliases) as K[]) {
    for (const alias of aliases[key]) lookup.set(normaliseHeader(alias), key);
  }
  const header = records[0].record;
  const columnKeys: (K | null)[] = header.map((h) => lookup.get(normaliseHeader(h)) ?? null);
  const seen = new Set<K>();
  const headerOf: Partial<Record<K, string>> = {};
  for (const [i, key] of columnKeys.entries()) {
    if (!key) continue;
    if (seen.has(key)) throw new CsvFileError(`Column "${header[i]}" appears twice`, 1);
    seen.add(key);
    headerOf[key] = header[i];
  }
  const missing = required.filter((key) => !seen.has(key));
  if (missing.length > 0) {
    const names = missing.map((key) => aliases[key][0]).join(', ');
    throw new CsvFileError(`Missing required column(s): ${names}. Found: ${header.join(', ')}`, 1);
  }
  if (records.length - 1 > maxRows) throw new CsvFileError(`The file has more than ${maxRows} rows`);
  const rows = records.slice(1).map(({ record, info }) => {
    // raw may start with skipped blank lines; count only the newlines inside the record itself.
    const newlines = (
      info.raw
        ?.replace(/^[\r\n]+/, '')
        .replace(/\r?\n$/, '')
        .match(/\n/g) ?? []
    ).length;
    const values: Partial<Record<K, string>> = {};
    columnKeys.forEach((key, i) => {
      if (key) values[key] = record[i] ?? '';
    });
    return { line: info.lines - newlines, values, cellCount: record.length };
  });
  return {
    columns: [...seen],
    headerOf,
    ignoredColumns: header.filter((_, i) => columnKeys[i] === null),
    headerCellCount: header.length,
    rows,
  };
}
