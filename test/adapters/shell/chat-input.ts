/** One line of a generated chat input and what the shell must print for it, if anything. */
export interface InputLine {
  text: string;
  kind: 'demand' | 'chatter' | 'as' | 'stats';
  /** The member it is said as (after the last `/as`). */
  sender: string;
}

const DEMANDS: [string, RegExp][] = [
  ['请全体同事今晚十点前完成打卡并截图发群里', /^flagged: check-in, proof-demand \(check-in\/\S+, proof-demand\/\S+\)$/],
  ['Please everyone like and share the post by 5pm', /^flagged: like-quota \(like-quota\/\S+\)$/],
];
const CHATTER = ['今天中午吃什么？', 'see you at the meeting'];

/**
 * `n` lines of one group's chat, every one unique: demands of two kinds and chatter in an irregular
 * mix, a switch of member now and then, and `stats group` at each of `statsAt` (line indexes).
 */
export function chatInput(n: number, statsAt: readonly number[]): InputLine[] {
  const lines: InputLine[] = [];
  let sender = 'me';
  for (let i = 0; i < n; i++) {
    const pick = (i * 7919) % 11;
    if (statsAt.includes(i)) lines.push({ text: 'stats group', kind: 'stats', sender });
    else if (pick < 5) lines.push({ text: `${DEMANDS[pick % 2][0]} ${i}`, kind: 'demand', sender });
    else if (pick === 5) lines.push({ text: `/as member-${i % 7}`, kind: 'as', sender: (sender = `member-${i % 7}`) });
    else lines.push({ text: `${CHATTER[pick % 2]} ${i}`, kind: 'chatter', sender });
  }
  return lines;
}

export const asText = (lines: readonly InputLine[]): string => lines.map((l) => `${l.text}\n`).join('');

/** What stdout must hold, line by line and in input order: each `stats group` counts the demands before it. */
export function expectedOutput(lines: readonly InputLine[]): (string | RegExp)[] {
  const out: (string | RegExp)[] = [];
  let demands = 0;
  for (const line of lines) {
    if (line.kind === 'demand') {
      demands++;
      out.push(DEMANDS.find(([text]) => line.text.startsWith(text))![1]);
    } else if (line.kind === 'as') out.push(`shell: now speaking as ${line.sender}`);
    else if (line.kind === 'stats')
      out.push(new RegExp(`^fingertip \\[local\\]> local this week \\([^)]+\\): ${demands.toLocaleString('en')} possible formalism demands, `));
  }
  return out;
}
