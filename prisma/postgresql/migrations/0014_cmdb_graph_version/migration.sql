-- CreateTable
CREATE TABLE "CmdbGraph" (
    "id" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CmdbGraph_pkey" PRIMARY KEY ("id")
);


-- The one row every CMDB write changes (src/practices/cmdb/graph-version.ts).
INSERT INTO "CmdbGraph" ("id", "token", "version") VALUES (1, 'initial', 0);
