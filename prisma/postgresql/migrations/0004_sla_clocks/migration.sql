-- CreateTable
CREATE TABLE "SlaClock" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "priority" TEXT NOT NULL,
    "targetSeconds" INTEGER NOT NULL,
    "calendarId" TEXT NOT NULL,
    "thresholds" TEXT NOT NULL,
    "policy" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "pauses" TEXT NOT NULL DEFAULT '[]',
    "pausedSince" TIMESTAMP(3),
    "stoppedAt" TIMESTAMP(3),
    "stopReason" TEXT,
    "accruedSeconds" INTEGER NOT NULL DEFAULT 0,
    "breached" BOOLEAN NOT NULL DEFAULT false,
    "fired" TEXT NOT NULL DEFAULT '[]',
    "dueAt" TIMESTAMP(3),
    "nextAlertAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SlaClock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaAlert" (
    "id" SERIAL NOT NULL,
    "clockId" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SlaClock_nextAlertAt_idx" ON "SlaClock"("nextAlertAt");

-- CreateIndex
CREATE INDEX "SlaClock_startedAt_idx" ON "SlaClock"("startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SlaClock_incidentId_kind_cycle_key" ON "SlaClock"("incidentId", "kind", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "SlaAlert_clockId_cycle_threshold_key" ON "SlaAlert"("clockId", "cycle", "threshold");

-- AddForeignKey
ALTER TABLE "SlaClock" ADD CONSTRAINT "SlaClock_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaAlert" ADD CONSTRAINT "SlaAlert_clockId_fkey" FOREIGN KEY ("clockId") REFERENCES "SlaClock"("id") ON DELETE CASCADE ON UPDATE CASCADE;

