-- CreateTable
CREATE TABLE "SlaClock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "priority" TEXT NOT NULL,
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
    CONSTRAINT "SlaClock_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlaAlert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clockId" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "firedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    CONSTRAINT "SlaAlert_clockId_fkey" FOREIGN KEY ("clockId") REFERENCES "SlaClock" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SlaClock_nextAlertAt_idx" ON "SlaClock"("nextAlertAt");

-- CreateIndex
CREATE INDEX "SlaClock_startedAt_idx" ON "SlaClock"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaClock_incidentId_kind_cycle_key" ON "SlaClock"("incidentId", "kind", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "SlaAlert_clockId_cycle_threshold_key" ON "SlaAlert"("clockId", "cycle", "threshold");

