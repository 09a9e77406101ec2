import { classifyMessage } from '../../analysis/record/classify-message.js';
import { createEngine } from '../../engine/index.js';
import type { BatchClassifier } from './batch-classifier.js';
import { WorkerClassifier } from './worker-classifier.js';
import type { EngineSetup } from './worker-protocol.js';

/**
 * The engine on these rules and model, on a worker thread unless `worker` is false or no worker can
 * start (then here, with the same results). A refused rule or model throws here, as createEngine does.
 */
export async function startClassifier(setup: EngineSetup, worker = true): Promise<BatchClassifier> {
  const started = worker ? await WorkerClassifier.start(setup) : undefined;
  if (started) return started;
  const engine = createEngine(setup.rules, setup.options);
  return {
    onWorker: false,
    classify: async (msgs) => msgs.map((m) => classifyMessage(engine, m)),
    close: async () => {},
  };
}
