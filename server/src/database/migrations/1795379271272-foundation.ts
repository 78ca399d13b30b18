import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795379271272 implements MigrationInterface {
  name = 'Foundation1795379271272';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name_ko" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, "parent_id" uuid, "head_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_departments_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_departments_code" ON "departments"  ("code") `);
    await queryRunner.query(`CREATE INDEX "IDX_departments_parent" ON "departments"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_departments_head" ON "departments"  ("head_id") `);
    await queryRunner.query(`CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employee_number" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "email" character varying(254) NOT NULL, "rank" character varying(50), "job_title" character varying(100), "department_id" uuid NOT NULL, "roles" text array NOT NULL DEFAULT '{EMPLOYEE}', "locale" character varying(2) NOT NULL DEFAULT 'ko', "active" boolean NOT NULL DEFAULT true, "deactivated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_people_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "CHK_people_locale" CHECK ("locale" IN ('ko', 'en')), CONSTRAINT "CHK_people_roles" CHECK (cardinality("roles") >= 1 AND "roles" <@ ARRAY['EMPLOYEE','TRAINER','MANAGER','ADMIN']::text[]), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_people_employee_number" ON "people"  ("employee_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_people_email" ON "people"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_people_department" ON "people"  ("department_id") `);
    await queryRunner.query(`CREATE TABLE "credentials" ("person_id" uuid NOT NULL, "password_hash" text NOT NULL, "must_change_password" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d964c6fdfac813e76574fedfbf5" PRIMARY KEY ("person_id"))`);
    await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character varying(64) NOT NULL, "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(300), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sessions_token_hash" ON "sessions"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_person" ON "sessions"  ("person_id") `);
    await queryRunner.query(`ALTER TABLE "departments" ADD CONSTRAINT "FK_departments_parent" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "departments" ADD CONSTRAINT "FK_departments_head" FOREIGN KEY ("head_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "people" ADD CONSTRAINT "FK_people_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credentials" ADD CONSTRAINT "FK_credentials_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_person"`);
    await queryRunner.query(`ALTER TABLE "credentials" DROP CONSTRAINT "FK_credentials_person"`);
    await queryRunner.query(`ALTER TABLE "people" DROP CONSTRAINT "FK_people_department"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_departments_head"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_departments_parent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sessions_person"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "credentials"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_people_department"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_people_email"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_people_employee_number"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_departments_head"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_departments_parent"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_departments_code"`);
    await queryRunner.query(`DROP TABLE "departments"`);
  }
}
