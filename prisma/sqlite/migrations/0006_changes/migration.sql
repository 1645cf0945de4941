-- CreateTable
CREATE TABLE "Change" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "templateId" TEXT,
    "risk" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "plannedStart" DATETIME NOT NULL,
    "plannedEnd" DATETIME NOT NULL,
    "implementationPlan" TEXT NOT NULL DEFAULT '',
    "backoutPlan" TEXT NOT NULL DEFAULT '',
    "testPlan" TEXT NOT NULL DEFAULT '',
    "requesterId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "approvalGroupId" TEXT,
    "quorum" INTEGER,
    "authorizeStartedAt" DATETIME,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "blackoutOverride" BOOLEAN NOT NULL DEFAULT false,
    "closureCode" TEXT,
    "closureNotes" TEXT,
    "implementStartedAt" DATETIME,
    "implementEndedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Change_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Change_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChangeService" (
    "changeId" INTEGER NOT NULL,
    "serviceId" TEXT NOT NULL,

    PRIMARY KEY ("changeId", "serviceId"),
    CONSTRAINT "ChangeService_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChangeService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChangeVote" (
    "changeId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("changeId", "personId"),
    CONSTRAINT "ChangeVote_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ChangeVote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Change_number_key" ON "Change"("number");

-- CreateIndex
CREATE INDEX "Change_status_plannedStart_idx" ON "Change"("status", "plannedStart");

-- CreateIndex
CREATE INDEX "Change_requesterId_status_idx" ON "Change"("requesterId", "status");

-- CreateIndex
CREATE INDEX "ChangeService_serviceId_idx" ON "ChangeService"("serviceId");

