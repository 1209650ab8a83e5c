// Shared by the English-completeness test and the screenshot script: walks a
// workspace the way a person would see it and lists every piece of Chinese
// (CJK characters and full-width punctuation) that is not user data.
import { readFileSync } from 'node:fs';

/** CJK ideographs, CJK punctuation (、。「」) and full-width forms (：，（）). */
export const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** The demo team's user data: agent names and group values (they stay as typed). */
export function demoUserData() {
  const tsv = readFileSync(new URL('../../src/io/demo_team.tsv', import.meta.url), 'utf8');
  const rows = tsv.trim().split('\n').map((l) => l.split('\t'));
  const headers = rows[0];
  const values = new Set();
  for (const r of rows.slice(1)) { values.add(r[0]); values.add(r[1]); }
  // The months fixtures add a custom column (a header no metric knows): user data.
  const month = readFileSync(new URL('../fixtures/months/demo-2026-11.tsv', import.meta.url), 'utf8');
  const monthHeaders = month.split('\n')[0].split('\t');
  for (const h of monthHeaders) if (!headers.includes(h)) values.add(h);
  return { values: [...values].filter(Boolean), headers: [...new Set([...headers, ...monthHeaders])] };
}

/**
 * Opens what a workspace hides behind a click: every closed <details>.
 * Returns how many it opened.
 */
export async function openAllDetails(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const d of document.querySelectorAll('.panel details:not([open])')) { d.open = true; n += 1; }
    return n;
  });
}

/**
 * Every visible string of the page (text, tooltips, accessible names,
 * placeholders, options of visible selects, SVG titles) that still holds
 * Chinese once user data is taken out. `values` are allowed anywhere (agent
 * names, groups); `headers` only in tooltips ("original header" on hover).
 * The language switch is skipped (it names 中文 in Chinese on purpose).
 */
export async function chineseLeaks(page, { values = [], headers = [] } = {}) {
  return page.evaluate(({ values, headers, cjk }) => {
    const re = new RegExp(cjk);
    const byLength = (a) => [...a].sort((x, y) => y.length - x.length);
    const vals = byLength(values);
    const heads = byLength([...values, ...headers]);
    const strip = (s, list) => { let out = s; for (const v of list) out = out.split(v).join(' '); return out; };
    const leaks = [];
    const seen = new Set();
    const where = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
        let p = e.tagName.toLowerCase();
        if (e.id) p += `#${e.id}`;
        else if (e.classList.length) p += `.${[...e.classList].slice(0, 2).join('.')}`;
        parts.unshift(p);
      }
      return parts.join(' > ');
    };
    const note = (el, kind, text, tooltip) => {
      if (!text) return;
      // The import preview shows what was pasted: its original headers are user data there.
      const allowHeaders = tooltip || el.closest('[data-testid="import-preview"]');
      const rest = strip(text, allowHeaders ? heads : vals);
      if (!re.test(rest)) return;
      const key = `${kind}|${text}`;
      if (seen.has(key)) return;
      seen.add(key);
      leaks.push({ where: where(el), kind, text: text.trim().slice(0, 160) });
    };
    const skip = (el) => el.closest('.lang-switch');
    const visible = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || el.closest('option, script, style, title')) continue;
      if (!visible(el)) continue;
      note(el, 'text', n.textContent, false);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (skip(el)) continue;
      if (el.tagName === 'OPTION') {
        const sel = el.closest('select');
        // The header-row picker quotes the pasted rows themselves.
        if (sel && sel.id === 'import-header-row') continue;
        if (sel && visible(sel)) note(sel, 'option', el.textContent, false);
        continue;
      }
      if (el.tagName.toLowerCase() === 'title' && el.closest('svg') && visible(el.closest('svg'))) {
        note(el.parentElement, 'svg title', el.textContent, false);
        continue;
      }
      if (!visible(el)) continue;
      note(el, 'title', el.getAttribute('title'), true);
      note(el, 'aria-label', el.getAttribute('aria-label'), false);
      note(el, 'placeholder', el.getAttribute('placeholder'), false);
      if (el.tagName === 'INPUT' && ['button', 'submit'].includes(el.type)) note(el, 'value', el.value, false);
    }
    return leaks;
  }, { values, headers, cjk: CJK.source });
}
