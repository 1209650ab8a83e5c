// End-to-end: a new manager's first hour — their own 3-agent export without
// a 分组 column, a template that fits it, scores for everyone; a template
// added twice gets two names; a plan that scores nobody says why and fixes
// it in one click. In Chinese and English, and at phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText, paste } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

// A small Tmall export: no 分组, no 客服销售额, no 回复率.
const EXPORT = '旺旺昵称\t当日询单人数\t询单最终付款转化率\t首次响应时长（秒）\t平均响应时长（秒）\t客户满意比\n'
  + '小雨\t120\t46%\t20\t30\t96%\n阿杰\t80\t38%\t30\t40\t90%\n南风\t100\t41%\t40\t50\t93%\n';


for (const [locale, t] of [
  ['zh-CN', { confirm: '确认导入 3 名客服', plan: '考核方案', scores: '成绩', pay: '奖金', pre: '+ 售前模板', fit: /方案适用于全部客服/, name: '售前考核方案', replaces: /演示团队（30 名虚构客服）/, own: /你的数据：.*3 名客服/, paid: /3 人/, back: '退回上一步' }],
  ['en-US', { confirm: 'Import 3 agents', plan: 'Plan', scores: 'Scores', pay: 'Payouts', pre: '+ Pre-sales template', fit: /the plan covers every agent/, name: 'Pre-sales plan', replaces: /demo team \(30 fictional agents\)/, own: /Your data: 3 agents/, paid: /for 3 agents/, back: 'Step back' }],
]) {
  for (const width of [1366, 390]) {
    test(`${locale} ${width}px: own export → fitted template → scores for all three`, async () => {
      const { page, context, errors } = await env.open({ locale, viewport: { width, height: 900 } });
      // First steps: the demo is on, the data step is still to do.
      await expectText(page.getByTestId('step-0'), /○/);
      await paste(page, EXPORT);
      // The preview says what the import replaces.
      await expectText(page.getByTestId('import-replaces'), t.replaces);
      await page.getByRole('button', { name: t.confirm }).click();
      await expectText(page.getByTestId('step-0'), t.own);
      await page.getByRole('tab', { name: t.plan }).click();
      await page.getByRole('button', { name: t.pre }).click();
      await expectText(page.locator('.notice'), t.fit);
      // Twice: two names.
      await page.getByRole('button', { name: t.pre }).click();
      const names = await page.locator('#plan-select option').allInnerTexts();
      const ours = names.filter((n) => n.startsWith(t.name));
      assert.equal(new Set(ours).size, ours.length, `distinct names: ${ours.join(' | ')}`);
      assert.ok(ours.some((n) => n.includes('(2)')), ours.join(' | '));
      await page.getByRole('tab', { name: t.scores }).click();
      const rows = page.getByTestId('scores-table').locator('tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 3);
      await page.screenshot({ path: `screenshots/firsthour-scores-${locale}-${width}.png`, fullPage: true });
      // Pay for all three, and the checklist says so.
      await page.getByRole('tab', { name: t.pay }).click();
      const pays = page.locator('td[data-testid^="pay-"]').filter({ hasText: '¥' });
      await pays.first().waitFor();
      assert.equal(await pays.count(), 3);
      await expectText(page.getByTestId('step-4'), t.paid);
      await expectText(page.getByTestId('steps-progress'), /5/);
      // Step back undoes the last step (the second template), as Ctrl+Z would.
      await page.getByRole('tab', { name: t.plan }).click();
      await page.locator('#plan-select').waitFor();
      const plans = await page.locator('#plan-select option').count();
      await page.getByTestId('first-steps').getByRole('button', { name: t.back }).click();
      await page.waitForFunction((n) => document.querySelectorAll('#plan-select option').length === n - 1, plans);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('a plan for a group the data lacks says why and is fixed in one click', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await paste(page, EXPORT);
  await page.getByRole('button', { name: '确认导入 3 名客服' }).click();
  // The demo's 售前 plan scores only 售前; this export has no 分组 column.
  await page.getByRole('tab', { name: '成绩' }).click();
  const empty = page.getByTestId('scores-empty');
  await expectText(empty, /方案只考核「售前」分组，但数据中没有分组列/);
  await empty.getByRole('button', { name: '改为考核全部客服' }).click();
  const rows = page.getByTestId('scores-table').locator('tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the import preview remaps a column: 打卡天数 becomes 出勤天数 (Days worked)', async () => {
  for (const [locale, t] of [
    ['zh-CN', { metric: '出勤天数', confirm: '确认导入 2 名客服', label: '出勤天数' }],
    ['en-US', { metric: 'Days worked', confirm: 'Import 2 agents', label: 'Days worked' }],
  ]) {
    for (const width of [1366, 390]) {
      const { page, context, errors } = await env.open({ locale, viewport: { width, height: 900 } });
      await paste(page, '旺旺昵称\t打卡天数\t询单人数\n小雨\t22\t120\n阿杰\t20\t80\n');
      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      const pick = preview.locator('select.map-metric').nth(1);
      assert.equal(await pick.inputValue(), '', '打卡天数 comes in as a custom column');
      await pick.selectOption({ label: t.metric });
      await expectText(preview.getByTestId('import-sample').locator('tr.map-row').last(), /./);
      await preview.getByRole('button', { name: t.confirm }).click();
      await expectText(page.getByRole('grid').locator('thead'), new RegExp(t.label));
      // The pasted header stays as the original header on hover.
      const th = page.getByRole('grid').locator('thead th', { hasText: t.label }).first();
      assert.match(await th.getAttribute('title') ?? '', /打卡天数/);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('first steps: "bring my data" opens the paste box from any workspace', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  await page.getByRole('tab', { name: 'Scores' }).click();
  await expectText(page.getByTestId('steps-progress'), /of 5 done/);
  // The demo's pre-sales plan scores 20 of the 30 agents, and says why.
  await expectText(page.getByTestId('step-3'), /20 of 30 agents scored \(the plan covers the group “售前”\)/);
  await page.getByTestId('step-0').getByRole('button', { name: 'Bring my data' }).click();
  await page.locator('#paste-text').waitFor();
  assert.equal(await page.locator('#tab-data').getAttribute('aria-selected'), 'true');
  // Hidden steps stay out of the way until asked for.
  await page.getByRole('button', { name: 'Hide the steps' }).click();
  await page.getByRole('button', { name: 'Show the first steps' }).waitFor();
  assert.equal(await page.getByTestId('first-steps').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

// "Check the columns" (#15 polish): ticked by a confirmed import preview or by
// opening the step's column list, never by data alone; it can be taken back.
test('the columns step ticks when the mapping was seen, and can be taken back', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 900 } });
  const step = page.getByTestId('step-1');
  // The demo: nothing checked yet, and the step says what to do.
  await expectText(step, /○/);
  await expectText(step, /Import your own data/);
  await paste(page, EXPORT);
  await page.getByRole('button', { name: 'Import 3 agents' }).click();
  // The preview showed the mapping: ticked.
  await expectText(step, /✓/);
  // One name per column: the grid header's tooltip leads with the metric's
  // English name, the original header last.
  const title = await page.locator('#colhead-1').getAttribute('title');
  assert.match(title, /^Inquiries\b.*Original header: 当日询单人数$/);
  await step.getByTestId('columns-uncheck').click();
  await expectText(step, /○/);
  // Opening the list of columns (each header and what it was read as) ticks it again.
  await step.getByTestId('columns-list').locator('summary').click();
  await expectText(step.getByTestId('columns-list'), /当日询单人数 → /);
  await expectText(step, /✓/);
  assert.deepEqual(errors, []);
  await context.close();
});

// A phone (#15 polish): every workspace fits 390 px (no sideways scrolling of
// the page), and every chart's text renders at 11 px or more on screen
// (its CSS size times the SVG's scale).
test('390 px: every workspace fits the width, chart text at least 11 px', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 900 } });
  for (const m of ['2026-09', '2026-10', '2026-11']) {
    await page.getByLabel('Open file').setInputFiles(`tests/fixtures/months/demo-${m}.tsv`);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await page.locator('#import-month').fill(m);
    await preview.getByRole('button', { name: /^Import \d+ agents/ }).click();
    await preview.waitFor({ state: 'detached' });
  }
  const problems = [];
  for (const tab of ['data', 'plan', 'scores', 'pay', 'trends', 'qa']) {
    await page.locator(`#tab-${tab}`).click();
    await page.locator(`#panel-${tab}`).waitFor();
    await page.evaluate(() => { for (const d of document.querySelectorAll('.panel details:not([open])')) d.open = true; });
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) problems.push(`${tab}: page is ${width} px wide`);
    const small = await page.evaluate(() => {
      const out = [];
      for (const svg of document.querySelectorAll('.panel svg.chart, .panel .small-multiple svg')) {
        const box = svg.getBoundingClientRect();
        const vb = svg.viewBox.baseVal;
        if (!box.width || !vb || !vb.width) continue;
        const scale = box.width / vb.width;
        for (const t of svg.querySelectorAll('text')) {
          const cs = getComputedStyle(t);
          if (cs.display === 'none' || !t.textContent.trim()) continue;
          const px = parseFloat(cs.fontSize) * scale;
          if (px < 10.95) out.push(`${svg.getAttribute('class') || 'small-multiple'} "${t.textContent.trim()}" ${px.toFixed(1)} px`);
        }
      }
      return out;
    });
    problems.push(...[...new Set(small)].slice(0, 8).map((s) => `${tab}: ${s}`));
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
  await context.close();
});
