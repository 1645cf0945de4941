-- CreateTable
CREATE TABLE "ProcessedRequest" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ProcessedRequest_receivedAt_idx" ON "ProcessedRequest"("receivedAt");

