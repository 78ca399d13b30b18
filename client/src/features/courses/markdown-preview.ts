/**
 * A rough, local preview of Markdown while the author types. It never produces HTML: the text is
 * split into blocks and inline pieces that the template renders as ordinary elements (so nothing
 * the author typed is ever interpreted as markup). The exact rendering is the server's, shown once
 * the lesson is saved.
 */
export type InlinePiece =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  /** A link shows its text only: the preview does not follow addresses. */
  | { kind: 'link'; text: string };

export type PreviewBlock =
  | { kind: 'heading'; level: 2 | 3 | 4; inline: InlinePiece[] }
  | { kind: 'paragraph'; inline: InlinePiece[] }
  | { kind: 'quote'; inline: InlinePiece[] }
  | { kind: 'list'; ordered: boolean; items: InlinePiece[][] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const INLINE =
  /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\((?:[^()]|\([^()]*\))*\))/g;

export function inlinePieces(text: string): InlinePiece[] {
  const pieces: InlinePiece[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) pieces.push({ kind: 'text', text: text.slice(last, at) });
    const token = m[0];
    if (m[1]) pieces.push({ kind: 'code', text: token.slice(1, -1) });
    else if (m[2]) pieces.push({ kind: 'strong', text: token.slice(2, -2) });
    else if (m[3]) pieces.push({ kind: 'em', text: token.slice(1, -1) });
    else pieces.push({ kind: 'link', text: token.slice(1, token.indexOf('](')) });
    last = at + token.length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function previewBlocks(source: string): PreviewBlock[] {
  const blocks: PreviewBlock[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inline: inlinePieces(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let m: RegExpMatchArray | null;
    if (line.trim() === '') {
      flush();
    } else if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !lines[i].trimStart().startsWith('```')) code.push(lines[i]);
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
      flush();
      // The lesson title is the page's heading: Markdown headings start one level below it.
      const level = Math.min(m[1].length + 1, 4) as 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, inline: inlinePieces(m[2]) });
    } else if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
    } else if ((m = line.match(/^\s*>\s?(.*)$/))) {
      flush();
      blocks.push({ kind: 'quote', inline: inlinePieces(m[1]) });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      flush();
      const ordered = NUMBERED.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: InlinePiece[][] = [];
      for (; i < lines.length && (m = lines[i].match(pattern)); i++) items.push(inlinePieces(m[1]));
      i--;
      blocks.push({ kind: 'list', ordered, items });
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
