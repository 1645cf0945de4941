-- CreateTable
CREATE TABLE "ConfigItem" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'production',
    "ownerGroupId" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL,
    "serviceId" TEXT,
    "origin" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConfigItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CiRelationship" (
    "id" SERIAL NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CiRelationship_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConfigItem_key_key" ON "ConfigItem"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ConfigItem_serviceId_key" ON "ConfigItem"("serviceId");

-- CreateIndex
CREATE INDEX "ConfigItem_type_status_idx" ON "ConfigItem"("type", "status");

-- CreateIndex
CREATE INDEX "CiRelationship_toId_status_type_idx" ON "CiRelationship"("toId", "status", "type");

-- CreateIndex
CREATE UNIQUE INDEX "CiRelationship_fromId_toId_type_key" ON "CiRelationship"("fromId", "toId", "type");

-- AddForeignKey
ALTER TABLE "CiRelationship" ADD CONSTRAINT "CiRelationship_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "ConfigItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CiRelationship" ADD CONSTRAINT "CiRelationship_toId_fkey" FOREIGN KEY ("toId") REFERENCES "ConfigItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

