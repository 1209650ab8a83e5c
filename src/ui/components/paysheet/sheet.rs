//! The pay-sheet table: a row per agent, every line a column, 应发合计,
//! 合计 and 平均 rows; sortable by any column, filterable by name; a click
//! on a cell opens that agent's statement at that line.

use crate::i18n::{Lang, Msg};
use crate::io::xlsx_write::paysheet::{column_total, row_note};
use crate::model::paysheet::{LineKind, PayLines, PaySheet};
use crate::model::unit::format_grouped;
use yew::prelude::*;

fn money(v: f64) -> String {
    format_grouped(v, 2)
}

/// The value of sheet column `c` for row `k` (0 = name, sorted as text).
fn value(sheet: &PaySheet, k: usize, c: usize, nl: usize) -> f64 {
    let Some(r) = sheet.rows.get(k) else {
        return 0.0;
    };
    match c {
        1 => r.bonus,
        c if c >= 2 && c < 2 + nl => r.lines.get(c - 2).map(|a| a.amount).unwrap_or(0.0),
        c if c == 2 + nl => r.fixed,
        c if c == 3 + nl => r.variable,
        c if c == 4 + nl => r.deductions,
        _ => r.total,
    }
}

/// The rows shown: filtered by `filter` (part of the name), sorted by `sort`.
pub fn visible(
    sheet: &PaySheet,
    nl: usize,
    filter: &str,
    sort: Option<(usize, bool)>,
) -> Vec<usize> {
    let f = filter.trim();
    let mut v: Vec<usize> = (0..sheet.rows.len())
        .filter(|k| f.is_empty() || sheet.rows.get(*k).is_some_and(|r| r.agent.contains(f)))
        .collect();
    if let Some((c, asc)) = sort {
        crate::model::order::sort_by(&mut v, |a, b| {
            let o = if c == 0 {
                let name = |k: &usize| {
                    sheet
                        .rows
                        .get(*k)
                        .map(|r| r.agent.clone())
                        .unwrap_or_default()
                };
                name(a).cmp(&name(b))
            } else {
                value(sheet, *a, c, nl).total_cmp(&value(sheet, *b, c, nl))
            };
            if asc {
                o
            } else {
                o.reverse()
            }
        });
    }
    v
}

/// Rows of the pay sheet drawn at first; "show more" adds the rest.
const SHEET_ROWS: usize = 300;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub sheet: std::rc::Rc<PaySheet>,
    pub lines: PayLines,
    pub rows: Vec<usize>,
    pub sort: Option<(usize, bool)>,
    pub on_sort: Callback<usize>,
    /// (sheet row, traced item name).
    pub on_pick: Callback<(usize, String)>,
    pub selected: Option<usize>,
    pub title: String,
    pub lang: Lang,
}

#[component]
pub fn SheetTable(p: &SheetProps) -> Html {
    let lang = p.lang;
    let nl = p.lines.items.len();
    let bonus_name = Msg::SheetColBonus.t(lang).to_string();
    let mut head: Vec<String> = vec![Msg::ColAgent.t(lang).to_string(), bonus_name.clone()];
    head.extend(p.lines.items.iter().map(|l| l.name.clone()));
    for m in [
        Msg::SheetColFixed,
        Msg::SheetColVariable,
        Msg::SheetColDeductions,
        Msg::SheetColTotal,
    ] {
        head.push(m.t(lang).to_string());
    }
    let ths = head.iter().enumerate().map(|(c, h)| {
        let on_sort = p.on_sort.clone();
        let arrow = match p.sort {
            Some((sc, true)) if sc == c => " ▲",
            Some((sc, false)) if sc == c => " ▼",
            _ => "",
        };
        let ded = c >= 2 && p.lines.items.get(c - 2).is_some_and(|l| l.kind == LineKind::Deduction);
        html! { <th class={classes!((c > 0).then_some("num"), ded.then_some("ded"))}
            aria-sort={match p.sort { Some((sc, a)) if sc == c => if a { "ascending" } else { "descending" }, _ => "none" }}>
            <button type="button" class="link sort" onclick={Callback::from(move |_| on_sort.emit(c))}
                data-testid={format!("ps-sort-{c}")}>{ format!("{h}{arrow}") }</button></th> }
    });
    // A team of thousands draws its first rows only (10,000 rows took ≈ 2 s
    // of page work to open 奖金); a team of a few hundred prints whole.
    let shown = use_state(|| SHEET_ROWS);
    let body = p.rows.iter().take(*shown).filter_map(|k| {
        let r = p.sheet.rows.get(*k)?;
        let cellf = |c: usize, item: String, v: f64, strong: bool| {
            let pick = p.on_pick.clone();
            let k = *k;
            let onclick = Callback::from(move |_| pick.emit((k, item.clone())));
            html! { <td class={classes!("num", "pick", strong.then_some("strong"))} {onclick}
                data-testid={format!("ps-cell-{k}-{c}")}>{ money(v) }</td> }
        };
        let mut cells = vec![cellf(1, bonus_name.clone(), r.bonus, false)];
        for (i, (l, a)) in p.lines.items.iter().zip(&r.lines).enumerate() {
            let v = if l.kind == LineKind::Deduction { -a.amount } else { a.amount };
            cells.push(cellf(2 + i, l.name.clone(), v, false));
        }
        cells.push(cellf(2 + nl, String::new(), r.fixed, false));
        cells.push(cellf(3 + nl, String::new(), r.variable, false));
        cells.push(cellf(4 + nl, Msg::SheetColDeductions.t(lang).to_string(), -r.deductions, false));
        cells.push(cellf(5 + nl, Msg::SheetColTotal.t(lang).to_string(), r.total, true));
        let note = row_note(r, &p.lines, lang);
        let flagged = r.floored || r.veto.is_some();
        Some(html! { <tr class={classes!((p.selected == Some(*k)).then_some("sel"), flagged.then_some("flag"))}>
            <th scope="row">{ r.agent.clone() }</th>
            { for cells }
            <td class="note">{ note }</td>
        </tr> })
    });
    let n = p.sheet.rows.len();
    let foot = (n > 0).then(|| {
        let row = |label: Msg, mean: bool| {
            html! { <tr class="total">
                <th scope="row">{ label.t(lang) }</th>
                { for (1..=nl + 5).map(|c| {
                    // Deductions show negative, as in the rows.
                    let ded = c == 4 + nl
                        || (c >= 2 && p.lines.items.get(c - 2).is_some_and(|l| l.kind == LineKind::Deduction));
                    let s = column_total(&p.sheet, c, nl) * if ded { -1.0 } else { 1.0 };
                    html! { <td class="num">{ money(if mean { s / n as f64 } else { s }) }</td> }
                }) }
                <td></td>
            </tr> }
        };
        html! { <tfoot>{ row(Msg::SheetRowTotal, false) }{ row(Msg::SheetRowMean, true) }</tfoot> }
    });
    html! {
        <div class="ps-sheet-print">
            <p class="print-only ps-title">{ p.title.clone() }</p>
            <div class="table-scroll">
                <table class="plain pay-table ps-table" data-testid="ps-table">
                    <thead><tr>{ for ths }<th>{ Msg::SheetColNote.t(lang) }</th></tr></thead>
                    <tbody>{ for body }</tbody>
                    { for foot }
                </table>
            </div>
            { crate::ui::components::fields::more_rows(&shown, p.rows.len(), lang) }
            <p class="print-only ps-sign">{ Msg::SheetSignature.t(lang) }</p>
        </div>
    }
}
