-- AlterTable
ALTER TABLE "RequestApprover" ADD COLUMN "askedAt" DATETIME;
ALTER TABLE "RequestApprover" ADD COLUMN "escalatedAt" DATETIME;
ALTER TABLE "RequestApprover" ADD COLUMN "remindedAt" DATETIME;

-- CreateTable
CREATE TABLE "RequestSlaClock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "targetSeconds" INTEGER NOT NULL,
    "calendarId" TEXT NOT NULL,
    "thresholds" TEXT NOT NULL,
    "policy" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "pauses" TEXT NOT NULL DEFAULT '[]',
    "pausedSince" DATETIME,
    "stoppedAt" DATETIME,
    "stopReason" TEXT,
    "accruedSeconds" INTEGER NOT NULL DEFAULT 0,
    "breached" BOOLEAN NOT NULL DEFAULT false,
    "fired" TEXT NOT NULL DEFAULT '[]',
    "dueAt" DATETIME,
    "nextAlertAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RequestSlaClock_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestSlaAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clockId" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "firedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    CONSTRAINT "RequestSlaAlert_clockId_fkey" FOREIGN KEY ("clockId") REFERENCES "RequestSlaClock" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RequestSlaClock_nextAlertAt_idx" ON "RequestSlaClock"("nextAlertAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequestSlaClock_requestId_kind_cycle_key" ON "RequestSlaClock"("requestId", "kind", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "RequestSlaAlert_clockId_cycle_threshold_key" ON "RequestSlaAlert"("clockId", "cycle", "threshold");

