-- CreateTable
CREATE TABLE "Improvement" (
    "id" SERIAL NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "why" TEXT NOT NULL DEFAULT '',
    "metric" TEXT NOT NULL,
    "serviceId" TEXT,
    "baseline" DOUBLE PRECISION,
    "target" DOUBLE PRECISION NOT NULL,
    "reviewOn" TIMESTAMP(3) NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "reviewValue" DOUBLE PRECISION,

    CONSTRAINT "Improvement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Improvement_number_key" ON "Improvement"("number");

-- CreateIndex
CREATE INDEX "Improvement_reviewedAt_reviewOn_idx" ON "Improvement"("reviewedAt", "reviewOn");

