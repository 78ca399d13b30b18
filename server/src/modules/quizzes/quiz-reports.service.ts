import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QuestionBody } from '@palma/shared';
import { DataSource } from 'typeorm';
import type { QuizResults } from './models/quiz.models.js';
import { QuizzesService } from './quizzes.service.js';

/**
 * Results of a quiz for its authors: the attempts, how scores spread, and item analysis per
 * question (share fully correct, average credit, how often each option was picked).
 */
@Injectable()
export class QuizReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quizzes: QuizzesService,
  ) {}

  async results(quizId: string): Promise<QuizResults> {
    const quiz = await this.quizzes.get(quizId);
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS attempts,
              count(*) FILTER (WHERE status <> 'IN_PROGRESS')::int AS finished,
              count(DISTINCT person_id)::int AS people,
              count(DISTINCT person_id) FILTER (WHERE passed)::int AS people_passed,
              round(avg(percent) FILTER (WHERE status <> 'IN_PROGRESS'), 2)::float8 AS average
         FROM quiz_attempts WHERE quiz_id = $1`,
      [quiz.id],
    );
    const bands: { band: number; count: number }[] = await this.dataSource.query(
      `SELECT least(floor(percent / 10), 9)::int AS band, count(*)::int AS count
         FROM quiz_attempts WHERE quiz_id = $1 AND status <> 'IN_PROGRESS' GROUP BY 1`,
      [quiz.id],
    );
    const scoreDistribution = Array.from(
      { length: 10 },
      (_, i) => bands.find((b) => b.band === i)?.count ?? 0,
    );

    // Item analysis over finished attempts, per question (all its versions together).
    const rows: {
      question_id: string;
      type: QuestionBody['type'];
      prompt_ko: string;
      prompt_en: string;
      body: QuestionBody;
      shown: number;
      answered: number;
      correct: number;
      average: number;
    }[] = await this.dataSource.query(
      `SELECT v.question_id, q.type, q.prompt_ko, q.prompt_en, q.body,
              count(*)::int AS shown,
              count(aq.answer)::int AS answered,
              count(*) FILTER (WHERE aq.fraction = 1)::int AS correct,
              coalesce(avg(aq.fraction), 0)::float8 AS average
         FROM attempt_questions aq
         JOIN quiz_attempts a ON a.id = aq.attempt_id AND a.status <> 'IN_PROGRESS'
         JOIN question_versions v ON v.id = aq.question_version_id
         JOIN questions q ON q.id = v.question_id
        WHERE a.quiz_id = $1
        GROUP BY v.question_id, q.type, q.prompt_ko, q.prompt_en, q.body`,
      [quiz.id],
    );
    const picks: { question_id: string; option_id: string; count: number }[] = await this.dataSource.query(
      `SELECT v.question_id, opt.option_id, count(*)::int AS count
         FROM attempt_questions aq
         JOIN quiz_attempts a ON a.id = aq.attempt_id AND a.status <> 'IN_PROGRESS'
         JOIN question_versions v ON v.id = aq.question_version_id
         CROSS JOIN LATERAL jsonb_array_elements_text(aq.answer->'optionIds') AS opt(option_id)
        WHERE a.quiz_id = $1 AND jsonb_typeof(aq.answer->'optionIds') = 'array'
        GROUP BY v.question_id, opt.option_id`,
      [quiz.id],
    );
    const questions = rows
      .map((r) => ({
        questionId: r.question_id,
        type: r.type,
        promptKo: r.prompt_ko,
        promptEn: r.prompt_en,
        shown: r.shown,
        answered: r.answered,
        correctPercent: r.shown === 0 ? 0 : Math.round((r.correct / r.shown) * 10_000) / 100,
        averageFraction: Math.round(r.average * 10_000) / 10_000,
        options:
          r.body.type === 'SINGLE_CHOICE' || r.body.type === 'MULTIPLE_CHOICE'
            ? r.body.options.map((o) => ({
                optionId: o.id,
                textKo: o.textKo,
                textEn: o.textEn,
                correct: o.correct,
                chosen:
                  picks.find((p) => p.question_id === r.question_id && p.option_id === o.id)?.count ?? 0,
              }))
            : [],
      }))
      .sort((a, b) => a.correctPercent - b.correctPercent || b.shown - a.shown);

    const recent: {
      id: string;
      person_id: string;
      name: string;
      number: number;
      status: QuizResults['recentAttempts'][number]['status'];
      started_at: Date;
      finished_at: Date | null;
      percent: string | null;
      passed: boolean | null;
    }[] = await this.dataSource.query(
      `SELECT a.id, a.person_id, p.name, a.number, a.status, a.started_at, a.finished_at, a.percent, a.passed
         FROM quiz_attempts a JOIN people p ON p.id = a.person_id
        WHERE a.quiz_id = $1 ORDER BY a.started_at DESC, a.id DESC LIMIT 200`,
      [quiz.id],
    );
    return {
      quizId: quiz.id,
      attempts: totals.attempts,
      finishedAttempts: totals.finished,
      people: totals.people,
      peoplePassed: totals.people_passed,
      averagePercent: totals.average,
      scoreDistribution,
      questions,
      recentAttempts: recent.map((r) => ({
        id: r.id,
        personId: r.person_id,
        personName: r.name,
        number: r.number,
        status: r.status,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        percent: r.percent === null ? null : Number(r.percent),
        passed: r.passed,
      })),
    };
  }
}
