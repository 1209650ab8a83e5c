// End-to-end: the 质检 QA workspace on the demo team.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

/** Types into a labelled field and commits it as a user would (Enter). */
async function set(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(value));
  await input.press('Enter');
}

test('QA staffing: seed team, ratio and workload changes move headcount and cost', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN' });
  await page.getByRole('tab', { name: '质检' }).click();
  await page.getByRole('heading', { name: '质检团队测算' }).waitFor();
  const hc = (k) => page.getByTestId(`qa-headcount-${k}`).innerText();
  const hcIs = (k, want) => expectText(page.getByTestId(`qa-headcount-${k}`), want);
  const cost = (k) => page.getByTestId(`qa-cost-${k}`).innerText();

  // From the demo team (30 agents): ⌈30 × 10 ÷ 150⌉ = 2.
  await hcIs('ratio', '2');
  // Typed in: the seed's 150 agents → 10 QA in 1/1/3/2/3, ¥71,500 a month.
  await page.getByLabel('人数来源').selectOption('manual');
  await set(page, '客服人数', 150);
  await hcIs('ratio', '10');
  const split = await Promise.all([0, 1, 2, 3, 4].map((i) => page.getByTestId(`ratio-split-${i}`).innerText()));
  assert.deepEqual(split, ['1', '1', '3', '2', '3']);
  assert.equal(await cost('ratio'), '¥71,500.00');
  assert.match(await page.getByTestId('ratio-working').innerText(), /⌈150 × 10 ÷ 150⌉ = ⌈10⌉ = 10 人/);
  // Workload: 150 × (66 × 5 + 60) ÷ 8,580 = 6.82 → 7; recommended, with the reason.
  await hcIs('workload', '7');
  assert.match(await page.getByTestId('qa-row-workload').innerText(), /推荐/);
  assert.match(await page.getByTestId('qa-reason').innerText(), /推荐工作量法：7 人/);
  await page.screenshot({ path: 'screenshots/qa-zh.png', fullPage: true });

  // Change the ratio to 10 per 100: ⌈15⌉ = 15 → 1/1/5/3/5, ¥103,000.
  await set(page, '对应客服人数', 100);
  await hcIs('ratio', '15');
  await expectText(page.getByTestId('qa-cost-ratio'), '¥103,000.00');
  // Double the review time: 150 × (66 × 10 + 60) ÷ 8,580 = 12.59 → 13.
  await set(page, '每次质检用时（分钟）', 10);
  await hcIs('workload', '13');
  assert.match(await page.getByTestId('workload-working').innerText(), /108,000 ÷ 8,580 = 12.59 → 13 人/);

  // An absurd input is refused with a message; the numbers stay as they were.
  await set(page, '每月工作日', 0);
  await expectText(page.getByRole('alert').first(), /每月工作日须大于 0/);
  await hcIs('workload', '13');
  await set(page, '每月工作日', 'abc');
  await expectText(page.getByRole('alert').first(), /不是数字/);
  await hcIs('workload', '13');

  // Undo walks back through QA changes too.
  await page.getByRole('heading', { name: '质检团队测算' }).click();
  await page.keyboard.press('Control+z');
  await hcIs('workload', '7');

  // The curve has a table view with 51 sizes (0–500 by 10).
  await page.getByText('表格视图').click();
  assert.equal(await page.getByTestId('qa-curve-table').locator('tbody tr').count(), 51);
  assert.deepEqual(errors, []);
  await context.close();
});

test('QA staffing in English, on a phone', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 800 } });
  await page.getByRole('tab', { name: 'QA' }).click();
  await page.getByRole('heading', { name: 'QA staffing' }).waitFor();
  await page.getByLabel('Source').selectOption({ label: 'Team data: 售前 (20)' });
  // ⌈20 × 10 ÷ 150⌉ = ⌈1.33⌉ = 2.
  await expectText(page.getByTestId('qa-headcount-ratio'), '2');
  const bodyWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(bodyWidth <= 390, `page does not scroll sideways (${bodyWidth})`);
  await page.screenshot({ path: 'screenshots/qa-en-phone.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
