-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "centreId" TEXT,
    "requestId" TEXT,
    "details" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAt" DATETIME,
    "aggregateKey" TEXT
);
INSERT INTO "new_AuditLog" ("action", "actorId", "actorRole", "at", "centreId", "details", "entityId", "entityType", "id", "requestId") SELECT "action", "actorId", "actorRole", "at", "centreId", "details", "entityId", "entityType", "id", "requestId" FROM "AuditLog";
DROP TABLE "AuditLog";
ALTER TABLE "new_AuditLog" RENAME TO "AuditLog";
CREATE UNIQUE INDEX "AuditLog_aggregateKey_key" ON "AuditLog"("aggregateKey");
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");
CREATE INDEX "AuditLog_centreId_at_idx" ON "AuditLog"("centreId", "at");
CREATE TABLE "new_rejected_message" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "received_at" BIGINT NOT NULL,
    "device_id" TEXT,
    "client_id" TEXT,
    "topic" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "preview" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "last_received_at" BIGINT,
    "agg_key" TEXT
);
INSERT INTO "new_rejected_message" ("client_id", "detail", "device_id", "id", "preview", "reason", "received_at", "size", "topic") SELECT "client_id", "detail", "device_id", "id", "preview", "reason", "received_at", "size", "topic" FROM "rejected_message";
DROP TABLE "rejected_message";
ALTER TABLE "new_rejected_message" RENAME TO "rejected_message";
CREATE UNIQUE INDEX "rejected_message_agg_key_key" ON "rejected_message"("agg_key");
CREATE INDEX "rejected_message_device_id_received_at_idx" ON "rejected_message"("device_id", "received_at");
CREATE INDEX "rejected_message_received_at_idx" ON "rejected_message"("received_at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

