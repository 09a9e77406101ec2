import { types } from 'wechaty';
import type { MessageKind } from '../../src/core/chat-message.js';

export interface KindInfo {
  kind: MessageKind;
  /** The typed placeholder the message's text becomes, e.g. "[image]". */
  placeholder: string;
}

/**
 * What each WeChat message type counts as. Non-text messages become typed placeholders so that
 * "截图发群里" followed by a flood of images can be counted; stickers count as reactions, the
 * way a 👍 does. Undefined for text. A recall notice never comes here: the adapter applies it as a removal.
 */
export function kindOf(type: types.Message): KindInfo | undefined {
  switch (type) {
    case types.Message.Text:
      return undefined;
    case types.Message.Image:
      return { kind: 'image', placeholder: '[image]' };
    case types.Message.Attachment:
      return { kind: 'file', placeholder: '[file]' };
    case types.Message.Url:
      return { kind: 'link', placeholder: '[link]' };
    case types.Message.MiniProgram:
      return { kind: 'miniprogram', placeholder: '[miniprogram]' };
    case types.Message.Emoticon:
      return { kind: 'reaction', placeholder: '[sticker]' };
    case types.Message.Video:
      return { kind: 'other', placeholder: '[video]' };
    case types.Message.Audio:
      return { kind: 'other', placeholder: '[voice]' };
    case types.Message.Location:
      return { kind: 'other', placeholder: '[location]' };
    case types.Message.Contact:
      return { kind: 'other', placeholder: '[contact card]' };
    case types.Message.ChatHistory:
      return { kind: 'other', placeholder: '[chat history]' };
    case types.Message.GroupNote:
      return { kind: 'other', placeholder: '[group note]' };
    case types.Message.Transfer:
      return { kind: 'other', placeholder: '[transfer]' };
    case types.Message.RedEnvelope:
      return { kind: 'other', placeholder: '[red packet]' };
    default:
      return { kind: 'other', placeholder: '[other]' };
  }
}
