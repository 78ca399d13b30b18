import { BadgeLimits, type BadgeShape } from '@palma/shared';

/** Image types the server takes for a badge (it checks the bytes, and refuses SVG with scripts). */
export const BADGE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/svg+xml'];
export const BADGE_IMAGE_MAX_KB = Math.round(BadgeLimits.imageBytesMax / 1024);

export type BadgeImageProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be the badge image, or null when it may be sent. */
export function badgeImageFileProblem(file: { type: string; size: number }): BadgeImageProblem | null {
  if (file.size === 0) return 'empty';
  if (!BADGE_IMAGE_TYPES.includes(file.type)) return 'type';
  if (file.size > BadgeLimits.imageBytesMax) return 'size';
  return null;
}

export type BadgeImageUploadProblem =
  BadgeImageProblem | 'invalid' | 'forbidden' | 'notFound' | 'network' | 'failed';

/**
 * What the image endpoint's answer means. Domain errors on plain HTTP routes come back as 400 with
 * `{ code }` (BADGE_IMAGE_INVALID: not a PNG, an SVG with scripts, …).
 */
export function badgeImageUploadProblem(status: number, body: unknown): BadgeImageUploadProblem | null {
  if (status >= 200 && status < 300) return null;
  if (status === 413) return 'size';
  if (status === 415) return 'type';
  if (status === 401 || status === 403) return 'forbidden';
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  if (code === 'BADGE_NOT_FOUND' || status === 404) return 'notFound';
  if (code === 'BADGE_IMAGE_INVALID') return 'invalid';
  return 'failed';
}

/**
 * The generated image's shapes, as the server draws them (256 × 256), so the editor previews the
 * template before it is saved.
 */
export const BADGE_SHAPE_PATHS: Readonly<Record<BadgeShape, string>> = {
  CIRCLE: 'M128 16 A112 112 0 1 1 128 240 A112 112 0 1 1 128 16 Z',
  SHIELD: 'M128 16 L224 52 V124 C224 180 184 222 128 242 C72 222 32 180 32 124 V52 Z',
  HEXAGON: 'M128 12 L228 70 V186 L128 244 L28 186 V70 Z',
  STAR: 'M128 10 L160 92 L246 96 L178 150 L202 236 L128 186 L54 236 L78 150 L10 96 L96 92 Z',
};

/** Font size of the symbol: long symbols get smaller, as on the server. */
export function symbolFontSize(symbol: string): number {
  return [...symbol].length > 2 ? 64 : 96;
}
