import type { BadgeTemplate } from '@palma/shared';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

const SHAPES: Record<BadgeTemplate['shape'], string> = {
  CIRCLE: '<circle cx="128" cy="128" r="112"/>',
  SHIELD: '<path d="M128 16 L224 52 V124 C224 180 184 222 128 242 C72 222 32 180 32 124 V52 Z"/>',
  HEXAGON: '<path d="M128 12 L228 70 V186 L128 244 L28 186 V70 Z"/>',
  STAR: '<path d="M128 10 L160 92 L246 96 L178 150 L202 236 L128 186 L54 236 L78 150 L10 96 L96 92 Z"/>',
};

/**
 * A badge image drawn from its template: the shape in the badge colour with a light ring and the
 * symbol in the middle. Deterministic, so the same template always gives the same bytes.
 */
export function badgeSvg(template: BadgeTemplate, title: string): string {
  const shape = SHAPES[template.shape];
  const symbol = escapeXml(template.symbol);
  const size = [...template.symbol].length > 2 ? 64 : 96;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img"',
    ` aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<g fill="${template.color}" stroke="#ffffff" stroke-width="10" stroke-linejoin="round">${shape}</g>`,
    `<g fill="none" stroke="#000000" stroke-opacity="0.15" stroke-width="2">${shape}</g>`,
    `<text x="128" y="${128 + size * 0.35}" font-size="${size}" text-anchor="middle" fill="#ffffff"`,
    ' font-family="system-ui, sans-serif" font-weight="700">',
    symbol,
    '</text></svg>',
  ].join('');
}

/** PNG signature or an SVG document (without scripts or external references). */
export function imageProblem(bytes: Buffer, contentType: string): string | null {
  if (contentType === 'image/png') {
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return bytes.subarray(0, 8).equals(sig) ? null : 'not a PNG file';
  }
  if (contentType === 'image/svg+xml') {
    const text = bytes.toString('utf8');
    if (!/<svg[\s>]/i.test(text)) return 'not an SVG file';
    if (
      /<script|on\w+\s*=|javascript:|<foreignObject|xlink:href\s*=\s*["']https?:|href\s*=\s*["']https?:/i.test(
        text,
      )
    )
      return 'SVG with scripts or external references';
    return null;
  }
  return 'use PNG or SVG';
}
