import { Worker } from 'node:worker_threads';
import type { ChatMessage } from '../../core/chat-message.js';
import type { Classification } from '../../core/finding.js';
import { InputError, WorkError, oneLine } from '../../core/errors.js';
import { examinedPart } from '../../engine/text-limit.js';
import type { BatchClassifier } from './batch-classifier.js';
import type { BatchReply, BatchRequest, EngineSetup, StartReply } from './worker-protocol.js';

/** The error the thread's engine refused with, of the class the CLI maps to its exit code. */
function revive(name: string, message: string): Error {
  if (name === 'InputError') return new InputError(message);
  if (name === 'WorkError') return new WorkError(message);
  return Object.assign(new Error(message), { name });
}

interface Waiting {
  resolve(results: (Classification | null)[]): void;
  reject(err: Error): void;
}

/** The engine on a worker thread (classify-worker.ts); batches are answered in the order sent. */
export class WorkerClassifier implements BatchClassifier {
  readonly onWorker = true;
  private readonly waiting: Waiting[] = [];
  private stopped: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: BatchReply) => this.waiting.shift()?.resolve(r.results));
    worker.on('error', (err) => this.stop(new WorkError(`the classifier thread failed: ${oneLine(err)}`)));
    worker.on('exit', (code) => this.stop(new WorkError(`the classifier thread stopped (exit code ${code})`)));
  }

  /**
   * Starts the thread and waits until its engine is loaded, so that a bad rule fails before any export
   * is read. Resolves undefined where no worker can start (no worker_threads, the thread's file missing).
   */
  static start(setup: EngineSetup): Promise<WorkerClassifier | undefined> {
    let worker: Worker;
    try {
      // No Node options inherited: the thread needs none, and some (`node --input-type=module -e`) stop it.
      worker = new Worker(new URL('./classify-worker.js', import.meta.url), { workerData: setup, execArgv: [] });
    } catch {
      return Promise.resolve(undefined);
    }
    return new Promise((resolve, reject) => {
      // Only these listeners come off: the Worker keeps its own on itself (its port's referencing).
      const settle = () => {
        worker.off('error', cannotStart);
        worker.off('exit', cannotStart);
        worker.off('message', answered);
      };
      const cannotStart = () => {
        settle();
        void worker.terminate();
        resolve(undefined);
      };
      const answered = (r: StartReply) => {
        settle();
        if (r.type === 'ready') return resolve(new WorkerClassifier(worker));
        void worker.terminate();
        reject(revive(r.name, r.message));
      };
      worker.on('error', cannotStart);
      worker.on('exit', cannotStart);
      worker.on('message', answered);
    });
  }

  async classify(msgs: ChatMessage[]): Promise<Classification[]> {
    if (this.stopped) throw this.stopped;
    // Only the examined part crosses: a 20 MB message costs the copy no more than one of the limit.
    const request: BatchRequest = { texts: msgs.map((m) => examinedPart(m.text)), kinds: msgs.map((m) => m.kind) };
    const results = await new Promise<(Classification | null)[]>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(request);
    });
    return results.map((c) => c ?? { categories: [], findings: [] });
  }

  async close(): Promise<void> {
    this.stopped ??= new WorkError('the classifier thread was closed');
    await this.worker.terminate();
  }

  private stop(err: Error): void {
    this.stopped ??= err;
    for (const w of this.waiting.splice(0)) w.reject(this.stopped);
  }
}
