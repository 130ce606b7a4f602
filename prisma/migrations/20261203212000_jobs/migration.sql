-- Jobs exactly once across instances, and the sign-in limits shared by every API process.

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "until" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT
);

-- The rules' compare-and-set counter (a column added in place rather than the table rebuilt).
ALTER TABLE "RuleState" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
