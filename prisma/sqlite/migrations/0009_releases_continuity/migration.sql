-- CreateTable
CREATE TABLE "ContinuityRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "serviceId" TEXT NOT NULL,
    "drill" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "incidentRef" TEXT,
    "rtoMinutes" INTEGER NOT NULL,
    "rpoMinutes" INTEGER NOT NULL,
    "mtdMinutes" INTEGER NOT NULL,
    "ordered" BOOLEAN NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "startedById" TEXT NOT NULL,
    "recoveredAt" DATETIME,
    "recoveryMinutes" INTEGER,
    "warnedPercent" INTEGER NOT NULL DEFAULT 0,
    "drawnAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ContinuityStep" (
    "runId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ownerGroupId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "updatedAt" DATETIME,
    "updatedById" TEXT,

    PRIMARY KEY ("runId", "position"),
    CONSTRAINT "ContinuityStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ContinuityRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContinuityReminder" (
    "serviceId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("serviceId", "period")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "windowEnd" DATETIME NOT NULL,
    "managerId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "approvalGroupId" TEXT,
    "quorum" INTEGER,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "deployStartedAt" DATETIME,
    "deployedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ReleaseService" (
    "releaseId" INTEGER NOT NULL,
    "serviceId" TEXT NOT NULL,

    PRIMARY KEY ("releaseId", "serviceId"),
    CONSTRAINT "ReleaseService_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseVote" (
    "releaseId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("releaseId", "personId"),
    CONSTRAINT "ReleaseVote_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ContinuityRun_number_key" ON "ContinuityRun"("number");

-- CreateIndex
CREATE INDEX "ContinuityRun_status_idx" ON "ContinuityRun"("status");

-- CreateIndex
CREATE INDEX "ContinuityRun_serviceId_drill_idx" ON "ContinuityRun"("serviceId", "drill");

-- CreateIndex
CREATE UNIQUE INDEX "Release_number_key" ON "Release"("number");

-- CreateIndex
CREATE INDEX "Release_status_windowStart_idx" ON "Release"("status", "windowStart");

-- CreateIndex
CREATE INDEX "Release_deployedAt_idx" ON "Release"("deployedAt");

-- CreateIndex
CREATE INDEX "ReleaseService_serviceId_idx" ON "ReleaseService"("serviceId");

