-- CreateTable
CREATE TABLE "ConsoleMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" TEXT NOT NULL,
    "threadOfId" INTEGER,
    "audienceId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConsoleSandbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "createdAt" DATETIME NOT NULL,
    "offsetSeconds" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsoleMessage_idempotencyKey_key" ON "ConsoleMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ConsoleMessage_channelId_id_idx" ON "ConsoleMessage"("channelId", "id");

-- CreateIndex
CREATE INDEX "ConsoleMessage_threadOfId_id_idx" ON "ConsoleMessage"("threadOfId", "id");

