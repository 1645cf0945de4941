/** What a live page hears: a message appeared or changed, or the sandbox clock jumped. */
export type LiveEvent =
  | {
      type: "message";
      /** Who may see it: null for everyone, else one person id. */
      audienceId: string | null;
      data: unknown;
    }
  | { type: "clock"; audienceId: null; data: { now: string } };

interface Subscriber {
  personId: string;
  send(event: LiveEvent): void;
}

/**
 * Fans events out to the pages open in this process, each only what its person may see. In-process on
 * purpose: the console serves people on this machine; with several replicas each serves its own pages
 * (the messages themselves are in the database, so a reload anywhere shows everything).
 */
export class LiveHub {
  readonly #subscribers = new Set<Subscriber>();

  subscribe(personId: string, send: (event: LiveEvent) => void): () => void {
    const subscriber = { personId, send };
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  publish(event: LiveEvent): void {
    for (const subscriber of this.#subscribers) {
      if (event.audienceId === null || event.audienceId === subscriber.personId) subscriber.send(event);
    }
  }

  get size(): number {
    return this.#subscribers.size;
  }
}
