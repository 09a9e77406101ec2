/** The words of a list, written apart by spaces or by any mark a list is written with (打卡/截图, 扣1、接龙, likes, votes). */
export function listWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s,，、/／;；|和及与&]+|\band\b/u)
    .filter(Boolean);
}

/** Marks that end or split a sentence, which a list of words does not hold. */
const SENTENCE_MARKS = /[。.！!？?：:…“”"‘’「」（）()]/u;
/** English words that make a sentence of what follows `missed` ("missed the meeting, sorry", "missed it"). */
const FUNCTION_WORDS =
  /^(?:a|an|the|my|your|our|their|his|her|its|this|that|these|those|i|you|we|they|he|she|it|me|us|them|him|to|of|in|on|at|for|with|by|from|is|are|was|were|be|been|am|will|would|can|could|should|not|but|so|if|because)$/u;
/** How long a word of a list may be: a Chinese phrase of a few characters (关注公众号), a Latin word. */
const SHORT_WORD = /^(?:\p{Script=Han}{1,6}|[^\p{Script=Han}]{1,16}|[\p{Script=Han}\p{N}\p{Script=Latin}]{1,8})$/u;

/**
 * Whether words read as a short list (up to three short words, 报平安 扣1), as a member names what a
 * demand asked for, rather than as a sentence: sentence marks, long phrases or English function words.
 */
export function isWordList(text: string): boolean {
  const words = listWords(text);
  return words.length > 0 && words.length <= 3 && !SENTENCE_MARKS.test(text) && words.every((w) => SHORT_WORD.test(w) && !FUNCTION_WORDS.test(w));
}
