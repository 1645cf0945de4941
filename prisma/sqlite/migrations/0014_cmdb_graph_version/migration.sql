-- CreateTable
CREATE TABLE "CmdbGraph" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "token" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);


-- The one row every CMDB write changes (src/practices/cmdb/graph-version.ts).
INSERT INTO "CmdbGraph" ("id", "token", "version") VALUES (1, 'initial', 0);
