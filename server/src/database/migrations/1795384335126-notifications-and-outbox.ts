import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndOutbox1795384335126 implements MigrationInterface {
  name = 'NotificationsAndOutbox1795384335126';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "body_ko" text NOT NULL DEFAULT '', "body_en" text NOT NULL DEFAULT '', "link" character varying(300), "dedupe_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_person_time" ON "notifications"  ("person_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_notifications_dedupe" ON "notifications"  ("dedupe_key") `);
    await queryRunner.query(`CREATE TABLE "email_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "body_text" text NOT NULL, "dedupe_key" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b6fbfc201f705fbf1ac87bd7197" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_email_outbox_pending" ON "email_outbox"  ("next_attempt_at") WHERE "sent_at" IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_email_outbox_dedupe" ON "email_outbox"  ("dedupe_key") `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_notifications_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_notifications_person"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_email_outbox_dedupe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_email_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "email_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_notifications_dedupe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_person_time"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
