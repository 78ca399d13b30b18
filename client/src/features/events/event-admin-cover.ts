import { EventLimits } from '@palma/shared';

/** Image types the server accepts for a cover (it checks the bytes, too). */
export const COVER_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];

export type CoverProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be a cover, or null when it may be sent. */
export function coverFileProblem(file: { type: string; size: number }): CoverProblem | null {
  if (file.size === 0) return 'empty';
  if (!COVER_TYPES.includes(file.type)) return 'type';
  if (file.size > EventLimits.coverBytesMax) return 'size';
  return null;
}

export type CoverUploadProblem = CoverProblem | 'forbidden' | 'notFound' | 'network' | 'failed';

/** What an upload's HTTP status means for the organiser. */
export function coverUploadProblem(status: number): CoverUploadProblem | null {
  if (status >= 200 && status < 300) return null;
  if (status === 415) return 'type';
  if (status === 413) return 'size';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  return 'failed';
}

/** The size limit in whole megabytes, for the hint. */
export const COVER_MAX_MB = Math.round(EventLimits.coverBytesMax / (1024 * 1024));
