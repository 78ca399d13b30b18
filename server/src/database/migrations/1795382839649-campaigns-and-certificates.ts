import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignsAndCertificates1795382839649 implements MigrationInterface {
  name = 'CampaignsAndCertificates1795382839649';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_ko" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "description_ko" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_campaigns_period" CHECK ("period_start" < "period_end" AND "due_at" > "period_start"), CONSTRAINT "CHK_campaigns_status" CHECK ("status" IN ('DRAFT','ACTIVE','CLOSED')), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "campaign_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "person_id" uuid NOT NULL, "tier_ids" uuid array NOT NULL, "due_at_override" TIMESTAMP WITH TIME ZONE, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "left_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c3af7d9cca6f9136d02a1a7c8ed" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_campaign_assignments_person" ON "campaign_assignments"  ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_campaign_assignments_person" ON "campaign_assignments"  ("campaign_id", "person_id") `);
    await queryRunner.query(`CREATE TABLE "campaign_tiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "position" integer NOT NULL, "name_ko" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, "everyone" boolean NOT NULL DEFAULT false, "department_ids" uuid array NOT NULL DEFAULT '{}', "include_subdepartments" boolean NOT NULL DEFAULT true, "ranks" text array NOT NULL DEFAULT '{}', "roles" text array NOT NULL DEFAULT '{}', "minutes_target" integer NOT NULL DEFAULT '0', CONSTRAINT "CHK_campaign_tiers_minutes" CHECK ("minutes_target" >= 0), CONSTRAINT "PK_58be422f554b7cfd6f55f246394" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_campaign_tiers_campaign" ON "campaign_tiers"  ("campaign_id", "position") `);
    await queryRunner.query(`CREATE TABLE "campaign_required_courses" ("tier_id" uuid NOT NULL, "course_id" uuid NOT NULL, CONSTRAINT "PK_a420d50806d8871cec380bf27a4" PRIMARY KEY ("tier_id", "course_id"))`);
    await queryRunner.query(`CREATE TABLE "due_date_extensions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "previous_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "new_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500) NOT NULL, "granted_by_id" uuid NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf8bed66e01b7f347a0086ebc94" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_due_date_extensions_assignment" ON "due_date_extensions"  ("assignment_id") `);
    await queryRunner.query(`CREATE TABLE "certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL, "kind" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "person_id" uuid NOT NULL, "person_name" character varying(100) NOT NULL, "employee_number" character varying(32) NOT NULL, "department_name" character varying(200) NOT NULL, "rank" character varying(50), "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "minutes" integer NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issuer_name" character varying(200) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_certificates_kind" CHECK ("kind" IN ('COURSE','CAMPAIGN')), CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_certificates_subject" ON "certificates"  ("person_id", "kind", "subject_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_certificates_code" ON "certificates"  ("code") `);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "FK_campaigns_created_by" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_assignments" ADD CONSTRAINT "FK_campaign_assignments_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_assignments" ADD CONSTRAINT "FK_campaign_assignments_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_tiers" ADD CONSTRAINT "FK_campaign_tiers_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_required_courses" ADD CONSTRAINT "FK_campaign_required_courses_tier" FOREIGN KEY ("tier_id") REFERENCES "campaign_tiers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaign_required_courses" ADD CONSTRAINT "FK_campaign_required_courses_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "due_date_extensions" ADD CONSTRAINT "FK_due_date_extensions_assignment" FOREIGN KEY ("assignment_id") REFERENCES "campaign_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "due_date_extensions" ADD CONSTRAINT "FK_due_date_extensions_granted_by" FOREIGN KEY ("granted_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "certificates" ADD CONSTRAINT "FK_certificates_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" DROP CONSTRAINT "FK_certificates_person"`);
    await queryRunner.query(`ALTER TABLE "due_date_extensions" DROP CONSTRAINT "FK_due_date_extensions_granted_by"`);
    await queryRunner.query(`ALTER TABLE "due_date_extensions" DROP CONSTRAINT "FK_due_date_extensions_assignment"`);
    await queryRunner.query(`ALTER TABLE "campaign_required_courses" DROP CONSTRAINT "FK_campaign_required_courses_course"`);
    await queryRunner.query(`ALTER TABLE "campaign_required_courses" DROP CONSTRAINT "FK_campaign_required_courses_tier"`);
    await queryRunner.query(`ALTER TABLE "campaign_tiers" DROP CONSTRAINT "FK_campaign_tiers_campaign"`);
    await queryRunner.query(`ALTER TABLE "campaign_assignments" DROP CONSTRAINT "FK_campaign_assignments_person"`);
    await queryRunner.query(`ALTER TABLE "campaign_assignments" DROP CONSTRAINT "FK_campaign_assignments_campaign"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_campaigns_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_certificates_code"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_certificates_subject"`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_due_date_extensions_assignment"`);
    await queryRunner.query(`DROP TABLE "due_date_extensions"`);
    await queryRunner.query(`DROP TABLE "campaign_required_courses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_campaign_tiers_campaign"`);
    await queryRunner.query(`DROP TABLE "campaign_tiers"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_campaign_assignments_person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_campaign_assignments_person"`);
    await queryRunner.query(`DROP TABLE "campaign_assignments"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
