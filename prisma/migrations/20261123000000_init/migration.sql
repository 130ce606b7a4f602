-- CreateTable
CREATE TABLE "Centre" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "centreId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "phone" TEXT,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FamilyLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FamilyLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FamilyLink_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "birthDate" DATETIME NOT NULL,
    "sex" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT,
    "phone" TEXT,
    "diagnosis" TEXT NOT NULL,
    "diagnosisNotes" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Beneficiary_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CpProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "gmfcs" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "distribution" TEXT NOT NULL,
    "sittingLevel" TEXT NOT NULL,
    "tone" TEXT NOT NULL,
    "pelvicPosition" TEXT,
    "scoliosis" BOOLEAN NOT NULL DEFAULT false,
    "hipDislocation" BOOLEAN NOT NULL DEFAULT false,
    "windsweptHips" BOOLEAN NOT NULL DEFAULT false,
    "kyphosis" BOOLEAN NOT NULL DEFAULT false,
    "contractures" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CpProfile_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HydrocephalusProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "shuntPresent" BOOLEAN NOT NULL,
    "shuntType" TEXT,
    "shuntSide" TEXT,
    "revisions" INTEGER NOT NULL DEFAULT 0,
    "lastRevisionAt" DATETIME,
    "headSupport" TEXT,
    "occiputSkinRisk" TEXT NOT NULL DEFAULT 'low',
    "redFlagNotes" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HydrocephalusProfile_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HeadCircumference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "measuredAt" DATETIME NOT NULL,
    "cm" REAL NOT NULL,
    CONSTRAINT "HeadCircumference_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "HydrocephalusProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "givenBy" TEXT NOT NULL,
    "guardianName" TEXT,
    "purpose" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "givenAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consent_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "requestId" TEXT,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "appointmentType" TEXT NOT NULL,
    "appointmentAt" DATETIME,
    "referredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Referral_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Referral_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "requestId" TEXT,
    "assessedById" TEXT,
    "assessedAt" DATETIME NOT NULL,
    "goals" TEXT,
    "usageEnvironment" TEXT,
    "dailyUseHours" REAL,
    "terrain" TEXT,
    "transport" TEXT,
    "transfers" TEXT,
    "currentChair" TEXT,
    "sittingPosture" TEXT,
    "pelvicPosition" TEXT,
    "pressureInjuryRisk" TEXT NOT NULL,
    "hipWidthMm" INTEGER,
    "seatDepthLeftMm" INTEGER,
    "seatDepthRightMm" INTEGER,
    "calfLengthLeftMm" INTEGER,
    "calfLengthRightMm" INTEGER,
    "seatToRibCageMm" INTEGER,
    "seatToShoulderMm" INTEGER,
    "seatToOcciputMm" INTEGER,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assessment_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assessment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceModel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "manufacturer" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "isoCode" TEXT NOT NULL,
    "batteryChemistry" TEXT,
    "ratedAh" REAL,
    "ratedCycles" INTEGER,
    "serviceIntervalKm" INTEGER,
    "serviceIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "tiltInSpace" BOOLEAN NOT NULL DEFAULT false,
    "headSupport" BOOLEAN NOT NULL DEFAULT false,
    "lateralSupports" BOOLEAN NOT NULL DEFAULT false,
    "pelvicBelt" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeviceModelSize" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "modelId" TEXT NOT NULL,
    "seatWidthMm" INTEGER NOT NULL,
    "seatDepthMm" INTEGER NOT NULL,
    CONSTRAINT "DeviceModelSize_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serial" TEXT NOT NULL,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Device_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Device_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Device_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeviceRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'referred',
    "therapistId" TEXT,
    "deviceId" TEXT,
    "orderSource" TEXT,
    "supplier" TEXT,
    "expectedAt" DATETIME,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DeviceRequest_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeviceRequest_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeviceRequest_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestTransition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    CONSTRAINT "RequestTransition_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestTransition_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Prescription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "seatWidthMm" INTEGER NOT NULL,
    "seatDepthMm" INTEGER NOT NULL,
    "pelvicBelt" BOOLEAN NOT NULL DEFAULT false,
    "lateralSupports" BOOLEAN NOT NULL DEFAULT false,
    "headSupport" BOOLEAN NOT NULL DEFAULT false,
    "tiltInSpace" BOOLEAN NOT NULL DEFAULT false,
    "cushion" TEXT NOT NULL,
    "accessories" TEXT,
    "notes" TEXT,
    "prescribedById" TEXT,
    "prescribedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Prescription_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Prescription_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FundingApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "fundingSource" TEXT,
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FundingApproval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Fitting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "fittedById" TEXT,
    "fittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sizeOk" BOOLEAN NOT NULL,
    "postureOk" BOOLEAN NOT NULL,
    "pressureOk" BOOLEAN NOT NULL,
    "movementOk" BOOLEAN NOT NULL,
    "adjustments" TEXT,
    "outcome" TEXT NOT NULL,
    "notes" TEXT,
    CONSTRAINT "Fitting_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "trainedById" TEXT,
    "trainedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trainee" TEXT NOT NULL,
    "transfers" BOOLEAN NOT NULL DEFAULT false,
    "mobility" BOOLEAN NOT NULL DEFAULT false,
    "pressureRelief" BOOLEAN NOT NULL DEFAULT false,
    "careMaintenance" BOOLEAN NOT NULL DEFAULT false,
    "batteryCharging" BOOLEAN NOT NULL DEFAULT false,
    "whoToContact" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    CONSTRAINT "TrainingSession_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "requestId" TEXT,
    "kind" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "completedById" TEXT,
    "findings" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IssueReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "beneficiaryId" TEXT NOT NULL,
    "deviceId" TEXT,
    "reportedById" TEXT,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "redFlag" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'new',
    "clientRequestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IssueReport_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IssueReport_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IssueReport_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "deviceId" TEXT,
    "reportId" TEXT,
    "rule" TEXT,
    "kind" TEXT NOT NULL,
    "category" TEXT,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "status" TEXT NOT NULL DEFAULT 'open',
    "assigneeId" TEXT,
    "scheduledAt" DATETIME,
    "location" TEXT,
    "partsUsed" TEXT,
    "resolutionNotes" TEXT,
    "forecastAt" DATETIME,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkOrder_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IssueReport" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkOrder_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "deviceId" TEXT,
    "beneficiaryId" TEXT,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" DATETIME,
    CONSTRAINT "Alert_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Alert_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Alert_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "centreId" TEXT,
    "requestId" TEXT,
    "details" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Centre_code_key" ON "Centre"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_centreId_role_idx" ON "User"("centreId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "FamilyLink_beneficiaryId_idx" ON "FamilyLink"("beneficiaryId");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyLink_userId_beneficiaryId_key" ON "FamilyLink"("userId", "beneficiaryId");

-- CreateIndex
CREATE INDEX "Beneficiary_centreId_fullName_idx" ON "Beneficiary"("centreId", "fullName");

-- CreateIndex
CREATE UNIQUE INDEX "CpProfile_beneficiaryId_key" ON "CpProfile"("beneficiaryId");

-- CreateIndex
CREATE UNIQUE INDEX "HydrocephalusProfile_beneficiaryId_key" ON "HydrocephalusProfile"("beneficiaryId");

-- CreateIndex
CREATE INDEX "HeadCircumference_profileId_measuredAt_idx" ON "HeadCircumference"("profileId", "measuredAt");

-- CreateIndex
CREATE INDEX "Consent_beneficiaryId_purpose_idx" ON "Consent"("beneficiaryId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_requestId_key" ON "Referral"("requestId");

-- CreateIndex
CREATE INDEX "Assessment_beneficiaryId_assessedAt_idx" ON "Assessment"("beneficiaryId", "assessedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceModel_manufacturer_name_key" ON "DeviceModel"("manufacturer", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceModelSize_modelId_seatWidthMm_seatDepthMm_key" ON "DeviceModelSize"("modelId", "seatWidthMm", "seatDepthMm");

-- CreateIndex
CREATE UNIQUE INDEX "Device_serial_key" ON "Device"("serial");

-- CreateIndex
CREATE INDEX "Device_centreId_status_idx" ON "Device"("centreId", "status");

-- CreateIndex
CREATE INDEX "Device_beneficiaryId_idx" ON "Device"("beneficiaryId");

-- CreateIndex
CREATE INDEX "DeviceRequest_centreId_state_idx" ON "DeviceRequest"("centreId", "state");

-- CreateIndex
CREATE INDEX "DeviceRequest_beneficiaryId_idx" ON "DeviceRequest"("beneficiaryId");

-- CreateIndex
CREATE INDEX "RequestTransition_requestId_at_idx" ON "RequestTransition"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Prescription_requestId_key" ON "Prescription"("requestId");

-- CreateIndex
CREATE INDEX "FundingApproval_requestId_idx" ON "FundingApproval"("requestId");

-- CreateIndex
CREATE INDEX "Fitting_requestId_idx" ON "Fitting"("requestId");

-- CreateIndex
CREATE INDEX "TrainingSession_requestId_idx" ON "TrainingSession"("requestId");

-- CreateIndex
CREATE INDEX "FollowUp_beneficiaryId_dueAt_idx" ON "FollowUp"("beneficiaryId", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUp_completedAt_dueAt_idx" ON "FollowUp"("completedAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "IssueReport_clientRequestId_key" ON "IssueReport"("clientRequestId");

-- CreateIndex
CREATE INDEX "IssueReport_beneficiaryId_createdAt_idx" ON "IssueReport"("beneficiaryId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkOrder_centreId_status_idx" ON "WorkOrder"("centreId", "status");

-- CreateIndex
CREATE INDEX "WorkOrder_deviceId_rule_status_idx" ON "WorkOrder"("deviceId", "rule", "status");

-- CreateIndex
CREATE INDEX "Alert_centreId_clearedAt_idx" ON "Alert"("centreId", "clearedAt");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

