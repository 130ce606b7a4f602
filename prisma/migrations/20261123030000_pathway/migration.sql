-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN "fitOk" BOOLEAN;
ALTER TABLE "FollowUp" ADD COLUMN "pressureInjuryRisk" TEXT;

