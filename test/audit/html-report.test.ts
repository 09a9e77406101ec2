import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { Report } from '../../src/analysis/report/report.js';
import { runCli } from '../support/run-cli.js';
import { chromiumOrSkip } from '../support/find-chromium.js';
import { tempDir } from '../support/temp-dir.js';
import { fixture } from './support/read-all.js';

// Debian's chromium (.ci/run installs it); headless, and kept off the network.
const CHROMIUM = chromiumOrSkip('the HTML report checks in a browser');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM) return;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!CHROMIUM)('the HTML audit report in a browser', () => {
  it('shows the totals, groups, charts and evidence, drawn from the file alone', async () => {
    const dir = tempDir();
    const exports = [fixture('slack'), fixture('wechatmsg/教务通知群_utf8.csv'), fixture('chatlab/年级组.json')];
    const html = join(dir, 'report.html');
    // Two English and two Chinese group names leave the language to the (Chinese) messages: English is asked for.
    expect((await runCli(['audit', ...exports, '--format', 'html', '--lang', 'en', '--out', html])).code).toBe(0);
    const report = JSON.parse((await runCli(['audit', ...exports])).stdout) as Report;

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(html).href);
    const text = await page.locator('body').innerText();

    // Totals as the JSON report has them.
    expect(text).toContain(String(report.messages));
    expect(text).toMatch(new RegExp(`${report.demands}\\s*demands`));
    // Every group by name, and the evidence: the demand's text with its rule.
    for (const g of report.groups) expect(text).toContain(g.name);
    expect(text).toContain('请全体同事今晚十点前完成打卡并截图发群里');
    const rule = await page.locator('.ev code').first().innerText();
    expect(rule).toMatch(/^[a-z-]+\/[\w-]+$/);
    // The matched text is highlighted.
    expect(await page.locator('.ev mark').count()).toBeGreaterThan(0);
    // Charts are drawn: inline SVGs with bars of some size.
    const charts = page.locator('svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    const bars = await page
      .locator('svg rect')
      .evaluateAll((rects) => rects.filter((r) => r.getBoundingClientRect().width > 0 && r.getBoundingClientRect().height > 0).length);
    expect(bars).toBeGreaterThan(2);
    // Nothing but the file itself was loaded.
    expect(requests).toEqual([pathToFileURL(html).href]);

    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    expect(readFileSync(join(dir, 'report.png')).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  }, 60_000);

  it('keeps a page of very long names within its width, the numbers in view', async () => {
    const dir = tempDir();
    const line = (id: string, text: string) =>
      JSON.stringify({
        id,
        ts: 1795439100,
        group_id: 'g',
        group_name: 'A'.repeat(300),
        sender_id: 'U1',
        sender_name: 'B'.repeat(300),
        members: ['U1', 'U2', 'U3'],
        text,
      });
    writeFileSync(
      join(dir, 'long.jsonl'),
      `${line('m1', '请全体同事今晚十点前完成打卡并截图发群里')}\n${line('m2', '请各位今天下班前填写附件统计表并上报')}\n`,
    );
    const html = join(dir, 'long.html');
    expect((await runCli(['audit', join(dir, 'long.jsonl'), '--format', 'html', '--out', html])).code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(pathToFileURL(html).href);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);
    await page.close();
  }, 60_000);

  it('in Chinese (--lang zh): marked zh-CN, every heading Chinese, and drawn in a Chinese font', async () => {
    const dir = tempDir();
    const html = join(dir, 'report.html');
    const exports = [fixture('slack'), fixture('wechatmsg/教务通知群_utf8.csv')];
    expect((await runCli(['audit', ...exports, '--lang', 'zh', '--out', html])).code).toBe(0);
    const report = JSON.parse((await runCli(['audit', ...exports])).stdout) as Report;

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(pathToFileURL(html).href);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1, h2, h3').allInnerTexts()).toEqual([
      '指尖上的形式主义报告',
      '图表',
      '按类别',
      '群组',
      '发出要求的人',
      '其他发现',
      `多头填报（${report.duplicates.length}）`,
      `回复刷屏（${report.ack_storms.length}）`,
      `群组重叠（${report.sprawl.length}）`,
      `证据（负担最重的 ${report.demands} 条）`,
    ]);
    const text = await page.locator('body').innerText();
    expect(text).toContain(`${report.demands}\n条要求`);
    expect(text).toContain('打卡签到');
    // The title's glyphs come from a CJK font on this machine, not from a fallback that draws boxes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => [f.familyName, f.glyphCount])).toEqual([
      [expect.stringMatching(/CJK|PingFang|YaHei|Hiragino|Source Han/), [...'指尖上的形式主义报告'].length],
    ]);
    await page.screenshot({ path: join(dir, 'report-zh.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
