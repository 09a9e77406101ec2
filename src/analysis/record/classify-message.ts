import type { ClassifyOptions, Engine } from '../../engine/engine.js';
import type { Classification } from '../../core/finding.js';
import type { ChatMessage } from '../../core/chat-message.js';

/**
 * Classifies what a member wrote. Images, files, links and reactions without words carry a
 * placeholder text ("[image]", "[link] title") that is not their sender's words, so they are never
 * demands (a caption makes the message 'text', see MessageKind); the bot and the offline audit
 * decide this here alike, so that both give the same report.
 */
export function classifyMessage(engine: Engine, msg: Pick<ChatMessage, 'kind' | 'text'>, opts?: ClassifyOptions): Classification {
  return msg.kind && msg.kind !== 'text' ? { categories: [], findings: [] } : engine.classify(msg.text, opts);
}
