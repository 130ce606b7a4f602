-- AlterTable
ALTER TABLE "Consent" ADD COLUMN "guardianRelationship" TEXT;
