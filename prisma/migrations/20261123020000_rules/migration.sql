-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN "details" TEXT;

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN "details" TEXT;
ALTER TABLE "Alert" ADD COLUMN "workOrderId" TEXT;

-- CreateTable
CREATE TABLE "RuleState" (
    "deviceId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "since" DATETIME,
    "data" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("deviceId", "rule")
);

-- CreateIndex
CREATE INDEX "RuleState_rule_active_idx" ON "RuleState"("rule", "active");

