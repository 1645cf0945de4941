-- CreateTable
CREATE TABLE "ContinuityRun" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "serviceId" TEXT NOT NULL,
    "drill" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "incidentRef" TEXT,
    "rtoMinutes" INTEGER NOT NULL,
    "rpoMinutes" INTEGER NOT NULL,
    "mtdMinutes" INTEGER NOT NULL,
    "ordered" BOOLEAN NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "startedById" TEXT NOT NULL,
    "recoveredAt" TIMESTAMP(3),
    "recoveryMinutes" INTEGER,
    "warnedPercent" INTEGER NOT NULL DEFAULT 0,
    "drawnAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContinuityRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContinuityStep" (
    "runId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ownerGroupId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3),
    "updatedById" TEXT,

    CONSTRAINT "ContinuityStep_pkey" PRIMARY KEY ("runId","position")
);

-- CreateTable
CREATE TABLE "ContinuityReminder" (
    "serviceId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContinuityReminder_pkey" PRIMARY KEY ("serviceId","period")
);

-- CreateTable
CREATE TABLE "Release" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "managerId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "approvalGroupId" TEXT,
    "quorum" INTEGER,
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),
    "deployStartedAt" TIMESTAMP(3),
    "deployedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseService" (
    "releaseId" INTEGER NOT NULL,
    "serviceId" TEXT NOT NULL,

    CONSTRAINT "ReleaseService_pkey" PRIMARY KEY ("releaseId","serviceId")
);

-- CreateTable
CREATE TABLE "ReleaseVote" (
    "releaseId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReleaseVote_pkey" PRIMARY KEY ("releaseId","personId")
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

-- AddForeignKey
ALTER TABLE "ContinuityStep" ADD CONSTRAINT "ContinuityStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ContinuityRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseService" ADD CONSTRAINT "ReleaseService_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseVote" ADD CONSTRAINT "ReleaseVote_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "Release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

