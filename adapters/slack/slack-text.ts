// Slack's message markup: <!channel>, <@U123>, <#C123|name>, <https://x|label>, and &amp; &lt; &gt; escapes.
const SPECIAL_ALL = /<!(channel|here|everyone)(\|[^>]*)?>/;
const TOKEN = /<([^<>]*)>/g;
const ALL_NAMES = new Set(['channel', 'here', 'everyone']);

/** `<!channel>`, `<!here>` or `<!everyone>`: the message notifies the whole channel. */
export function mentionsAll(raw: string): boolean {
  return SPECIAL_ALL.test(raw);
}

/** Whether the markup @-mentions the given user (the bot). */
export function mentionsUser(raw: string, userId: string): boolean {
  return raw.includes(`<@${userId}>`) || raw.includes(`<@${userId}|`);
}

/**
 * The text as people read it, for the rules: mentions as @name, channels as #name, links as their
 * URL, entities decoded. A leading mention of the bot is dropped so "@fingertip stats" reads "stats",
 * and any other is @fingertip. A user mention reads as `nameOf` its id, else as the id.
 */
export function plainText(raw: string, botUserId?: string, nameOf?: (id: string) => string | undefined): string {
  let text = raw;
  if (botUserId) text = text.replace(new RegExp(`^\\s*<@${botUserId}(\\|[^>]*)?>[\\s:,，：]*`), '');
  text = text.replace(TOKEN, (_, inner: string) => {
    const [target, label] = splitLabel(inner);
    // Specials: the notify-all ones read as @channel; others (<!subteam^S1|@team>, <!date^...|Feb 18>) as their label.
    if (target.startsWith('!')) return ALL_NAMES.has(target.slice(1)) ? `@${target.slice(1)}` : (label ?? '');
    // The bot elsewhere in the text is @fingertip, the name commands know it by: a setting's list of
    // supervisors ("config supervisor <@U1> <@UBOT>") then leaves it out.
    if (botUserId && target === `@${botUserId}`) return '@fingertip';
    // Never by its label (<@U4|davey>): a name Slack froze into the text when it was sent, which the
    // directory, the pseudonyms and a supervisor list know nothing of; the id is who is meant.
    if (target.startsWith('@')) return `@${nameOf?.(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    return target;
  });
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Slack's "1700000000.000100" as epoch milliseconds. */
export function slackTsToMs(ts: string): number {
  const [sec, frac = ''] = ts.split('.');
  return Number(sec) * 1000 + Math.floor(Number(frac.padEnd(6, '0').slice(0, 6)) / 1000);
}
