//! One statement (个人绩效明细) as HTML: the very rows the CSV and the xlsx
//! export write (`io::xlsx_write::paysheet::statement_rows`), so screen,
//! paper and files cannot differ.

use crate::i18n::Lang;
use crate::io::export::Out;
use crate::io::xlsx_write::paysheet::statement_rows;
use crate::model::payout::PayoutModel;
use crate::model::paysheet::statement::Statement;
use crate::model::plan::Plan;
use crate::model::unit::format_grouped;
use crate::model::Table;
use yew::prelude::*;

fn cell(c: &Out) -> String {
    match c {
        Out::Number(v) => format_grouped(*v, 2),
        Out::Text(t) => t.clone(),
        Out::Empty => String::new(),
    }
}

/// The statement; the row whose item is `traced` (a pay-line name, or the
/// bonus's) is marked and gets the id `stmt-traced`.
pub fn statement_html(
    t: &Table,
    plan: &Plan,
    model: &PayoutModel,
    st: &Statement,
    traced: Option<&str>,
    lang: Lang,
) -> Html {
    let rows = statement_rows(t, plan, model, st, lang);
    let mut it = rows.iter();
    let title = it
        .next()
        .and_then(|r| r.first())
        .map(cell)
        .unwrap_or_default();
    let sub = it
        .next()
        .and_then(|r| r.first())
        .map(cell)
        .unwrap_or_default();
    let body = it.map(|r| {
        let first = r.first().map(cell).unwrap_or_default();
        let is_traced = traced.is_some_and(|x| x == first) && r.len() >= 2;
        match r.len() {
            0 => html! { <tr class="gap"><td colspan="7"></td></tr> },
            1 => html! { <tr class="line"><td colspan="7">{ first }</td></tr> },
            _ => {
                let head = r.iter().all(|c| matches!(c, Out::Text(_))) && r.len() >= 3;
                html! { <tr class={classes!(is_traced.then_some("traced"), head.then_some("head"))}
                    id={is_traced.then_some("stmt-traced")}>
                    { for r.iter().enumerate().map(|(i, c)| {
                        let num = matches!(c, Out::Number(_));
                        let span = (i + 1 == r.len() && r.len() == 3).then_some("5");
                        html! { <td class={classes!(num.then_some("num"))} colspan={span}>{ cell(c) }</td> }
                    }) }
                </tr> }
            }
        }
    });
    html! {
        <article class="stmt" data-testid="statement">
            <h3>{ title }</h3>
            <p class="muted">{ sub }</p>
            <table class="plain stmt-table"><tbody>{ for body }</tbody></table>
        </article>
    }
}
