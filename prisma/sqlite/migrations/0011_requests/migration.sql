-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "itemId" TEXT NOT NULL,
    "itemName" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL DEFAULT 0,
    "needed" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "fulfilledAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "RequestApprover" (
    "requestId" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "onBehalfOf" TEXT,
    "decision" TEXT,
    "reason" TEXT,
    "at" DATETIME,

    PRIMARY KEY ("requestId", "stage", "personId"),
    CONSTRAINT "RequestApprover_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestTask" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigneeId" TEXT,
    "note" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "RequestTask_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "askerId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "askedAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    CONSTRAINT "RequestQuestion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestDraft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "page" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RequestDelegation" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "delegateId" TEXT NOT NULL,
    "until" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL
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

