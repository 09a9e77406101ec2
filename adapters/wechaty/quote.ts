/** A WeChat quote-reply as puppets render it: who and what was quoted, and the reply itself. */
export interface Quote {
  quotedName: string;
  quotedText: string;
  reply: string;
}

// wechat4u and the hosted puppets render a quote as 「name：quoted」, a dashed rule, then the reply.
const QUOTE = /^「([^：]*)：([\s\S]*)」\n-(?: -)+\n([\s\S]*)$/;

export function parseQuote(text: string): Quote | undefined {
  const m = QUOTE.exec(text);
  return m ? { quotedName: m[1], quotedText: m[2], reply: m[3] } : undefined;
}

/** How wechat4u shows a quoted non-text message instead of its content. */
export const QUOTED_LABELS: Record<string, string> = {
  '[image]': '图片',
  '[video]': '视频',
  '[sticker]': '动画表情',
  '[location]': '位置',
};
