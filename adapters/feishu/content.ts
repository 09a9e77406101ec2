import type { MentionedPerson, MessageKind } from '../../src/core/chat-message.js';
import { InputError } from '../../src/core/errors.js';

/** A mention in a message: its placeholder key in the text ("@_user_1") and who it names. */
export interface Mention {
  key: string;
  id: { open_id?: string };
  name: string;
}

export interface ReadContent {
  kind: MessageKind;
  text: string;
  /** Open ids @-mentioned, in order. */
  mentioned: string[];
  /** The people besides the bot mentioned, each with the name the text shows and their open id, which the text loses. */
  people: MentionedPerson[];
  mentionsAll: boolean;
}

/** How Feishu writes @all: "@_all" in a text message's text, user_id "all" (or "@_all") in a post's at tag. */
const ALL_KEYS = new Set(['@_all', 'all']);
const ALL_NAME = '@所有人';

interface PostElement {
  tag: string;
  text?: string;
  href?: string;
  user_id?: string;
  user_name?: string;
  file_name?: string;
}

interface Post {
  title?: string;
  content?: PostElement[][];
}

/** Placeholders for messages without words of their own, as the other adapters write them. */
const PLACEHOLDERS: Record<string, { kind: MessageKind; text: string }> = {
  image: { kind: 'image', text: '[image]' },
  audio: { kind: 'other', text: '[voice]' },
  media: { kind: 'other', text: '[video]' },
  sticker: { kind: 'reaction', text: '[sticker]' },
  share_chat: { kind: 'other', text: '[group card]' },
  share_user: { kind: 'other', text: '[contact card]' },
  interactive: { kind: 'other', text: '[card]' },
  merge_forward: { kind: 'other', text: '[chat history]' },
  location: { kind: 'other', text: '[location]' },
};

/**
 * The words of a message as people read them: mentions as @name, a post's title and paragraphs
 * as lines, other kinds as typed placeholders. `content` is the event's JSON string. A leading
 * mention of the bot (`self`) is dropped, so "@fingertip stats" reads "stats", and any other reads
 * @fingertip.
 */
export function readContent(messageType: string, content: string, mentions: Mention[], self?: string): ReadContent {
  const parsed = parseJson(content);
  const byKey = new Map(mentions.map((m) => [m.key, m]));
  const mentioned = mentions.map((m) => m.id.open_id).filter((id): id is string => !!id);
  const people = mentions.filter((m) => !ALL_KEYS.has(m.key) && (!self || m.id.open_id !== self)).map((m) => ({ name: m.name, id: m.id.open_id }));
  // The bot elsewhere in the text is @fingertip, the name commands know it by, whatever the app is
  // called: a setting's list of supervisors (设置 周报接收人 @王主任 @机器人) then leaves it out.
  const named = (m: Mention): string => (self && m.id.open_id === self ? '@fingertip' : `@${m.name}`);
  if (messageType === 'text') {
    const raw = typeof parsed.text === 'string' ? parsed.text : '';
    const lead = /^\s*(@_user_\d+)\s*/.exec(raw);
    const words = lead && self && byKey.get(lead[1])?.id.open_id === self ? raw.slice(lead[0].length) : raw;
    const text = words.replace(/@_(?:user_\d+|all)/g, (key) => (ALL_KEYS.has(key) ? ALL_NAME : byKey.has(key) ? named(byKey.get(key)!) : key));
    return { kind: 'text', text: text.trim(), mentioned, people, mentionsAll: raw.includes('@_all') };
  }
  if (messageType === 'post') {
    const post = postOf(parsed);
    let mentionsAll = false;
    // Pictures and videos without words are a picture or a video, as those messages are: words make it text.
    let words = !!post.title?.trim();
    let media: MessageKind | undefined;
    const element = (e: PostElement): string => {
      if (e.tag === 'img' || e.tag === 'media') media = e.tag === 'img' && media !== 'other' ? 'image' : 'other';
      else words ||= e.tag === 'at' || !!e.text?.trim();
      if (e.tag === 'at') {
        if (ALL_KEYS.has(e.user_id ?? '')) {
          mentionsAll = true;
          return ALL_NAME;
        }
        const mention = byKey.get(e.user_id ?? '');
        return mention ? named(mention) : `@${e.user_name ?? ''}`;
      }
      if (e.tag === 'img') return '[image]';
      if (e.tag === 'media') return '[video]';
      return e.text ?? '';
    };
    const lines = (post.content ?? []).map((paragraph) => (Array.isArray(paragraph) ? paragraph.map(element).join('') : ''));
    const text = [post.title ?? '', ...lines]
      .filter((l) => l.trim())
      .join('\n')
      .trim();
    return { kind: words || !media ? 'text' : media, text, mentioned, people, mentionsAll };
  }
  if (messageType === 'file') {
    const name = typeof parsed.file_name === 'string' ? parsed.file_name : '';
    return { kind: 'file', text: name ? `[file] ${name}` : '[file]', mentioned, people: [], mentionsAll: false };
  }
  return { ...(PLACEHOLDERS[messageType] ?? { kind: 'other', text: '[other]' }), mentioned, people: [], mentionsAll: false };
}

function parseJson(content: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(content);
  } catch {
    throw new InputError('content is not JSON');
  }
  if (!v || typeof v !== 'object') throw new InputError('content is not a JSON object');
  return v as Record<string, unknown>;
}

/** A received post is {title, content}; a post as sent is wrapped in a locale ({zh_cn: {...}}). */
function postOf(parsed: Record<string, unknown>): Post {
  if (Array.isArray(parsed.content)) return parsed as Post;
  const locale = Object.values(parsed).find((v) => v && typeof v === 'object' && Array.isArray((v as Post).content));
  return (locale as Post | undefined) ?? {};
}
