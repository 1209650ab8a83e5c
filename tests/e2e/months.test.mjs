// End-to-end (#18): import three months of the demo team, open 趋势, see a
// faller on the 面谈 list, make next month's plan from the proposal, print
// the announcement (screenshot in print media), see the talent view.
// Fixtures: scripts/gen_months.py (tests/fixtures/months/demo-*.tsv).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

const MONTHS = ['2026-09', '2026-10', '2026-11'];

async function importMonths(page, zh) {
  for (const m of MONTHS) {
    await page.getByLabel(zh ? '打开文件' : 'Open file').setInputFiles(`tests/fixtures/months/demo-${m}.tsv`);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await page.locator('#import-month').fill(m);
    await preview.getByRole('button', { name: zh ? /确认导入/ : /^Import \d+ agents/ }).click();
    await preview.waitFor({ state: 'detached' });
  }
}

test('three months: trends, 面谈, next month plan, announcement, talent (zh)', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  await importMonths(page, true);
  await page.getByRole('tab', { name: '趋势' }).click();
  const summary = page.getByTestId('months-summary');
  await expectText(summary, /已有月份：2026-09、2026-10、2026-11/);
  // 阿乐 first appears in November.
  await expectText(page.getByTestId('joined'), '本月新加入：阿乐');
  // Watch 询单转化率: 小雨 fell 10 points (42 % → 32 %), more than 10 %.
  await page.getByLabel('观察指标').selectOption({ label: '询单转化率' });
  const talk = page.getByTestId('talk-list');
  await expectText(talk.getByTestId('talk-row').first(), /^小雨/);
  await expectText(talk.getByTestId('talk-row').first(), /−9\.21%/);
  // Trends download as CSV and Excel.
  for (const [id, name] of [['trends-csv', '趋势.csv'], ['trends-xlsx', '趋势.xlsx']]) {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    assert.equal(dl.suggestedFilename(), name);
  }
  // Small multiples: one per metric.
  assert.ok(await page.getByTestId('small-multiple').count() >= 15);
  // The waterfall for 小雨: conversion is the largest fall.
  await page.getByLabel('查看').selectOption('小雨');
  await page.getByTestId('waterfall').waitFor();
  await page.screenshot({ path: 'screenshots/trends-zh-1366.png', fullPage: true });
  await page.getByLabel('查看').selectOption('');
  // Next month's plan: 询单转化率 is fixed; create the 2026-12 plan.
  const next = page.getByTestId('next-plan');
  await expectText(next.getByTestId('proposal'), /询单转化率\s*固定/);
  await next.getByTestId('create-next').click();
  await expectText(next.getByTestId('next-created'), /2026-12/);
  assert.ok(await next.getByTestId('create-next').isDisabled(), 'the plan exists now');
  // The announcement in print: only it is shown.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByTestId('announcement').isVisible());
  assert.ok(!(await page.getByTestId('talk-list').isVisible()));
  await expectText(page.getByTestId('announcement'), /2026-12 考核项目和占比/);
  await page.screenshot({ path: 'screenshots/announcement-print-zh.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  // Talent: 阿乐 joined in November and is in probation.
  const talent = page.getByTestId('talent');
  await talent.scrollIntoViewIfNeeded();
  await expectText(talent, /试用期（不参与排名）：.*阿乐/);
  assert.ok(await talent.getByTestId('talent-table').locator('tbody tr').count() >= 20);
  // Nobody is in the top fifth 4 of 6 months with 3 months held; 2 of 3 finds some.
  await expectText(talent.getByTestId('talent-top'), /：无$/);
  await page.locator('#tal-k').fill('2');
  await page.locator('#tal-k').press('Enter');
  await page.locator('#tal-n').fill('3');
  await page.locator('#tal-n').press('Enter');
  await expectText(talent.getByTestId('talent-top'), /最近 3 个月中至少 2 个月）：\S/);
  await talent.screenshot({ path: 'screenshots/talent-zh-1366.png' });
  // A team target: 客服销售额 ¥3,000,000 → 完成度 shown.
  const targets = page.getByTestId('targets');
  await targets.locator('summary').click();
  const salesRow = targets.locator('tr', { hasText: '客服销售额' });
  await salesRow.locator('input').fill('3000000');
  await salesRow.locator('input').press('Enter');
  await expectText(salesRow.locator('td').nth(2), /^\d+(\.\d)?%$/);
  // The settings are saved with the workbook: undo removes the target.
  await page.locator('#lmdi-title').click();
  await page.keyboard.press('Control+z');
  await expectText(salesRow.locator('td').nth(2), '—');
  // The new plan is a plan of its own, for 2026-12.
  await page.getByRole('tab', { name: '考核方案' }).click();
  await expectText(page.locator('body'), /2026-12/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('trends in English at 1366 and in Chinese on a phone', async () => {
  for (const [locale, width, zh] of [['en-US', 1366, false], ['zh-CN', 390, true]]) {
    const { page, context, errors } = await env.open({ locale, viewport: { width, height: 900 } });
    await importMonths(page, zh);
    await page.getByRole('tab', { name: zh ? '趋势' : 'Trends' }).click();
    await page.getByTestId('months-summary').waitFor();
    await page.screenshot({ path: `screenshots/trends-${zh ? 'zh' : 'en'}-${width}.png`, fullPage: width > 1000 });
    if (width < 1000) {
      for (const id of ['talk-list', 'next-plan']) {
        await page.getByTestId(id).screenshot({ path: `screenshots/trends-zh-390-${id}.png` });
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('trends in English and on a phone', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  await importMonths(page, false);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await expectText(page.getByTestId('months-summary'), /Months held: 2026-09, 2026-10, 2026-11/);
  await page.getByLabel('Watched metric').selectOption({ label: 'Conversion rate' }).catch(async () => {
    // The dictionary's English name may differ; fall back to the first option containing "onversion".
    const opt = await page.locator('#talk-metric option', { hasText: /onversion/ }).first().getAttribute('value');
    await page.locator('#talk-metric').selectOption(opt);
  });
  await expectText(page.getByTestId('talk-list').getByTestId('talk-row').first(), /^小雨/);
  await page.screenshot({ path: 'screenshots/trends-en-390.png' });
  for (const id of ['talk-list', 'next-plan', 'talent']) {
    await page.getByTestId(id).screenshot({ path: `screenshots/trends-en-390-${id}.png` });
  }
  const sm = page.getByTestId('small-multiple').first();
  await sm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/trends-en-390-charts.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a gap month and two spellings: the gap is said, the match is asked, confirmed and undoable', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  for (const m of ['2026-08', '2026-10', '2026-11']) {
    await page.getByLabel('打开文件').setInputFiles(`tests/fixtures/months/3m-${m}.tsv`);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await page.locator('#import-month').fill(m);
    await preview.getByRole('button', { name: /确认导入/ }).click();
    await preview.waitFor({ state: 'detached' });
  }
  await page.getByRole('tab', { name: '趋势' }).click();
  // October against August: September is missing and said so.
  await page.getByLabel('月份').selectOption({ label: '2026-10 ← 2026-08' });
  await expectText(page.getByTestId('month-gap'), /2026-08 与 2026-10 之间缺少 2026-09/);
  // November: 晓晨 left; AMY looks like Amy and is asked about, not merged.
  await page.getByLabel('月份').selectOption({ label: '2026-11 ← 2026-10' });
  await expectText(page.getByTestId('left'), /晓晨/);
  await expectText(page.getByTestId('matches'), /“AMY”和“Amy”是同一个人吗？/);
  await expectText(page.getByTestId('joined'), /AMY/);
  await page.getByTestId('match-confirm').click();
  await expectText(page.getByTestId('months-summary'), /已合并：“AMY” → “Amy”/);
  assert.equal(await page.getByTestId('joined').count(), 0, 'AMY is Amy now, not a new agent');
  // The merge is one undo step.
  await page.locator('#charts-title').click();
  await page.keyboard.press('Control+z');
  await expectText(page.getByTestId('matches'), /“AMY”和“Amy”/);
  assert.deepEqual(errors, []);
  await context.close();
});
