import { describe, expect, it } from 'vitest';
import { isUnsafeMarkdown, renderMarkdown, videoEmbedUrl } from './lesson-rendering.js';

describe('Markdown safety', () => {
  const safe = [
    '# 청탁금지법\n\n공직자는 **1회 100만 원**을 초과하는 금품을 받을 수 없습니다.',
    '- 식사 3만 원\n- 선물 5만 원 (농수산물 15만 원)\n\n> 원활한 직무수행 목적',
    '[국민권익위원회](https://www.acrc.go.kr) 와 <https://www.law.go.kr>',
    '| 구분 | 한도 |\n|---|---|\n| 경조사비 | 5만 원 |',
    '![포스터](https://example.org/a.png "청렴")\n\n`code` and\n\n```\npre\n```',
    'Quotes "like this" and it\'s & more < less',
  ];
  it.each(safe)('accepts ordinary Markdown: %s', (source) => {
    expect(isUnsafeMarkdown(source)).toBe(false);
  });

  const unsafe = [
    '<script>alert(1)</script>',
    'Hello <img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '[click](javascript:alert(1))',
    '[click](<javascript:alert(1)>)',
    '<iframe src="https://evil.example"></iframe>',
    '<div style="position:fixed">overlay</div>',
    '<svg onload="alert(1)"></svg>',
  ];
  it.each(unsafe)('refuses unsafe content: %s', (source) => {
    expect(isUnsafeMarkdown(source)).toBe(true);
  });

  it('renders without scripts or handlers even if unsafe content got stored', () => {
    const html = renderMarkdown(
      '<script>x()</script>\n\n<img src="https://a/b.png" onerror="x()">\n\n[a](https://a.kr)',
    );
    expect(html).not.toMatch(/script|onerror/);
    expect(html).toContain('<a href="https://a.kr" rel="noopener noreferrer" target="_blank">a</a>');
  });
});

describe('video embeds', () => {
  it('turns YouTube and Vimeo pages into player URLs and leaves files alone', () => {
    expect(videoEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1',
    );
    expect(videoEmbedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1',
    );
    expect(videoEmbedUrl('https://vimeo.com/123456')).toBe('https://player.vimeo.com/video/123456');
    expect(videoEmbedUrl('https://cdn.palma.go.kr/integrity.mp4')).toBeNull();
  });
});
