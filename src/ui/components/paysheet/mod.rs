//! The pay sheet (绩效工资表) and the statements (个人绩效明细) in the 奖金
//! workspace: the pay-lines editor, the sheet (sortable, filterable, a click
//! on a cell opens the statement at that line), exports (CSV, xlsx, every
//! statement as one xlsx or CSV, anonymised or not) and printing (the sheet
//! on A4 landscape; one statement, the filtered ones or everyone, one per page).
//!
//! Everything shown comes from one evaluation of the month
//! (`paysheet::statement::month`): scores, the payout and the sheet; the
//! statement rows are the export's (`statement_rows`).

mod lines;
mod sheet;
mod statement;

use crate::i18n::Msg;
use crate::io::xlsx_write::paysheet::{
    anonymize, paysheet_csv, paysheet_xlsx, statements_csv, statements_xlsx,
};
use crate::model::paysheet::statement::{month, statement, Statement};
use crate::model::unit::format_grouped;
use crate::ui::state::{Action, AppContext, Notice};
use std::rc::Rc;
use yew::prelude::*;

/// Teams up to this size get "what would have paid more" priced in money
/// for every statement of an export or a print (one rerun per option).
const PRICE_ALL_UP_TO: usize = 300;
/// Printing more statements than this asks first (paper).
const PAPER_WARN: usize = 50;
/// Statements per print batch: a big team prints in batches, with progress,
/// so the page never holds 10,000 statements at once.
const PRINT_BATCH: usize = 200;

#[derive(Clone, PartialEq)]
enum Printing {
    Sheet,
    /// The agents, and the batch being printed.
    Statements(Vec<usize>, usize),
}

fn set_print_class(class: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let list = root.class_list();
    let _ = list.remove_2("printing-sheet", "printing-stmts");
    if let Some(c) = class {
        let _ = list.add_1(c);
    }
}

/// The `<div id="ps-print-host">` directly in `<body>` that print views
/// render into, so print CSS can hide every other child of `<body>`.
fn print_host() -> Option<web_sys::Element> {
    let doc = web_sys::window()?.document()?;
    if let Some(e) = doc.get_element_by_id("ps-print-host") {
        return Some(e);
    }
    let e = doc.create_element("div").ok()?;
    e.set_id("ps-print-host");
    doc.body()?.append_child(&e).ok()?;
    Some(e)
}

fn notify_failed(state: &AppContext, e: String) {
    state.dispatch(Action::Notify(Notice {
        msg: Msg::DownloadFailed,
        args: vec![e],
        error: true,
    }));
}

/// The panel, below the payouts.
#[component]
pub fn PaySheetPanel() -> Html {
    let state = use_context::<AppContext>();
    let filter = use_state(String::new);
    let sort = use_state(|| None::<(usize, bool)>);
    let picked = use_state(|| None::<(usize, String)>);
    let anon = use_state(|| false);
    let printing = use_state(|| None::<Printing>);
    {
        let p = (*printing).clone();
        use_effect_with(p, move |p| {
            match p {
                Some(Printing::Sheet) => set_print_class(Some("printing-sheet")),
                Some(Printing::Statements(..)) => set_print_class(Some("printing-stmts")),
                None => set_print_class(None),
            }
            if p.is_some() {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
        });
    }
    {
        // The traced line of a statement opened from a cell comes into view.
        let p = (*picked).clone();
        use_effect_with(p, move |p| {
            if p.is_some() {
                if let Some(e) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("stmt-traced"))
                {
                    e.scroll_into_view();
                }
            }
        });
    }
    let Some(state) = state else {
        return Html::default();
    };
    let lang = state.lang;
    let wb = &state.workbook;
    let (Some(plan), Some(model)) = (
        wb.plans().get(state.plan()),
        wb.payouts().get(state.payout()),
    ) else {
        return Html::default();
    };
    let table = wb.table_for_plan(plan);
    let (scores, pays, sh) = month(table, plan, model);
    let sh = Rc::new(sh);
    let nl = model.lines.items.len();
    // The month before, when the workbook holds it.
    let mut months: Vec<String> = wb.months().to_vec();
    crate::model::order::sort(&mut months);
    let prev_month = months
        .iter()
        .rev()
        .find(|m| m.as_str() < plan.month.as_str())
        .cloned();
    let prev = prev_month
        .as_ref()
        .and_then(|m| wb.table_for(m).map(|t| (m.clone(), t.clone())));
    let rows = sheet::visible(&sh, nl, &filter, *sort);
    let title = Msg::SheetTitle.fill(
        lang,
        &[plan.month.clone(), plan.name.clone(), model.name.clone()],
    );
    let build = {
        let (table, plan, model, scores, pays, sh, prev) = (
            Rc::new(table.clone()),
            Rc::new(plan.clone()),
            Rc::new(model.clone()),
            Rc::new(scores),
            Rc::new(pays),
            sh.clone(),
            Rc::new(prev),
        );
        move |ks: &[usize], price: bool| -> Vec<Statement> {
            ks.iter()
                .filter_map(|k| {
                    statement(
                        &table,
                        &plan,
                        &scores,
                        &pays,
                        &sh,
                        &model,
                        *k,
                        price,
                        prev.as_ref().as_ref().map(|(m, t)| (m.as_str(), t)),
                    )
                })
                .collect()
        }
    };
    let build = Rc::new(build);
    let base = format!("{}-{}-{}", plan.month, plan.name, model.name);
    let all: Vec<usize> = (0..sh.rows.len()).collect();
    let price_all = sh.rows.len() <= PRICE_ALL_UP_TO;
    let download = |what: u8| {
        let (state, build, sh, all, anon) =
            (state.clone(), build.clone(), sh.clone(), all.clone(), *anon);
        let (t, p, m, pays) = (table.clone(), plan.clone(), model.clone(), pays_of(&state));
        let base = base.clone();
        Callback::from(move |_| {
            let mut sts = if what >= 2 {
                build(&all, price_all)
            } else {
                Vec::new()
            };
            let mut sheet = (*sh).clone();
            if anon {
                anonymize(&mut sheet, &mut sts, lang);
            }
            let title = [p.month.as_str(), p.name.as_str(), m.name.as_str()];
            let r = match what {
                0 => crate::ui::browser::download(
                    &format!("{}-{base}.csv", Msg::FilePaySheet.t(lang)),
                    "text/csv;charset=utf-8",
                    &paysheet_csv(&sheet, &m.lines, title, lang),
                ),
                1 => crate::ui::browser::download_bytes(
                    &format!("{}-{base}.xlsx", Msg::FilePaySheet.t(lang)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &paysheet_xlsx(&t, &p, &m, &pays, anon, lang),
                ),
                2 => crate::ui::browser::download_bytes(
                    &format!("{}-{base}.xlsx", Msg::FileStatements.t(lang)),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    &statements_xlsx(&t, &p, &m, &sts, lang),
                ),
                _ => crate::ui::browser::download(
                    &format!("{}-{base}.csv", Msg::FileStatements.t(lang)),
                    "text/csv;charset=utf-8",
                    &statements_csv(&t, &p, &m, &sts, lang),
                ),
            };
            if let Err(e) = r {
                notify_failed(&state, e);
            }
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                filter.set(i.value());
            }
        })
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |c: usize| {
            sort.set(match *sort {
                Some((sc, asc)) if sc == c => Some((c, !asc)),
                _ => Some((c, c == 0)),
            })
        })
    };
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |p: (usize, String)| picked.set(Some(p)))
    };
    let print_statements = |ks: Vec<usize>| {
        let printing = printing.clone();
        Callback::from(move |_| {
            if ks.len() > PAPER_WARN {
                let ok = web_sys::window()
                    .and_then(|w| {
                        w.confirm_with_message(
                            &Msg::PsPaperWarn.fill(lang, &[ks.len().to_string()]),
                        )
                        .ok()
                    })
                    .unwrap_or(false);
                if !ok {
                    return;
                }
            }
            printing.set(Some(Printing::Statements(ks.clone(), 0)));
        })
    };
    let on_print_sheet = {
        let printing = printing.clone();
        Callback::from(move |_| printing.set(Some(Printing::Sheet)))
    };
    let on_close_print = {
        let printing = printing.clone();
        Callback::from(move |_| printing.set(None))
    };
    let on_anon = {
        let anon = anon.clone();
        Callback::from(move |_| anon.set(!*anon))
    };
    let detail = picked.as_ref().and_then(|(k, item)| {
        let st = build(&[*k], true).into_iter().next()?;
        let on_close = {
            let picked = picked.clone();
            Callback::from(move |_| picked.set(None))
        };
        Some(html! { <section class="card stmt-card" data-testid="ps-statement" aria-label={Msg::PsStmTitle.fill(lang, std::slice::from_ref(&st.agent))}>
            <div class="why-head">
                <button type="button" onclick={print_statements(vec![*k])} data-testid="ps-print-one">{ Msg::PsPrintOne.t(lang) }</button>
                <button type="button" class="link" onclick={on_close}>{ Msg::PsClose.t(lang) }</button>
            </div>
            { statement::statement_html(table, plan, model, &st, Some(item.as_str()), lang) }
        </section> })
    });
    let close = html! { <div class="actions no-print"><button type="button" onclick={on_close_print.clone()} data-testid="ps-print-close">{ Msg::PsClose.t(lang) }</button></div> };
    let print_view = match &*printing {
        Some(Printing::Statements(ks, batch)) => {
            let from = (batch * PRINT_BATCH).min(ks.len());
            let to = (from + PRINT_BATCH).min(ks.len());
            let part = ks.get(from..to).unwrap_or(&[]);
            let sts = build(part, ks.len() <= PRICE_ALL_UP_TO);
            let next = (to < ks.len()).then(|| {
                let end = (to + PRINT_BATCH).min(ks.len());
                let (printing, ks, b) = (printing.clone(), ks.clone(), *batch);
                let onclick = Callback::from(move |_| printing.set(Some(Printing::Statements(ks.clone(), b + 1))));
                html! { <button type="button" class="primary" {onclick} data-testid="ps-print-next">{ Msg::PsPrintNext.fill(lang, &[(to + 1).to_string(), end.to_string()]) }</button> }
            });
            Some(html! { <div class="stmt-print" data-testid="ps-print">
                <div class="actions no-print">
                    <span data-testid="ps-print-progress">{ Msg::PsPrintProgress.fill(lang, &[(from + 1).to_string(), to.to_string(), ks.len().to_string()]) }</span>
                    { for next }
                    <button type="button" onclick={on_close_print.clone()} data-testid="ps-print-close">{ Msg::PsClose.t(lang) }</button>
                </div>
                { for sts.iter().map(|st| html! { <section class="stmt-page">{ statement::statement_html(table, plan, model, st, None, lang) }</section> }) }
            </div> })
        }
        Some(Printing::Sheet) => Some(html! { <div class="sheet-print" data-testid="ps-print">
            { close }
            <sheet::SheetTable sheet={sh.clone()} lines={model.lines.clone()} rows={rows.clone()} sort={*sort}
                on_sort={Callback::noop()} on_pick={Callback::noop()} selected={None::<usize>} title={title.clone()} {lang} />
        </div> }),
        None => None,
    }
    .and_then(|v| print_host().map(|h| create_portal(v, h)))
    .unwrap_or_default();
    let issues = sh.issues.iter().take(30).map(|i| {
        html! { <li class={if i.error { "bad" } else { "warn" }}>{ i.msg.fill(lang, &i.args) }</li> }
    });
    let mean = sh.mean();
    html! {
        <section class="card paysheet" data-testid="paysheet" aria-labelledby="ps-title">
            <h3 id="ps-title">{ Msg::PsTitle.t(lang) }</h3>
            <p class="help">{ Msg::PsHelp.t(lang) }</p>
            <lines::LinesEditor lines={model.lines.clone()} model={state.payout()}
                columns={table.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>()}
                table={Rc::new(table.clone())} {lang} />
            if model.lines.is_empty() { <p class="muted">{ Msg::PsNoLines.t(lang) }</p> }
            if !sh.issues.is_empty() { <ul class="issues" data-testid="ps-issues">{ for issues }</ul> }
            <p class="strong" data-testid="ps-summary">{ Msg::PsCount.fill(lang, &[sh.rows.len().to_string(), format!("¥{}", format_grouped(sh.total, 2)), format!("¥{}", format_grouped(mean, 2))]) }</p>
            <div class="actions wrap">
                <div class="field"><label for="ps-filter">{ Msg::PsFilter.t(lang) }</label>
                    <input id="ps-filter" type="search" value={(*filter).clone()} oninput={on_filter} /></div>
                <button type="button" onclick={download(0)} data-testid="ps-csv">{ Msg::PsCsv.t(lang) }</button>
                <button type="button" onclick={download(1)} data-testid="ps-xlsx">{ Msg::PsXlsx.t(lang) }</button>
                <button type="button" onclick={download(2)} data-testid="ps-stm-xlsx">{ Msg::PsStmXlsx.t(lang) }</button>
                <button type="button" onclick={download(3)} data-testid="ps-stm-csv">{ Msg::PsStmCsv.t(lang) }</button>
                <label class="check"><input type="checkbox" checked={*anon} onchange={on_anon} data-testid="ps-anon" />{ Msg::PsAnon.t(lang) }</label>
                <button type="button" onclick={on_print_sheet} data-testid="ps-print-sheet">{ Msg::PsPrintSheet.t(lang) }</button>
                <button type="button" onclick={print_statements(rows.clone())} data-testid="ps-print-all">{ Msg::PsPrintShown.fill(lang, &[rows.len().to_string()]) }</button>
            </div>
            <p class="muted">{ Msg::PsClickHint.t(lang) }</p>
            <sheet::SheetTable sheet={sh.clone()} lines={model.lines.clone()} rows={rows.clone()} sort={*sort}
                {on_sort} {on_pick} selected={picked.as_ref().map(|p| p.0)} {title} {lang} />
            { for detail }
            { print_view }
        </section>
    }
}

/// The month's payouts as the panel computed them (read at click time).
fn pays_of(state: &AppContext) -> crate::model::payout::Payouts {
    let wb = &state.workbook;
    match (
        wb.plans().get(state.plan()),
        wb.payouts().get(state.payout()),
    ) {
        (Some(plan), Some(model)) => {
            let t = wb.table_for_plan(plan);
            month(t, plan, model).1
        }
        _ => crate::model::payout::Payouts {
            agents: Vec::new(),
            stats: crate::model::payout::PayStats::of(&[]),
            budget_gap: None,
            issues: Vec::new(),
        },
    }
}
