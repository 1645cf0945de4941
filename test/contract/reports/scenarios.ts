// Reports with charts, written once against the ChatDriver and run on every platform mode: the figures
// answer privately as text, and each chart arrives as a picture uploaded the platform's way (Slack's
// external upload, a Discord attachment, the console's figure), with alt text and its numbers beside it.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { type DigestSettings, type Weekday, weekdays } from "../../../src/config/types.js";
import { runImprovementReviews } from "../../../src/practices/reports/improvement/review-job.js";
import { runDigests } from "../../../src/practices/reports/jobs/digests.js";
import { decodePng } from "../../support/png.js";
import type { ChatDriver } from "../driver.js";

export function reportScenarios(driver: () => ChatDriver): void {
  describe("WHEN an agent asks for the incidents report of a service", () => {
    it("THEN the figures answer privately and three charts with their numbers arrive as direct messages", async () => {
      const d = driver();
      // The identity service has no incidents from the scenarios run before these (the contract files run the
      // reports right after the links; releases and continuity raise incidents on identity later): these two are all.
      for (const [title, impact] of [
        ["Login is slow", "low"],
        ["Login fails for everyone", "high"],
      ] as const) {
        await d.run("rita", {
          command: "incident",
          subcommand: "new",
          args: { title, impact, urgency: "high", service: "identity" },
        });
      }
      await d.settle();
      const before = (await d.images({ dm: "ada" })).length;

      const answer = await d.run("ada", {
        command: "report",
        subcommand: "incidents",
        args: { period: "7d", service: "identity" },
      });
      expect(answer.text).toContain("Incidents, the last 7 days, service identity");
      expect(answer.text).toContain("Incidents raised: 2 (P1 1, P3 1)");
      expect(answer.text).toContain("By service: identity 2");
      expect(answer.text).toContain("3 charts are on the way to your direct messages.");

      await d.settle();
      const images = (await d.images({ dm: "ada" })).slice(before);
      expect(images.map((image) => image.filename)).toEqual([
        "incidents-raised-per-week-by-priority-1.png",
        "time-to-acknowledge-per-week-minutes-p50-p90-2.png",
        "time-to-resolve-per-week-hours-p50-p90-3.png",
      ]);
      const [volume] = images;
      // Raised together, so both are in the last week: the alt text and the lines beside it say so.
      expect(volume?.altText).toMatch(
        /^Bar chart: Incidents raised per week, by priority\. .*: P1 1, P3 1\.$/,
      );
      expect(volume?.text).toContain(
        "Incidents, the last 7 days, service identity: Incidents raised per week, by priority",
      );
      expect(volume?.text).toMatch(/: P1 1, P3 1$/);
      for (const image of images) {
        const png = decodePng(image.png);
        expect(png).toMatchObject({ width: 960, height: 480 });
        expect(png.distinctColours).toBeGreaterThan(8);
      }
    });
  });

  describe("WHEN someone asks for a report of a service that does not exist", () => {
    it("THEN they are told privately what to do and no chart is sent", async () => {
      const d = driver();
      const before = (await d.images({ dm: "otto" })).length;
      const answer = await d.run("otto", {
        command: "report",
        subcommand: "backlog",
        args: { service: "nope" },
      });
      expect(answer.text).toMatch(/nope/);
      await d.settle();
      expect(await d.images({ dm: "otto" })).toHaveLength(before);
    });
  });

  describe("WHEN Prometheus scrapes GET /metrics", () => {
    it("THEN it counts this platform's interactions and reads open tickets, SLA clocks and the outbox from the database", async () => {
      const d = driver();
      await d.run("ada", { command: "report", subcommand: "help" });
      const response = await fetch(`${d.opsdesk.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      const text = await response.text();
      const value = (series: string): number => {
        const line = text.split("\n").find((l) => l.startsWith(`${series} `));
        if (!line) throw new Error(`no ${series} in /metrics`);
        return Number(line.slice(series.length + 1));
      };
      const kind = d.platform === "discord" ? "command_options" : "command_text";
      expect(
        value(`opsdesk_interactions_total{platform="${d.platform}",kind="${kind}",outcome="ok"}`),
      ).toBeGreaterThan(0);
      const db = d.opsdesk.database.db;
      const open = await db.incident.count({ where: { status: { in: ["new", "in_progress", "on_hold"] } } });
      expect(value('opsdesk_tickets_open{practice="incidents",kind="INC"}')).toBe(open);
      const running = await db.slaClock.count({
        where: { kind: "response", stoppedAt: null, pausedSince: null },
      });
      expect(value('opsdesk_sla_clocks{kind="response",state="running"}')).toBe(running);
      for (const family of [
        "opsdesk_outbox_depth",
        "opsdesk_outbox_dead_letters",
        "opsdesk_scheduler_runs_total",
      ])
        expect(text).toContain(`# TYPE ${family} `);
      expect(value("opsdesk_outbox_oldest_age_seconds")).toBeGreaterThanOrEqual(0);
      // The HTTP modes answer the platform's request itself: that answer is the acknowledgement.
      const endpoint = { slack: "/slack/events", "discord http": "/discord/interactions" }[d.name];
      if (endpoint)
        expect(value(`opsdesk_acknowledgement_seconds_count{endpoint="${endpoint}"}`)).toBeGreaterThan(0);
      else expect(text).not.toContain("opsdesk_acknowledgement_seconds_count{");
    });
  });

  describe("WHEN the weekly digest falls due and two replicas run the job in the same minute", () => {
    it("THEN the channel gets the digest's chart with its figures once, through the platform's upload", async () => {
      const d = driver();
      const { config, clock, database } = d.opsdesk;
      const local = DateTime.fromJSDate(clock.now(), { zone: config.timezone });
      const digest: DigestSettings = {
        id: `contract-${d.platform}`,
        reports: ["backlog"],
        period: "7d",
        channel: config.channels.incidents,
        day: weekdays[local.weekday - 1] as Weekday,
        time: local.toFormat("HH:mm"),
      };
      const replica = () =>
        runDigests(
          {
            reports: {
              db: database.db,
              clock,
              timezone: config.timezone,
              serviceIds: new Set(config.services.map((service) => service.id)),
              platforms: [d.platform],
              onQueued: () => d.opsdesk.outbox.wake(),
            },
            digests: [digest],
          },
          clock.now(),
        );
      const before = (await d.images({ channel: "incidents" })).length;
      await Promise.all([replica(), replica()]);
      await replica();
      await d.settle();
      const posted = (await d.images({ channel: "incidents" })).slice(before);
      expect(posted.map((image) => image.filename)).toEqual(["open-tickets-by-age-1.png"]);
      expect(posted[0]?.text).toContain("Weekly digest · Backlog now: Open tickets by age");
      expect(posted[0]?.text).toMatch(/Incidents: \d+ open \(under 1 day \d+/);
      expect(posted[0]?.altText).toMatch(
        /^Bar chart: Open tickets by age\. under 1 day: Incidents \d+, Changes \d+\./,
      );
      expect(decodePng(posted[0]?.png ?? Buffer.alloc(0))).toMatchObject({ width: 960, height: 480 });
    });
  });

  describe("WHEN an agent records an improvement and its review day comes", () => {
    it("THEN the baseline is measured at once, and the review posts value, baseline and target once to the owner and the channel", async () => {
      const d = driver();
      const { config, clock, database } = d.opsdesk;
      const today = DateTime.fromJSDate(clock.now(), { zone: config.timezone }).toISODate() ?? "";
      const refused = await d.run("rita", {
        command: "improve",
        subcommand: "new",
        args: { title: "Fewer open incidents", metric: "open-incidents", target: "0", review: today },
      });
      expect(refused.text).toContain("Only agents record improvements");
      const open = await database.db.incident.count({
        where: { serviceId: "identity", status: { in: ["new", "in_progress", "on_hold"] } },
      });
      const answer = await d.run("ada", {
        command: "improve",
        subcommand: "new",
        args: {
          title: "Fewer open identity incidents",
          metric: "open-incidents",
          target: "0",
          review: today,
          service: "identity",
        },
      });
      const ref = /CSI-\d+/.exec(answer.text)?.[0] ?? "";
      expect(answer.text).toContain(
        `${ref} is recorded: Open incidents from ${open} (the last 30 days) to 0, reviewed on ${today}.`,
      );
      const shown = await d.run("ada", { command: "improve", subcommand: "show", args: { ref } });
      expect(shown.text).toContain("Fewer open identity incidents");
      expect(shown.text).toContain(`${open}`);

      const imagesBefore = (await d.images({ dm: "ada" })).length;
      const review = () =>
        runImprovementReviews(
          {
            reports: {
              db: database.db,
              clock,
              timezone: config.timezone,
              serviceIds: new Set(config.services.map((service) => service.id)),
              platforms: [d.platform],
              onQueued: () => d.opsdesk.outbox.wake(),
            },
            config,
          },
          clock.now(),
        );
      // Two replicas at once (the desk's own scheduler may have got there first: then both find it done).
      await Promise.all([review(), review()]);
      expect(await review()).toBe(0);
      await d.settle();
      const mine = (await d.images({ dm: "ada" })).slice(imagesBefore).filter((i) => i.text.includes(ref));
      expect(mine).toHaveLength(1);
      expect(mine[0]?.altText).toBe(
        `Bar chart: ${ref} review: Open incidents. Baseline: ${open}. Target: 0. Now: ${open}.`,
      );
      expect(decodePng(mine[0]?.png ?? Buffer.alloc(0)).width).toBe(960);
    });
  });
}
