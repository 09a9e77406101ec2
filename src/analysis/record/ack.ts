import { MENTION_MARKS } from '../../core/mention.js';
import { listAlternation } from '../../engine/code-lists.js';
import { normalizeInto, unitsToString } from '../../engine/normalize.js';

// The pieces a bare acknowledgement is made of, each read where the one before it ended. The words
// are lists in rules/lists/ (bare-acks.yaml and bare-ack-*.yaml); how they fit together is here.
const at = (source: string) => new RegExp(source, 'uy');
const ACK = at(listAlternation('bare-acks'));
/** An ack word anywhere: without one no reading is an ack, and most messages are done with at this. */
const ANY_ACK = new RegExp(listAlternation('bare-acks'), 'u');
const PARTICLE = at(listAlternation('bare-ack-particles'));
const THANKS = at(listAlternation('bare-ack-thanks'));
const ROLE = at(listAlternation('bare-ack-roles'));
const UNIT = at(listAlternation('bare-ack-units'));
const NAMED_UNIT = at(listAlternation('bare-ack-named-units'));
const GAP = at('[\\s\\-—·]*');
const NOT_DECORATION = `(?!${listAlternation('bare-ack-not-decorations')})`;
const NOT_IN_NICKNAME = `(?!${listAlternation('bare-ack-not-in-nicknames')})`;
const SURNAME = at(listAlternation('bare-ack-surnames'));
const GIVEN = at(`(?!${listAlternation('bare-ack-not-names')})\\p{Script=Han}`);
const NOT_NAME_WORD = at(listAlternation('bare-ack-not-name-words'));
const PLACE_NAME_END = at(listAlternation('bare-ack-place-name-ends'));
const LATIN_WORD = at('[a-z]+');
const HAN = /^\p{Script=Han}$/u;
const NOT_A_NAME = new RegExp(
  `^(?:${listAlternation('bare-ack-not-latin-names')}|${listAlternation('deadline-weekdays-en')}|${listAlternation('deadline-months-en')})$`,
  'u',
);
const SENTENCE_END = /[.!?。！？…;；][\s,，\-—]*$/u;
const LIST_NUMBER = /^\d+[.、]./u;
// What adds nothing to an ack: an emoji, with its skin tone, joiners and keycap ("1️⃣" is 1); a
// sticker, which exports write as a short bracketed word ("[玫瑰]", "[Thumbs Up]"); a mention;
// punctuation and spaces. A question mark is not among them: "收到？" asks; nor are the emoji and
// placeholders of bare-ack-not-decorations: "收到❌" refuses, "收到[图片]" sent a picture.
// A mention ends at a space or a mark, as commands read it ("@王老师 收到"), else it would swallow
// the rest ("收到@王老师我明天交不了"). At the end a short one needs neither ("收到@所有人", "ok @tony"),
// and the @ alone goes before a name tag read as any other ("收到@欧阳娜娜", "@王老师收到").
const DECORATIONS = [
  at(`(?:${NOT_DECORATION}[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u200d\\u20e3])+`),
  at(`\\[${NOT_DECORATION}[\\p{L}\\p{N}][\\p{L}\\p{N} ]{0,11}\\]`),
  at('<?@[a-z0-9]+>'), // Slack's <@U0SUPER>, its < read as punctuation if a space went before
  // A nickname may hold emoji, digits, brackets ("@小鱼儿🐟", "@李老师(数学)"), but no word of a reply's
  // own (bare-ack-not-in-nicknames): else a sentence run up to its mark or a space would pass for one
  // ("收到@王老师我不同意！", "收到@王老师我明天交不了 谢谢").
  at(`@(?:${NOT_IN_NICKNAME}[^\\s@]){1,20}(?=\\s)`),
  at(`@(?:${NOT_IN_NICKNAME}[^\\s@${MENTION_MARKS}]){1,20}(?=[${MENTION_MARKS}])`),
  at(`@(?:[a-z0-9_.\\-]{1,20}|(?:${NOT_IN_NICKNAME}\\p{Script=Han}){1,3})$`),
  at('@'),
  at('[\\s,.!~。，！、…\\-—:：;；/|()【】「」《》<>"“”\'‘’·]+'),
];

/**
 * A bare acknowledgement carries no content beyond "I saw it": one or more ack words ("收到", "1",
 * "ok", 👍, [强]) with nothing else but thanks ("收到谢谢"), decorations ("收到👍", "收到[抱拳]") and
 * name tags, before or after ("张三收到", "三年级2班王五家长收到", "收到 - 张三", "收到王老师").
 * Anything else makes it a message: "收到，我明天交不了", "收到但是表格打不开?". Reactions are acks by kind.
 */
export function isBareAck(text: string): boolean {
  if (text.length > 40) return false;
  const nz = normalizeInto(text);
  const t = unitsToString(nz);
  // "1. 张三", "2、李四": a numbered line of a list (接龙), not the ack "1".
  if (LIST_NUMBER.test(t) || !ANY_ACK.test(t)) return false;
  // Copied only now: most texts are done with above, and the shared buffers change with the next text.
  const from = nz.start.slice(0, nz.length);
  const capitalAt = (i: number) => /\p{Lu}/u.test(text[from[i]].normalize('NFKC'));
  // reached[i]: 0 no reading gets to i; 1 one does, with no ack word yet; 2 one does, past an ack word;
  // 3 one ends there with an ack word or a particle after it, where a particle may follow ("收到啦").
  const reached = new Uint8Array(t.length + 1);
  reached[0] = 1;
  for (let i = 0; i < t.length; i++) {
    if (!reached[i]) continue;
    for (const [end, ack] of pieces(t, i, capitalAt, reached[i])) reached[end] = Math.max(reached[end], ack ? 3 : Math.min(reached[i], 2));
  }
  return reached[t.length] >= 2;
}

/** Where each piece that starts at `i` (reached as `state`) ends, and whether it is an ack word or its particle. */
function pieces(t: string, i: number, capitalAt: (i: number) => boolean, state: number): [number, boolean][] {
  const out: [number, boolean][] = [];
  const end = (re: RegExp, from = i) => {
    re.lastIndex = from;
    return re.test(t) ? re.lastIndex : -1;
  };
  const ack = end(ACK);
  if (ack > 0) out.push([ack, true]);
  // 了 only right after the ack word (收到了, 了解了): after a particle it is 好嘞了, the 好了 of a fix.
  const particle = state === 3 && !(t[i] === '了' && i > 0 && end(PARTICLE, i - 1) === i) ? end(PARTICLE) : -1;
  if (particle > 0) out.push([particle, true]);
  for (const re of [THANKS, ROLE, UNIT, ...DECORATIONS]) {
    const e = end(re);
    if (e > 0) out.push([e, false]);
  }
  // A nickname mentioned right before an ack word ("@小鱼儿收到"): short, so that it cannot hide words.
  if (t[i] === '@') {
    for (let k = 1; k <= 4 && HAN.test(t[i + k] ?? ''); k++) if (end(ACK, i + k + 1) > 0) out.push([i + k + 1, false]);
  }
  // A department or village by name, only before a name, a role or the ack it gives: "财务部李四",
  // "办公室收到", not "收到办公室"; nor before a digit, which numbers it ("会议室1").
  const u = end(NAMED_UNIT);
  if (u > 0) {
    const next = end(GAP, u);
    if (end(SURNAME, next) > 0 || end(ROLE, next) > 0 || (end(ACK, next) > 0 && !/\d/u.test(t[next]))) out.push([u, false]);
  }
  // A Chinese name: a surname and one or two characters of a given name ("张三", "欧阳娜娜"), or a
  // surname with a role after it ("王老师", "李总", "高校长"); a given name not where a word starts
  // with the surname ("周五", "高铁"), nor two characters after a place's end ("黄山爬").
  const s = end(SURNAME);
  if (s > 0 && end(ROLE, s) > 0) out.push([s, false]);
  if (s > 0 && end(NOT_NAME_WORD) < 0) {
    const g = end(GIVEN, s);
    const g2 = g > 0 && end(PLACE_NAME_END, s) < 0 ? end(GIVEN, g) : -1;
    if (g > 0) out.push([g, false]);
    if (g2 > 0) out.push([g2, false]);
  }
  // A Latin name is written with a capital ("收到 Tony", "noted - Mary"), which normalising folded away,
  // so the original is read at the word's own place. Only after the ack and not after a sentence's end,
  // as any sentence's first word has one ("Jan 11", "Praying 🙏", "Done. Sorry"); no common word ("ok Why");
  // a capital and small letters, as names are written: "ok PTO", "ok B" answer something.
  const w = state >= 2 && !SENTENCE_END.test(t.slice(0, i)) ? end(LATIN_WORD) : -1;
  if (w > i + 1 && capitalAt(i) && !capitalAt(i + 1) && !NOT_A_NAME.test(t.slice(i, w))) out.push([w, false]);
  return out;
}
