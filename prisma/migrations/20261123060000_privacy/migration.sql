-- Personal-data duties (UU PDP 27/2022): when a beneficiary's identifying data was removed.
-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN "anonymisedAt" DATETIME;

-- CreateIndex
CREATE INDEX "AuditLog_centreId_at_idx" ON "AuditLog"("centreId", "at");
