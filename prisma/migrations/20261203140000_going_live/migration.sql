-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN "nik" TEXT;

-- AlterTable
ALTER TABLE "DeviceModel" ADD COLUMN "thresholds" TEXT;

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN "checklist" TEXT;
ALTER TABLE "WorkOrder" ADD COLUMN "outcome" TEXT;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deviceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "beneficiaryId" TEXT,
    "centreId" TEXT,
    "reason" TEXT,
    "details" TEXT,
    CONSTRAINT "DeviceEvent_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deviceId" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" DATETIME NOT NULL,
    "returnedAt" DATETIME,
    "reminderSentAt" DATETIME,
    "createdById" TEXT,
    CONSTRAINT "Loan_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deviceId" TEXT NOT NULL,
    "fromCentreId" TEXT NOT NULL,
    "toCentreId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" TEXT,
    "receivedAt" DATETIME,
    "receivedById" TEXT,
    "note" TEXT,
    CONSTRAINT "Transfer_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "centreId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "phone" TEXT,
    "passwordHash" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("centreId", "createdAt", "disabled", "email", "id", "lastLoginAt", "locale", "name", "passwordHash", "phone", "role", "updatedAt") SELECT "centreId", "createdAt", "disabled", "email", "id", "lastLoginAt", "locale", "name", "passwordHash", "phone", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_centreId_role_idx" ON "User"("centreId", "role");
CREATE TABLE "new_Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serial" TEXT NOT NULL,
    "serialKey" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "beneficiaryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'in_stock',
    "seatWidthMm" INTEGER,
    "seatDepthMm" INTEGER,
    "batteryInstalledAt" DATETIME,
    "lastServiceAt" DATETIME,
    "lastServiceOdometerM" INTEGER,
    "mqttSecretHash" TEXT,
    "receivedAt" DATETIME,
    "supplier" TEXT,
    "fundingSource" TEXT,
    "retiredAt" DATETIME,
    "retiredReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Device_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Device_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Device_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Hand-edited: existing chairs get their national comparison key (schemas/devices.ts serialKey: upper
-- case, no whitespace). Serials were single-line text, so spaces and tabs are all there is to remove.
INSERT INTO "new_Device" ("batteryInstalledAt", "beneficiaryId", "centreId", "createdAt", "id", "lastServiceAt", "lastServiceOdometerM", "modelId", "mqttSecretHash", "seatDepthMm", "seatWidthMm", "serial", "serialKey", "status", "updatedAt") SELECT "batteryInstalledAt", "beneficiaryId", "centreId", "createdAt", "id", "lastServiceAt", "lastServiceOdometerM", "modelId", "mqttSecretHash", "seatDepthMm", "seatWidthMm", "serial", upper(replace(replace("serial", ' ', ''), char(9), '')), "status", "updatedAt" FROM "Device";
DROP TABLE "Device";
ALTER TABLE "new_Device" RENAME TO "Device";
CREATE UNIQUE INDEX "Device_serial_key" ON "Device"("serial");
CREATE UNIQUE INDEX "Device_serialKey_key" ON "Device"("serialKey");
CREATE INDEX "Device_centreId_status_idx" ON "Device"("centreId", "status");
CREATE INDEX "Device_beneficiaryId_idx" ON "Device"("beneficiaryId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- CreateIndex
CREATE INDEX "DeviceEvent_deviceId_at_idx" ON "DeviceEvent"("deviceId", "at");

-- CreateIndex
CREATE INDEX "Loan_centreId_returnedAt_dueAt_idx" ON "Loan"("centreId", "returnedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Loan_deviceId_idx" ON "Loan"("deviceId");

-- CreateIndex
CREATE INDEX "Loan_beneficiaryId_idx" ON "Loan"("beneficiaryId");

-- CreateIndex
CREATE INDEX "Transfer_deviceId_idx" ON "Transfer"("deviceId");

-- CreateIndex
CREATE INDEX "Transfer_fromCentreId_receivedAt_idx" ON "Transfer"("fromCentreId", "receivedAt");

-- CreateIndex
CREATE INDEX "Transfer_toCentreId_receivedAt_idx" ON "Transfer"("toCentreId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_nik_key" ON "Beneficiary"("nik");

