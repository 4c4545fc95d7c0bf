// npm run db:start: runs the embedded PostgreSQL in the foreground (for tools such as psql),
// until Ctrl+C.
import { openDatabase } from "./lib/database";

async function main() {
  const db = await openDatabase();
  if (!db.started) {
    console.log("A database server is already running; nothing to do.");
    return;
  }
  console.log(`Embedded PostgreSQL is running: ${db.url.replace(/:[^:@/]+@/, ":***@")}\nPress Ctrl+C to stop.`);
  const stop = async () => {
    await db.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  setInterval(() => {}, 1 << 30);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
