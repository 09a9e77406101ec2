import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/commands/texts.js';
import { Bot } from '../../src/bot/bot.js';
import { botHarness, NOW, rulesOnly } from '../support/bot-harness.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { storedRecords as stored } from '../support/stored-records.js';

const DEMAND = '请全体同事今晚十点前完成打卡并截图发群里';
const CHATTER = 'Team, kindly go through the new handbook on the portal and mark it as read by Friday';

describe('a message the platform removed', () => {
  it('is taken out of the store, and its held text out of reach of `missed`', async () => {
    const { store, adapter } = await botHarness(undefined, rulesOnly());
    await adapter.say(DEMAND, { id: 'wrong' });
    await adapter.say(CHATTER, { id: 'quiet' });
    await adapter.say(DEMAND, { id: 'right' });
    await store.flush();
    await adapter.changes!.removed('wrong');
    await adapter.changes!.removed('quiet');
    expect((await stored(store)).map((r) => r.id)).toEqual(['right']);
    await adapter.say('missed acknowledgements', { from: 'u2', addressed: true, replyTo: 'quiet' });
    expect(adapter.last()).toMatchObject({ to: 'private', id: 'u2', text: TEXTS.missedNoText('en') });
    expect(await store.missedDemands()).toEqual([]);
  });

  it('removed while its record waits to be stored, is neither stored nor nudged about', async () => {
    const { store, adapter } = await botHarness();
    adapter.admins.add('boss');
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    const said = adapter.say(DEMAND, { id: 'wrong' });
    await adapter.changes!.removed('wrong');
    await said;
    expect(await stored(store)).toEqual([]);
    expect(adapter.sent.filter((s) => s.to === 'group')).toEqual([]);
  });

  it('removed before it reaches another instance (or this one after a restart), is neither nudged about nor held', async () => {
    const { store, adapter, config } = await botHarness(undefined, rulesOnly());
    adapter.admins.add('boss');
    await adapter.say('config mode nudge', { from: 'boss', addressed: true });
    await adapter.changes!.removed('gone');
    await adapter.changes!.removed('gone-quiet');
    // A second bot on the same database, which heard of no removal, then gets the messages themselves.
    const other = new RecordingAdapter();
    await new Bot({ config, store, engine: rulesOnly(), adapters: [other], now: () => NOW, log: () => {} }).start();
    await other.say(DEMAND, { id: 'gone' });
    await other.say(CHATTER, { id: 'gone-quiet' });
    expect(await stored(store)).toEqual([]);
    expect(other.sent).toEqual([]);
    await other.say('missed acknowledgements', { from: 'u2', addressed: true, replyTo: 'gone-quiet' });
    expect(other.last()).toMatchObject({ to: 'private', id: 'u2', text: TEXTS.missedNoText('en') });
    expect(await store.missedDemands()).toEqual([]);
  });
});

describe('a message its sender edited', () => {
  it('is classified anew and stored so in place; the held text for `missed` is the edited one', async () => {
    const { store, adapter } = await botHarness(undefined, rulesOnly());
    await adapter.say(DEMAND, { id: 'd' });
    await adapter.say('Pizza in the kitchen', { id: 'c' });
    await adapter.say(CHATTER, { id: 'q' });
    const before = await stored(store);
    await adapter.changes!.edited('d', 'Pizza in the kitchen, sorry, wrong group');
    await adapter.changes!.edited('c', DEMAND);
    await adapter.changes!.edited('q', `${CHATTER} (edited)`);
    const after = await stored(store);
    expect(after.map((r) => [r.id, r.categories.length > 0, r.text])).toEqual([
      ['d', false, null],
      ['c', true, DEMAND],
      ['q', false, null],
    ]);
    for (const [i, r] of after.entries()) expect(r).toMatchObject({ ts: before[i].ts, senderId: 'u1', groupId: 'g1', recipients: 10 });
    await adapter.say('missed acknowledgements', { from: 'u2', addressed: true, replyTo: 'q' });
    expect(await store.missedDemands()).toMatchObject([{ messageId: 'q', text: `${CHATTER} (edited)` }]);
  });

  it('does nothing when the message was never stored: a command, or one the bot never read', async () => {
    const { store, adapter } = await botHarness();
    await adapter.say('stats', { id: 'cmd', addressed: true });
    await adapter.changes!.edited('cmd', DEMAND);
    await adapter.changes!.edited('unknown', DEMAND);
    expect(await stored(store)).toEqual([]);
  });
});
