// End-to-end: the 奖金 workspace on the demo team — payouts and totals,
// solving to a budget, what-if and reset, a Monte Carlo forecast run to
// completion, two scenarios compared, and the payouts CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const yuan = (s) => Number(s.replace(/[¥,\s]/g, ''));

async function setField(page, id, value) {
  await page.fill(id, value);
  await page.press(id, 'Enter');
}

test('payouts, budget solver, what-if, forecast, scenarios and CSV on the demo', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.getByRole('tab', { name: '奖金' }).click();
  // The demo model: ¥1,000 × 绩效系数 by score, attendance gate 18 days,
  // pro-rated over 22 days, rounded to ¥10. 七七 (score 77.45 → 1.0, 18
  // days): 1,000 × 18/22 = 818.18 → ¥820. 阿宁 (99.33 → 1.5, 26 days) ¥1,500.
  await expectText(page.getByTestId('pay-5'), '¥820');
  await expectText(page.getByTestId('pay-12'), '¥1,500');
  await expectText(page.getByTestId('pay-total'), '¥16,080');
  const rows = await page.getByTestId('pay-table').locator('tbody tr').count();
  assert.equal(rows, 20, 'the pre-sales plan covers the 20 售前 agents');

  // Budget ¥15,000: over by ¥1,080; solving the base brings the total within it.
  await setField(page, '#pay-budget', '15000');
  await expectText(page.getByTestId('pay-budget-line'), /超出 ¥1,080/);
  await page.getByTestId('pay-solve-0').click();
  await expectText(page.getByTestId('pay-solved'), /^已设为 ¥[\d,]+/);
  const solved = yuan(await page.getByTestId('pay-total').innerText());
  assert.ok(solved <= 15000 && solved > 14900, `solved total ${solved}`);
  await expectText(page.getByTestId('pay-budget-line'), /剩余/);

  // What-if: conversion +2 pp for everyone raises pay; reset restores it.
  await page.selectOption('#wi-col', '询单转化率');
  await setField(page, '#wi-delta', '2');
  await page.getByTestId('wi-add').click();
  await expectText(page.getByTestId('wi-list'), /询单转化率 \+2 个百分点 · 全体客服/);
  await expectText(page.getByTestId('pay-total-before'), `¥${solved.toLocaleString('en-US')}`);
  const shifted = yuan(await page.getByTestId('pay-total').innerText());
  assert.ok(shifted > solved, `${shifted} > ${solved}`);
  await page.getByTestId('wi-reset').click();
  await expectText(page.getByTestId('pay-total'), `¥${solved.toLocaleString('en-US')}`);
  assert.equal(await page.getByTestId('wi-active').count(), 0);

  // Monte Carlo: 10,000 months to completion, with progress; the same seed twice gives the same result.
  await page.getByTestId('mc-run').click();
  await page.getByTestId('mc-result').waitFor({ timeout: 30000 });
  await expectText(page.getByTestId('mc-result'), /共模拟 10000 个月/);
  const [p5, p50, p95] = await Promise.all(['mc-p5', 'mc-p50', 'mc-p95'].map(async (id) => yuan(await page.getByTestId(id).innerText())));
  assert.ok(p5 < p50 && p50 < p95, `${p5} < ${p50} < ${p95}`);
  assert.match(await page.getByTestId('mc-over').innerText(), /^\d+\.\d%$/);
  await page.getByTestId('mc-run').click();
  await page.getByTestId('mc-result').waitFor({ timeout: 30000 });
  await expectText(page.getByTestId('mc-p50'), `¥${p50.toLocaleString('en-US')}`, 30000);

  // Pay cliffs on the demo: attendance at the 18-day gate is one.
  await page.getByTestId('cliff-run').click();
  await expectText(page.getByTestId('cliff-table'), /七七\s+出勤天数\s+−1 天\s+¥[\d,]+ → ¥0\s+-¥[\d,]+\s+门槛「出勤天数」/, 10000);

  // Scenarios: the current model, and a copy paying ¥1,200 base; compare them.
  await page.getByTestId('scn-save').click();
  await page.getByRole('button', { name: '复制', exact: true }).click();
  await setField(page, '#pay-c0-base', '1200');
  await page.getByTestId('scn-save').click();
  await expectText(page.getByTestId('scn-summary'), new RegExp(`A 总额 ¥${solved.toLocaleString('en-US')}，B 总额 ¥[\\d,]+，变化 \\+¥[\\d,]+；\\d+ 人增加，0 人减少`));
  assert.equal(await page.getByTestId('scn-table').locator('tbody tr').count(), 20);

  // The payouts CSV: BOM, headers with units, one row per agent and a total.
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pay-csv').click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'kpi-')), d.suggestedFilename());
  await d.saveAs(path);
  const lines = readFileSync(path, 'utf8').split('\r\n').filter(Boolean);
  assert.ok(lines[0].startsWith('\ufeff客服,总分,绩效系数,1. 目标奖金 × 绩效系数 (元)'), lines[0]);
  assert.equal(lines.length, 22, 'header, 20 agents, total');
  assert.match(lines[21], /^奖金总额,/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the payouts workspace in English at phone width', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 800 } });
  await page.getByRole('tab', { name: 'Payouts' }).click();
  await expectText(page.getByTestId('pay-total'), '¥16,080');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(errors, []);
  await context.close();
});
