// End-to-end: build a KPI plan through the UI, fix a weight error, see scores and why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

async function setNumber(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(value));
  await input.press('Enter');
}

test('build a 4-item plan, fix the weights, see scores and why', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.getByRole('tab', { name: '考核方案' }).click();
  // The demo starts with the two templates; both are valid.
  await expectText(page.getByTestId('plan-validation'), /权重合计 100%/);
  await page.getByRole('button', { name: '+ 空白方案' }).click();
  await expectText(page.getByTestId('plan-validation'), /权重合计 100%/);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '+ 添加考核项' }).click();
  await expectText(page.getByTestId('plan-validation'), /权重合计 115%/);
  await page.getByLabel('第 2 项 · 考核指标').selectOption({ label: '客户满意度' });
  await page.getByLabel('第 3 项 · 考核指标').selectOption({ label: '首次响应时间' });
  await page.getByLabel('第 4 项 · 考核指标').selectOption({ label: '质检得分' });
  await setNumber(page, '第 1 项 · 权重 %', 40);
  await setNumber(page, '第 2 项 · 权重 %', 30);
  await setNumber(page, '第 3 项 · 权重 %', 20);
  await setNumber(page, '第 4 项 · 权重 %', 7);
  // 40 + 30 + 20 + 7 = 97: two errors the UI reports.
  const v = page.getByTestId('plan-validation');
  await expectText(v, /权重合计须为 100%（现为 97%）/);
  await expectText(v, /第 4 项权重 7% 不是 5% 的整数倍/);
  await page.screenshot({ path: 'screenshots/plan-invalid-zh.png', fullPage: true });
  // Scores still compute, marked invalid.
  await page.getByRole('tab', { name: '成绩' }).click();
  await expectText(page.getByTestId('scores-invalid'), /不符合权重规则/);
  // Fix: 10 % makes 100 %.
  await page.getByRole('tab', { name: '考核方案' }).click();
  await setNumber(page, '第 4 项 · 权重 %', 10);
  await expectText(v, /权重合计 100% ✓/);
  // Item 3 (first response) as bands, lower is better.
  await page.getByLabel('第 3 项 · 计分规则').selectOption({ label: '分档' });
  await page.getByRole('tab', { name: '成绩' }).click();
  await page.getByTestId('scores-table').waitFor();
  assert.equal(await page.getByTestId('scores-invalid').count(), 0);
  const rows = page.getByTestId('scores-table').locator('tbody tr');
  assert.equal(await rows.count(), 30);
  // 小雨 (row 0): conversion 32.26 % vs target 40 % → 80.65 points × 40 % = 32.26.
  await page.getByTestId('score-row-0').click();
  const why = page.getByTestId('why');
  await expectText(why.locator('h3'), '为什么是这个分数：小雨');
  await expectText(why, /32\.26% ÷ 目标 40\.00% × 100 = 80\.65/);
  await expectText(why, /80\.65 × 40% = 32\.26/);
  await page.screenshot({ path: 'screenshots/scores-why-zh.png', fullPage: true });
  // Compare with the 售前 template: per-agent change and grade moves.
  await page.getByLabel('对比方案').selectOption({ index: 1 });
  await expectText(page.getByTestId('compare-summary'), /人等级变化/);
  assert.deepEqual(errors, []);
  await context.close();
});
