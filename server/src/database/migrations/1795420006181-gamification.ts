import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Gamification1795420006181 implements MigrationInterface {
  name = 'Gamification1795420006181';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "badges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_ko" character varying(80) NOT NULL, "name_en" character varying(80) NOT NULL, "description_ko" character varying(1000) NOT NULL, "description_en" character varying(1000) NOT NULL, "criteria_text_ko" character varying(2000) NOT NULL DEFAULT '', "criteria_text_en" character varying(2000) NOT NULL DEFAULT '', "criteria" jsonb NOT NULL, "template" jsonb, "image_bytes" bytea, "image_type" character varying(32), "status" character varying(16) NOT NULL DEFAULT 'ACTIVE', "version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_badges_image_type" CHECK ("image_type" IS NULL OR "image_type" IN ('image/png','image/svg+xml')), CONSTRAINT "CHK_badges_image" CHECK (("image_bytes" IS NULL) = ("image_type" IS NULL) AND ("image_bytes" IS NOT NULL OR "template" IS NOT NULL)), CONSTRAINT "CHK_badges_status" CHECK ("status" IN ('ACTIVE','ARCHIVED')), CONSTRAINT "PK_8a651318b8de577e8e217676466" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_badges_name_ko" ON "badges"  ("name_ko") `);
    await queryRunner.query(`CREATE TABLE "badge_awards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "badge_id" uuid NOT NULL, "person_id" uuid NOT NULL, "awarded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "celebrated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(500), "revoked_by" uuid, CONSTRAINT "PK_5fa679a182a2bd25a7be1ab1e6a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_badge_awards_person" ON "badge_awards"  ("person_id", "awarded_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_badge_awards_badge_person" ON "badge_awards"  ("badge_id", "person_id") `);
    await queryRunner.query(`CREATE TABLE "gamification_outbox" ("id" BIGSERIAL NOT NULL, "person_id" uuid, "badge_id" uuid, "attempts" integer NOT NULL DEFAULT '0', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_gamification_outbox_target" CHECK (("person_id" IS NULL) <> ("badge_id" IS NULL)), CONSTRAINT "PK_b6ec20f3867fe16c0fbf976240f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_gamification_outbox_available" ON "gamification_outbox"  ("available_at", "id") `);
    await queryRunner.query(`CREATE TABLE "leaderboard_policies" ("board" character varying(16) NOT NULL, "mode" character varying(16) NOT NULL, "size" integer NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_leaderboard_policies_size" CHECK ("size" BETWEEN 1 AND 50), CONSTRAINT "CHK_leaderboard_policies_mode" CHECK ("mode" IN ('NAMED','ANONYMOUS','AROUND_ME','TOP_N')), CONSTRAINT "CHK_leaderboard_policies_board" CHECK ("board" IN ('PEOPLE','DEPARTMENTS')), CONSTRAINT "PK_dbbaedd86711a2180dbc889eeb6" PRIMARY KEY ("board"))`);
    await queryRunner.query(`CREATE TABLE "signing_keys" ("kid" character varying(64) NOT NULL, "public_jwk" jsonb NOT NULL, "private_key_enc" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_13362ac3e792c69417e1a53d355" PRIMARY KEY ("kid"))`);
    await queryRunner.query(`CREATE TABLE "xp_rules" ("key" character varying(32) NOT NULL, "xp" integer NOT NULL, "cooldown_minutes" integer NOT NULL DEFAULT '0', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_xp_rules_amounts" CHECK ("xp" BETWEEN 0 AND 1000 AND "cooldown_minutes" BETWEEN 0 AND 10080), CONSTRAINT "PK_a13b49ad0dad1d9066f6f6fc614" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "people" ADD "leaderboard_opt_out" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "credit_entries" ADD "xp_rule" character varying(32)`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_entries_person_rule" ON "credit_entries"  ("person_id", "xp_rule", "occurred_at") `);
    await queryRunner.query(`ALTER TABLE "badge_awards" ADD CONSTRAINT "FK_badge_awards_badge" FOREIGN KEY ("badge_id") REFERENCES "badges"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "badge_awards" ADD CONSTRAINT "FK_badge_awards_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // Hand-written: EARLY_COMPLETION joins the ledger's kinds (TypeORM does not diff CHECKs).
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "CHK_credit_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "CHK_credit_entries_kind" CHECK ("source_kind" IN ('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','QUIZ_PERFECT','EVENT_ATTENDANCE','LIVE_GAME','EARLY_COMPLETION','ADJUSTMENT'))`);
    // Hand-written: every ledger entry leaves work for the badge evaluator in the same transaction.
    await queryRunner.query(`CREATE FUNCTION "credit_entries_to_gamification"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO gamification_outbox (person_id) VALUES (NEW.person_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_credit_entries_gamification" AFTER INSERT ON "credit_entries"
      FOR EACH ROW EXECUTE FUNCTION "credit_entries_to_gamification"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_credit_entries_gamification" ON "credit_entries"`);
    await queryRunner.query(`DROP FUNCTION "credit_entries_to_gamification"()`);
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP CONSTRAINT "CHK_credit_entries_kind"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" ADD CONSTRAINT "CHK_credit_entries_kind" CHECK ("source_kind" IN ('LESSON','COURSE_COMPLETION','PLEDGE','QUIZ','QUIZ_PERFECT','EVENT_ATTENDANCE','LIVE_GAME','ADJUSTMENT'))`);
    await queryRunner.query(`ALTER TABLE "badge_awards" DROP CONSTRAINT "FK_badge_awards_person"`);
    await queryRunner.query(`ALTER TABLE "badge_awards" DROP CONSTRAINT "FK_badge_awards_badge"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_credit_entries_person_rule"`);
    await queryRunner.query(`ALTER TABLE "credit_entries" DROP COLUMN "xp_rule"`);
    await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "leaderboard_opt_out"`);
    await queryRunner.query(`DROP TABLE "xp_rules"`);
    await queryRunner.query(`DROP TABLE "signing_keys"`);
    await queryRunner.query(`DROP TABLE "leaderboard_policies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_gamification_outbox_available"`);
    await queryRunner.query(`DROP TABLE "gamification_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_badge_awards_badge_person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_badge_awards_person"`);
    await queryRunner.query(`DROP TABLE "badge_awards"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_badges_name_ko"`);
    await queryRunner.query(`DROP TABLE "badges"`);
  }
}
