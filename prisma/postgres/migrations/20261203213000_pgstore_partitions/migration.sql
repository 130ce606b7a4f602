-- The PostgreSQL telemetry store's raw samples (core/telemetry/pg-*.ts): a table partitioned by
-- sample time (one partition per UTC day, created ahead by the store; retention drops whole
-- partitions), a 64-bit id from a sequence (a chair's ids grow in commit order: the store takes
-- them under the chair's row lock), no prev_id chain and one index per partition on
-- (device_key, id). Prisma's TelemetrySample model is never used on this table (raw SQL only), so
-- the schema file keeps the shared model and tests/repo/postgres-migrations.test.ts compares the
-- rest of the catalogue.
DROP TABLE "telemetry_raw";

CREATE SEQUENCE "telemetry_raw_id_seq" AS BIGINT;

CREATE TABLE "telemetry_raw" (
    "id" BIGINT NOT NULL DEFAULT nextval('telemetry_raw_id_seq'),
    "ts" BIGINT NOT NULL,
    "device_key" INTEGER NOT NULL,
    "boot_key" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "recv_delta" INTEGER NOT NULL,
    "cycles" INTEGER,
    "ah100" INTEGER,
    "odo_m" INTEGER NOT NULL,
    "motor_s" INTEGER NOT NULL,
    "soc10" SMALLINT NOT NULL,
    "volt100" INTEGER NOT NULL,
    "amp100" INTEGER NOT NULL,
    "temp10" SMALLINT NOT NULL,
    "tilt10" SMALLINT,
    "charging" BOOLEAN NOT NULL,
    "faults" TEXT
) PARTITION BY RANGE ("ts");

CREATE INDEX "telemetry_raw_device_key_id_idx" ON "telemetry_raw" ("device_key", "id");
