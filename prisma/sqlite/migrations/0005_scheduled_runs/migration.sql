-- CreateTable
CREATE TABLE "ScheduledRun" (
    "job" TEXT NOT NULL,
    "slot" DATETIME NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "error" TEXT,

    PRIMARY KEY ("job", "slot")
);

-- CreateIndex
CREATE INDEX "ScheduledRun_slot_idx" ON "ScheduledRun"("slot");

