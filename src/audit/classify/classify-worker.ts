// The classifier thread: its own engine on the same rules, classifying batches in the order they come.
import { parentPort, workerData } from 'node:worker_threads';
import { classifyMessage } from '../../analysis/record/classify-message.js';
import { createEngine, type Engine } from '../../engine/index.js';
import type { BatchReply, BatchRequest, EngineSetup, StartReply } from './worker-protocol.js';

const port = parentPort!;
const reply = (r: StartReply | BatchReply): void => port.postMessage(r);

let engine: Engine | undefined;
try {
  const { rules, options } = workerData as EngineSetup;
  engine = createEngine(rules, options);
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  reply({ type: 'failed', name: e.name, message: e.message });
}

if (engine) {
  const ready = engine;
  port.on('message', ({ texts, kinds }: BatchRequest) => {
    const results = texts.map((text, i) => {
      const c = classifyMessage(ready, { text, kind: kinds[i] });
      return c.findings.length > 0 || c.vetoed ? c : null;
    });
    reply({ results });
  });
  reply({ type: 'ready' });
}
