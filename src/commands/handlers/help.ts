import type { CommandHandler } from '../context.js';
import { TEXTS } from '../texts.js';

// Privately: a help text in the group would be the bot making noise.
export const help: CommandHandler = (ctx) => ctx.replyPrivately(TEXTS.help(ctx.lang));
