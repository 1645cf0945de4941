// Runs once before the suite. Reports loudly when the PostgreSQL half of the integration suite cannot run.
import { postgresAvailability } from "./postgres.js";

export default async function setup(): Promise<void> {
  const availability = await postgresAvailability();
  if (availability.available) return;
  if (process.env.CI === "true") {
    throw new Error(`PostgreSQL is required under CI=true but is not reachable: ${availability.reason}`);
  }
  const line = "=".repeat(100);
  console.warn(
    `\n${line}\nPOSTGRESQL HALF SKIPPED: ${availability.reason}\n` +
      "Start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set " +
      `OPSDESK_TEST_POSTGRES_URL.\n${line}\n`,
  );
}
