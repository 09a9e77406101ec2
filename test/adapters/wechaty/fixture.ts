import type { EventEmitter } from 'node:events';
import { mock } from 'wechaty-puppet-mock';
import { defaultConfig } from '../../../src/core/config-defaults.js';
import type { ChatMessage } from '../../../src/core/chat-message.js';
import { createWechatyAdapter, createMemoryIdentityStore, wechatySettings, type IdentityStore } from '../../../adapters/wechaty/index.js';
import { waitFor } from '../../support/wait-for.js';

export { waitFor };

type ContactMock = mock.ContactMock;
type RoomMock = mock.RoomMock;

export interface FixtureOptions {
  store?: IdentityStore;
  topic?: string;
  speakInRooms?: boolean;
  pace?: { room: number; account: number; jitter: number };
  admins?: string[];
  /** The bot account's WeChat name; fingertip when absent. */
  botName?: string;
}

/**
 * A WeChat account on wechaty-puppet-mock: the bot's account, a room owner and two members in one
 * room, and the config that loads the mock by name as a user's puppet would be. Every mocker hands
 * out new ids, as wechat4u does at each login.
 */
export function mockWorld(opts: FixtureOptions = {}) {
  const mocker = new mock.Mocker();
  const botUser = mocker.createContact({ name: opts.botName ?? 'fingertip' });
  const owner = mocker.createContact({ name: '王主任' });
  const li = mocker.createContact({ name: '李雷' });
  const han = mocker.createContact({ name: '韩梅梅' });
  const room = mocker.createRoom({
    topic: opts.topic ?? '办公室通知群',
    memberIdList: [botUser.id, owner.id, li.id, han.id],
    ownerId: owner.id,
  });
  const config = defaultConfig();
  config.adapters.wechaty = {
    puppet: 'wechaty-puppet-mock',
    puppetOptions: { mocker },
    logLevel: 'silent',
    speakInRooms: opts.speakInRooms ?? false,
    pace: opts.pace ?? { room: 0, account: 0, jitter: 0 },
  };
  if (opts.admins) config.admins.wechaty = opts.admins;
  /** Messages the bot says to a mock room or contact, as they arrive there. */
  const heard = (where: ContactMock | RoomMock) => {
    const got: { text: string; at: number }[] = [];
    // The mock's typed emitter types do not resolve under NodeNext; it is a plain EventEmitter.
    (where as unknown as EventEmitter).on('message', (m: mock.MessageMock) => {
      if (m.payload.talkerId === botUser.id) got.push({ text: m.payload.text ?? '', at: Date.now() });
    });
    return got;
  };
  return { mocker, botUser, owner, li, han, room, config, heard };
}

/** A real wechaty on the mock world, started with a handler that keeps what it is given, logged in and ready. */
export async function startFixture(opts: FixtureOptions = {}) {
  const world = mockWorld(opts);
  const lines: string[] = [];
  const received: ChatMessage[] = [];
  const adapter = createWechatyAdapter(wechatySettings(world.config), {
    identities: opts.store ?? createMemoryIdentityStore(),
    print: (line) => lines.push(line),
  });
  await adapter.start(async (msg) => {
    received.push(msg);
  });
  world.mocker.login(world.botUser);
  await waitFor(() => lines.some((l) => l.includes(`logged in as ${world.botUser.payload.name}`)), 'login');

  /** The next message the adapter passes on whose text includes `text`. */
  const next = (text: string) => waitFor(() => received.find((m) => m.text.includes(text)), `message "${text}"`);
  return { ...world, adapter, lines, received, next };
}
