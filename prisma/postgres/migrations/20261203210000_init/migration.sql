-- CreateTable
CREATE TABLE "Centre" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "centreId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'id',
    "phone" TEXT,
    "passwordHash" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilyLink" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FamilyLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nik" TEXT,
    "birthDate" TIMESTAMP(3) NOT NULL,
    "sex" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT,
    "phone" TEXT,
    "diagnosis" TEXT NOT NULL,
    "diagnosisNotes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "anonymisedAt" TIMESTAMP(3),

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CpProfile" (
    "id" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CpProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HydrocephalusProfile" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "shuntPresent" BOOLEAN NOT NULL,
    "shuntType" TEXT,
    "shuntSide" TEXT,
    "revisions" INTEGER NOT NULL DEFAULT 0,
    "lastRevisionAt" TIMESTAMP(3),
    "headSupport" TEXT,
    "occiputSkinRisk" TEXT NOT NULL DEFAULT 'low',
    "redFlagNotes" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HydrocephalusProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadCircumference" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "measuredAt" TIMESTAMP(3) NOT NULL,
    "cm" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "HeadCircumference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "givenBy" TEXT NOT NULL,
    "guardianName" TEXT,
    "guardianRelationship" TEXT,
    "purpose" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "requestId" TEXT,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "appointmentType" TEXT NOT NULL,
    "appointmentAt" TIMESTAMP(3),
    "referredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "requestId" TEXT,
    "assessedById" TEXT,
    "assessedAt" TIMESTAMP(3) NOT NULL,
    "goals" TEXT,
    "usageEnvironment" TEXT,
    "dailyUseHours" DOUBLE PRECISION,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceModel" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "manufacturer" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "isoCode" TEXT NOT NULL,
    "batteryChemistry" TEXT,
    "ratedAh" DOUBLE PRECISION,
    "ratedCycles" INTEGER,
    "serviceIntervalKm" INTEGER,
    "serviceIntervalMonths" INTEGER NOT NULL DEFAULT 12,
    "tiltInSpace" BOOLEAN NOT NULL DEFAULT false,
    "headSupport" BOOLEAN NOT NULL DEFAULT false,
    "lateralSupports" BOOLEAN NOT NULL DEFAULT false,
    "pelvicBelt" BOOLEAN NOT NULL DEFAULT true,
    "thresholds" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceModelSize" (
    "id" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "seatWidthMm" INTEGER NOT NULL,
    "seatDepthMm" INTEGER NOT NULL,

    CONSTRAINT "DeviceModelSize_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "serialKey" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "beneficiaryId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'in_stock',
    "seatWidthMm" INTEGER,
    "seatDepthMm" INTEGER,
    "batteryInstalledAt" TIMESTAMP(3),
    "lastServiceAt" TIMESTAMP(3),
    "lastServiceOdometerM" INTEGER,
    "mqttSecretHash" TEXT,
    "receivedAt" TIMESTAMP(3),
    "supplier" TEXT,
    "fundingSource" TEXT,
    "retiredAt" TIMESTAMP(3),
    "retiredReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceEvent" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "beneficiaryId" TEXT,
    "centreId" TEXT,
    "reason" TEXT,
    "details" TEXT,

    CONSTRAINT "DeviceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "createdById" TEXT,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "fromCentreId" TEXT NOT NULL,
    "toCentreId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" TEXT,
    "receivedAt" TIMESTAMP(3),
    "receivedById" TEXT,
    "note" TEXT,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeviceRequest" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'referred',
    "therapistId" TEXT,
    "deviceId" TEXT,
    "orderSource" TEXT,
    "supplier" TEXT,
    "expectedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeviceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestTransition" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "RequestTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prescription" (
    "id" TEXT NOT NULL,
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
    "prescribedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prescription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingApproval" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "fundingSource" TEXT,
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundingApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fitting" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "fittedById" TEXT,
    "fittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sizeOk" BOOLEAN NOT NULL,
    "postureOk" BOOLEAN NOT NULL,
    "pressureOk" BOOLEAN NOT NULL,
    "movementOk" BOOLEAN NOT NULL,
    "adjustments" TEXT,
    "outcome" TEXT NOT NULL,
    "notes" TEXT,

    CONSTRAINT "Fitting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "trainedById" TEXT,
    "trainedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trainee" TEXT NOT NULL,
    "transfers" BOOLEAN NOT NULL DEFAULT false,
    "mobility" BOOLEAN NOT NULL DEFAULT false,
    "pressureRelief" BOOLEAN NOT NULL DEFAULT false,
    "careMaintenance" BOOLEAN NOT NULL DEFAULT false,
    "batteryCharging" BOOLEAN NOT NULL DEFAULT false,
    "whoToContact" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "requestId" TEXT,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "findings" TEXT,
    "pressureInjuryRisk" TEXT,
    "fitOk" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssueReport" (
    "id" TEXT NOT NULL,
    "beneficiaryId" TEXT NOT NULL,
    "deviceId" TEXT,
    "reportedById" TEXT,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "redFlag" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'new',
    "clientRequestId" TEXT,
    "followUpId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IssueReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportPhoto" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "uploadedById" TEXT,
    "sha256" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "byUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportComment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "notificationId" TEXT,
    "event" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "deviceId" TEXT,
    "reportId" TEXT,
    "rule" TEXT,
    "kind" TEXT NOT NULL,
    "category" TEXT,
    "priority" TEXT NOT NULL DEFAULT 'normal',
    "status" TEXT NOT NULL DEFAULT 'open',
    "assigneeId" TEXT,
    "scheduledAt" TIMESTAMP(3),
    "location" TEXT,
    "partsUsed" TEXT,
    "resolutionNotes" TEXT,
    "description" TEXT,
    "forecastAt" TIMESTAMP(3),
    "details" TEXT,
    "checklist" TEXT,
    "outcome" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "deviceId" TEXT,
    "beneficiaryId" TEXT,
    "workOrderId" TEXT,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "details" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clearedAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "centreId" TEXT,
    "requestId" TEXT,
    "details" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "lastAt" TIMESTAMP(3),
    "aggregateKey" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chair_state" (
    "key" SERIAL NOT NULL,
    "deviceId" TEXT NOT NULL,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "statusAt" BIGINT,
    "fw" TEXT,
    "bootId" TEXT,
    "lastTs" BIGINT,
    "receivedAt" BIGINT,
    "lastRawId" BIGINT,
    "socPct" DOUBLE PRECISION,
    "voltageV" DOUBLE PRECISION,
    "currentA" DOUBLE PRECISION,
    "tempC" DOUBLE PRECISION,
    "charging" BOOLEAN,
    "cycleCount" INTEGER,
    "fullChargeAh" DOUBLE PRECISION,
    "odometerM" INTEGER,
    "motorSeconds" INTEGER,
    "seatTiltDeg" DOUBLE PRECISION,
    "faults" TEXT,
    "samples" BIGINT NOT NULL DEFAULT 0,
    "duplicates" BIGINT NOT NULL DEFAULT 0,
    "rejected" BIGINT NOT NULL DEFAULT 0,
    "withheld" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "chair_state_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "chair_boot" (
    "key" SERIAL NOT NULL,
    "deviceKey" INTEGER NOT NULL,
    "bootId" TEXT NOT NULL,
    "watermark" BIGINT NOT NULL DEFAULT -1,
    "above" TEXT NOT NULL DEFAULT '[]',
    "firstSeenAt" BIGINT NOT NULL,
    "lastSeenAt" BIGINT NOT NULL,

    CONSTRAINT "chair_boot_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "telemetry_raw" (
    "id" INTEGER NOT NULL,
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
    "faults" TEXT,

    CONSTRAINT "telemetry_raw_pkey" PRIMARY KEY ("id")
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
    "soc_min" DOUBLE PRECISION NOT NULL,
    "soc_max" DOUBLE PRECISION NOT NULL,
    "soc_last" DOUBLE PRECISION NOT NULL,
    "volt_min" DOUBLE PRECISION NOT NULL,
    "temp_max" DOUBLE PRECISION NOT NULL,
    "amp_min" DOUBLE PRECISION NOT NULL,
    "charging_n" INTEGER NOT NULL,
    "odo_first" INTEGER NOT NULL,
    "odo_last" INTEGER NOT NULL,
    "motor_first" INTEGER NOT NULL,
    "motor_last" INTEGER NOT NULL,
    "ah_last" DOUBLE PRECISION,
    "cycles_last" INTEGER,

    CONSTRAINT "telemetry_hourly_pkey" PRIMARY KEY ("device_key","hour")
);

-- CreateTable
CREATE TABLE "rejected_message" (
    "id" SERIAL NOT NULL,
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
    "agg_key" TEXT,

    CONSTRAINT "rejected_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleState" (
    "deviceId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "since" TIMESTAMP(3),
    "data" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleState_pkey" PRIMARY KEY ("deviceId","rule")
);

-- CreateIndex
CREATE UNIQUE INDEX "Centre_code_key" ON "Centre"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_centreId_role_idx" ON "User"("centreId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_userId_idx" ON "Invitation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "FamilyLink_beneficiaryId_idx" ON "FamilyLink"("beneficiaryId");

-- CreateIndex
CREATE UNIQUE INDEX "FamilyLink_userId_beneficiaryId_key" ON "FamilyLink"("userId", "beneficiaryId");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_nik_key" ON "Beneficiary"("nik");

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
CREATE UNIQUE INDEX "Device_serialKey_key" ON "Device"("serialKey");

-- CreateIndex
CREATE INDEX "Device_centreId_status_idx" ON "Device"("centreId", "status");

-- CreateIndex
CREATE INDEX "Device_beneficiaryId_idx" ON "Device"("beneficiaryId");

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
CREATE INDEX "IssueReport_status_idx" ON "IssueReport"("status");

-- CreateIndex
CREATE INDEX "ReportPhoto_reportId_idx" ON "ReportPhoto"("reportId");

-- CreateIndex
CREATE INDEX "ReportEvent_reportId_at_idx" ON "ReportEvent"("reportId", "at");

-- CreateIndex
CREATE INDEX "ReportComment_reportId_createdAt_idx" ON "ReportComment"("reportId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEndpoint_centreId_key" ON "WebhookEndpoint"("centreId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_deliveredAt_nextAttemptAt_idx" ON "WebhookDelivery"("deliveredAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkOrder_centreId_status_idx" ON "WorkOrder"("centreId", "status");

-- CreateIndex
CREATE INDEX "WorkOrder_deviceId_rule_status_idx" ON "WorkOrder"("deviceId", "rule", "status");

-- CreateIndex
CREATE INDEX "Alert_centreId_clearedAt_idx" ON "Alert"("centreId", "clearedAt");

-- CreateIndex
CREATE INDEX "Alert_deviceId_clearedAt_idx" ON "Alert"("deviceId", "clearedAt");

-- CreateIndex
CREATE INDEX "Alert_workOrderId_idx" ON "Alert"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_aggregateKey_key" ON "AuditLog"("aggregateKey");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_centreId_at_idx" ON "AuditLog"("centreId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "chair_state_deviceId_key" ON "chair_state"("deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "chair_boot_deviceKey_bootId_key" ON "chair_boot"("deviceKey", "bootId");

-- CreateIndex
CREATE UNIQUE INDEX "rejected_message_agg_key_key" ON "rejected_message"("agg_key");

-- CreateIndex
CREATE INDEX "rejected_message_device_id_received_at_idx" ON "rejected_message"("device_id", "received_at");

-- CreateIndex
CREATE INDEX "rejected_message_received_at_idx" ON "rejected_message"("received_at");

-- CreateIndex
CREATE INDEX "RuleState_rule_active_idx" ON "RuleState"("rule", "active");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyLink" ADD CONSTRAINT "FamilyLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilyLink" ADD CONSTRAINT "FamilyLink_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CpProfile" ADD CONSTRAINT "CpProfile_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HydrocephalusProfile" ADD CONSTRAINT "HydrocephalusProfile_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadCircumference" ADD CONSTRAINT "HeadCircumference_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "HydrocephalusProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceModelSize" ADD CONSTRAINT "DeviceModelSize_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceEvent" ADD CONSTRAINT "DeviceEvent_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceRequest" ADD CONSTRAINT "DeviceRequest_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceRequest" ADD CONSTRAINT "DeviceRequest_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeviceRequest" ADD CONSTRAINT "DeviceRequest_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTransition" ADD CONSTRAINT "RequestTransition_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTransition" ADD CONSTRAINT "RequestTransition_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prescription" ADD CONSTRAINT "Prescription_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "DeviceModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingApproval" ADD CONSTRAINT "FundingApproval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fitting" ADD CONSTRAINT "Fitting_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeviceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueReport" ADD CONSTRAINT "IssueReport_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueReport" ADD CONSTRAINT "IssueReport_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueReport" ADD CONSTRAINT "IssueReport_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssueReport" ADD CONSTRAINT "IssueReport_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportPhoto" ADD CONSTRAINT "ReportPhoto_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IssueReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IssueReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportComment" ADD CONSTRAINT "ReportComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IssueReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "IssueReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "Device"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_beneficiaryId_fkey" FOREIGN KEY ("beneficiaryId") REFERENCES "Beneficiary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

