-- People killed: null when the source does not say (unknown is not none). Events stored before keep
-- their 0: an empty cell and a written 0 were stored alike, and cannot be told apart now.
-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "fatalities" DROP NOT NULL,
ALTER COLUMN "fatalities" DROP DEFAULT;

