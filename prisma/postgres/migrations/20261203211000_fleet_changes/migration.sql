-- The fleet list's change log (server/src/devices/fleet-cache.ts). The table only: the triggers that
-- stamp it (SQLite's are in prisma/migrations/20261203210000_fleet_changes) come with the PostgreSQL
-- telemetry store, in PL/pgSQL, taking versions from a one-row clock updated in the writer's
-- transaction so they commit in order.
-- CreateTable
CREATE TABLE "fleet_change" (
    "deviceId" TEXT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "fleet_change_pkey" PRIMARY KEY ("deviceId")
);

-- CreateIndex
CREATE INDEX "fleet_change_version_idx" ON "fleet_change"("version");

