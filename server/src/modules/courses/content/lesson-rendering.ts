import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Markdown as authored may contain raw HTML; the sanitiser decides what survives. */
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'pre',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'del',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};

/** Renders learner-facing HTML: Markdown, then an allow-list sanitiser (no script, handlers or javascript:). */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/**
 * True when the sanitiser would have to remove something (tags or attributes outside the
 * allow-list, scripts, event handlers, javascript: links): authors get an error, not silent edits.
 */
export function isUnsafeMarkdown(source: string): boolean {
  // markdown-it leaves a [x](javascript:...) link as text, which is harmless but still a sign of intent.
  if (/\]\(\s*<?\s*(javascript|vbscript|data):/i.test(source)) return true;
  const rendered = markdown.render(source);
  const strict = sanitizeHtml(rendered, { ...SANITIZE, transformTags: {} });
  return normalise(strict) !== normalise(rendered);
}

/** Undoes differences in serialisation only (void tags, entity spelling, whitespace). */
function normalise(html: string): string {
  return html
    .replace(/\s*\/>/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The embeddable player URL for YouTube and Vimeo pages; null for a plain video file. */
export function videoEmbedUrl(url: string): string | null {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^www\./, '');
    if (host === 'youtube.com' || host === 'm.youtube.com') {
      const id = u.searchParams.get('v');
      return id && /^[\w-]{6,20}$/.test(id)
        ? `https://www.youtube-nocookie.com/embed/${id}?enablejsapi=1`
        : null;
    }
    if (host === 'youtu.be') {
      const id = u.pathname.slice(1);
      return /^[\w-]{6,20}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}?enablejsapi=1` : null;
    }
    if (host === 'vimeo.com') {
      const id = u.pathname.split('/').filter(Boolean)[0];
      return id && /^\d+$/.test(id) ? `https://player.vimeo.com/video/${id}` : null;
    }
    return null;
  } catch {
    return null;
  }
}
