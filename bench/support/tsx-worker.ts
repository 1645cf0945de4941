import { Worker } from "node:worker_threads";

/**
 * A worker thread running a TypeScript module. On Node 20 a worker inherits neither tsx's module hooks nor a
 * working `--import` of them for its entry module, so a tiny script registers tsx inside the worker and then
 * imports the module. Requests go one at a time: the next message the worker posts is this request's answer.
 */
export class TsxWorker<Request, Answer> {
  readonly #worker: Worker;

  constructor(moduleUrl: string) {
    this.#worker = new Worker(
      `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
        .then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); })`,
      { eval: true },
    );
  }

  send(request: Request): Promise<Answer> {
    const answered = new Promise<Answer>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.#worker.once("error", fail);
      this.#worker.once("message", (answer: Answer) => {
        this.#worker.off("error", fail);
        resolve(answer);
      });
    });
    this.#worker.postMessage(request);
    return answered;
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}
