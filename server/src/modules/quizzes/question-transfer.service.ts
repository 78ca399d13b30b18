import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  draftOf,
  parseGift,
  parseQuestionDraft,
  QuestionLimits,
  toGift,
  type QuestionBody,
  type QuestionDifficulty,
  type QuestionDraft,
  type QuestionMeta,
} from '@palma/shared';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { CsvFileError, decodeCsv, parseCsv } from '../org/import/csv-file.js';
import { QuestionCategory } from './entities/question-category.entity.js';
import { Question } from './entities/question.entity.js';
import type {
  QuestionExport,
  QuestionImportError,
  QuestionImportFormat,
  QuestionImportReport,
} from './models/question-bank.models.js';
import { newLocalId, QuestionBankService } from './question-bank.service.js';

/** One question read from a file, before it is written. */
interface Incoming {
  line: number;
  categoryPath: string[];
  meta: QuestionMeta;
  body: QuestionBody;
  /** The question as written in the file (before ids are made), for the import's idempotency. */
  draft: QuestionDraft;
}

/**
 * The id a question from a file gets: a UUID made from the target category, its path and the
 * question as written. Importing the same file again (a retry, a double click) finds every
 * question already there and creates nothing; an edited question is a new one.
 */
function importedId(rootId: string | null, q: Incoming): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([rootId, q.categoryPath, q.draft]))
    .digest('hex');
  // Shaped as a version-8 (custom) UUID: 8-4-4-4-12 with the version and variant bits set.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const CSV_COLUMNS = {
  type: ['type', '유형'],
  category: ['category', '분류', '카테고리'],
  promptKo: ['prompt_ko', 'prompt', '문제', '문항'],
  promptEn: ['prompt_en', '문제(영어)', '문제 영어'],
  option1: ['option1', '보기1'],
  option2: ['option2', '보기2'],
  option3: ['option3', '보기3'],
  option4: ['option4', '보기4'],
  option5: ['option5', '보기5'],
  option6: ['option6', '보기6'],
  option1En: ['option1_en', '보기1(영어)'],
  option2En: ['option2_en', '보기2(영어)'],
  option3En: ['option3_en', '보기3(영어)'],
  option4En: ['option4_en', '보기4(영어)'],
  option5En: ['option5_en', '보기5(영어)'],
  option6En: ['option6_en', '보기6(영어)'],
  answer: ['answer', '정답'],
  explanationKo: ['explanation_ko', 'explanation', '해설'],
  explanationEn: ['explanation_en', '해설(영어)'],
  difficulty: ['difficulty', '난이도'],
  points: ['points', '배점'],
  tags: ['tags', '태그'],
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;
const OPTION_COLUMNS = [1, 2, 3, 4, 5, 6] as const;

const TYPE_WORDS: Record<string, 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE'> = {
  single_choice: 'SINGLE_CHOICE',
  single: 'SINGLE_CHOICE',
  단일: 'SINGLE_CHOICE',
  단일선택: 'SINGLE_CHOICE',
  객관식: 'SINGLE_CHOICE',
  multiple_choice: 'MULTIPLE_CHOICE',
  multiple: 'MULTIPLE_CHOICE',
  복수: 'MULTIPLE_CHOICE',
  복수선택: 'MULTIPLE_CHOICE',
  true_false: 'TRUE_FALSE',
  ox: 'TRUE_FALSE',
  truefalse: 'TRUE_FALSE',
};
const DIFFICULTY_WORDS: Record<string, QuestionDifficulty> = {
  easy: 'EASY',
  쉬움: 'EASY',
  하: 'EASY',
  medium: 'MEDIUM',
  보통: 'MEDIUM',
  중: 'MEDIUM',
  hard: 'HARD',
  어려움: 'HARD',
  상: 'HARD',
};

/**
 * Question import and export: Moodle's GIFT for every type GIFT can express, CSV for single,
 * multiple and O/X. An import is all-or-nothing: every problem is reported by line, and nothing is
 * written unless there is none.
 */
@Injectable()
export class QuestionTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bank: QuestionBankService,
  ) {}

  async import(
    authorId: string,
    input: {
      format: QuestionImportFormat;
      contentBase64: string;
      dryRun: boolean;
      categoryId?: string | null;
    },
  ): Promise<QuestionImportReport> {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new DomainError('IMPORT_INVALID_FILE', 'The file is empty');
    if (bytes.length > QuestionLimits.importBytesMax) {
      throw new DomainError(
        'IMPORT_INVALID_FILE',
        `The file is larger than ${QuestionLimits.importBytesMax} bytes`,
      );
    }
    const rootId = input.categoryId ?? null;
    if (rootId) await this.bank.categoryOrFail(this.dataSource.manager, rootId);
    const { incoming, errors } = input.format === 'GIFT' ? this.readGift(bytes) : this.readCsv(bytes);
    const categories = [...new Set(incoming.map((q) => q.categoryPath.join('/')).filter((p) => p !== ''))];
    const report: QuestionImportReport = {
      format: input.format,
      dryRun: input.dryRun,
      applied: false,
      totalQuestions: incoming.length,
      created: 0,
      unchanged: 0,
      categories,
      errors,
    };
    if (errors.length > 0 || input.dryRun) return report;
    if (incoming.length === 0) {
      return {
        ...report,
        errors: [
          {
            line: 1,
            column: null,
            code: 'NO_QUESTIONS',
            message: 'The file has no questions',
            excerpt: null,
          },
        ],
      };
    }
    if (!rootId && incoming.some((q) => q.categoryPath.length === 0)) {
      // Questions without a category go to a category named after the import.
      for (const q of incoming) if (q.categoryPath.length === 0) q.categoryPath = ['가져온 문항'];
    }
    const created = await this.dataSource.transaction(async (em) => {
      await this.bank.lockCategories(em);
      const categoryOf = new Map<string, string>();
      for (const q of incoming) {
        const key = q.categoryPath.join('\u0000');
        if (!categoryOf.has(key))
          categoryOf.set(key, (await this.bank.ensureCategoryPath(em, rootId, q.categoryPath))!);
      }
      return this.bank.insertQuestions(
        em,
        authorId,
        incoming.map((q) => ({
          id: importedId(rootId, q),
          categoryId: categoryOf.get(q.categoryPath.join('\u0000'))!,
          meta: q.meta,
          body: q.body,
        })),
      );
    });
    return { ...report, applied: true, created, unchanged: incoming.length - created };
  }

  async export(format: QuestionImportFormat, categoryId: string | null): Promise<QuestionExport> {
    const categories = await this.dataSource.getRepository(QuestionCategory).find();
    const byId = new Map(categories.map((c) => [c.id, c]));
    const pathOf = (id: string): string[] => {
      const path: string[] = [];
      for (let c = byId.get(id); c; c = c.parentId ? byId.get(c.parentId) : undefined) path.unshift(c.nameKo);
      return path;
    };
    const qb = this.dataSource.getRepository(Question).createQueryBuilder('q').where('q.archived_at IS NULL');
    if (categoryId) {
      await this.bank.categoryOrFail(this.dataSource.manager, categoryId);
      qb.andWhere('q.category_id = ANY(:ids)', {
        ids: await this.bank.subtreeIds(this.dataSource, categoryId),
      });
    }
    const questions = await qb.orderBy('q.created_at', 'ASC').addOrderBy('q.id', 'ASC').getMany();
    const drafts = questions.map((q) => ({
      categoryPath: pathOf(q.categoryId),
      title: null,
      draft: draftOf(metaOf(q), q.body),
    }));
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'GIFT') {
      const { text, skipped } = toGift(drafts);
      return {
        format,
        filename: `palma-questions-${stamp}.gift.txt`,
        content: text,
        count: drafts.length - skipped,
        skipped,
      };
    }
    const rows = drafts.filter((d) =>
      ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE'].includes(d.draft.type),
    );
    return {
      format,
      filename: `palma-questions-${stamp}.csv`,
      content:
        '\ufeff' +
        stringify(
          rows.map((d) => csvRow(d.categoryPath, d.draft)),
          { header: true, columns: CSV_HEADER },
        ),
      count: rows.length,
      skipped: drafts.length - rows.length,
    };
  }

  private readGift(bytes: Buffer): { incoming: Incoming[]; errors: QuestionImportError[] } {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new DomainError('IMPORT_INVALID_FILE', 'A GIFT file must be UTF-8 text');
    }
    const parsed = parseGift(text, { maxQuestions: QuestionLimits.importQuestionsMax });
    const errors: QuestionImportError[] = parsed.errors.map((e) => ({
      line: e.line,
      column: e.column ?? null,
      code: e.code,
      message: e.message,
      excerpt: e.excerpt?.slice(0, 100) ?? null,
    }));
    const incoming: Incoming[] = [];
    for (const q of parsed.questions) {
      const result = parseQuestionDraft(q.draft, newLocalId);
      if (result.ok)
        incoming.push({
          line: q.line,
          categoryPath: q.categoryPath,
          meta: result.meta,
          body: result.body,
          draft: q.draft,
        });
      else if (!errors.some((e) => e.line === q.line)) {
        for (const p of result.problems) {
          errors.push({
            line: q.line,
            column: null,
            code: 'INVALID_QUESTION',
            message: `${p.field}: ${p.message}`,
            excerpt: null,
          });
        }
      }
    }
    return { incoming, errors: errors.sort((a, b) => a.line - b.line) };
  }

  private readCsv(bytes: Buffer): { incoming: Incoming[]; errors: QuestionImportError[] } {
    const { text } = decodeCsv(bytes);
    let parsed;
    try {
      parsed = parseCsv<CsvColumn>(
        text,
        CSV_COLUMNS,
        ['type', 'promptKo', 'option1', 'answer'],
        QuestionLimits.importQuestionsMax,
      );
    } catch (error) {
      if (error instanceof CsvFileError) {
        return {
          incoming: [],
          errors: [
            {
              line: error.line ?? 1,
              column: null,
              code: 'INVALID_FILE',
              message: error.message,
              excerpt: null,
            },
          ],
        };
      }
      throw error;
    }
    const incoming: Incoming[] = [];
    const errors: QuestionImportError[] = [];
    for (const row of parsed.rows) {
      const v = row.values;
      const problem = (code: string, message: string, excerpt?: string) =>
        errors.push({ line: row.line, column: null, code, message, excerpt: excerpt?.slice(0, 100) ?? null });
      const type =
        TYPE_WORDS[
          (v.type ?? '')
            .trim()
            .toLowerCase()
            .replace(/[\s-]+/g, '_')
        ] ?? TYPE_WORDS[(v.type ?? '').trim().toLowerCase()];
      if (!type) {
        problem(
          'UNKNOWN_TYPE',
          'type must be SINGLE_CHOICE, MULTIPLE_CHOICE or TRUE_FALSE (단일, 복수, OX)',
          v.type,
        );
        continue;
      }
      const difficultyWord = (v.difficulty ?? '').trim().toLowerCase();
      const difficulty = difficultyWord === '' ? 'MEDIUM' : DIFFICULTY_WORDS[difficultyWord];
      if (!difficulty)
        problem(
          'BAD_DIFFICULTY',
          'difficulty must be EASY, MEDIUM or HARD (쉬움, 보통, 어려움)',
          v.difficulty,
        );
      const points = (v.points ?? '').trim() === '' ? 1 : Number(v.points);
      const answer = (v.answer ?? '').trim();
      const draft: QuestionDraft = {
        type,
        promptKo: v.promptKo ?? '',
        promptEn: v.promptEn?.trim() ? v.promptEn : (v.promptKo ?? ''),
        explanationKo: v.explanationKo ?? '',
        explanationEn: v.explanationEn?.trim() ? v.explanationEn : (v.explanationKo ?? ''),
        difficulty: difficulty ?? 'MEDIUM',
        points,
        tags: (v.tags ?? '')
          .split(/[;,|]/)
          .map((t) => t.trim())
          .filter(Boolean),
      };
      if (type === 'TRUE_FALSE') {
        const word = answer.toUpperCase();
        if (!['O', 'X', 'TRUE', 'FALSE', 'T', 'F', '참', '거짓'].includes(word)) {
          problem('BAD_ANSWER', 'an O/X answer must be O or X', answer);
          continue;
        }
        draft.trueFalseAnswer = ['O', 'TRUE', 'T', '참'].includes(word);
      } else {
        const texts = OPTION_COLUMNS.map((n) => ({
          ko: (v[`option${n}` as CsvColumn] ?? '').trim(),
          en: (v[`option${n}En` as CsvColumn] ?? '').trim(),
        })).filter((o) => o.ko !== '');
        const picked = answer
          .split(/[;,\s]+/)
          .filter(Boolean)
          .map(Number);
        if (picked.length === 0 || picked.some((n) => !Number.isInteger(n) || n < 1 || n > texts.length)) {
          problem(
            'BAD_ANSWER',
            `answer must be option numbers between 1 and ${texts.length}, e.g. 2 or 1,3`,
            answer,
          );
          continue;
        }
        draft.options = texts.map((o, i) => ({
          textKo: o.ko,
          textEn: o.en || o.ko,
          correct: picked.includes(i + 1),
        }));
        if (type === 'MULTIPLE_CHOICE') draft.multipleScoring = 'ALL_OR_NOTHING';
      }
      const result = parseQuestionDraft(draft, newLocalId);
      if (!result.ok) {
        for (const p of result.problems) problem('INVALID_QUESTION', `${p.field}: ${p.message}`);
        continue;
      }
      const categoryPath = (v.category ?? '')
        .split('/')
        .map((s) => s.trim())
        .filter(Boolean);
      if (difficulty)
        incoming.push({ line: row.line, categoryPath, meta: result.meta, body: result.body, draft });
    }
    return { incoming, errors };
  }
}

function metaOf(q: Question): QuestionMeta {
  return {
    promptKo: q.promptKo,
    promptEn: q.promptEn,
    explanationKo: q.explanationKo,
    explanationEn: q.explanationEn,
    imageUrl: q.imageUrl,
    difficulty: q.difficulty,
    points: q.points,
    tags: q.tags,
  };
}

const CSV_HEADER = [
  'type',
  'category',
  'prompt_ko',
  'prompt_en',
  ...OPTION_COLUMNS.map((n) => `option${n}`),
  ...OPTION_COLUMNS.map((n) => `option${n}_en`),
  'answer',
  'explanation_ko',
  'explanation_en',
  'difficulty',
  'points',
  'tags',
];

function csvRow(categoryPath: string[], d: QuestionDraft): string[] {
  const options = d.options ?? [];
  const answer =
    d.type === 'TRUE_FALSE'
      ? d.trueFalseAnswer
        ? 'O'
        : 'X'
      : options
          .map((o, i) => (o.correct ? String(i + 1) : null))
          .filter(Boolean)
          .join(',');
  return [
    d.type,
    categoryPath.join('/'),
    d.promptKo,
    d.promptEn,
    ...OPTION_COLUMNS.map((n) => options[n - 1]?.textKo ?? ''),
    ...OPTION_COLUMNS.map((n) => options[n - 1]?.textEn ?? ''),
    answer,
    d.explanationKo ?? '',
    d.explanationEn ?? '',
    d.difficulty,
    String(d.points),
    d.tags.join(';'),
  ];
}
