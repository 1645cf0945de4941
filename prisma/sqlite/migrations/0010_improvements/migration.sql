-- CreateTable
CREATE TABLE "Improvement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "why" TEXT NOT NULL DEFAULT '',
    "metric" TEXT NOT NULL,
    "serviceId" TEXT,
    "baseline" REAL,
    "target" REAL NOT NULL,
    "reviewOn" DATETIME NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "reviewedAt" DATETIME,
    "reviewValue" REAL
);

-- CreateIndex
CREATE UNIQUE INDEX "Improvement_number_key" ON "Improvement"("number");

-- CreateIndex
CREATE INDEX "Improvement_reviewedAt_reviewOn_idx" ON "Improvement"("reviewedAt", "reviewOn");

