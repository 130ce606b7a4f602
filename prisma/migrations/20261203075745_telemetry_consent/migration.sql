-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_chair_state" (
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
    "rejected" BIGINT NOT NULL DEFAULT 0,
    "withheld" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "new_chair_state" ("bootId", "charging", "currentA", "cycleCount", "deviceId", "duplicates", "faults", "fullChargeAh", "fw", "key", "lastRawId", "lastTs", "motorSeconds", "odometerM", "online", "receivedAt", "rejected", "samples", "seatTiltDeg", "socPct", "statusAt", "tempC", "voltageV") SELECT "bootId", "charging", "currentA", "cycleCount", "deviceId", "duplicates", "faults", "fullChargeAh", "fw", "key", "lastRawId", "lastTs", "motorSeconds", "odometerM", "online", "receivedAt", "rejected", "samples", "seatTiltDeg", "socPct", "statusAt", "tempC", "voltageV" FROM "chair_state";
DROP TABLE "chair_state";
ALTER TABLE "new_chair_state" RENAME TO "chair_state";
CREATE UNIQUE INDEX "chair_state_deviceId_key" ON "chair_state"("deviceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

