// End-to-end: chat staffing (人力测算) feeding QA sizing, and QA score noise.
// Expected numbers: tests/staffing.rs (from scripts/erlang_check.py, an exact
// rational Erlang C) and the seed's 10 : 150 ratio.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, expectText } from './browser.mjs';

let env;
before(async () => { env = await start(); mkdirSync('screenshots', { recursive: true }); });
after(async () => { await env?.close(); });

async function set(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(String(value));
  await input.press('Enter');
}

test('type an hourly curve, see the peak and FTE, scale ×3 and the QA team grows', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  await page.getByRole('tab', { name: '质检' }).click();
  await page.getByRole('heading', { name: '客服人力测算（Erlang C）' }).waitFor();
  // One busy hour: 270 chats at 20:00, nothing else. AHT 360 s, 3 at once
  // (×2.5) → 144 s → 10.8 Erlangs → 14 agents for 80 % in 30 s.
  for (let h = 0; h < 24; h++) await set(page, `${h}:00 咨询量`, h === 20 ? 270 : 0);
  await expectText(page.getByTestId('staff-peak'), '20:00 · 14');
  // FTE = 14 ÷ (1 − 0.3) = 20; the roster (98 agent-hours ÷ 40 ÷ 0.7 = 3.5) is lower.
  await expectText(page.getByTestId('staff-peak-fte'), '20');
  await expectText(page.getByTestId('staff-headcount'), '20');
  await expectText(page.getByTestId('staff-cost'), '¥120,000.00');
  await expectText(page.getByTestId('staff-team'), /团队数据中有 30 名客服，满足测算的 20 人（富余 10 人）/);

  // Feed QA sizing: ⌈20 × 10 ÷ 150⌉ = 2.
  await page.getByTestId('staff-use').click();
  await expectText(page.getByLabel('人数来源'), /人力测算：20 人/);
  await expectText(page.getByTestId('qa-headcount-ratio'), '2');

  // 双十一 ×3: 810 chats → 32.4 Erlangs → 37 for the target, 39 for the 85 % cap;
  // FTE 39 ÷ 0.7 = 55.71 → 56 agents; QA ⌈56 × 10 ÷ 150⌉ = 4.
  await page.getByTestId('staff-x3').click();
  await expectText(page.getByTestId('staff-peak'), '20:00 · 39');
  await expectText(page.getByTestId('staff-headcount'), '56');
  await expectText(page.getByTestId('qa-headcount-ratio'), '4');
  await expectText(page.getByTestId('staff-team'), /缺 26 人/);
  // The whole team (30 × 0.7 × 0.85 = 17.85 Erlangs) cannot carry 32.4 at 20:00.
  await expectText(page.getByTestId('staff-notices'), /20:00：话务量 32.4 爱尔兰，超过全队 30 人.*17.9 爱尔兰/);
  await expectText(page.getByTestId('staff-chain'), /客服 56 人 → 质检 \d+ 人/);
  await page.locator('section.staffing').screenshot({ path: 'screenshots/staffing-zh-1366.png' });

  // An unreachable target is refused at the field; the plan stays.
  await set(page, '目标比例', 100);
  await expectText(page.getByRole('alert').first(), /目标无法达到/);
  await expectText(page.getByTestId('staff-headcount'), '56');
  // Negative volume is refused too.
  await set(page, '20:00 咨询量', -5);
  await expectText(page.getByRole('alert').first(), /咨询量须为 0 或正数/);
  await expectText(page.getByTestId('staff-headcount'), '56');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a pasted 分时接待 sheet and a week heat map, in English on a phone', async () => {
  const { page, context, errors } = await env.open({ locale: 'en-US', viewport: { width: 390, height: 800 } });
  await page.getByRole('tab', { name: 'QA' }).click();
  await page.getByRole('heading', { name: 'Chat staffing (Erlang C)' }).waitFor();
  await page.getByText("Paste Chitu's hourly reception sheet").click();
  let text = '时间段\t咨询人数\n';
  for (let h = 0; h < 24; h++) text += `${String(h).padStart(2, '0')}:00-${String(h + 1).padStart(2, '0')}:00\t${h === 20 ? 270 : 0}\n`;
  await page.getByTestId('staff-paste').fill(text);
  await page.getByRole('button', { name: 'Read the pasted hours' }).click();
  await expectText(page.getByRole('status').filter({ hasText: 'Read 24 hours' }), /Read 24 hours \(column "咨询人数"\)/);
  await expectText(page.getByTestId('staff-peak'), '20:00 · 14');
  // The same from the 分时接待 .xlsx export (scripts/gen_staffing_fixtures.py: 10·h + 5 an hour).
  await page.getByTestId('staff-file').setInputFiles('tests/fixtures/staffing/fenshi.xlsx');
  await expectText(page.getByRole('status').filter({ hasText: 'Read 24 hours' }), /Read 24 hours \(column "咨询人数"\)/);
  await page.waitForFunction(() => document.getElementById('staff-h-20')?.value === '205');
  assert.equal(await page.locator('#staff-h-0').inputValue(), '5');
  await page.getByTestId('staff-paste').fill(text);
  await page.getByRole('button', { name: 'Read the pasted hours' }).click();
  await expectText(page.getByTestId('staff-peak'), '20:00 · 14');
  await page.getByLabel('A week (7 days)').check();
  await page.getByTestId('staff-heat').waitFor();
  // A week of the same day: same 20 agents.
  await expectText(page.getByTestId('staff-headcount'), '20');
  const bodyWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(bodyWidth <= 390, `page does not scroll sideways (${bodyWidth})`);
  await page.locator('section.staffing').screenshot({ path: 'screenshots/staffing-en-390.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('QA score noise: intervals in the QA workspace and an overlap warning in scores', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  await page.getByRole('tab', { name: '质检' }).click();
  await page.getByRole('heading', { name: '质检得分的误差（置信区间）' }).waitFor();
  // 6 chats at sd 8, 95 %: ± 2.5706 × 8 ÷ √6 = ± 8.40 for everyone.
  await page.getByText('质检得分的误差（置信区间）', { exact: true }).last().click();
  await expectText(page.getByTestId('noise-table'), /77.3 ± 8.4 \[68.9, 85.7\]/);
  await expectText(page.getByTestId('noise-warnings'), /区间重叠/);
  await page.locator('section.noise').screenshot({ path: 'screenshots/noise-zh-1366.png' });
  // One chat: no interval, said so.
  await set(page, '每人抽检会话数', 1);
  await expectText(page.getByTestId('noise-warnings'), /无法给出区间（抽检少于 2 通）/);
  await set(page, '每人抽检会话数', 6);
  // Per-chat scores for 小雨 (90, 85, 80, 95): n 4, s 6.455 → ± 3.1824 × 6.455 ÷ 2 = ± 10.27.
  await page.getByText('粘贴每通会话的质检得分').click();
  await page.getByTestId('noise-chats').fill('客服昵称\t得分\n小雨\t90\n小雨\t85\n小雨\t80\n小雨\t95\n');
  await page.getByRole('button', { name: '读取会话得分' }).click();
  await expectText(page.getByTestId('noise-chats-loaded'), /已载入 4 通会话得分（1 名客服）/);
  await expectText(page.getByTestId('noise-table'), /77.3 ± 10.27 \[67.03, 87.57\]/);
  await page.getByRole('button', { name: '清除会话得分' }).click();

  // The 售后 plan scores 质检得分 (25 %, linear 60 → 95): its grade boundaries
  // separate agents whose noisy totals overlap.
  await page.getByRole('tab', { name: '成绩' }).click();
  await page.getByLabel('当前方案', { exact: true }).selectOption({ index: 1 });
  await expectText(page.getByTestId('scores-noise'), /本方案含质检得分项/);
  await expectText(page.getByTestId('scores-noise'), /总分区间重叠；约需每人 \d+ 通/);
  await page.getByTestId('scores-noise').screenshot({ path: 'screenshots/scores-noise-zh.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('QA findings roll up to 质检得分 and 红线, unknown agents listed, written into the data', async () => {
  const { page, context, errors } = await env.open({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  await page.getByRole('tab', { name: '质检' }).click();
  await page.getByRole('heading', { name: '质检记录（扣分明细）' }).waitFor();
  await page.getByTestId('find-paste').fill(
    '客服昵称,质检日期,质检项,扣分,是否红线\n小雨,2026-11-02,服务态度,5,否\n阿杰,2026-11-05,辱骂客户,10,是\n路人,2026-11-03,流程,2,否\n');
  await page.getByRole('button', { name: '读取质检记录' }).click();
  await expectText(page.getByTestId('find-message'), /读取 3 条记录；本月 2 名客服有扣分，1 名触犯红线/);
  await expectText(page.getByTestId('find-issues'), /团队数据中没有这些客服.*路人（1）/);
  // 100 − 5 = 95; 100 − 10 = 90 with a red line.
  await expectText(page.getByTestId('find-table'), /小雨\s+1\s+5\s+95/);
  await expectText(page.getByTestId('find-table'), /阿杰\s+1\s+10\s+90\s+是/);
  await page.locator('section.findings').screenshot({ path: 'screenshots/findings-zh-1366.png' });
  await page.getByTestId('find-write').click();
  // The noise panel reads the new 质检得分: 小雨 95 ± 8.4.
  await page.getByText('质检得分的误差（置信区间）', { exact: true }).last().click();
  await expectText(page.getByTestId('noise-table'), /小雨\s+95\s+6\s+8\s+95 ± 8.4/);
  // The data grid has a 红线 column.
  await page.getByRole('tab', { name: '数据' }).click();
  await page.getByRole('columnheader', { name: /红线/ }).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
