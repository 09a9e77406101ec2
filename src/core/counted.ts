/** "1 message", "2,500 messages": a count as the summary lines people read say it. */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
