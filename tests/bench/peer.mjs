// The peer engine in `make bench`: HyperFormula (npm dev dependency, GPL-3.0
// key for non-commercial use) on the same 10,000-agent sheet as the app's own
// benchmark, in a blank page of the same headless Chromium (V8 and the same
// machine as the app's wasm). The app publishes the sheet at #bench
// (`src/ui/bench.rs`, `peer_sheet`): each input column's canonical numbers
// and the ten formula columns in the app's language, translated here to A1.
//
// HyperFormula 3.5 has no RANK.EQ, PERCENTRANK.INC or LOOKUP, so those are
// written with what it has and give the same values on this sheet. A rank
// reads a sorted copy of its column (one SORT spilled into a helper column)
// with an exact MATCH, which HyperFormula's column index answers without a
// scan; COUNTIF(">"&x) per row would be n² (29 s per edit at 2,000 rows):
//   RANK.EQ([@x],[x])          → MATCH(Xr, helper, 0), helper = SORT(X$1:X$n,1,-1)
//   PERCENTRANK.INC([x],[@x])  → ROUNDDOWN((MATCH(Xr, helper, 0)-1)/(COUNT(X$1:X$n)-1),3),
//                                helper = SORT(X$1:X$n) (x is always in the column
//                                here, so no interpolation)
//   LOOKUP([x],{k…},{v…})       → nested IF from the last key down
import { fileURLToPath } from 'node:url';

const HF = fileURLToPath(new URL('../../node_modules/hyperformula/dist/hyperformula.full.min.js', import.meta.url));

function letter(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet as rows for HyperFormula.buildFromArray, and where the edited column is. */
export function toRows(sheet) {
  const n = sheet.columns[0].length;
  const names = [...sheet.names, ...sheet.formulas.map(([name]) => name)];
  const col = (name) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`peer: no column ${name}`);
    return letter(i);
  };
  const range = (name) => `${col(name)}$1:${col(name)}$${n}`;
  // Helper columns after the formula columns: each a SORT spilled from row 1.
  const helpers = [];
  const helper = (r, desc) => {
    const i = names.length + helpers.length;
    helpers.push(`=SORT(${range(r)},1,${desc ? -1 : 1})`);
    return `${letter(i)}$1:${letter(i)}$${n}`;
  };
  const templates = sheet.formulas.map(([, f]) => {
    let t = f.replace(/^=/, '');
    t = t.replace(/RANK\.EQ\(\[@([^\]]+)\],\[([^\]]+)\]\)/g, (_, x, r) => `MATCH({${x}},${helper(r, true)},0)`);
    t = t.replace(/PERCENTRANK\.INC\(\[([^\]]+)\],\[@([^\]]+)\]\)/g,
      (_, r, x) => `ROUNDDOWN((MATCH({${x}},${helper(r, false)},0)-1)/(COUNT(${range(r)})-1),3)`);
    t = t.replace(/LOOKUP\(\[@?([^\]]+)\],\{([^}]*)\},\{([^}]*)\}\)/g, (_, x, ks, vs) => {
      const k = ks.split(','), v = vs.split(',');
      let out = 'NA()';
      for (let i = 0; i < k.length; i++) out = `IF({${x}}>=${k[i]},${v[i]},${out})`;
      return `(${out})`;
    });
    t = t.replace(/AVERAGE\(\[([^\]]+)\]\)/g, (_, r) => `AVERAGE(${range(r)})`);
    t = t.replace(/\[@?([^\]]+)\]/g, (_, x) => `{${x}}`);
    t = t.replace(/(\d+(?:\.\d+)?)%/g, (_, v) => String(Number(v) / 100));
    // {name} → that column in this row.
    const parts = t.split(/\{([^}]*)\}/);
    return parts.map((p, i) => (i % 2 ? { col: col(p) } : p));
  });
  const rows = [];
  for (let r = 0; r < n; r++) {
    const row = sheet.columns.map((c) => c[r]);
    for (const parts of templates) {
      row.push('=' + parts.map((p) => (typeof p === 'string' ? p : p.col + (r + 1))).join(''));
    }
    for (const h of helpers) row.push(r === 0 ? h : null);
    rows.push(row);
  }
  return { rows, editCol: sheet.names.indexOf(sheet.edit_column), totalCol: names.indexOf('综合') };
}

/** Builds and edits the sheet in HyperFormula in `context`'s Chromium; returns median ms. */
export async function runPeer(context, sheet, { edits = 3 } = {}) {
  const { rows, editCol, totalCol } = toRows(sheet);
  const page = await context.newPage();
  await page.setContent('<!doctype html><title>peer</title>');
  await page.addScriptTag({ path: HF });
  const out = await page.evaluate(({ rows, editCol, totalCol, edits }) => {
    const t0 = performance.now();
    const hf = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', useColumnIndex: true });
    const build = performance.now() - t0;
    const n = rows.length;
    let total = 0;
    for (let r = 0; r < n; r++) {
      const v = hf.getCellValue({ sheet: 0, col: totalCol, row: r });
      if (typeof v === 'number') total += v;
    }
    const times = [];
    for (let i = 1; i <= edits; i++) {
      const s = performance.now();
      hf.setCellContents({ sheet: 0, col: editCol, row: i % n }, [[100 + (i % 50)]]);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    return { build, edit: times[Math.floor(times.length / 2)], total, version: HyperFormula.version };
  }, { rows, editCol, totalCol, edits });
  await page.close();
  return out;
}
