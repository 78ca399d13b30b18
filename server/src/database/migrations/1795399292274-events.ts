import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1795399292274 implements MigrationInterface {
  name = 'Events1795399292274';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title_ko" character varying(200) NOT NULL, "title_en" character varying(200) NOT NULL, "description_ko" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "kind" character varying(16) NOT NULL, "performers" character varying(500) NOT NULL DEFAULT '', "venue" character varying(300) NOT NULL DEFAULT '', "online_url" character varying(500) NOT NULL DEFAULT '', "time_zone" character varying(64) NOT NULL DEFAULT 'Asia/Seoul', "credit_minutes" integer NOT NULL DEFAULT '0', "registration_opens_at" TIMESTAMP WITH TIME ZONE, "registration_closes_at" TIMESTAMP WITH TIME ZONE, "cancel_cutoff_minutes" integer NOT NULL DEFAULT '60', "status" character varying(16) NOT NULL DEFAULT 'DRAFT', "first_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sequence" integer NOT NULL DEFAULT '0', "has_cover" boolean NOT NULL DEFAULT false, "cancel_reason" character varying(500) NOT NULL DEFAULT '', "created_by_id" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_events_registration_window" CHECK ("registration_opens_at" IS NULL OR "registration_closes_at" IS NULL OR "registration_closes_at" > "registration_opens_at"), CONSTRAINT "CHK_events_cutoff" CHECK ("cancel_cutoff_minutes" >= 0), CONSTRAINT "CHK_events_credit" CHECK ("credit_minutes" BETWEEN 0 AND 600), CONSTRAINT "CHK_events_kind" CHECK ("kind" IN ('CONCERT','PLAY','TALK','QUIZ_CONTEST','OTHER')), CONSTRAINT "CHK_events_status" CHECK ("status" IN ('DRAFT','PUBLISHED','CANCELLED')), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_events_status_starts" ON "events"  ("status", "first_starts_at") `);
    await queryRunner.query(`CREATE TABLE "event_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, "confirmed_count" integer NOT NULL DEFAULT '0', "waitlist_count" integer NOT NULL DEFAULT '0', "checked_in_count" integer NOT NULL DEFAULT '0', "waitlist_next" integer NOT NULL DEFAULT '1', CONSTRAINT "CHK_event_sessions_counts" CHECK ("waitlist_count" >= 0 AND "checked_in_count" >= 0), CONSTRAINT "CHK_event_sessions_seats" CHECK ("confirmed_count" >= 0 AND "confirmed_count" <= "capacity"), CONSTRAINT "CHK_event_sessions_capacity" CHECK ("capacity" > 0), CONSTRAINT "CHK_event_sessions_time" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_dbe18de390df26f2dffc4ef3356" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_event_sessions_event" ON "event_sessions"  ("event_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "event_audience_departments" ("event_id" uuid NOT NULL, "department_id" uuid NOT NULL, CONSTRAINT "PK_1e907516e4b98fe2dc8960f5708" PRIMARY KEY ("event_id", "department_id"))`);
    await queryRunner.query(`CREATE TABLE "event_staff" ("event_id" uuid NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "PK_046a21a9de281554eaadee44240" PRIMARY KEY ("event_id", "person_id"))`);
    await queryRunner.query(`CREATE TABLE "event_covers" ("event_id" uuid NOT NULL, "content_type" character varying(32) NOT NULL, "bytes" bytea NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_event_covers_type" CHECK ("content_type" IN ('image/png','image/jpeg','image/webp')), CONSTRAINT "PK_de711ec96db22c8387aab95270d" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(`CREATE TABLE "event_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "waitlist_position" integer, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "registered_by_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "promoted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "ticket_sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_event_registrations_waitlist" CHECK (("status" = 'WAITLISTED') = ("waitlist_position" IS NOT NULL)), CONSTRAINT "CHK_event_registrations_status" CHECK ("status" IN ('CONFIRMED','WAITLISTED','CANCELLED')), CONSTRAINT "PK_953d3b862c2487289a92b2356e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_event_registrations_ticket_due" ON "event_registrations"  ("confirmed_at") WHERE "status" = 'CONFIRMED' AND "ticket_sent_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_event_registrations_person" ON "event_registrations"  ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_event_registrations_waitlist" ON "event_registrations"  ("session_id", "waitlist_position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_event_registrations_person" ON "event_registrations"  ("session_id", "person_id") `);
    await queryRunner.query(`CREATE TABLE "event_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid NOT NULL, "session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "scan_id" uuid NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "checked_in_by_id" uuid NOT NULL, "undone_at" TIMESTAMP WITH TIME ZONE, "undone_by_id" uuid, "undo_reason" character varying(300) NOT NULL DEFAULT '', CONSTRAINT "PK_6f525a3f33347abf6cec6c3d7d8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_event_check_ins_session" ON "event_check_ins"  ("session_id", "checked_in_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_event_check_ins_scan" ON "event_check_ins"  ("scan_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_event_check_ins_standing" ON "event_check_ins"  ("registration_id") WHERE "undone_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "calendar_feeds" ("person_id" uuid NOT NULL, "nonce" character(32) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_acfa96907d292e941a53f1bbe38" PRIMARY KEY ("person_id"))`);
    await queryRunner.query(`ALTER TABLE "events" ADD CONSTRAINT "FK_events_created_by" FOREIGN KEY ("created_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_sessions" ADD CONSTRAINT "FK_event_sessions_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_audience_departments" ADD CONSTRAINT "FK_event_audience_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_audience_departments" ADD CONSTRAINT "FK_event_audience_department" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_staff" ADD CONSTRAINT "FK_event_staff_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_staff" ADD CONSTRAINT "FK_event_staff_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_covers" ADD CONSTRAINT "FK_event_covers_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_event_registrations_session" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_event_registrations_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_registrations" ADD CONSTRAINT "FK_event_registrations_registered_by" FOREIGN KEY ("registered_by_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" ADD CONSTRAINT "FK_event_check_ins_registration" FOREIGN KEY ("registration_id") REFERENCES "event_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" ADD CONSTRAINT "FK_event_check_ins_session" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" ADD CONSTRAINT "FK_event_check_ins_by" FOREIGN KEY ("checked_in_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" ADD CONSTRAINT "FK_event_check_ins_undone_by" FOREIGN KEY ("undone_by_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_calendar_feeds_person" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Seat counts are kept by the database itself, so no code path can forget them, and the
    // CHECK on event_sessions refuses any change that would confirm more people than seats.
    await queryRunner.query(`CREATE FUNCTION "event_registrations_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.session_id = NEW.session_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'CANCELLED' THEN
    UPDATE event_sessions
       SET confirmed_count = confirmed_count - (OLD.status = 'CONFIRMED')::int,
           waitlist_count = waitlist_count - (OLD.status = 'WAITLISTED')::int
     WHERE id = OLD.session_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'CANCELLED' THEN
    UPDATE event_sessions
       SET confirmed_count = confirmed_count + (NEW.status = 'CONFIRMED')::int,
           waitlist_count = waitlist_count + (NEW.status = 'WAITLISTED')::int
     WHERE id = NEW.session_id;
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_event_registrations_counts" AFTER INSERT OR UPDATE OF status, session_id OR DELETE ON "event_registrations"
      FOR EACH ROW EXECUTE FUNCTION "event_registrations_counts"()`);
    await queryRunner.query(`CREATE FUNCTION "event_check_ins_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.undone_at IS NULL THEN
    UPDATE event_sessions SET checked_in_count = checked_in_count - 1 WHERE id = OLD.session_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.undone_at IS NULL THEN
    UPDATE event_sessions SET checked_in_count = checked_in_count + 1 WHERE id = NEW.session_id;
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_event_check_ins_counts" AFTER INSERT OR UPDATE OF undone_at OR DELETE ON "event_check_ins"
      FOR EACH ROW EXECUTE FUNCTION "event_check_ins_counts"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_event_check_ins_counts" ON "event_check_ins"`);
    await queryRunner.query(`DROP FUNCTION "event_check_ins_counts"()`);
    await queryRunner.query(`DROP TRIGGER "TRG_event_registrations_counts" ON "event_registrations"`);
    await queryRunner.query(`DROP FUNCTION "event_registrations_counts"()`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_calendar_feeds_person"`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" DROP CONSTRAINT "FK_event_check_ins_undone_by"`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" DROP CONSTRAINT "FK_event_check_ins_by"`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" DROP CONSTRAINT "FK_event_check_ins_session"`);
    await queryRunner.query(`ALTER TABLE "event_check_ins" DROP CONSTRAINT "FK_event_check_ins_registration"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_event_registrations_registered_by"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_event_registrations_person"`);
    await queryRunner.query(`ALTER TABLE "event_registrations" DROP CONSTRAINT "FK_event_registrations_session"`);
    await queryRunner.query(`ALTER TABLE "event_covers" DROP CONSTRAINT "FK_event_covers_event"`);
    await queryRunner.query(`ALTER TABLE "event_staff" DROP CONSTRAINT "FK_event_staff_person"`);
    await queryRunner.query(`ALTER TABLE "event_staff" DROP CONSTRAINT "FK_event_staff_event"`);
    await queryRunner.query(`ALTER TABLE "event_audience_departments" DROP CONSTRAINT "FK_event_audience_department"`);
    await queryRunner.query(`ALTER TABLE "event_audience_departments" DROP CONSTRAINT "FK_event_audience_event"`);
    await queryRunner.query(`ALTER TABLE "event_sessions" DROP CONSTRAINT "FK_event_sessions_event"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_events_created_by"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_event_check_ins_standing"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_event_check_ins_scan"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_check_ins_session"`);
    await queryRunner.query(`DROP TABLE "event_check_ins"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_event_registrations_person"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_event_registrations_waitlist"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_registrations_ticket_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_registrations_person"`);
    await queryRunner.query(`DROP TABLE "event_registrations"`);
    await queryRunner.query(`DROP TABLE "event_covers"`);
    await queryRunner.query(`DROP TABLE "event_staff"`);
    await queryRunner.query(`DROP TABLE "event_audience_departments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_sessions_event"`);
    await queryRunner.query(`DROP TABLE "event_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_events_status_starts"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
