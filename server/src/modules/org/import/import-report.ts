import type { ImportRowErrorCode } from '@palma/shared';

export interface ImportRowProblem {
  line: number;
  /** The column header as written in the file; null for a whole-row problem. */
  column: string | null;
  code: ImportRowErrorCode;
  /** English explanation (for logs and API users); clients translate from code, value and relatedLine. */
  message: string;
  /** The cell as written in the file (at most 100 characters); null for a whole-row problem. */
  value: string | null;
  /** For duplicates: the line where the value first appeared. */
  relatedLine: number | null;
}

export interface ImportCounts {
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
}
