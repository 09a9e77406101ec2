/**
 * Marks that end an @mention besides a space: Chinese users rarely type a space before full-width
 * punctuation (@王主任，谢谢), and a comma, semicolon, colon, ! or ? ends an English one too. A
 * full stop is kept inside (@J.R. Smith) and dropped only at the end. Here in core, as commands and
 * the reading of bare acks both end a mention where it does.
 */
export const MENTION_MARKS = '，。！？；：、,!?;:';

/** An @mention as a pattern: Slack's <@U0SUPER>, or @ (＠ as Chinese input methods type it) and a name up to a space or a mark. */
export const MENTION = `<@[A-Z0-9]+>|[@＠][^\\s${MENTION_MARKS}]+`;
