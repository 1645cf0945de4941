// The local Discords of first-response.ts and their load generator, in a worker thread: Discord is a remote
// service, so its work (dispatching interactions, recording answers, storing posted cards) must neither
// delay nor be delayed by the bots under test on the main thread. One local Discord per target, so each bot
// is the only one answering its interactions.
import { parentPort } from "node:worker_threads";
import {
  defaultDiscordSigner,
  type FakeDiscord,
  type SentInteraction,
  slashCommand,
  startFakeDiscord,
} from "../../test/fakes/discord/index.js";
import { channels, people } from "../../test/support/desk-config.js";

export type Target = "bare-gateway" | "opsdesk-gateway" | "bare-http" | "opsdesk-http";
const targets: readonly Target[] = ["bare-gateway", "opsdesk-gateway", "bare-http", "opsdesk-http"];

export interface LocalDiscord {
  token: string;
  applicationId: string;
  restBase: string;
}

export type WorkerRequest =
  | { kind: "start" }
  | { kind: "gateway-sessions"; target: Target }
  | {
      kind: "load";
      target: Target;
      /** HTTP targets: the interactions endpoint to POST to. */
      url?: string;
      inflight: number;
      titles: string[];
      /** Also wait for the deferred reply's edit (OpsDesk's private answer). */
      awaitEdit: boolean;
    }
  | { kind: "close" };

export type WorkerAnswer =
  | { kind: "started"; discords: Record<Target, LocalDiscord>; publicKeyHex: string }
  | { kind: "gateway-sessions"; count: number }
  | { kind: "loaded"; shots: Shot[] }
  | { kind: "closed" };

export interface Shot {
  /** When the interaction was sent, on the worker's clock (performance.now()), ms. */
  sentAt: number;
  /** Interaction sent (dispatched or POSTed) -> its first response recorded by the local Discord, ms. */
  firstMs: number;
  /** -> the deferred reply edited with the answer, ms (when awaited). */
  editMs?: number;
  /** Callback type of the first response (4 reply, 5 deferred, 9 modal). */
  firstType?: number;
  error?: string;
}

const discords = new Map<Target, FakeDiscord>();

async function start(): Promise<WorkerAnswer> {
  for (const target of targets) {
    discords.set(
      target,
      await startFakeDiscord({
        channels: Object.entries(channels.discord).map(([name, id]) => ({ id, name })),
        userId: people.rita.discord,
        username: "rita",
      }),
    );
  }
  const describe = (fake: FakeDiscord): LocalDiscord => ({
    token: fake.token,
    applicationId: fake.applicationId,
    restBase: fake.restBase,
  });
  return {
    kind: "started",
    discords: Object.fromEntries([...discords].map(([target, fake]) => [target, describe(fake)])) as Record<
      Target,
      LocalDiscord
    >,
    publicKeyHex: defaultDiscordSigner.publicKeyHex,
  };
}

function discordOf(target: Target): FakeDiscord {
  const fake = discords.get(target);
  if (!fake) throw new Error(`no local Discord for ${target}`);
  return fake;
}

/**
 * Sends one `/incident new` and resolves on its first response. The edit of a deferred reply (OpsDesk's
 * private answer) is awaited in the background and pushed onto `later`, so the loop's pace is set by first
 * responses only, the same for every target.
 */
async function one(
  fake: FakeDiscord,
  title: string,
  url: string | undefined,
  awaitEdit: boolean,
  later: Promise<unknown>[],
): Promise<Shot> {
  const spec = slashCommand({
    name: "incident",
    subcommand: "new",
    options: { title, service: "payments" },
    channelId: channels.discord.incidents,
  });
  const started = performance.now();
  try {
    let sent: SentInteraction;
    if (url) {
      sent = fake.createInteraction(spec);
      await fake.deliverOverHttp(url, sent);
    } else {
      sent = fake.sendInteraction(spec);
    }
    const first = await fake.waitForInteractionResponse(sent.id, 30_000);
    const shot: Shot = { sentAt: started, firstMs: performance.now() - started };
    if (first.type !== undefined) shot.firstType = first.type;
    if (awaitEdit) {
      later.push(
        fake.waitForInteractionResponse(sent.id, 60_000, "edit-original").then(
          () => {
            shot.editMs = performance.now() - started;
          },
          (error: unknown) => {
            shot.error = `no answer: ${String(error)}`;
          },
        ),
      );
    }
    return shot;
  } catch (error) {
    return { sentAt: started, firstMs: performance.now() - started, error: String(error) };
  }
}

/** Closed loop: each of `inflight` senders sends its next interaction once its previous one was answered. */
async function load(request: Extract<WorkerRequest, { kind: "load" }>): Promise<WorkerAnswer> {
  const fake = discordOf(request.target);
  const shots: Shot[] = new Array(request.titles.length);
  const later: Promise<unknown>[] = [];
  let next = 0;
  const sender = async () => {
    for (let i = next++; i < request.titles.length; i = next++) {
      shots[i] = await one(fake, request.titles[i] ?? "", request.url, request.awaitEdit, later);
    }
  };
  await Promise.all(Array.from({ length: request.inflight }, sender));
  await Promise.all(later);
  return { kind: "loaded", shots };
}

async function handle(request: WorkerRequest): Promise<WorkerAnswer> {
  switch (request.kind) {
    case "start":
      return start();
    case "gateway-sessions":
      return { kind: "gateway-sessions", count: discordOf(request.target).gatewaySessions };
    case "load":
      return load(request);
    case "close":
      for (const fake of discords.values()) await fake.close();
      return { kind: "closed" };
  }
}

parentPort?.on("message", (request: WorkerRequest) => {
  void handle(request).then((answer) => parentPort?.postMessage(answer));
});
