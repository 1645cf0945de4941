-- CreateTable
CREATE TABLE "TicketLink" (
    "id" SERIAL NOT NULL,
    "fromKind" TEXT NOT NULL,
    "fromKey" TEXT NOT NULL,
    "toKind" TEXT NOT NULL,
    "toKey" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketLink_toKind_toKey_idx" ON "TicketLink"("toKind", "toKey");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_fromKind_fromKey_toKind_toKey_key" ON "TicketLink"("fromKind", "fromKey", "toKind", "toKey");

