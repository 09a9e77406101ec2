// The bot's public entry: what the CLI wires together, and all an adapter may use of the bot.
export { Bot, type BotOptions } from './bot.js';
/** Whether a line spells a chat command: the shell addresses such lines to the bot. */
export { parseCommand } from '../commands/parse.js';
/** The marks that end an @mention as a space does: an adapter reading the bot's own mention ends it where commands do. */
export { MENTION_MARKS } from '../core/mention.js';
