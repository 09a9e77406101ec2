/** What a message id looks like: one word, no markup (a recall notice's text may be only the id). */
const BARE_ID = /^[\w@.:-]{1,128}$/;

/**
 * The id of the message a recall notice (撤回) names, or undefined. Puppets differ: some give the id
 * as the notice's text; wechat4u gives WeChat's `<sysmsg type="revokemsg">` XML, where the web
 * protocol's `<msgid>` is the recalled message's MsgId (the id the puppet gave it) and the pad
 * protocols name it in `<newmsgid>`. Never the text itself otherwise: it holds the recaller's name.
 */
export function recalledId(text: string): string | undefined {
  const xml = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  if (!xml.includes('<')) return BARE_ID.test(text) ? text : undefined;
  if (!/<revokemsg\b/.test(xml)) return undefined;
  const tag = (name: string) => xml.match(new RegExp(`<${name}>\\s*([^<\\s]+)\\s*</${name}>`))?.[1];
  const id = tag('newmsgid') ?? tag('msgid');
  return id && BARE_ID.test(id) ? id : undefined;
}
