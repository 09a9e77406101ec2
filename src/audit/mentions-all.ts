// How exports spell a mention of the whole group: WeChat @所有人, Slack <!channel>/<!here>/<!everyone>, @all.
const ALL = /@所有人|@全体成员|@全體成員|<!(channel|here|everyone)(\|[^>]*)?>|(^|[^\w@])@(all|everyone|channel|here)\b/iu;

/** Whether a message's text addresses the whole group. */
export function mentionsAll(text: string): boolean {
  return ALL.test(text);
}
