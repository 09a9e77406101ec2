import type { AckFn, RespondArguments, SlashCommand } from '@slack/bolt';
import type { BurstLog } from '../common/burst-log.js';
import { parseCommand } from '../../src/bot/index.js';
import { oneLine } from '../../src/core/errors.js';
import { textLang, type Lang } from '../../src/core/lang.js';
import { SLASH_ACK_WAIT_MS, slashErasureRetried, slashErasureStopped, slashFailure } from './slash-command.js';
import { plainText } from './slack-text.js';

/** The wait before an erasure that failed after its ack is tried again; each later wait doubles, up to ERASURE_RETRY_MAX_MS. */
const ERASURE_RETRY_FIRST_MS = 1000;
const ERASURE_RETRY_MAX_MS = 60_000;

export interface SlashWorkDeps {
  /** Hands the command (as received at `at`) to the bot; resolves once its work is committed. */
  run: (body: SlashCommand, at: number) => Promise<void>;
  /** Says `text` to the command's sender alone, where they sent it. */
  tell: (body: SlashCommand, text: string) => Promise<void>;
  failures: BurstLog;
  /** The language a channel's admins chose, as the bot last read it (see Adapter.start). */
  groupLanguage?: (groupId: string) => Lang | undefined;
}

/**
 * Answers `/fingertip` commands. Slack never sends one again, and wants its ack within 3 s: the ack
 * comes once the work is done, says so if it failed, or, for work slower than SLASH_ACK_WAIT_MS, comes
 * meanwhile. A failure after that ack is then told to the member privately, as nothing else would
 * reach them; a `forget me` is tried again in the background until it is done, since the erasure is
 * owed (the bot's own answer says when it is), or the adapter stops, which the member is told.
 */
export class SlashWork {
  private readonly stopping = new AbortController();
  private readonly erasures = new Set<Promise<void>>();

  constructor(private readonly deps: SlashWorkDeps) {}

  async answer(ack: AckFn<string | RespondArguments>, body: SlashCommand): Promise<void> {
    const at = Date.now();
    const work = this.deps.run(body, at);
    let slow: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      work.then(
        () => ({ done: true as const }),
        (err: unknown) => ({ done: false as const, err }),
      ),
      new Promise<undefined>((resolve) => (slow = setTimeout(() => resolve(undefined), SLASH_ACK_WAIT_MS))),
    ]);
    clearTimeout(slow);
    if (waited && !waited.done) {
      this.deps.failures.report(`slash command ${body.trigger_id} failed: ${oneLine(waited.err)}`);
      return ack({ response_type: 'ephemeral', text: slashFailure(this.commandOf(body).lang) });
    }
    await ack();
    if (!waited) await work.catch((err: unknown) => this.failedAfterAck(body, at, err));
  }

  /** No more retries; resolves once each erasure still retried has ended, its member told. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled(this.erasures);
  }

  private async failedAfterAck(body: SlashCommand, at: number, err: unknown): Promise<void> {
    this.report(body, err);
    const { lang, name } = this.commandOf(body);
    const erasure = name === 'forget' && !this.stopping.signal.aborted;
    await this.tell(body, erasure ? slashErasureRetried(lang) : slashFailure(lang));
    if (!erasure) return;
    const retry = this.retryErasure(body, at, lang).finally(() => this.erasures.delete(retry));
    this.erasures.add(retry);
  }

  private async retryErasure(body: SlashCommand, at: number, lang: Lang): Promise<void> {
    for (let wait = ERASURE_RETRY_FIRST_MS; ; wait = Math.min(wait * 2, ERASURE_RETRY_MAX_MS)) {
      if (!(await this.pause(wait))) break;
      try {
        return await this.deps.run(body, at);
      } catch (err) {
        this.report(body, err);
      }
    }
    this.deps.failures.report(`slash command ${body.trigger_id} (forget me) not done before the stop; its member was told to send it again`);
    await this.tell(body, slashErasureStopped(lang));
  }

  /** Resolves true after `ms`, or false as soon as the adapter stops. */
  private pause(ms: number): Promise<boolean> {
    const { signal } = this.stopping;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const stopped = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', stopped);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', stopped, { once: true });
    });
  }

  private report(body: SlashCommand, err: unknown): void {
    this.deps.failures.report(`slash command ${body.trigger_id} failed after its ack: ${oneLine(err)}`);
  }

  /**
   * The command's name and language, read as the bot reads it (a slash command is said to the bot
   * alone); text with no language of its own (a bare /fingertip) in the channel's, else Chinese.
   */
  private commandOf(body: SlashCommand): { name?: string; lang: Lang } {
    const text = plainText(body.text ?? '');
    const command = parseCommand(text, { lenient: true });
    return { name: command?.name, lang: command?.lang ?? textLang(text) ?? this.deps.groupLanguage?.(body.channel_id) ?? 'zh' };
  }

  private tell(body: SlashCommand, text: string): Promise<void> {
    return this.deps
      .tell(body, text)
      .catch((err: unknown) => this.deps.failures.report(`slash command ${body.trigger_id}: its member was not told: ${oneLine(err)}`));
  }
}
