-- CreateTable
CREATE TABLE "Problem" (
    "id" SERIAL NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnownError" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "problemId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "symptom" TEXT NOT NULL DEFAULT '',
    "cause" TEXT NOT NULL DEFAULT '',
    "workaround" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "serviceId" TEXT,
    "publishedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecurringCluster" (
    "id" SERIAL NOT NULL,
    "serviceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "problemNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,

    CONSTRAINT "RecurringCluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecurringClusterIncident" (
    "incidentKey" TEXT NOT NULL,
    "clusterId" INTEGER NOT NULL,

    CONSTRAINT "RecurringClusterIncident_pkey" PRIMARY KEY ("incidentKey")
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

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnownError" ADD CONSTRAINT "KnownError_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecurringClusterIncident" ADD CONSTRAINT "RecurringClusterIncident_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "RecurringCluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Raw SQL (Prisma cannot express it): the known errors' full-text index, PostgreSQL's own text search. A GIN
-- index over the weighted tsvector of title (A), symptom (B), cause and workaround (C); the search query
-- (src/practices/problems/search-known-errors.ts) uses exactly this expression, so the index serves it.
CREATE INDEX "KnownError_search_idx" ON "KnownError" USING GIN ((
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "symptom"), 'B') ||
    setweight(to_tsvector('english'::regconfig, "cause" || ' ' || "workaround"), 'C')
));
