-- CreateTable
CREATE TABLE "Asset" (
    "id" SERIAL NOT NULL,
    "serial" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "costCents" INTEGER,
    "warrantyEnd" TIMESTAMP(3),
    "ciKey" TEXT,
    "seats" INTEGER,
    "minFreeSeats" INTEGER,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetHandover" (
    "id" SERIAL NOT NULL,
    "assetId" INTEGER NOT NULL,
    "toPersonId" TEXT NOT NULL,
    "byPersonId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "returnedAt" TIMESTAMP(3),

    CONSTRAINT "AssetHandover_pkey" PRIMARY KEY ("id")
);

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
CREATE UNIQUE INDEX "Asset_serial_key" ON "Asset"("serial");

-- CreateIndex
CREATE INDEX "Asset_status_idx" ON "Asset"("status");

-- CreateIndex
CREATE INDEX "AssetHandover_toPersonId_status_idx" ON "AssetHandover"("toPersonId", "status");

-- CreateIndex
CREATE INDEX "AssetHandover_assetId_status_idx" ON "AssetHandover"("assetId", "status");

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
ALTER TABLE "AssetHandover" ADD CONSTRAINT "AssetHandover_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CiRelationship" ADD CONSTRAINT "CiRelationship_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "ConfigItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CiRelationship" ADD CONSTRAINT "CiRelationship_toId_fkey" FOREIGN KEY ("toId") REFERENCES "ConfigItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

