//! The grid's column headers: names with unit and direction, formula
//! columns marked, a click sorts (a view order, never the data); and the
//! tooltip of an error cell.

use crate::i18n::{Lang, Msg};
use crate::model::formula::{ErrorKind, Issue};
use crate::model::{Column, Direction, Unit};
use crate::ui::state::AppContext;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Sort {
    pub(super) col: usize,
    pub(super) ascending: bool,
}

fn header_title(c: &Column, lang: Lang) -> String {
    let unit = match c.unit {
        Unit::Percent => Some(Msg::UnitPercent),
        Unit::Seconds => Some(Msg::UnitSeconds),
        Unit::Money => Some(Msg::UnitYuan),
        Unit::Days => Some(Msg::UnitDays),
        Unit::Points => Some(Msg::UnitPoints),
        Unit::Count => Some(crate::ui::components::fields::count_unit(c.metric)),
        _ => None,
    };
    let dir = match c.direction {
        Direction::Higher => Some(Msg::DirectionHigher),
        Direction::Lower => Some(Msg::DirectionLower),
        Direction::Neutral => None,
    };
    // The name shown first (the metric's, in `lang`), the original header last.
    let label = c.label(lang);
    let mut parts = vec![label.to_string()];
    if let Some(u) = unit {
        parts.push(u.t(lang).to_string());
    }
    if let Some(d) = dir {
        parts.push(d.t(lang).to_string());
    }
    if c.metric.is_none() {
        parts.push(Msg::CustomColumn.t(lang).to_string());
    }
    if label != c.name {
        parts.push(Msg::OriginalHeader.fill(lang, std::slice::from_ref(&c.name)));
    }
    parts.join(" · ")
}

/// The tooltip of an error cell: what the error means, and the column's
/// formula problem when there is one.
pub fn error_title(kind: ErrorKind, issue: Option<&Issue>, lang: Lang) -> String {
    let what = match kind {
        ErrorKind::Div0 => Msg::FxExplainDiv0,
        ErrorKind::Value => Msg::FxExplainValue,
        ErrorKind::Name => Msg::FxExplainName,
        ErrorKind::NA => Msg::FxExplainNA,
        ErrorKind::Num => Msg::FxExplainNum,
        ErrorKind::Cycle => Msg::FxExplainCycle,
    };
    match issue {
        Some(i) => format!("{} {} — {}", kind.code(), what.t(lang), i.text(lang)),
        None => format!("{} {}", kind.code(), what.t(lang)),
    }
}

/// The header cells of every column.
pub(super) fn headers(state: &AppContext, sort: &UseStateHandle<Option<Sort>>, lang: Lang) -> Html {
    let table = state.workbook.table();
    table.columns.iter().enumerate().map(|(ci, c)| {
        let sort_state = **sort;
        let aria_sort = match sort_state {
            Some(s) if s.col == ci && s.ascending => "ascending",
            Some(s) if s.col == ci => "descending",
            _ => "none",
        };
        let indicator = match aria_sort {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_| {
                // Numbers sort best-first on the first click: descending for
                // higher-is-better and neutral, ascending for lower-is-better.
                let next = match sort_state {
                    Some(s) if s.col == ci => Sort { col: ci, ascending: !s.ascending },
                    _ => Sort { col: ci, ascending: false },
                };
                sort.set(Some(next));
            })
        };
        let label = c.label(lang).to_string();
        let title = match (&c.formula, state.workbook.calc().issue(ci)) {
            (Some(f), Some(issue)) => format!("{} — {}", Msg::FormulaColumnTitle.fill(lang, std::slice::from_ref(f)), issue.text(lang)),
            (Some(f), None) => Msg::FormulaColumnTitle.fill(lang, std::slice::from_ref(f)),
            (None, _) => header_title(c, lang),
        };
        let is_formula = c.is_formula();
        let has_issue = state.workbook.calc().issue(ci).is_some();
        let dir = match c.direction {
            Direction::Higher => "↑",
            Direction::Lower => "↓",
            Direction::Neutral => "",
        };
        html! {
            <th scope="col" role="columnheader" aria-colindex={(ci + 2).to_string()} aria-sort={aria_sort} {title} id={format!("colhead-{ci}")}
                class={classes!(c.unit.is_numeric().then_some("num"), (ci == 0).then_some("sticky-col"),
                    is_formula.then_some("formula"), has_issue.then_some("has-issue"))}>
                <button type="button" class="sort" {onclick}
                    aria-label={Msg::SortBy.fill(lang, std::slice::from_ref(&label))}>
                    if is_formula { <span class="fx-mark" aria-hidden="true">{ "ƒ" }</span> }
                    <span class="label">{ label }</span>
                    if !dir.is_empty() { <span class="dir" aria-hidden="true">{ dir }</span> }
                    <span class="ind" aria-hidden="true">{ indicator }</span>
                </button>
            </th>
        }
    })
    .collect()
}
