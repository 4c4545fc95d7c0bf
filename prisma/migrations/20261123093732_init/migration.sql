-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ANALYST', 'ADMIN');

-- CreateEnum
CREATE TYPE "RiskCategory" AS ENUM ('CURRENT_CRISIS', 'IMMINENT_RISK', 'SERIOUS_CONCERN', 'MONITORING', 'RESOLVED');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('ORGANISATION', 'COALITION');

-- CreateEnum
CREATE TYPE "Crime" AS ENUM ('GENOCIDE', 'WAR_CRIMES', 'CRIMES_AGAINST_HUMANITY', 'ETHNIC_CLEANSING', 'INCITEMENT');

-- CreateEnum
CREATE TYPE "CrimeStatus" AS ENUM ('NOT_ASSESSED', 'RISK', 'ALLEGED', 'DOCUMENTED', 'PAST');

-- CreateEnum
CREATE TYPE "FactorGroup" AS ENUM ('COMMON', 'GENOCIDE', 'CRIMES_AGAINST_HUMANITY', 'WAR_CRIMES');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('NONE', 'PRESENT', 'SIGNIFICANT', 'SEVERE');

-- CreateEnum
CREATE TYPE "Trend" AS ENUM ('RISING', 'STABLE', 'FALLING');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "Pillar" AS ENUM ('I', 'II', 'III');

-- CreateEnum
CREATE TYPE "ResponseType" AS ENUM ('STATEMENT', 'DEMARCHE', 'MEDIATION', 'CAPACITY_BUILDING', 'TECHNICAL_ASSISTANCE', 'HUMANITARIAN_ASSISTANCE', 'FACT_FINDING', 'TARGETED_SANCTIONS', 'ARMS_EMBARGO', 'ICC_REFERRAL', 'PEACE_OPERATION', 'AUTHORISED_USE_OF_FORCE', 'NATIONAL_ACTION_PLAN', 'ACCOUNTABILITY', 'OTHER');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('STATE_CONCERNED', 'UN_SECURITY_COUNCIL', 'UN_GENERAL_ASSEMBLY', 'UN_HUMAN_RIGHTS_COUNCIL', 'UN_SECRETARY_GENERAL', 'REGIONAL_BODY', 'OTHER_STATE', 'CIVIL_SOCIETY');

-- CreateEnum
CREATE TYPE "ResponseStatus" AS ENUM ('PROPOSED', 'ADOPTED', 'IMPLEMENTED', 'BLOCKED', 'LAPSED');

-- CreateEnum
CREATE TYPE "ResponseEffect" AS ENUM ('NOT_ASSESSED', 'NONE', 'LIMITED', 'MODERATE', 'SIGNIFICANT', 'COUNTERPRODUCTIVE');

-- CreateEnum
CREATE TYPE "SourceReliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "AlertRule" AS ENUM ('SCORE_RISE', 'CATEGORY_ESCALATION', 'NEW_DOCUMENTED_CRIME', 'NEW_SEVERE_INDICATOR', 'RESPONSE_GAP', 'STALE_ASSESSMENT');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "assessmentIntervalDays" INTEGER NOT NULL DEFAULT 120,
    "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false,
    "sensitivityMarking" TEXT NOT NULL DEFAULT 'RESTRICTED',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "sessionsValidFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Country" (
    "iso3" CHAR(3) NOT NULL,
    "iso2" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "subregion" TEXT NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("iso3")
);

-- CreateTable
CREATE TABLE "RiskFactor" (
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "group" "FactorGroup" NOT NULL,

    CONSTRAINT "RiskFactor_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "riskFactorNumber" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "organisationId" TEXT,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Situation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "countryIso3" CHAR(3) NOT NULL,
    "scope" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "background" TEXT NOT NULL DEFAULT '',
    "recommendedAction" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "riskCategory" "RiskCategory" NOT NULL DEFAULT 'MONITORING',
    "riskCategorySince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "populationsAtRisk" TEXT NOT NULL DEFAULT '',
    "perpetrators" TEXT NOT NULL DEFAULT '',
    "visibility" "Visibility" NOT NULL DEFAULT 'ORGANISATION',
    "monitoringSince" DATE,
    "lastAssessedAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Situation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrimeAssessment" (
    "id" TEXT NOT NULL,
    "situationId" TEXT NOT NULL,
    "crime" "Crime" NOT NULL,
    "status" "CrimeStatus" NOT NULL DEFAULT 'NOT_ASSESSED',
    "rationale" TEXT NOT NULL DEFAULT '',
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CrimeAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalRating" (
    "id" TEXT NOT NULL,
    "situationId" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "ratedOn" DATE NOT NULL,
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "situationId" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "summary" TEXT NOT NULL DEFAULT '',
    "overallScore" DOUBLE PRECISION,
    "scores" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorRating" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "level" "RatingLevel" NOT NULL DEFAULT 'NONE',
    "trend" "Trend",
    "confidence" "Confidence",
    "evidence" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "situationId" TEXT NOT NULL,
    "pillar" "Pillar" NOT NULL,
    "type" "ResponseType" NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "reference" TEXT,
    "status" "ResponseStatus" NOT NULL,
    "effect" "ResponseEffect" NOT NULL DEFAULT 'NOT_ASSESSED',
    "effectNotes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "situationId" TEXT,
    "externalId" TEXT,
    "eventDate" DATE NOT NULL,
    "timePrecision" INTEGER,
    "disorderType" TEXT,
    "eventType" TEXT NOT NULL,
    "subEventType" TEXT,
    "actor1" TEXT,
    "assocActor1" TEXT,
    "actor2" TEXT,
    "assocActor2" TEXT,
    "interaction" TEXT,
    "civilianTargeting" BOOLEAN NOT NULL DEFAULT false,
    "countryIso3" CHAR(3),
    "admin1" TEXT,
    "admin2" TEXT,
    "admin3" TEXT,
    "location" TEXT,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "geoPrecision" INTEGER,
    "sourceText" TEXT,
    "sourceScale" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "fatalities" INTEGER NOT NULL DEFAULT 0,
    "tags" TEXT,
    "crimes" "Crime"[],
    "importId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventIndicator" (
    "eventId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    CONSTRAINT "EventIndicator_pkey" PRIMARY KEY ("eventId","indicatorId")
);

-- CreateTable
CREATE TABLE "EventImport" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "situationId" TEXT,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PENDING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB,
    "mapping" JSONB,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "EventImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "unSymbol" TEXT,
    "publishedOn" DATE,
    "accessedOn" DATE,
    "reliability" "SourceReliability" NOT NULL DEFAULT 'F',
    "credibility" INTEGER NOT NULL DEFAULT 6,
    "notes" TEXT NOT NULL DEFAULT '',
    "fileName" TEXT,
    "fileKey" TEXT,
    "fileSize" INTEGER,
    "fileType" TEXT,
    "fileSha256" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "situationId" TEXT,
    "crimeAssessmentId" TEXT,
    "indicatorRatingId" TEXT,
    "responseId" TEXT,
    "eventId" TEXT,
    "locator" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "organisationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "meta" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "situationId" TEXT NOT NULL,
    "rule" "AlertRule" NOT NULL,
    "severity" "AlertSeverity" NOT NULL DEFAULT 'WARNING',
    "title" TEXT NOT NULL,
    "detail" JSONB,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertReceipt" (
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "AlertReceipt_pkey" PRIMARY KEY ("alertId","userId")
);

-- CreateTable
CREATE TABLE "Watch" (
    "userId" TEXT NOT NULL,
    "situationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("userId","situationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_organisationId_role_idx" ON "Membership"("organisationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organisationId_createdAt_idx" ON "Invitation"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuthSession_userId_revokedAt_idx" ON "AuthSession"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Country_iso2_key" ON "Country"("iso2");

-- CreateIndex
CREATE INDEX "Country_region_subregion_idx" ON "Country"("region", "subregion");

-- CreateIndex
CREATE INDEX "Country_name_idx" ON "Country"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_key_key" ON "Indicator"("key");

-- CreateIndex
CREATE INDEX "Indicator_riskFactorNumber_position_idx" ON "Indicator"("riskFactorNumber", "position");

-- CreateIndex
CREATE INDEX "Indicator_organisationId_idx" ON "Indicator"("organisationId");

-- CreateIndex
CREATE INDEX "Situation_organisationId_archivedAt_updatedAt_idx" ON "Situation"("organisationId", "archivedAt", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Situation_visibility_archivedAt_updatedAt_idx" ON "Situation"("visibility", "archivedAt", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Situation_riskCategory_idx" ON "Situation"("riskCategory");

-- CreateIndex
CREATE INDEX "Situation_countryIso3_idx" ON "Situation"("countryIso3");

-- CreateIndex
CREATE INDEX "CrimeAssessment_crime_status_idx" ON "CrimeAssessment"("crime", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CrimeAssessment_situationId_crime_key" ON "CrimeAssessment"("situationId", "crime");

-- CreateIndex
CREATE INDEX "ExternalRating_situationId_ratedOn_idx" ON "ExternalRating"("situationId", "ratedOn");

-- CreateIndex
CREATE INDEX "Assessment_situationId_status_assessedOn_idx" ON "Assessment"("situationId", "status", "assessedOn" DESC);

-- CreateIndex
CREATE INDEX "Assessment_organisationId_assessedOn_idx" ON "Assessment"("organisationId", "assessedOn");

-- CreateIndex
CREATE INDEX "IndicatorRating_indicatorId_level_idx" ON "IndicatorRating"("indicatorId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorRating_assessmentId_indicatorId_key" ON "IndicatorRating"("assessmentId", "indicatorId");

-- CreateIndex
CREATE INDEX "Response_situationId_pillar_startDate_idx" ON "Response"("situationId", "pillar", "startDate" DESC);

-- CreateIndex
CREATE INDEX "Response_organisationId_startDate_idx" ON "Response"("organisationId", "startDate" DESC);

-- CreateIndex
CREATE INDEX "Response_pillar_status_startDate_idx" ON "Response"("pillar", "status", "startDate");

-- CreateIndex
CREATE INDEX "Event_situationId_eventDate_id_idx" ON "Event"("situationId", "eventDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Event_organisationId_eventDate_id_idx" ON "Event"("organisationId", "eventDate" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Event_organisationId_eventType_eventDate_idx" ON "Event"("organisationId", "eventType", "eventDate");

-- CreateIndex
CREATE INDEX "Event_importId_idx" ON "Event"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_organisationId_externalId_key" ON "Event"("organisationId", "externalId");

-- CreateIndex
CREATE INDEX "EventIndicator_indicatorId_idx" ON "EventIndicator"("indicatorId");

-- CreateIndex
CREATE INDEX "EventImport_organisationId_createdAt_idx" ON "EventImport"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_organisationId_name_key" ON "ImportMapping"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Source_organisationId_deletedAt_createdAt_idx" ON "Source"("organisationId", "deletedAt", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Source_organisationId_title_idx" ON "Source"("organisationId", "title");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_situationId_idx" ON "Citation"("situationId");

-- CreateIndex
CREATE INDEX "Citation_crimeAssessmentId_idx" ON "Citation"("crimeAssessmentId");

-- CreateIndex
CREATE INDEX "Citation_indicatorRatingId_idx" ON "Citation"("indicatorRatingId");

-- CreateIndex
CREATE INDEX "Citation_responseId_idx" ON "Citation"("responseId");

-- CreateIndex
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_idx" ON "AuditEntry"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_at_idx" ON "AuditEntry"("organisationId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_userId_at_idx" ON "AuditEntry"("userId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_organisationId_createdAt_idx" ON "Alert"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_situationId_createdAt_idx" ON "Alert"("situationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AlertReceipt_userId_readAt_idx" ON "AlertReceipt"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Watch_situationId_idx" ON "Watch"("situationId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_riskFactorNumber_fkey" FOREIGN KEY ("riskFactorNumber") REFERENCES "RiskFactor"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Situation" ADD CONSTRAINT "Situation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Situation" ADD CONSTRAINT "Situation_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Situation" ADD CONSTRAINT "Situation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Situation" ADD CONSTRAINT "Situation_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrimeAssessment" ADD CONSTRAINT "CrimeAssessment_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrimeAssessment" ADD CONSTRAINT "CrimeAssessment_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalRating" ADD CONSTRAINT "ExternalRating_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorRating" ADD CONSTRAINT "IndicatorRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorRating" ADD CONSTRAINT "IndicatorRating_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_countryIso3_fkey" FOREIGN KEY ("countryIso3") REFERENCES "Country"("iso3") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_importId_fkey" FOREIGN KEY ("importId") REFERENCES "EventImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventIndicator" ADD CONSTRAINT "EventIndicator_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventIndicator" ADD CONSTRAINT "EventIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventImport" ADD CONSTRAINT "EventImport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventImport" ADD CONSTRAINT "EventImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportMapping" ADD CONSTRAINT "ImportMapping_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_crimeAssessmentId_fkey" FOREIGN KEY ("crimeAssessmentId") REFERENCES "CrimeAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_indicatorRatingId_fkey" FOREIGN KEY ("indicatorRatingId") REFERENCES "IndicatorRating"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertReceipt" ADD CONSTRAINT "AlertReceipt_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertReceipt" ADD CONSTRAINT "AlertReceipt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_situationId_fkey" FOREIGN KEY ("situationId") REFERENCES "Situation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------- hand-written (not modelled by Prisma)

-- The audit log is append-only: no update, no delete, whoever asks.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_is_append_only"();

-- A citation links its source to exactly one claim.
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_exactly_one_target" CHECK (
  num_nonnulls("situationId", "crimeAssessmentId", "indicatorRatingId", "responseId", "eventId") = 1
);

-- Grading scales.
ALTER TABLE "Source" ADD CONSTRAINT "Source_credibility_range" CHECK ("credibility" BETWEEN 1 AND 6);
ALTER TABLE "Event" ADD CONSTRAINT "Event_fatalities_not_negative" CHECK ("fatalities" >= 0);
