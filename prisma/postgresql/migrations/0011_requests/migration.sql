-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "itemName" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL DEFAULT 0,
    "needed" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "fulfilledAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestApprover" (
    "requestId" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "onBehalfOf" TEXT,
    "decision" TEXT,
    "reason" TEXT,
    "at" TIMESTAMP(3),

    CONSTRAINT "RequestApprover_pkey" PRIMARY KEY ("requestId","stage","personId")
);

-- CreateTable
CREATE TABLE "RequestTask" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" TEXT,
    "note" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RequestTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestQuestion" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "askerId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "RequestQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestDraft" (
    "id" SERIAL NOT NULL,
    "personId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "page" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestDelegation" (
    "personId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestDelegation_pkey" PRIMARY KEY ("personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_number_key" ON "ServiceRequest"("number");

-- CreateIndex
CREATE INDEX "ServiceRequest_status_idx" ON "ServiceRequest"("status");

-- CreateIndex
CREATE INDEX "ServiceRequest_requesterId_status_idx" ON "ServiceRequest"("requesterId", "status");

-- CreateIndex
CREATE INDEX "RequestApprover_personId_idx" ON "RequestApprover"("personId");

-- CreateIndex
CREATE INDEX "RequestTask_groupId_status_idx" ON "RequestTask"("groupId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RequestTask_requestId_position_key" ON "RequestTask"("requestId", "position");

-- CreateIndex
CREATE INDEX "RequestQuestion_requestId_idx" ON "RequestQuestion"("requestId");

-- CreateIndex
CREATE INDEX "RequestDraft_personId_idx" ON "RequestDraft"("personId");

-- AddForeignKey
ALTER TABLE "RequestApprover" ADD CONSTRAINT "RequestApprover_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTask" ADD CONSTRAINT "RequestTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestQuestion" ADD CONSTRAINT "RequestQuestion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

