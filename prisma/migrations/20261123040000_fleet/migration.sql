-- Fleet and maintenance work: acknowledging alerts, a description for hand-made work orders,
-- and the indexes the chair page and work-order resolution read by.

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN "acknowledgedAt" DATETIME;
ALTER TABLE "Alert" ADD COLUMN "acknowledgedById" TEXT;

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN "description" TEXT;

-- CreateIndex
CREATE INDEX "Alert_deviceId_clearedAt_idx" ON "Alert"("deviceId", "clearedAt");

-- CreateIndex
CREATE INDEX "Alert_workOrderId_idx" ON "Alert"("workOrderId");
