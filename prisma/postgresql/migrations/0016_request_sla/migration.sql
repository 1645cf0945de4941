-- AlterTable
ALTER TABLE "RequestApprover" ADD COLUMN     "askedAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RequestSlaClock" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
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

    CONSTRAINT "RequestSlaClock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestSlaAlert" (
    "id" SERIAL NOT NULL,
    "clockId" INTEGER NOT NULL,
    "cycle" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "threshold" INTEGER NOT NULL,
    "firedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestSlaAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RequestSlaClock_nextAlertAt_idx" ON "RequestSlaClock"("nextAlertAt");

-- CreateIndex
CREATE UNIQUE INDEX "RequestSlaClock_requestId_kind_cycle_key" ON "RequestSlaClock"("requestId", "kind", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "RequestSlaAlert_clockId_cycle_threshold_key" ON "RequestSlaAlert"("clockId", "cycle", "threshold");

-- AddForeignKey
ALTER TABLE "RequestSlaClock" ADD CONSTRAINT "RequestSlaClock_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestSlaAlert" ADD CONSTRAINT "RequestSlaAlert_clockId_fkey" FOREIGN KEY ("clockId") REFERENCES "RequestSlaClock"("id") ON DELETE CASCADE ON UPDATE CASCADE;

