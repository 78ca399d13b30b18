import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuizEngine1795389323208 implements MigrationInterface {
  name = 'QuizEngine1795389323208';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "question_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "name_ko" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c4f3431b15f8c8c2e9bf8e489e4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_question_categories_name" ON "question_categories"  ("parent_id", "name_ko") `);
    await queryRunner.query(`CREATE TABLE "questions" ("id" uuid NOT NULL, "category_id" uuid NOT NULL, "type" character varying(20) NOT NULL, "difficulty" character varying(10) NOT NULL DEFAULT 'MEDIUM', "points" integer NOT NULL DEFAULT '1', "tags" text array NOT NULL DEFAULT '{}', "prompt_ko" text NOT NULL, "prompt_en" text NOT NULL, "explanation_ko" text NOT NULL DEFAULT '', "explanation_en" text NOT NULL DEFAULT '', "image_url" character varying(500), "body" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by_id" uuid NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_questions_body_type" CHECK ("body"->>'type' = "type"), CONSTRAINT "CHK_questions_points" CHECK ("points" BETWEEN 1 AND 100), CONSTRAINT "CHK_questions_difficulty" CHECK ("difficulty" IN ('EASY','MEDIUM','HARD')), CONSTRAINT "CHK_questions_type" CHECK ("type" IN ('SINGLE_CHOICE','MULTIPLE_CHOICE','TRUE_FALSE','ORDERING','MATCHING','SHORT_ANSWER','NUMERIC')), CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_questions_category" ON "questions"  ("category_id") `);
    await queryRunner.query(`CREATE TABLE "question_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "version" integer NOT NULL, "type" character varying(20) NOT NULL, "prompt_ko" text NOT NULL, "prompt_en" text NOT NULL, "explanation_ko" text NOT NULL DEFAULT '', "explanation_en" text NOT NULL DEFAULT '', "image_url" character varying(500), "points" integer NOT NULL, "body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_question_versions_type" CHECK ("type" IN ('SINGLE_CHOICE','MULTIPLE_CHOICE','TRUE_FALSE','ORDERING','MATCHING','SHORT_ANSWER','NUMERIC')), CONSTRAINT "PK_cf0e5fdf563f7d8286f7d8e68ea" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_question_versions_number" ON "question_versions"  ("question_id", "version") `);
    await queryRunner.query(`CREATE TABLE "quizzes" ("id" uuid NOT NULL, "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "description_ko" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "pass_percent" integer NOT NULL, "time_limit_seconds" integer, "max_attempts" integer, "grading_method" character varying(10) NOT NULL, "shuffle_questions" boolean NOT NULL, "shuffle_options" boolean NOT NULL, "feedback_mode" character varying(16) NOT NULL, "layout" character varying(16) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "credit_minutes" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_quizzes_limits" CHECK (("time_limit_seconds" IS NULL OR "time_limit_seconds" > 0) AND ("max_attempts" IS NULL OR "max_attempts" > 0) AND "credit_minutes" >= 0), CONSTRAINT "CHK_quizzes_layout" CHECK ("layout" IN ('ONE_PER_PAGE','ALL_ON_ONE_PAGE')), CONSTRAINT "CHK_quizzes_feedback_due" CHECK ("feedback_mode" <> 'AFTER_DUE' OR "due_at" IS NOT NULL), CONSTRAINT "CHK_quizzes_feedback" CHECK ("feedback_mode" IN ('IMMEDIATE','AFTER_SUBMIT','AFTER_DUE','NEVER')), CONSTRAINT "CHK_quizzes_grading" CHECK ("grading_method" IN ('HIGHEST','LAST','AVERAGE')), CONSTRAINT "CHK_quizzes_pass_percent" CHECK ("pass_percent" BETWEEN 0 AND 100), CONSTRAINT "PK_b24f0f7662cf6b3a0e7dba0a1b4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "quiz_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quiz_id" uuid NOT NULL, "person_id" uuid NOT NULL, "enrolment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "number" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'IN_PROGRESS', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "score" numeric(8,2), "max_score" numeric(8,2) NOT NULL, "percent" numeric(5,2), "passed" boolean, CONSTRAINT "CHK_quiz_attempts_graded" CHECK (("status" = 'IN_PROGRESS') = ("finished_at" IS NULL) AND ("finished_at" IS NULL) = ("score" IS NULL)), CONSTRAINT "CHK_quiz_attempts_status" CHECK ("status" IN ('IN_PROGRESS','SUBMITTED','EXPIRED')), CONSTRAINT "PK_a84a93fb092359516dc5b325b90" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_quiz_attempts_deadline" ON "quiz_attempts"  ("deadline_at") WHERE "status" = 'IN_PROGRESS'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_quiz_attempts_open" ON "quiz_attempts"  ("quiz_id", "person_id") WHERE "status" = 'IN_PROGRESS'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_quiz_attempts_number" ON "quiz_attempts"  ("quiz_id", "person_id", "number") `);
    await queryRunner.query(`CREATE TABLE "attempt_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attempt_id" uuid NOT NULL, "position" integer NOT NULL, "question_version_id" uuid NOT NULL, "points" integer NOT NULL, "presentation" jsonb NOT NULL, "answer" jsonb, "answered_at" TIMESTAMP WITH TIME ZONE, "checked_at" TIMESTAMP WITH TIME ZONE, "fraction" numeric(5,4), "score" numeric(8,2), CONSTRAINT "PK_677e7aa3ae10f63a31acadb8c88" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_attempt_questions_version" ON "attempt_questions"  ("question_version_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_attempt_questions_version" ON "attempt_questions"  ("attempt_id", "question_version_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_attempt_questions_position" ON "attempt_questions"  ("attempt_id", "position") `);
    await queryRunner.query(`CREATE TABLE "quiz_slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quiz_id" uuid NOT NULL, "position" integer NOT NULL, "question_id" uuid, "category_id" uuid, "draw_count" integer NOT NULL DEFAULT '1', "difficulty" character varying(10), "include_subcategories" boolean NOT NULL DEFAULT true, CONSTRAINT "CHK_quiz_slots_difficulty" CHECK ("difficulty" IS NULL OR "difficulty" IN ('EASY','MEDIUM','HARD')), CONSTRAINT "CHK_quiz_slots_kind" CHECK (("question_id" IS NOT NULL AND "category_id" IS NULL AND "draw_count" = 1 AND "difficulty" IS NULL) OR ("question_id" IS NULL AND "category_id" IS NOT NULL AND "draw_count" BETWEEN 1 AND 100)), CONSTRAINT "PK_8091bc06933c5cb55b06941e653" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_quiz_slots_question" ON "quiz_slots"  ("question_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_quiz_slots_position" ON "quiz_slots"  ("quiz_id", "position") `);
    await queryRunner.query(`ALTER TABLE "question_categories" ADD CONSTRAINT "FK_question_categories_parent" FOREIGN KEY ("parent_id") REFERENCES "question_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questions" ADD CONSTRAINT "FK_questions_category" FOREIGN KEY ("category_id") REFERENCES "question_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questions" ADD CONSTRAINT "FK_questions_created_by" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "question_versions" ADD CONSTRAINT "FK_question_versions_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quizzes" ADD CONSTRAINT "FK_quizzes_created_by" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_quiz_attempts_quiz" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_quiz_attempts_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_quiz_attempts_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "course_enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_quiz_attempts_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempt_questions" ADD CONSTRAINT "FK_attempt_questions_attempt" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attempt_questions" ADD CONSTRAINT "FK_attempt_questions_version" FOREIGN KEY ("question_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_slots" ADD CONSTRAINT "FK_quiz_slots_quiz" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_slots" ADD CONSTRAINT "FK_quiz_slots_question" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quiz_slots" ADD CONSTRAINT "FK_quiz_slots_category" FOREIGN KEY ("category_id") REFERENCES "question_categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Written by hand: TypeORM does not see a changed CHECK expression under the same name.
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "CHK_credit_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "CHK_credit_entries_kind" CHECK ("source_kind" IN ('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','QUIZ_PERFECT','EVENT_ATTENDANCE','LIVE_GAME','ADJUSTMENT'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quiz_slots" DROP CONSTRAINT "FK_quiz_slots_category"`);
    await queryRunner.query(`ALTER TABLE "quiz_slots" DROP CONSTRAINT "FK_quiz_slots_question"`);
    await queryRunner.query(`ALTER TABLE "quiz_slots" DROP CONSTRAINT "FK_quiz_slots_quiz"`);
    await queryRunner.query(`ALTER TABLE "attempt_questions" DROP CONSTRAINT "FK_attempt_questions_version"`);
    await queryRunner.query(`ALTER TABLE "attempt_questions" DROP CONSTRAINT "FK_attempt_questions_attempt"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_quiz_attempts_lesson"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_quiz_attempts_enrolment"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_quiz_attempts_person"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_quiz_attempts_quiz"`);
    await queryRunner.query(`ALTER TABLE "quizzes" DROP CONSTRAINT "FK_quizzes_created_by"`);
    await queryRunner.query(`ALTER TABLE "question_versions" DROP CONSTRAINT "FK_question_versions_question"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "FK_questions_created_by"`);
    await queryRunner.query(`ALTER TABLE "questions" DROP CONSTRAINT "FK_questions_category"`);
    await queryRunner.query(`ALTER TABLE "question_categories" DROP CONSTRAINT "FK_question_categories_parent"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_quiz_slots_position"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_quiz_slots_question"`);
    await queryRunner.query(`DROP TABLE "quiz_slots"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_attempt_questions_position"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_attempt_questions_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attempt_questions_version"`);
    await queryRunner.query(`DROP TABLE "attempt_questions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_quiz_attempts_number"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_quiz_attempts_open"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_quiz_attempts_deadline"`);
    await queryRunner.query(`DROP TABLE "quiz_attempts"`);
    await queryRunner.query(`DROP TABLE "quizzes"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_question_versions_number"`);
    await queryRunner.query(`DROP TABLE "question_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_questions_category"`);
    await queryRunner.query(`DROP TABLE "questions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_question_categories_name"`);
    await queryRunner.query(`DROP TABLE "question_categories"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "CHK_credit_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "CHK_credit_entries_kind" CHECK ("source_kind" IN ('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','EVENT_ATTENDANCE','LIVE_GAME','ADJUSTMENT'))`);
  }
}
