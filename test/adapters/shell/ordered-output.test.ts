import { describe, expect, it } from 'vitest';
import { OrderedOutput } from '../../../adapters/shell/ordered-output.js';

/** A promise the test settles when it chooses: lines finish in the order the test picks. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const turns = () => new Promise((resolve) => setImmediate(resolve));

describe('shell ordered output', () => {
  it("prints each line's output in input order, whichever finishes first", async () => {
    let printed = '';
    const out = new OrderedOutput((text) => (printed += text));
    const line = (name: string, done: Promise<void>) =>
      out.run(async () => {
        out.say(`${name} starts`);
        await done;
        out.say(`${name} ends`);
      });
    const [slow, fast] = [gate(), gate()];
    void line('slow', slow.opened);
    void line('fast', fast.opened);
    out.say('said between the lines');
    void line('quick', Promise.resolve());
    expect(out.pending).toBe(4);
    fast.open();
    await turns();
    expect(printed).toBe(''); // fast and quick are done, but wait behind slow
    slow.open();
    await out.idle();
    expect(printed).toBe('slow starts\nslow ends\nfast starts\nfast ends\nsaid between the lines\nquick starts\nquick ends\n');
    expect(out.pending).toBe(0);
    out.say('at once when nothing waits');
    expect(printed).toMatch(/quick ends\nat once when nothing waits\n$/);
  });

  it('lets a reader wait for the oldest line only', async () => {
    let printed = '';
    const out = new OrderedOutput((text) => (printed += text));
    const second = gate();
    void out.run(async () => out.say('first'));
    void out.run(() => second.opened.then(() => out.say('second')));
    await out.oldest();
    expect(printed).toBe('first\n');
    expect(out.pending).toBe(1);
    second.open();
    await out.idle();
    expect(printed).toBe('first\nsecond\n');
  });
});
