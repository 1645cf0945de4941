-- CreateTable
CREATE TABLE "Problem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "symptom" TEXT NOT NULL DEFAULT '',
    "impact" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "serviceId" TEXT,
    "reporterId" TEXT NOT NULL,
    "ownerId" TEXT,
    "groupId" TEXT,
    "rootCause" TEXT,
    "causeCategory" TEXT,
    "workaround" TEXT,
    "resolutionNote" TEXT,
    "cancelReason" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Problem_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Problem_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Problem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Problem_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KnownError" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "problemId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "symptom" TEXT NOT NULL DEFAULT '',
    "cause" TEXT NOT NULL DEFAULT '',
    "workaround" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "serviceId" TEXT,
    "publishedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KnownError_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecurringCluster" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "serviceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "problemNumber" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "decidedById" TEXT
);

-- CreateTable
CREATE TABLE "RecurringClusterIncident" (
    "incidentKey" TEXT NOT NULL PRIMARY KEY,
    "clusterId" INTEGER NOT NULL,
    CONSTRAINT "RecurringClusterIncident_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "RecurringCluster" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Problem_number_key" ON "Problem"("number");

-- CreateIndex
CREATE INDEX "Problem_status_priority_idx" ON "Problem"("status", "priority");

-- CreateIndex
CREATE INDEX "Problem_ownerId_status_idx" ON "Problem"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Problem_serviceId_status_idx" ON "Problem"("serviceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "KnownError_number_key" ON "KnownError"("number");

-- CreateIndex
CREATE UNIQUE INDEX "KnownError_problemId_key" ON "KnownError"("problemId");

-- CreateIndex
CREATE INDEX "KnownError_status_idx" ON "KnownError"("status");

-- CreateIndex
CREATE INDEX "RecurringClusterIncident_clusterId_idx" ON "RecurringClusterIncident"("clusterId");

-- Raw SQL (Prisma cannot express it): the known errors' full-text index, SQLite's own FTS5. An external-
-- content table over "KnownError" (the text is stored once), kept current by the three triggers below; the
-- porter tokenizer matches "timeout" and "timeouts". Searched by src/practices/problems/search-known-errors.ts.
CREATE VIRTUAL TABLE "KnownErrorSearch" USING fts5(
    title, symptom, cause, workaround,
    content='KnownError', content_rowid='id', tokenize='porter unicode61'
);

CREATE TRIGGER "KnownError_search_insert" AFTER INSERT ON "KnownError" BEGIN
    INSERT INTO "KnownErrorSearch"(rowid, title, symptom, cause, workaround)
    VALUES (new."id", new."title", new."symptom", new."cause", new."workaround");
END;

CREATE TRIGGER "KnownError_search_delete" AFTER DELETE ON "KnownError" BEGIN
    INSERT INTO "KnownErrorSearch"("KnownErrorSearch", rowid, title, symptom, cause, workaround)
    VALUES ('delete', old."id", old."title", old."symptom", old."cause", old."workaround");
END;

CREATE TRIGGER "KnownError_search_update" AFTER UPDATE ON "KnownError" BEGIN
    INSERT INTO "KnownErrorSearch"("KnownErrorSearch", rowid, title, symptom, cause, workaround)
    VALUES ('delete', old."id", old."title", old."symptom", old."cause", old."workaround");
    INSERT INTO "KnownErrorSearch"(rowid, title, symptom, cause, workaround)
    VALUES (new."id", new."title", new."symptom", new."cause", new."workaround");
END;
