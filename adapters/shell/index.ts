import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, Outgoing } from '../../src/core/adapter.js';
import type { ChatMessage } from '../../src/core/chat-message.js';
import { parseCommand } from '../../src/bot/index.js';
import { MEMBERS, expected, inBound } from '../../src/core/bounds.js';
import { MAX_LINE, NOT_UTF8, TOO_LONG, readLines, type Line } from '../../src/core/read-lines.js';
import { LineIds } from './line-ids.js';
import { OrderedOutput } from './ordered-output.js';
import type { ShellSettings } from './settings.js';

export { shellSettings, type ShellSettings } from './settings.js';

export interface ShellIO {
  input: Readable & { isTTY?: boolean };
  output: Writable;
  /** Where a line the bot could not handle (not stored: the disk is full) is said. */
  error: Writable;
}

export interface ShellAdapter extends Adapter {
  /** Resolves when standard input ends and every line has been handled, to the number of lines that failed. */
  readonly finished: Promise<number>;
}

/**
 * Piped lines handled at once, at the most: enough to fill the store's largest commit (5,000
 * records), so a file goes in at the store's pace rather than one commit a line.
 */
export const PIPED_WINDOW = 5000;

// A line is a command when it starts with a command word standing apart (统计表今天必须交上来 is chat).
const isCommand = (text: string): boolean => parseCommand(text) !== undefined;
// A command piped again in a new run is done again: what it changes, it sets (an opt-out, a setting, a
// missed demand), so twice is once. Not two that act on what came before them: `not formalism` clears
// the group's latest flagged message, so again it would clear the one before; `forget me` erases all the
// member sent, so again it would erase what the first run stored after it. Their line's id lets the
// bot find them done and say so (saysHandledBefore).
const ONCE_PER_LINE = new Set(['not-formalism', 'forget']);
const oncePerLine = (text: string): boolean => ONCE_PER_LINE.has(parseCommand(text)!.name);

const HELP = `shell: type messages as a member of a local group; commands to the bot: stats, help, why, config ...
  /group NAME [MEMBERS]   switch group    /as NAME   speak as another member    /members N   set group size
shell：以本地群成员的身份输入消息；对机器人的命令：统计、帮助、为什么、设置……
  /group 群名 [人数] 切换群    /as 名字 换一位成员发言    /members 人数 设定群人数`;

/** A terminal's lines as read by readline; none once `stop` is aborted (readline still hands over those it holds). */
async function* typed(input: Readable, stop: AbortSignal): AsyncGenerator<Line> {
  let no = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity, signal: stop })) {
    if (stop.aborted) return;
    yield { no: ++no, text, tooLong: false };
  }
}

/**
 * The bot on standard input, like Hubot's shell: each line is a message from a local member in a
 * local group, and lines that spell a command are addressed to the bot. At a terminal it handles a
 * line at a time. Piped, it hands up to PIPED_WINDOW lines to the bot at once, so their records share
 * commits, and prints what each says in input order; a command waits until every earlier line is
 * stored, and later lines wait for it. Messages get ids from their place in the input (see LineIds),
 * so piping the same input again, after a crash, stores no line twice. A command is no message stored:
 * one typed or piped in a new run is meant, and gets an id of this run, but for `not formalism` and
 * `forget me` (see oncePerLine). A lead counts once however often it comes (its marks are its words, not its id).
 */
export function createShellAdapter(settings: ShellSettings, io: ShellIO): ShellAdapter {
  let group = settings.group ?? 'local';
  let user = settings.user ?? 'me';
  const firstUser = user;
  const members = new Map<string, number>([[group, settings.members ?? 20]]);
  // Whoever speaks in a group is one of its members: known member ids let `stats` find a member's groups.
  const speakers = new Map<string, Set<string>>();
  // Each group's last message line: what a command after it is about (ChatMessage.follows).
  const lastLine = new Map<string, string>();
  const runId = randomUUID();
  const interactive = io.input.isTTY === true;
  const ids = new LineIds(interactive ? runId : '');
  let finish!: (failed: number) => void;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let failed = 0;
  /** Aborted by stop (SIGTERM, Ctrl-C): no more lines are taken, and those taken are finished first. */
  let reading: AbortController | undefined;
  const output = new OrderedOutput((text) => io.output.write(text));
  const say = (line: string) => output.say(line);
  const prompt = () => interactive && io.output.write(`${group} | ${user}> `);

  const message = (text: string, id: string, command: boolean): ChatMessage => {
    let known = speakers.get(group);
    if (!known) speakers.set(group, (known = new Set()));
    known.add(user);
    const follows = lastLine.get(group);
    if (!command) lastLine.set(group, id);
    return {
      platform: 'shell',
      id,
      group: { id: group, name: group, memberCount: members.get(group) ?? 20, members: [...known] },
      sender: { id: user, name: user },
      text,
      ts: Date.now(),
      kind: 'text',
      addressed: isCommand(text) || /^@fingertip\b/i.test(text),
      mentionsAll: /@(所有人|all|everyone)/i.test(text),
      senderIsAdmin: user === firstUser,
      ...(command && follows !== undefined && { follows }),
    };
  };

  /** Shell-only commands; true when the line was one. */
  const local = (line: string): boolean => {
    const [cmd, ...rest] = line.trim().split(/\s+/);
    // A size out of range is refused, not clamped: the burden is recipients times minutes.
    const refuseSize = (size: string | undefined): boolean => {
      if (inBound(Number(size), MEMBERS)) return false;
      say(`shell: ${line.trim()}: expected ${expected(MEMBERS)}`);
      return true;
    };
    if (cmd === '/group' && rest[0]) {
      if (rest[1] !== undefined && refuseSize(rest[1])) return true;
      group = rest[0];
      if (rest[1] !== undefined) members.set(group, Number(rest[1]));
      else if (!members.has(group)) members.set(group, settings.members ?? 20);
      say(`shell: now in group ${group} (${members.get(group)} members)`);
    } else if (cmd === '/as' && rest[0]) {
      user = rest.join(' ');
      say(`shell: now speaking as ${user}`);
    } else if ((cmd === '/group' || cmd === '/as') && !rest[0]) {
      say(`shell: ${cmd} needs a name: ${cmd === '/group' ? '/group NAME [MEMBERS]' : '/as NAME'}`);
    } else if (cmd === '/members') {
      if (refuseSize(rest.length === 1 ? rest[0] : undefined)) return true;
      members.set(group, Number(rest[0]));
      say(`shell: ${group} has ${members.get(group)} members`);
    } else if (cmd === '/?' || cmd === '/shell') {
      say(HELP);
    } else return false;
    return true;
  };

  const print = (prefix: string, out: Outgoing) => {
    say(`${prefix}${out.text}`);
    if (out.image) say(`${prefix}[chart: ${out.image.title}, ${out.image.png.length} bytes of PNG]`);
  };

  return {
    platform: 'shell',
    noReplies: true,
    // A typed line is never delivered again: a new session's ids are new (see LineIds).
    redeliversWithNewTime: !interactive,
    saysHandledBefore: true,
    // Never shared by instances (README): a command found begun is a killed run's, taken over at once.
    runsAlone: true,
    finished,
    async start(onMessage) {
      if (interactive) say(HELP);
      reading = new AbortController();
      // A terminal's line editor needs characters; piped lines are read as bytes, to check they are
      // UTF-8 and to refuse one past 1 MiB before it is held whole.
      const lines = interactive ? typed(io.input, reading.signal) : readLines(io.input, undefined, MAX_LINE, reading.signal);
      const deliver = async (msg: ChatMessage, no: number) => {
        try {
          await onMessage(msg);
        } catch (err) {
          // Not stored or not done: said where errors go, naming the line, and counted for the exit status.
          failed++;
          io.error.write(`shell: error: <stdin>:${no}: ${(err as Error).message}\n`);
        }
      };
      void (async () => {
        prompt();
        for await (const { no, text: line, tooLong, notUtf8 } of lines) {
          const id = ids.next(line);
          if (tooLong || notUtf8) {
            // Not a word of it stored: a GBK line's demands would be lost in U+FFFD, and no chat message is
            // 1 MiB long. Said, and counted, as a line not stored is.
            failed++;
            io.error.write(`shell: error: <stdin>:${no}: ${tooLong ? TOO_LONG : NOT_UTF8}\n`);
            prompt();
            continue;
          }
          if (line.trim() && !local(line)) {
            const command = isCommand(line);
            // A command sees every earlier line stored, and the lines after it see what it changed.
            if (command) await output.idle();
            const msg = message(line, command && !oncePerLine(line) ? `${runId}/${id}` : id, command);
            const handled = output.run(() => deliver(msg, no));
            if (command || interactive) await handled;
            else if (output.pending >= PIPED_WINDOW) await output.oldest();
          }
          prompt();
        }
        await output.idle();
        finish(failed);
      })();
    },
    async startSending() {
      // Printing needs nothing; standard input is left to whoever runs the bot.
    },
    async sendToGroup(groupId, out) {
      print(`fingertip [${groupId}]> `, out);
    },
    async sendPrivate(userId, out) {
      print(`fingertip (to ${userId})> `, out);
    },
    async groupMembers(groupId) {
      return [...(speakers.get(groupId) ?? [])];
    },
    async isGroupAdmin(_groupId, userId) {
      return userId === firstUser;
    },
    async stop() {
      if (!reading) return;
      reading.abort();
      await finished;
    },
    showFlag(_msg, flag) {
      say(`flagged: ${flag.categories.join(', ')} (${flag.rules.join(', ')})`);
    },
  };
}
