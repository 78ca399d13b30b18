import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveGames1795411216259 implements MigrationInterface {
  name = 'LiveGames1795411216259';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "live_games" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pin" character varying(6) NOT NULL, "title" character varying(200) NOT NULL, "host_id" uuid NOT NULL, "mode" character varying(20) NOT NULL, "settings" jsonb NOT NULL, "event_session_id" uuid, "quiz_id" uuid, "phase" character varying(12) NOT NULL DEFAULT 'LOBBY', "current_round" integer NOT NULL DEFAULT '-1', "round_count" integer NOT NULL, "joining_open" boolean NOT NULL DEFAULT true, "phase_ends_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "paused_phase" character varying(12), "paused_remaining_ms" integer, "paused_at" TIMESTAMP WITH TIME ZONE, "player_count" integer NOT NULL DEFAULT '0', "max_players" integer NOT NULL, "revival_round" integer, "version" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_live_games_mode" CHECK ("mode" IN ('CLASSIC', 'GOLDEN_BELL', 'TEAM_BATTLE')), CONSTRAINT "CHK_live_games_phase" CHECK ("phase" IN ('LOBBY', 'LEAD_IN', 'OPEN', 'PAUSED', 'REVEAL', 'FINISHED')), CONSTRAINT "CHK_live_games_players" CHECK ("player_count" <= "max_players"), CONSTRAINT "PK_f9e8af152dbeb6bc9e3394601bd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_live_games_due" ON "live_games"  ("phase_ends_at") WHERE "phase" IN ('LEAD_IN', 'OPEN')`);
    await queryRunner.query(`CREATE INDEX "IDX_live_games_host" ON "live_games"  ("host_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_live_games_pin_active" ON "live_games"  ("pin") WHERE "phase" <> 'FINISHED'`);
    await queryRunner.query(`CREATE TABLE "live_players" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "game_id" uuid NOT NULL, "person_id" uuid, "nickname" character varying(40) NOT NULL, "nickname_key" character varying(80) NOT NULL, "team" character varying(100) NOT NULL DEFAULT '', "score" integer NOT NULL DEFAULT '0', "streak" integer NOT NULL DEFAULT '0', "correct_count" integer NOT NULL DEFAULT '0', "answered_count" integer NOT NULL DEFAULT '0', "alive" boolean NOT NULL DEFAULT true, "eliminated_at" integer, "revived_at" integer, "kicked_at" TIMESTAMP WITH TIME ZONE, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "rank" integer, CONSTRAINT "PK_be231d955c6a336b1dd64ce6efa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_live_players_person" ON "live_players"  ("game_id", "person_id") WHERE "person_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_live_players_rank" ON "live_players"  ("game_id", "rank") `);
    await queryRunner.query(`CREATE INDEX "IDX_live_players_joined" ON "live_players"  ("game_id", "joined_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_live_players_nickname" ON "live_players"  ("game_id", "nickname_key") `);
    await queryRunner.query(`CREATE TABLE "live_answers" ("game_id" uuid NOT NULL, "position" integer NOT NULL, "player_id" uuid NOT NULL, "answer" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "elapsed_ms" integer NOT NULL, "correct" boolean NOT NULL, "fraction" real NOT NULL, "for_honour" boolean NOT NULL DEFAULT false, "points" integer, CONSTRAINT "CHK_live_answers_elapsed" CHECK ("elapsed_ms" >= 0), CONSTRAINT "PK_c2860d0b7ce7891878ba5962321" PRIMARY KEY ("game_id", "position", "player_id"))`);
    await queryRunner.query(`CREATE TABLE "live_rounds" ("game_id" uuid NOT NULL, "position" integer NOT NULL, "kind" character varying(10) NOT NULL, "question_version_id" uuid, "type" character varying(20), "prompt_ko" text NOT NULL, "prompt_en" text NOT NULL, "explanation_ko" text NOT NULL DEFAULT '', "explanation_en" text NOT NULL DEFAULT '', "body" jsonb NOT NULL, "display_ids" text array NOT NULL DEFAULT '{}', "time_limit_seconds" integer NOT NULL, "lead_in_seconds" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a847308582844a44c2ef2516bdb" PRIMARY KEY ("game_id", "position"))`);
    await queryRunner.query(`ALTER TABLE "live_games" ADD CONSTRAINT "FK_live_games_host" FOREIGN KEY ("host_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_games" ADD CONSTRAINT "FK_live_games_event_session" FOREIGN KEY ("event_session_id") REFERENCES "event_sessions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_players" ADD CONSTRAINT "FK_live_players_game" FOREIGN KEY ("game_id") REFERENCES "live_games"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_players" ADD CONSTRAINT "FK_live_players_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_answers" ADD CONSTRAINT "FK_live_answers_game" FOREIGN KEY ("game_id") REFERENCES "live_games"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_answers" ADD CONSTRAINT "FK_live_answers_player" FOREIGN KEY ("player_id") REFERENCES "live_players"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_rounds" ADD CONSTRAINT "FK_live_rounds_game" FOREIGN KEY ("game_id") REFERENCES "live_games"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_rounds" ADD CONSTRAINT "FK_live_rounds_question_version" FOREIGN KEY ("question_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Hand-written: the game's player count, so CHK_live_games_players refuses a join beyond
    // max_players whatever code inserts the row (concurrent joins serialise on the game row).
    await queryRunner.query(`CREATE FUNCTION "live_players_count"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE live_games SET player_count = player_count + 1 WHERE id = NEW.game_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_live_players_count" AFTER INSERT ON "live_players"
      FOR EACH ROW EXECUTE FUNCTION "live_players_count"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_live_players_count" ON "live_players"`);
    await queryRunner.query(`DROP FUNCTION "live_players_count"()`);
    await queryRunner.query(`ALTER TABLE "live_rounds" DROP CONSTRAINT "FK_live_rounds_question_version"`);
    await queryRunner.query(`ALTER TABLE "live_rounds" DROP CONSTRAINT "FK_live_rounds_game"`);
    await queryRunner.query(`ALTER TABLE "live_answers" DROP CONSTRAINT "FK_live_answers_player"`);
    await queryRunner.query(`ALTER TABLE "live_answers" DROP CONSTRAINT "FK_live_answers_game"`);
    await queryRunner.query(`ALTER TABLE "live_players" DROP CONSTRAINT "FK_live_players_person"`);
    await queryRunner.query(`ALTER TABLE "live_players" DROP CONSTRAINT "FK_live_players_game"`);
    await queryRunner.query(`ALTER TABLE "live_games" DROP CONSTRAINT "FK_live_games_event_session"`);
    await queryRunner.query(`ALTER TABLE "live_games" DROP CONSTRAINT "FK_live_games_host"`);
    await queryRunner.query(`DROP TABLE "live_rounds"`);
    await queryRunner.query(`DROP TABLE "live_answers"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_live_players_nickname"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_live_players_joined"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_live_players_rank"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_live_players_person"`);
    await queryRunner.query(`DROP TABLE "live_players"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_live_games_pin_active"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_live_games_host"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_live_games_due"`);
    await queryRunner.query(`DROP TABLE "live_games"`);
  }
}
