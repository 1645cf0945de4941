-- CreateTable
CREATE TABLE "ConsoleMessage" (
    "id" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "threadOfId" INTEGER,
    "audienceId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsoleMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleSandbox" (
    "id" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "offsetSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConsoleSandbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConsoleMessage_idempotencyKey_key" ON "ConsoleMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ConsoleMessage_channelId_id_idx" ON "ConsoleMessage"("channelId", "id");

-- CreateIndex
CREATE INDEX "ConsoleMessage_threadOfId_id_idx" ON "ConsoleMessage"("threadOfId", "id");

