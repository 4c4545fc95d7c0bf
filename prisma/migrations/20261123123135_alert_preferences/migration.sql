-- CreateEnum
CREATE TYPE "AlertScope" AS ENUM ('ALL', 'WATCHED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "alertScope" "AlertScope" NOT NULL DEFAULT 'ALL',
ADD COLUMN     "emailAlerts" BOOLEAN NOT NULL DEFAULT false;

