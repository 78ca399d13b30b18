import { describe, expect, it } from 'vitest';
import { inlinePieces, previewBlocks } from './markdown-preview';

describe('local Markdown preview', () => {
  it('splits headings, lists, quotes and paragraphs', () => {
    const blocks = previewBlocks(
      '# 청탁금지법\n\n금품 등을\n받지 않습니다.\n\n- 하나\n- 둘\n\n1. 첫째\n> 인용',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote']);
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      inline: [{ kind: 'text', text: '금품 등을 받지 않습니다.' }],
    });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true });
  });

  it('keeps raw HTML as text and links as their text only', () => {
    expect(inlinePieces('<img src=x onerror=alert(1)> [사이트](javascript:alert(1)) **굵게**')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'link', text: '사이트' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: '굵게' },
    ]);
  });
});
