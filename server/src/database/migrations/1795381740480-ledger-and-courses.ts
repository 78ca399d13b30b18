import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerAndCourses1795381740480 implements MigrationInterface {
  name = 'LedgerAndCourses1795381740480';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "courses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "course_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "description_ko" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "category" character varying(32) NOT NULL, "credit_minutes" integer NOT NULL, "estimated_minutes" integer NOT NULL, "cover_image_url" character varying(500), "tags" text array NOT NULL DEFAULT '{}', "sequential" boolean NOT NULL DEFAULT false, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_course_versions_minutes" CHECK ("credit_minutes" BETWEEN 1 AND 6000 AND "estimated_minutes" BETWEEN 1 AND 6000), CONSTRAINT "CHK_course_versions_category" CHECK ("category" IN ('INTEGRITY_LAW','PERSONNEL','CONTRACTS_CONSTRUCTION','PERMITS_LICENCES','FINANCE_TAX','GRANTS_OUTSOURCING')), CONSTRAINT "CHK_course_versions_status" CHECK ("status" IN ('DRAFT','PUBLISHED','RETIRED')), CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_versions_one_published" ON "course_versions"  ("course_id") WHERE "status" = 'PUBLISHED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_versions_one_draft" ON "course_versions"  ("course_id") WHERE "status" = 'DRAFT'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_versions_number" ON "course_versions"  ("course_id", "version") `);
    await queryRunner.query(`CREATE TABLE "course_sections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "position" integer NOT NULL, "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, CONSTRAINT "PK_03086ef0602f2721612a5ce610d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_course_sections_version" ON "course_sections"  ("version_id", "position") `);
    await queryRunner.query(`CREATE TABLE "course_enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "course_id" uuid NOT NULL, "version_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "last_lesson_id" uuid, CONSTRAINT "PK_c3f0b847633e787d678005e72be" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_course_enrolments_course" ON "course_enrolments"  ("course_id", "person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_course_enrolments_person_version" ON "course_enrolments"  ("person_id", "version_id") `);
    await queryRunner.query(`CREATE TABLE "lessons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "section_id" uuid NOT NULL, "version_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(16) NOT NULL, "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "content" jsonb NOT NULL, CONSTRAINT "CHK_lessons_kind" CHECK ("kind" IN ('READING','VIDEO','DILEMMA','PLEDGE','QUIZ')), CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_lessons_version" ON "lessons"  ("version_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_lessons_section" ON "lessons"  ("section_id", "position") `);
    await queryRunner.query(`CREATE TABLE "lesson_progress" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrolment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, "state" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_e6223ebbc5f8f5fce40e0193de1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_lesson_progress_enrolment_lesson" ON "lesson_progress"  ("enrolment_id", "lesson_id") `);
    await queryRunner.query(`CREATE TABLE "pledge_signatures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "signed_text" text NOT NULL, "typed_name" character varying(100) NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c97d3868b43f0cd2a57d49aea2e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_pledge_signatures_person_lesson" ON "pledge_signatures"  ("person_id", "lesson_id") `);
    await queryRunner.query(`CREATE TABLE "credit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "source_kind" character varying(32) NOT NULL, "source_id" uuid NOT NULL, "minutes" integer NOT NULL DEFAULT '0', "xp" integer NOT NULL DEFAULT '0', "label" character varying(300) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_credit_entries_amounts" CHECK ("minutes" BETWEEN -100000 AND 100000 AND "xp" BETWEEN -100000 AND 100000), CONSTRAINT "CHK_credit_entries_kind" CHECK ("source_kind" IN ('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','EVENT_ATTENDANCE','LIVE_GAME','ADJUSTMENT')), CONSTRAINT "PK_a1974466f4738c102e78f457632" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_entries_person_time" ON "credit_entries"  ("person_id", "occurred_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_credit_entries_source" ON "credit_entries"  ("person_id", "source_kind", "source_id") `);
    // Hand-written: the ledger is append-only. Corrections are new (negative) entries, never edits.
    await queryRunner.query(`CREATE FUNCTION "credit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'credit_entries is append-only' USING ERRCODE = 'restrict_violation'; END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_credit_entries_append_only" BEFORE UPDATE OR DELETE ON "credit_entries"
      FOR EACH ROW EXECUTE FUNCTION "credit_entries_append_only"()`);
    await queryRunner.query(`ALTER TABLE "courses" ADD CONSTRAINT "FK_courses_created_by" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_versions" ADD CONSTRAINT "FK_course_versions_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_sections" ADD CONSTRAINT "FK_course_sections_version" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_enrolments" ADD CONSTRAINT "FK_course_enrolments_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_enrolments" ADD CONSTRAINT "FK_course_enrolments_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "course_enrolments" ADD CONSTRAINT "FK_course_enrolments_version" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lessons" ADD CONSTRAINT "FK_lessons_section" FOREIGN KEY ("section_id") REFERENCES "course_sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lessons" ADD CONSTRAINT "FK_lessons_version" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" ADD CONSTRAINT "FK_lesson_progress_enrolment" FOREIGN KEY ("enrolment_id") REFERENCES "course_enrolments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" ADD CONSTRAINT "FK_lesson_progress_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge_signatures" ADD CONSTRAINT "FK_pledge_signatures_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "pledge_signatures" ADD CONSTRAINT "FK_pledge_signatures_lesson" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "FK_credit_entries_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "FK_credit_entries_person"`);
    await queryRunner.query(`ALTER TABLE "pledge_signatures" DROP CONSTRAINT "FK_pledge_signatures_lesson"`);
    await queryRunner.query(`ALTER TABLE "pledge_signatures" DROP CONSTRAINT "FK_pledge_signatures_person"`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_lesson_progress_lesson"`);
    await queryRunner.query(`ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_lesson_progress_enrolment"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_lessons_version"`);
    await queryRunner.query(`ALTER TABLE "lessons" DROP CONSTRAINT "FK_lessons_section"`);
    await queryRunner.query(`ALTER TABLE "course_enrolments" DROP CONSTRAINT "FK_course_enrolments_version"`);
    await queryRunner.query(`ALTER TABLE "course_enrolments" DROP CONSTRAINT "FK_course_enrolments_course"`);
    await queryRunner.query(`ALTER TABLE "course_enrolments" DROP CONSTRAINT "FK_course_enrolments_person"`);
    await queryRunner.query(`ALTER TABLE "course_sections" DROP CONSTRAINT "FK_course_sections_version"`);
    await queryRunner.query(`ALTER TABLE "course_versions" DROP CONSTRAINT "FK_course_versions_course"`);
    await queryRunner.query(`ALTER TABLE "courses" DROP CONSTRAINT "FK_courses_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_credit_entries_source"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_credit_entries_person_time"`);
    await queryRunner.query(`DROP TRIGGER "TRG_credit_entries_append_only" ON "credit_entries"`);
    await queryRunner.query(`DROP FUNCTION "credit_entries_append_only"()`);
    await queryRunner.query(`DROP TABLE "credit_entries"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_pledge_signatures_person_lesson"`);
    await queryRunner.query(`DROP TABLE "pledge_signatures"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_lesson_progress_enrolment_lesson"`);
    await queryRunner.query(`DROP TABLE "lesson_progress"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lessons_section"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lessons_version"`);
    await queryRunner.query(`DROP TABLE "lessons"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_course_enrolments_person_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_course_enrolments_course"`);
    await queryRunner.query(`DROP TABLE "course_enrolments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_course_sections_version"`);
    await queryRunner.query(`DROP TABLE "course_sections"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_course_versions_number"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_course_versions_one_draft"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_course_versions_one_published"`);
    await queryRunner.query(`DROP TABLE "course_versions"`);
    await queryRunner.query(`DROP TABLE "courses"`);
  }
}
