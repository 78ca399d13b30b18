import { z } from 'zod';
import { parseQuestionDraft, type DraftOption, type QuestionDraft } from './question-draft.js';
import { QuestionLimits, type MultipleScoring } from './questions.js';

/*
 * Moodle GIFT import and export (https://docs.moodle.org/en/GIFT_format).
 *
 * The reader follows Moodle's own (question/format/gift/format.php) wherever Moodle is well defined:
 * questions are runs of non-blank lines, every line is trimmed, lines starting with // are comments,
 * the answer block is the first unescaped { up to the first unescaped }, general feedback starts at
 * the last ####, and the question type is decided in Moodle's order (numeric #, any ~ = choice,
 * = with -> = matching, T/TRUE/F/FALSE, else short answer). Where Moodle would silently import
 * something odd (a second { … } block, an unclosed ::title) we report an error instead, because a
 * Palma import is all or nothing and the author should fix the file.
 *
 * GIFT has one language and no place for Palma's extras, so the exporter writes the Korean texts as
 * GIFT and the rest as a one-line JSON comment before the question (`// palma: {…}`), which Moodle
 * ignores. The importer reads it back, so export → import gives the same drafts.
 */

export const GiftErrorCode = {
  /** A `{` whose `}` does not come before the blank line that ends the question (or before the next `{`). */
  UNCLOSED_ANSWER_BLOCK: 'UNCLOSED_ANSWER_BLOCK',
  /** A `}` with no `{` before it, or a second answer block in one question. */
  UNEXPECTED_BRACE: 'UNEXPECTED_BRACE',
  /** `::title` without the closing `::`. */
  UNCLOSED_TITLE: 'UNCLOSED_TITLE',
  /** Essay (`{}`) and description (text without an answer block): Palma has no such questions. */
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  NO_CORRECT_ANSWER: 'NO_CORRECT_ANSWER',
  /** A `%…%` weight above 100, or partial credit in a question with one right answer (`=`). */
  BAD_WEIGHT: 'BAD_WEIGHT',
  /** An answer with no text (`~` followed by nothing). */
  EMPTY_ANSWER: 'EMPTY_ANSWER',
  BAD_NUMBER: 'BAD_NUMBER',
  BAD_MATCH: 'BAD_MATCH',
  /** A question without text. */
  EMPTY_QUESTION: 'EMPTY_QUESTION',
  /** A category name longer than Palma allows. */
  BAD_CATEGORY: 'BAD_CATEGORY',
  BAD_PALMA_COMMENT: 'BAD_PALMA_COMMENT',
  /** The draft failed parseQuestionDraft; the message is `${field}: ${message}`. */
  INVALID_QUESTION: 'INVALID_QUESTION',
  TOO_MANY_QUESTIONS: 'TOO_MANY_QUESTIONS',
} as const;
export type GiftErrorCode = (typeof GiftErrorCode)[keyof typeof GiftErrorCode];

export interface GiftQuestion {
  /** 1-based line where the question's text (or its ::title::) starts. */
  line: number;
  /** From the last `$CATEGORY:` before the question, without Moodle's `$course$/top/`. */
  categoryPath: string[];
  title: string | null;
  draft: QuestionDraft;
}

export interface GiftError {
  line: number;
  /** 1-based, counted in the line as written (indentation included). */
  column?: number;
  code: GiftErrorCode;
  message: string;
  /** The line in question, trimmed and shortened. */
  excerpt?: string;
}

export interface GiftParseResult {
  /** Only questions without errors. Import nothing when `errors` is not empty. */
  questions: GiftQuestion[];
  errors: GiftError[];
}

export interface GiftExportQuestion {
  categoryPath: string[];
  title?: string | null;
  draft: QuestionDraft;
}

// ---------------------------------------------------------------------------------------------
// Escapes

/** Characters that a backslash escapes in GIFT. Any other backslash is an ordinary character. */
const ESCAPABLE = new Set(['~', '=', '#', '{', '}', ':', '\\', 'n']);

/** Index of the first unescaped `needle` at or after `from` (which must not be inside an escape). */
function findUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && ESCAPABLE.has(text[i + 1])) i++;
    else if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Index of the last unescaped `needle` (Moodle's strrpos on the escape-protected text). */
function findLastUnescaped(text: string, needle: string): number {
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && ESCAPABLE.has(text[i + 1])) i++;
    else if (text.startsWith(needle, i)) last = i;
  }
  return last;
}

/** Left to right, so `\\n` is a backslash and an n, and `\\\n` a backslash and a newline. */
function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, ch: string) => (ch === 'n' ? '\n' : ch));
}

/** As Moodle's exporter: every special character escaped, newlines as `\n` so a text stays on one line. */
function escapeGift(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, '\\n');
}

// ---------------------------------------------------------------------------------------------
// Lines and blocks

interface SourceLine {
  /** 1-based. */
  no: number;
  /** Trimmed, as Moodle reads it. */
  text: string;
  /** Characters trimmed from the start, to report columns in the line as written. */
  indent: number;
}

function sourceLines(text: string): SourceLine[] {
  // Old Mac files end lines with a lone CR; Moodle accepts them too.
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      const text = line.trim();
      return { no: i + 1, text, indent: text === '' ? 0 : line.indexOf(text[0]) };
    });
}

/** Questions (and category lines) are separated by blank lines. */
function blocksOf(lines: SourceLine[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let block: SourceLine[] = [];
  for (const line of lines) {
    if (line.text !== '') block.push(line);
    else if (block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

const isComment = (line: SourceLine) => line.text.startsWith('//');
const PALMA_COMMENT = /^\/\/\s*palma:/;

/** The text of one question: its lines joined, with a way back from an offset to line and column. */
class QuestionSource {
  readonly raw: string;
  private readonly starts: number[] = [];

  constructor(private readonly lines: SourceLine[]) {
    let offset = 0;
    for (const line of lines) {
      this.starts.push(offset);
      offset += line.text.length + 1;
    }
    this.raw = lines.map((l) => l.text).join('\n');
  }

  get line(): number {
    return this.lines[0].no;
  }

  locate(offset: number): { line: number; column: number; excerpt: string } {
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i] > offset) i--;
    const line = this.lines[i];
    return {
      line: line.no,
      column: line.indent + (offset - this.starts[i]) + 1,
      excerpt: excerptOf(line.text),
    };
  }
}

const excerptOf = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

// ---------------------------------------------------------------------------------------------
// Texts

type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';
const FORMAT_PREFIX = /^\[(moodle|html|plain|markdown)\]/;

/**
 * A text as Moodle's parse_text_with_format reads it: an optional `[format]` prefix (else the
 * question's format), escapes undone, trimmed. HTML (what Moodle's editor produces) becomes plain
 * text, since Palma shows texts as plain text.
 */
function readText(raw: string, defaultFormat: TextFormat): { text: string; format: TextFormat } {
  let text = raw.trim();
  let format = defaultFormat;
  const prefix = FORMAT_PREFIX.exec(text);
  if (prefix) {
    format = prefix[1] as TextFormat;
    text = text.slice(prefix[0].length);
  }
  text = unescapeGift(text).trim();
  return { text: format === 'html' ? htmlToText(text) : text, format };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// The answer block

/** One answer of a block: its mark (null for text before the first mark) and its raw text. */
interface Piece {
  mark: '=' | '~' | null;
  raw: string;
  /** Offset of the mark (or of the text when there is none) in the question's text. */
  at: number;
}

/**
 * Splits an answer list at every unescaped `=` and `~`. Text before the first mark is kept when
 * it is not blank: Moodle reads it as an answer too (`{Paris}` is a short answer).
 */
function tokenizeAnswers(text: string, at: number): Piece[] {
  const pieces: Piece[] = [];
  let mark: Piece['mark'] = null;
  let start = 0;
  const close = (end: number) => {
    const raw = text.slice(start, end);
    if (mark !== null || raw.trim() !== '') pieces.push({ mark, raw, at: at + (mark ? start - 1 : start) });
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && ESCAPABLE.has(text[i + 1])) i++;
    else if (text[i] === '=' || text[i] === '~') {
      close(i);
      mark = text[i] as '=' | '~';
      start = i + 1;
    }
  }
  close(text.length);
  return pieces;
}

/** A leading `%50%`: the answer's share of the marks in percent (Moodle's answer weight). */
const WEIGHT = /^\s*%(-?\d+(?:\.\d*)?)%/;

function splitWeight(raw: string): { weight: number | null; rest: string } {
  const match = WEIGHT.exec(raw);
  return match ? { weight: Number(match[1]), rest: raw.slice(match[0].length) } : { weight: null, rest: raw };
}

/** `answer#feedback`: the first unescaped # starts the feedback; later ones belong to it. */
function splitFeedback(raw: string): { answer: string; feedback: string | null } {
  const hash = findUnescaped(raw, '#');
  return hash < 0
    ? { answer: raw, feedback: null }
    : { answer: raw.slice(0, hash), feedback: raw.slice(hash + 1) };
}

type Body =
  | { type: 'SINGLE_CHOICE'; options: ReadOption[] }
  | { type: 'MULTIPLE_CHOICE'; options: ReadOption[]; scoring: MultipleScoring }
  | { type: 'TRUE_FALSE'; answer: boolean }
  | { type: 'MATCHING'; pairs: { prompt: string; match: string }[] }
  | { type: 'SHORT_ANSWER'; answers: string[] }
  | { type: 'NUMERIC'; answers: { value: number; tolerance: number }[] };

interface ReadOption {
  text: string;
  feedback: string;
  correct: boolean;
}

interface ReadQuestion {
  title: string | null;
  prompt: string;
  explanation: string;
  body: Body;
}

/** Reports a problem at an offset of the question's text. */
type Fail = (code: GiftErrorCode, at: number, message: string) => void;

/** Reads one question; null after reporting why when it cannot be read. */
function readQuestion(raw: string, fail: Fail): ReadQuestion | null {
  let start = 0;
  let title: string | null = null;
  if (raw.startsWith('::')) {
    const end = findUnescaped(raw, '::', 2);
    if (end < 0) {
      fail('UNCLOSED_TITLE', 0, 'the title opened with :: is not closed with :: (write \\: for a colon)');
      return null;
    }
    title = unescapeGift(raw.slice(2, end)).trim() || null;
    start = end + 2;
  }

  const open = findUnescaped(raw, '{', start);
  const close = findUnescaped(raw, '}', start);
  if (close >= 0 && (open < 0 || close < open)) {
    fail('UNEXPECTED_BRACE', close, 'a } without an opening { (write \\} for a brace in text)');
    return null;
  }
  if (open < 0) {
    if (readText(raw.slice(start), 'moodle').text === '')
      fail('EMPTY_QUESTION', start, 'the question has no text');
    else
      fail('UNSUPPORTED_TYPE', start, 'text without an answer block { … } is a description, not a question');
    return null;
  }
  const nextOpen = findUnescaped(raw, '{', open + 1);
  if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
    fail(
      'UNCLOSED_ANSWER_BLOCK',
      open,
      'this { is not closed with } before the end of the question (a blank line ends a question)',
    );
    return null;
  }
  const extra = [findUnescaped(raw, '{', close + 1), findUnescaped(raw, '}', close + 1)].filter(
    (i) => i >= 0,
  );
  if (extra.length > 0) {
    fail(
      'UNEXPECTED_BRACE',
      Math.min(...extra),
      'a second answer block: separate questions with a blank line (write \\{ \\} for braces in text)',
    );
    return null;
  }

  // Text after the block means the block stands for a word in the sentence (Moodle's "missing word").
  const after = raw.slice(close + 1);
  const promptRaw = raw.slice(start, open) + (after.trim() === '' ? '' : `_____${after}`);
  const prompt = readText(promptRaw, 'moodle');
  if (prompt.text === '') {
    fail('EMPTY_QUESTION', start, 'the question has no text');
    return null;
  }

  let answers = raw.slice(open + 1, close);
  let explanation = '';
  const general = findLastUnescaped(answers, '####');
  if (general >= 0) {
    explanation = readText(answers.slice(general + 4), prompt.format).text;
    answers = answers.slice(0, general);
  }
  const body = readBody(answers, open + 1, open, prompt.format, fail);
  return body && { title, prompt: prompt.text, explanation, body };
}

/** The answers of a block (general feedback removed), typed in Moodle's order. */
function readBody(answers: string, at: number, blockAt: number, format: TextFormat, fail: Fail): Body | null {
  const trimmed = answers.trim();
  const offset = at + answers.length - answers.trimStart().length;
  if (trimmed === '') {
    fail('UNSUPPORTED_TYPE', blockAt, 'an essay question ({}) is not supported');
    return null;
  }
  if (trimmed.startsWith('#'))
    return readNumeric(tokenizeAnswers(trimmed.slice(1), offset + 1), blockAt, fail);
  const pieces = tokenizeAnswers(trimmed, offset);
  if (pieces.some((p) => p.mark === '~')) return readChoice(pieces, blockAt, format, fail);
  if (pieces.some((p) => p.mark === '=') && trimmed.includes('->'))
    return readMatching(pieces, blockAt, format, fail);
  if (pieces.length === 1 && pieces[0].mark === null) {
    // Moodle compares the words exactly: {true} is a short answer "true".
    const word = splitFeedback(pieces[0].raw).answer.trim();
    if (['T', 'TRUE', 'F', 'FALSE'].includes(word)) return { type: 'TRUE_FALSE', answer: word[0] === 'T' };
  }
  return readShortAnswer(pieces, blockAt, format, fail);
}

function readChoice(pieces: Piece[], blockAt: number, format: TextFormat, fail: Fail): Body | null {
  // With an = the question has one right answer (radio buttons); without, the weights decide (check boxes).
  const single = pieces.some((p) => p.mark === '=');
  const options: (ReadOption & { weight: number; at: number })[] = [];
  let ok = true;
  for (const piece of pieces) {
    // Moodle reads no weight after =: "=%50%" is an answer whose text starts with %50%.
    const { weight, rest } = piece.mark === '=' ? { weight: 100, rest: piece.raw } : splitWeight(piece.raw);
    const { answer, feedback } = splitFeedback(rest);
    const text = readText(answer, format).text;
    if (weight !== null && Math.abs(weight) > 100) {
      fail('BAD_WEIGHT', piece.at, `a weight must be between -100% and 100%, not ${weight}%`);
      ok = false;
    } else if (text === '') {
      fail('EMPTY_ANSWER', piece.at, 'an answer without text');
      ok = false;
    } else {
      const w = weight ?? 0;
      options.push({
        text,
        feedback: feedback === null ? '' : readText(feedback, format).text,
        correct: w > 0,
        weight: w,
        at: piece.at,
      });
    }
  }
  if (!ok) return null;
  const strip = ({ text, feedback, correct }: ReadOption): ReadOption => ({ text, feedback, correct });
  if (single) {
    const partial = options.find((o) => o.weight > 0 && o.weight < 100);
    if (partial) {
      fail(
        'BAD_WEIGHT',
        partial.at,
        'partial credit needs every answer weighted with ~%…% (multiple choice); with = there is one right answer',
      );
      return null;
    }
    return { type: 'SINGLE_CHOICE', options: options.map((o) => strip({ ...o, correct: o.weight === 100 })) };
  }
  if (!options.some((o) => o.correct)) {
    fail(
      'NO_CORRECT_ANSWER',
      blockAt,
      'no answer is marked right: use = for the right answer, or ~%50% weights',
    );
    return null;
  }
  const fractional = options.some((o) => ![0, 100, -100].includes(o.weight));
  return {
    type: 'MULTIPLE_CHOICE',
    options: options.map(strip),
    scoring: fractional ? 'PARTIAL' : 'ALL_OR_NOTHING',
  };
}

function readMatching(pieces: Piece[], blockAt: number, format: TextFormat, fail: Fail): Body | null {
  const pairs: { prompt: string; match: string }[] = [];
  let ok = true;
  for (const piece of pieces) {
    // The first -> splits: a prompt cannot contain one, its match can.
    const arrow = piece.raw.indexOf('->');
    const prompt = arrow < 0 ? '' : readText(piece.raw.slice(0, arrow), format).text;
    const match = arrow < 0 ? '' : unescapeGift(piece.raw.slice(arrow + 2)).trim();
    const problem =
      arrow < 0
        ? 'a pair needs -> between the question and its match'
        : prompt === ''
          ? 'a match without a question (an extra wrong match) is not supported'
          : match === ''
            ? 'nothing after ->'
            : null;
    if (problem) {
      fail('BAD_MATCH', piece.at, problem);
      ok = false;
    } else pairs.push({ prompt, match });
  }
  if (!ok) return null;
  if (pairs.length < 2) {
    fail('BAD_MATCH', blockAt, 'a matching question needs at least two pairs (=question -> match)');
    return null;
  }
  return { type: 'MATCHING', pairs };
}

function readShortAnswer(pieces: Piece[], blockAt: number, format: TextFormat, fail: Fail): Body | null {
  const answers: string[] = [];
  let ok = true;
  for (const piece of pieces) {
    const { weight, rest } = splitWeight(piece.raw);
    const text = readText(splitFeedback(rest).answer, format).text;
    if (text === '') {
      fail('EMPTY_ANSWER', piece.at, 'an answer without text');
      ok = false;
    }
    // Palma accepts an answer or not: answers worth less than full marks are left out.
    else if (weight === null || weight === 100) answers.push(text);
  }
  if (!ok) return null;
  if (answers.length === 0) {
    fail('NO_CORRECT_ANSWER', blockAt, 'no answer earns full marks (=answer or =%100%answer)');
    return null;
  }
  return { type: 'SHORT_ANSWER', answers };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function readNumeric(pieces: Piece[], blockAt: number, fail: Fail): Body | null {
  const answers: { value: number; tolerance: number }[] = [];
  let ok = true;
  let partial = false;
  for (const piece of pieces) {
    // After ~ comes feedback for any other answer; Palma has no place for it.
    if (piece.mark === '~') continue;
    const { weight, rest } = splitWeight(piece.raw);
    if (weight !== null && weight !== 100) {
      partial = true;
      continue;
    }
    const answer = numericAnswerOf(splitFeedback(rest).answer);
    if (typeof answer === 'string') {
      fail('BAD_NUMBER', piece.at, answer);
      ok = false;
    } else answers.push(answer);
  }
  if (!ok) return null;
  if (answers.length === 0) {
    if (partial) fail('NO_CORRECT_ANSWER', blockAt, 'no answer earns full marks (=value or =%100%value)');
    else fail('BAD_NUMBER', blockAt, 'a numeric question needs a number: {#3.14:0.01}, {#1..5} or {#=3 =4}');
    return null;
  }
  return { type: 'NUMERIC', answers };
}

/** `value`, `value:tolerance` or `min..max` (the middle, give or take half the width). */
function numericAnswerOf(raw: string): { value: number; tolerance: number } | string {
  const text = unescapeGift(raw).trim();
  const number = (s: string) => (NUMBER.test(s.trim()) ? Number(s.trim()) : null);
  const range = text.indexOf('..');
  if (range > 0) {
    const min = number(text.slice(0, range));
    const max = number(text.slice(range + 2));
    if (min === null || max === null) return `not a range of numbers: "${text}" (write 1..5)`;
    if (min > max) return `the range ${text} starts above its end`;
    const value = (min + max) / 2;
    return { value, tolerance: max - value };
  }
  const colon = findUnescaped(raw, ':');
  const [valueText, toleranceText] = colon > 0 ? [raw.slice(0, colon), raw.slice(colon + 1)] : [raw, '0'];
  const value = number(unescapeGift(valueText));
  const tolerance = number(unescapeGift(toleranceText));
  if (value === null || tolerance === null)
    return `not a number: "${text}" (write 3.14 or 3.14:0.01, with a dot)`;
  if (tolerance < 0) return `a tolerance cannot be negative: "${text}"`;
  return { value, tolerance };
}

// ---------------------------------------------------------------------------------------------
// Categories and Moodle's tag comments

/**
 * Moodle's category path: names separated by /, a // inside a name is a slash, and a leading
 * context (`$course$/`) and `top` name the root, which in Palma is the import's own category.
 */
function readCategoryPath(spec: string): string[] {
  const names = spec
    .trim()
    .replace(/^\$[a-z]+\$(?:\/|$)/, '')
    .split(/(?<!\/)\/(?!\/)/)
    .map((name) => name.replaceAll('//', '/').trim())
    .filter((name) => name !== '');
  if (names[0] === 'top') names.shift();
  return names;
}

/** The inverse, as Moodle writes it (a name starting or ending with / is padded with a space). */
function writeCategoryPath(names: string[]): string {
  const escaped = names.map((name) => {
    const n = name.replace(/[\r\n]+/g, ' ').replaceAll('/', '//');
    return `${n.startsWith('/') ? ' ' : ''}${n}${n.endsWith('/') ? ' ' : ''}`;
  });
  return ['$course$', 'top', ...escaped].join('/');
}

/** Moodle (3.6+) writes a question's tags into its comment as `[tag:name]`. */
function moodleTagsOf(comments: SourceLine[]): string[] {
  const tags: string[] = [];
  for (const line of comments) {
    if (PALMA_COMMENT.test(line.text)) continue;
    for (const match of line.text.matchAll(/\[tag:((?:\\\]|[^\]])+)\]/g))
      tags.push(match[1].replaceAll('\\]', ']').trim());
  }
  return tags.filter((t) => t !== '');
}

// ---------------------------------------------------------------------------------------------
// The palma comment

const palmaCommentSchema = z.object({
  en: z
    .object({
      prompt: z.string(),
      explanation: z.string(),
      options: z.array(z.object({ text: z.string(), feedback: z.string() }).partial()),
      pairs: z.array(z.object({ prompt: z.string(), match: z.string() }).partial()),
    })
    .partial()
    .optional(),
  difficulty: z.enum(['EASY', 'MEDIUM', 'HARD']).optional(),
  points: z.number().optional(),
  tags: z.array(z.string()).optional(),
  patterns: z.array(z.string()).optional(),
  scoring: z.enum(['ALL_OR_NOTHING', 'PARTIAL']).optional(),
  image: z.string().nullable().optional(),
});
/** What GIFT cannot carry. English texts left out are the Korean ones. */
type PalmaComment = z.output<typeof palmaCommentSchema>;

function readPalmaComment(text: string): PalmaComment | string {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(PALMA_COMMENT, ''));
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const parsed = palmaCommentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'comment'}: ${i.message}`).join('; ');
}

/** The draft of a read question, with the palma comment or Palma's defaults; a string says what does not fit. */
function buildDraft(
  q: ReadQuestion,
  palma: PalmaComment | null,
  moodleTags: string[],
): QuestionDraft | string {
  const en = palma?.en ?? {};
  const { body } = q;
  const draft: QuestionDraft = {
    type: body.type,
    promptKo: q.prompt,
    promptEn: en.prompt ?? q.prompt,
    explanationKo: q.explanation,
    explanationEn: en.explanation ?? q.explanation,
    imageUrl: palma?.image ?? null,
    difficulty: palma?.difficulty ?? 'MEDIUM',
    points: palma?.points ?? 1,
    tags: palma?.tags ?? moodleTags,
  };
  // The comment may have been written for another version of the question (files get edited by hand).
  const choice = body.type === 'SINGLE_CHOICE' || body.type === 'MULTIPLE_CHOICE';
  if (en.options && !(choice && en.options.length === body.options.length))
    return `en.options has ${en.options.length} entries but the question has ${choice ? body.options.length : 'no'} options`;
  if (en.pairs && !(body.type === 'MATCHING' && en.pairs.length === body.pairs.length))
    return `en.pairs has ${en.pairs.length} entries but the question has ${body.type === 'MATCHING' ? body.pairs.length : 'no'} pairs`;
  if (palma?.scoring && body.type !== 'MULTIPLE_CHOICE')
    return 'scoring is only for multiple-choice questions';
  if (palma?.patterns?.length && body.type !== 'SHORT_ANSWER')
    return 'patterns are only for short-answer questions';

  switch (body.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const options: DraftOption[] = body.options.map((o, i) => ({
        textKo: o.text,
        textEn: en.options?.[i].text ?? o.text,
        correct: o.correct,
        feedbackKo: o.feedback,
        feedbackEn: en.options?.[i].feedback ?? o.feedback,
      }));
      return body.type === 'SINGLE_CHOICE'
        ? { ...draft, options }
        : { ...draft, options, multipleScoring: palma?.scoring ?? body.scoring };
    }
    case 'TRUE_FALSE':
      return { ...draft, trueFalseAnswer: body.answer };
    case 'MATCHING':
      return {
        ...draft,
        matchingPairs: body.pairs.map((p, i) => ({
          promptKo: p.prompt,
          promptEn: en.pairs?.[i].prompt ?? p.prompt,
          matchKo: p.match,
          matchEn: en.pairs?.[i].match ?? p.match,
        })),
      };
    case 'SHORT_ANSWER':
      return { ...draft, acceptedAnswers: body.answers, acceptedPatterns: palma?.patterns ?? [] };
    case 'NUMERIC':
      return { ...draft, numericAnswers: body.answers };
  }
}

// ---------------------------------------------------------------------------------------------
// Import

/** Reads a GIFT file. Every problem is reported (line and, where useful, column), not just the first. */
export function parseGift(text: string, options: { maxQuestions?: number } = {}): GiftParseResult {
  const maxQuestions = options.maxQuestions ?? QuestionLimits.importQuestionsMax;
  const questions: GiftQuestion[] = [];
  const errors: GiftError[] = [];
  const lineError = (line: SourceLine, code: GiftErrorCode, message: string) =>
    errors.push({ line: line.no, column: line.indent + 1, code, message, excerpt: excerptOf(line.text) });
  let categoryPath: string[] = [];
  // Palma comments in a block of their own wait for the next question.
  let pending: SourceLine[] = [];
  let count = 0;
  let ids = 0;
  const newId = () => `x${++ids}`;

  for (const block of blocksOf(sourceLines(text))) {
    const comments = block.filter(isComment);
    let content = block.filter((line) => !isComment(line));
    const palmaLines = comments.filter((line) => PALMA_COMMENT.test(line.text));

    // Moodle wants a blank line after $CATEGORY; a question right below it is read as a question.
    if (content[0]?.text.startsWith('$CATEGORY:')) {
      categoryPath = readCategoryPath(content[0].text.slice('$CATEGORY:'.length));
      if (categoryPath.some((name) => name.length > QuestionLimits.categoryNameMax))
        lineError(
          content[0],
          'BAD_CATEGORY',
          `a category name is at most ${QuestionLimits.categoryNameMax} characters`,
        );
      content = content.slice(1);
    }
    if (content.length === 0) {
      pending.push(...palmaLines);
      continue;
    }
    if (++count > maxQuestions) {
      lineError(content[0], 'TOO_MANY_QUESTIONS', `more than ${maxQuestions} questions: split the file`);
      pending = [];
      break;
    }

    const source = new QuestionSource(content);
    const before = errors.length;
    const read = readQuestion(source.raw, (code, at, message) => {
      const { line, column, excerpt } = source.locate(at);
      errors.push({ line, column, code, message, excerpt });
    });

    const palmaFor = [...pending, ...palmaLines];
    pending = [];
    let palma: PalmaComment | null = null;
    for (const [i, line] of palmaFor.entries()) {
      const comment = readPalmaComment(line.text);
      if (i > 0) lineError(line, 'BAD_PALMA_COMMENT', 'a second palma comment for the same question');
      else if (typeof comment === 'string') lineError(line, 'BAD_PALMA_COMMENT', comment);
      else palma = comment;
    }

    if (!read || errors.length > before) continue;
    const draft = buildDraft(read, palma, moodleTagsOf(comments));
    if (typeof draft === 'string') {
      lineError(palmaFor[0], 'BAD_PALMA_COMMENT', draft);
      continue;
    }
    const checked = parseQuestionDraft(draft, newId);
    if (!checked.ok) {
      for (const p of checked.problems) lineError(content[0], 'INVALID_QUESTION', `${p.field}: ${p.message}`);
      continue;
    }
    questions.push({ line: source.line, categoryPath, title: read.title, draft });
  }
  for (const line of pending)
    lineError(line, 'BAD_PALMA_COMMENT', 'a palma comment not followed by a question');
  errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { questions, errors };
}

// ---------------------------------------------------------------------------------------------
// Export

/**
 * Writes questions as GIFT, in order, with a `$CATEGORY:` line wherever the category changes.
 * ORDERING questions (GIFT has none) and short answers that only have patterns (GIFT needs a
 * plain answer) are left out and counted in `skipped`, as are the rare texts GIFT cannot hold
 * (a -> in a matching prompt or a short answer, since GIFT cannot escape it).
 */
export function toGift(questions: GiftExportQuestion[]): { text: string; skipped: number } {
  const chunks: string[] = [];
  let skipped = 0;
  let category: string[] = [];
  for (const q of questions) {
    const gift = writeQuestion(q.draft);
    if (gift === null) {
      skipped++;
      continue;
    }
    if (q.categoryPath.join('\n') !== category.join('\n')) {
      chunks.push(`$CATEGORY: ${writeCategoryPath(q.categoryPath)}`);
      category = q.categoryPath;
    }
    const palma = palmaCommentOf(q.draft);
    const title = q.title?.trim() ? `::${escapeGift(q.title.trim())}::` : '';
    chunks.push(`${palma ? `// palma: ${JSON.stringify(palma)}\n` : ''}${title}${gift}`);
  }
  return { text: chunks.length > 0 ? `${chunks.join('\n\n')}\n` : '', skipped };
}

/**
 * An escaped text that Moodle reads back unchanged: a leading `[html]` would be taken for a format
 * and a leading // (on the question's first line) for a comment, so such texts get `[moodle]`.
 */
function giftText(text: string | null | undefined): string {
  const escaped = escapeGift((text ?? '').trim());
  return FORMAT_PREFIX.test(escaped) || escaped.startsWith('//') ? `[moodle]${escaped}` : escaped;
}

/** An answer after ~ or = whose text would be read as a weight gets an explicit one first. */
const guardWeight = (text: string, weight: string) => (WEIGHT.test(text) ? `%${weight}%${text}` : text);

const withFeedback = (o: DraftOption) => (o.feedbackKo?.trim() ? `#${giftText(o.feedbackKo)}` : '');

/** Weights as Moodle lists them (33.33333, 12.5): five decimals at most. */
const percent = (share: number) => String(Number((100 * share).toFixed(5)));

/** The question's text and answer block, or null when GIFT cannot express it. */
function writeQuestion(draft: QuestionDraft): string | null {
  const prompt = giftText(draft.promptKo);
  const general = draft.explanationKo?.trim() ? `####${giftText(draft.explanationKo)}` : '';
  const block = (lines: string[]) =>
    `${prompt} {\n${[...lines, general]
      .filter((l) => l !== '')
      .map((l) => `\t${l}\n`)
      .join('')}}`;
  const options = draft.options ?? [];
  switch (draft.type) {
    case 'SINGLE_CHOICE':
      return block(
        options.map(
          (o) =>
            (o.correct ? `=${giftText(o.textKo)}` : `~${guardWeight(giftText(o.textKo), '0')}`) +
            withFeedback(o),
        ),
      );
    case 'MULTIPLE_CHOICE': {
      // Right answers share the marks; wrong ones take back a share of them (Palma's PARTIAL), or all
      // of them (the nearest Moodle has to ALL_OR_NOTHING). The palma comment carries the exact rule.
      const right = options.filter((o) => o.correct).length;
      const wrong = options.length - right;
      const weightOf = (o: DraftOption) =>
        o.correct
          ? percent(1 / right)
          : draft.multipleScoring === 'PARTIAL'
            ? `-${percent(1 / wrong)}`
            : '-100';
      return block(options.map((o) => `~%${weightOf(o)}%${giftText(o.textKo)}${withFeedback(o)}`));
    }
    case 'TRUE_FALSE':
      return `${prompt} {${draft.trueFalseAnswer ? 'TRUE' : 'FALSE'}${general}}`;
    case 'MATCHING': {
      const pairs = draft.matchingPairs ?? [];
      if (pairs.some((p) => p.promptKo.includes('->'))) return null;
      return block(pairs.map((p) => `=${giftText(p.promptKo)} -> ${escapeGift(p.matchKo.trim())}`));
    }
    case 'SHORT_ANSWER': {
      const answers = draft.acceptedAnswers ?? [];
      // With a -> Moodle (and this reader) would take the question for a matching one.
      if (answers.length === 0 || answers.some((a) => a.includes('->'))) return null;
      return block(answers.map((a) => `=${guardWeight(giftText(a), '100')}`));
    }
    case 'NUMERIC':
      return `${prompt} {#\n${[
        ...(draft.numericAnswers ?? []).map((a) => `=${a.value}:${a.tolerance}`),
        general,
      ]
        .filter((l) => l !== '')
        .map((l) => `\t${l}\n`)
        .join('')}}`;
    case 'ORDERING':
      return null;
  }
}

/** What GIFT cannot carry; null when that is nothing (then the defaults give the same draft back). */
function palmaCommentOf(draft: QuestionDraft): PalmaComment | null {
  const same = (ko: string | null | undefined, en: string | null | undefined) =>
    (ko ?? '').trim() === (en ?? '').trim();
  const en: NonNullable<PalmaComment['en']> = {};
  if (!same(draft.promptKo, draft.promptEn)) en.prompt = draft.promptEn.trim();
  if (!same(draft.explanationKo, draft.explanationEn)) en.explanation = (draft.explanationEn ?? '').trim();
  const options =
    draft.type === 'SINGLE_CHOICE' || draft.type === 'MULTIPLE_CHOICE' ? (draft.options ?? []) : [];
  if (options.some((o) => !same(o.textKo, o.textEn) || !same(o.feedbackKo, o.feedbackEn)))
    en.options = options.map((o) => ({
      ...(same(o.textKo, o.textEn) ? {} : { text: o.textEn.trim() }),
      ...(same(o.feedbackKo, o.feedbackEn) ? {} : { feedback: (o.feedbackEn ?? '').trim() }),
    }));
  const pairs = draft.type === 'MATCHING' ? (draft.matchingPairs ?? []) : [];
  if (pairs.some((p) => !same(p.promptKo, p.promptEn) || !same(p.matchKo, p.matchEn)))
    en.pairs = pairs.map((p) => ({
      ...(same(p.promptKo, p.promptEn) ? {} : { prompt: p.promptEn.trim() }),
      ...(same(p.matchKo, p.matchEn) ? {} : { match: p.matchEn.trim() }),
    }));

  const comment: PalmaComment = {};
  if (Object.keys(en).length > 0) comment.en = en;
  if (draft.difficulty !== 'MEDIUM') comment.difficulty = draft.difficulty;
  if (draft.points !== 1) comment.points = draft.points;
  if (draft.tags.length > 0) comment.tags = draft.tags;
  if (draft.type === 'SHORT_ANSWER' && draft.acceptedPatterns?.length)
    comment.patterns = draft.acceptedPatterns;
  // Always: without it the reader guesses the rule from the weights, which cannot tell them apart.
  if (draft.type === 'MULTIPLE_CHOICE') comment.scoring = draft.multipleScoring ?? 'ALL_OR_NOTHING';
  if (draft.imageUrl) comment.image = draft.imageUrl;
  return Object.keys(comment).length > 0 ? comment : null;
}
