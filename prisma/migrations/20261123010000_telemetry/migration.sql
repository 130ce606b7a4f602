-- CreateTable
CREATE TABLE "chair_state" (
    "key" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceId" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "statusAt" BIGINT,
    "fw" TEXT,
    "bootId" TEXT,
    "lastTs" BIGINT,
    "receivedAt" BIGINT,
    "lastRawId" BIGINT,
    "socPct" REAL,
    "voltageV" REAL,
    "currentA" REAL,
    "tempC" REAL,
    "charging" BOOLEAN,
    "cycleCount" INTEGER,
    "fullChargeAh" REAL,
    "odometerM" INTEGER,
    "motorSeconds" INTEGER,
    "seatTiltDeg" REAL,
    "faults" TEXT,
    "samples" BIGINT NOT NULL DEFAULT 0,
    "duplicates" BIGINT NOT NULL DEFAULT 0,
    "rejected" BIGINT NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "chair_boot" (
    "key" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deviceKey" INTEGER NOT NULL,
    "bootId" TEXT NOT NULL,
    "watermark" BIGINT NOT NULL DEFAULT -1,
    "above" TEXT NOT NULL DEFAULT '[]',
    "firstSeenAt" BIGINT NOT NULL,
    "lastSeenAt" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "telemetry_raw" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "device_key" INTEGER NOT NULL,
    "boot_key" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "ts" BIGINT NOT NULL,
    "recv_delta" INTEGER NOT NULL,
    "prev_id" BIGINT,
    "soc10" INTEGER NOT NULL,
    "volt100" INTEGER NOT NULL,
    "amp100" INTEGER NOT NULL,
    "temp10" INTEGER NOT NULL,
    "charging" BOOLEAN NOT NULL,
    "cycles" INTEGER,
    "ah100" INTEGER,
    "odo_m" INTEGER NOT NULL,
    "motor_s" INTEGER NOT NULL,
    "tilt10" INTEGER,
    "faults" TEXT
);

-- CreateTable
CREATE TABLE "telemetry_hourly" (
    "device_key" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "first_id" BIGINT NOT NULL,
    "last_id" BIGINT NOT NULL,
    "ts_first" BIGINT NOT NULL,
    "ts_last" BIGINT NOT NULL,
    "soc_min" REAL NOT NULL,
    "soc_max" REAL NOT NULL,
    "soc_last" REAL NOT NULL,
    "volt_min" REAL NOT NULL,
    "temp_max" REAL NOT NULL,
    "amp_min" REAL NOT NULL,
    "charging_n" INTEGER NOT NULL,
    "odo_first" INTEGER NOT NULL,
    "odo_last" INTEGER NOT NULL,
    "motor_first" INTEGER NOT NULL,
    "motor_last" INTEGER NOT NULL,
    "ah_last" REAL,
    "cycles_last" INTEGER,

    PRIMARY KEY ("device_key", "hour")
);

-- CreateTable
CREATE TABLE "rejected_message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "received_at" BIGINT NOT NULL,
    "device_id" TEXT,
    "client_id" TEXT,
    "topic" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "preview" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "chair_state_deviceId_key" ON "chair_state"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "chair_boot_deviceKey_bootId_key" ON "chair_boot"("deviceKey", "bootId");

-- CreateIndex
CREATE INDEX "rejected_message_device_id_received_at_idx" ON "rejected_message"("device_id", "received_at");

-- CreateIndex
CREATE INDEX "rejected_message_received_at_idx" ON "rejected_message"("received_at");

