//! The pay-lines editor: presets (底薪, 全勤奖, 餐补, 奖励, 质检扣款, 迟到扣款,
//! 红线), then each line's name, kind, calculation, column and cap; the
//! vetoes; the floor and the rounding of 应发合计. Every edit replaces the
//! payout models through `Command::SetPayouts` (undoable, saved).

use super::super::fields::{select_value, NumberField};
use crate::i18n::{Lang, Msg};
use crate::model::formula::calc::resolve;
use crate::model::payout::ROUNDING_UNITS;
use crate::model::paysheet::{
    parse_conditions, parse_label_amounts, show_conditions, show_label_amounts, Cmp, Condition,
    Floor, LineCalc, LineKind, PayLine, PayLines, Veto, VetoScope,
};
use crate::model::{Command, Table};
use crate::ui::state::{Action, AppContext};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Applies `f` to the lines of model `idx` (read at call time).
pub fn edit(state: &AppContext, idx: usize, f: impl FnOnce(&mut PayLines)) {
    if let Some(m) = state.workbook.payouts().get(idx) {
        let mut lines = m.lines.clone();
        f(&mut lines);
        state.dispatch(Action::Apply(Command::EditPayoutModel {
            id: m.id,
            edit: crate::model::workbook::PayoutEdit::SetLines(Box::new(lines)),
        }));
    }
}

fn text_of(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The first of `names` the table has, else the first.
fn pick(t: &Table, names: &[&str]) -> String {
    names
        .iter()
        .find(|n| resolve(t, n).is_some())
        .or(names.first())
        .map(|s| s.to_string())
        .unwrap_or_default()
}

fn preset(i: usize, t: &Table, lang: Lang) -> Option<PayLine> {
    let days = pick(t, &["出勤天数", "上班天数"]);
    let line = |m: Msg, kind: LineKind, calc: LineCalc, cap: Option<f64>| PayLine {
        name: m.t(lang).to_string(),
        kind,
        calc,
        cap,
    };
    Some(match i {
        0 => {
            let col = ["底薪", "基本工资"]
                .iter()
                .find(|n| resolve(t, n).is_some());
            line(
                Msg::PsPresetBase,
                LineKind::Fixed,
                match col {
                    Some(c) => LineCalc::Column {
                        column: c.to_string(),
                    },
                    None => LineCalc::Flat { amount: 3000.0 },
                },
                None,
            )
        }
        1 => line(
            Msg::PsPresetFull,
            LineKind::Allowance,
            LineCalc::IfAll {
                amount: 200.0,
                conditions: vec![Condition {
                    column: days,
                    cmp: Cmp::Ge,
                    value: 22.0,
                }],
            },
            None,
        ),
        2 => line(
            Msg::PsPresetMeal,
            LineKind::Allowance,
            LineCalc::PerUnit {
                column: days,
                rate: 15.0,
                above: 0.0,
            },
            None,
        ),
        3 => line(
            Msg::PsPresetAward,
            LineKind::Award,
            LineCalc::ByAgent {
                amounts: Vec::new(),
            },
            None,
        ),
        4 => line(
            Msg::PsPresetQa,
            LineKind::Deduction,
            LineCalc::BelowLine {
                column: pick(t, &["质检得分"]),
                line: 90.0,
                rate: 10.0,
            },
            Some(200.0),
        ),
        5 => line(
            Msg::PsPresetLate,
            LineKind::Deduction,
            LineCalc::PerUnit {
                column: pick(t, &["迟到次数"]),
                rate: 20.0,
                above: 0.0,
            },
            None,
        ),
        _ => return None,
    })
}

const PRESETS: [Msg; 6] = [
    Msg::PsPresetBase,
    Msg::PsPresetFull,
    Msg::PsPresetMeal,
    Msg::PsPresetAward,
    Msg::PsPresetQa,
    Msg::PsPresetLate,
];

const KINDS: [(LineKind, Msg); 4] = [
    (LineKind::Fixed, Msg::PsKindFixed),
    (LineKind::Allowance, Msg::PsKindAllowance),
    (LineKind::Award, Msg::PsKindAward),
    (LineKind::Deduction, Msg::PsKindDeduction),
];

const CALCS: [Msg; 7] = [
    Msg::PsCalcFlat,
    Msg::PsCalcColumn,
    Msg::PsCalcByLabel,
    Msg::PsCalcPerUnit,
    Msg::PsCalcBelowLine,
    Msg::PsCalcIfAll,
    Msg::PsCalcByAgent,
];

fn calc_index(c: &LineCalc) -> usize {
    match c {
        LineCalc::Flat { .. } => 0,
        LineCalc::Column { .. } => 1,
        LineCalc::ByLabel { .. } => 2,
        LineCalc::PerUnit { .. } => 3,
        LineCalc::BelowLine { .. } => 4,
        LineCalc::IfAll { .. } => 5,
        LineCalc::ByAgent { .. } => 6,
    }
}

/// A calculation of kind `i`, keeping the column of `old` where it has one.
fn calc_of(i: usize, old: &LineCalc) -> LineCalc {
    let column = old
        .columns()
        .first()
        .map(|c| c.to_string())
        .unwrap_or_default();
    match i {
        1 => LineCalc::Column { column },
        2 => LineCalc::ByLabel {
            column,
            amounts: Vec::new(),
            otherwise: 0.0,
        },
        3 => LineCalc::PerUnit {
            column,
            rate: 10.0,
            above: 0.0,
        },
        4 => LineCalc::BelowLine {
            column,
            line: 90.0,
            rate: 10.0,
        },
        5 => LineCalc::IfAll {
            amount: 200.0,
            conditions: Vec::new(),
        },
        6 => LineCalc::ByAgent {
            amounts: Vec::new(),
        },
        _ => LineCalc::Flat { amount: 0.0 },
    }
}

#[derive(Properties, PartialEq)]
pub struct LinesProps {
    pub lines: PayLines,
    /// The payout model's index.
    pub model: usize,
    /// Column names of the month's table.
    pub columns: Vec<String>,
    pub table: std::rc::Rc<Table>,
    pub lang: Lang,
}

/// The editor.
#[component]
pub fn LinesEditor(p: &LinesProps) -> Html {
    let state = use_context::<AppContext>();
    let list_error = use_state(|| None::<(usize, String)>);
    let Some(state) = state else {
        return Html::default();
    };
    let lang = p.lang;
    let idx = p.model;
    let id = |s: &str| format!("ps-{idx}-{s}");
    let add = PRESETS.iter().enumerate().map(|(i, m)| {
        let (state, t) = (state.clone(), p.table.clone());
        let onclick = Callback::from(move |_| {
            if let Some(l) = preset(i, &t, lang) {
                edit(&state, idx, |ls| ls.items.push(l));
            }
        });
        html! { <button type="button" {onclick} data-testid={format!("ps-add-{i}")}>{ m.t(lang) }</button> }
    });
    let add_veto = {
        let (state, t) = (state.clone(), p.table.clone());
        Callback::from(move |_| {
            let column = pick(&t, &["红线", "红线项", "质检红线"]);
            edit(&state, idx, |ls| {
                ls.vetoes.push(Veto {
                    name: Msg::PsPresetVeto.t(lang).to_string(),
                    column,
                    findings: Vec::new(),
                    scope: VetoScope::Bonus,
                })
            });
        })
    };
    let col_select = |li: usize, current: &str, on: Callback<Event>| {
        let mut cols = p.columns.clone();
        if !cols.iter().any(|c| c == current) {
            cols.insert(0, current.to_string());
        }
        html! { <div class="field"><label for={id(&format!("col-{li}"))}>{ Msg::PsColumn.t(lang) }</label>
        <select id={id(&format!("col-{li}"))} onchange={on}>
            { for cols.iter().map(|c| html! { <option value={c.clone()} selected={c == current}>{ super::super::fields::column_label(&p.table, c, lang) }</option> }) }
        </select></div> }
    };
    let rows = p.lines.items.iter().enumerate().map(|(li, l)| {
        let st = state.clone();
        let set = move |f: Box<dyn Fn(&mut PayLine)>| {
            let st = st.clone();
            move || edit(&st, idx, |ls| {
                if let Some(x) = ls.items.get_mut(li) {
                    f(x)
                }
            })
        };
        let on_name = {
            let s = set.clone();
            Callback::from(move |e: Event| {
                let v = text_of(&e);
                s(Box::new(move |x| x.name = v.trim().to_string()))()
            })
        };
        let on_kind = {
            let s = set.clone();
            Callback::from(move |e: Event| {
                if let Some(k) = select_value(&e).and_then(|v| v.parse::<usize>().ok()).and_then(|i| KINDS.get(i)).map(|k| k.0) {
                    s(Box::new(move |x| x.kind = k))()
                }
            })
        };
        let on_calc = {
            let s = set.clone();
            Callback::from(move |e: Event| {
                if let Some(i) = select_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                    s(Box::new(move |x| x.calc = calc_of(i, &x.calc)))()
                }
            })
        };
        let on_col = {
            let s = set.clone();
            Callback::from(move |e: Event| {
                if let Some(c) = select_value(&e) {
                    s(Box::new(move |x| match &mut x.calc {
                        LineCalc::Column { column } | LineCalc::ByLabel { column, .. }
                        | LineCalc::PerUnit { column, .. } | LineCalc::BelowLine { column, .. } => *column = c.clone(),
                        _ => {}
                    }))()
                }
            })
        };
        let num = |key: &str, label: Msg, value: f64, f: fn(&mut LineCalc, f64)| {
            let s = set.clone();
            let on_change = Callback::from(move |v: f64| s(Box::new(move |x| f(&mut x.calc, v)))());
            html! { <NumberField id={id(&format!("{key}-{li}"))} label={label.t(lang)} {value} {lang} {on_change} /> }
        };
        let on_cap = {
            let s = set.clone();
            Callback::from(move |v: f64| s(Box::new(move |x| x.cap = v.is_finite().then_some(v)))())
        };
        let list = |value: String, label: Msg, parse: fn(&mut LineCalc, &str) -> Result<(), String>| {
            let s = set.clone();
            let le = list_error.clone();
            let probe = l.calc.clone();
            let onchange = Callback::from(move |e: Event| {
                let v = text_of(&e);
                // Check first: text that cannot be read leaves the model as it was.
                let mut trial = probe.clone();
                match parse(&mut trial, &v) {
                    Ok(()) => {
                        le.set(None);
                        s(Box::new(move |x| {
                            let _ = parse(&mut x.calc, &v);
                        }))();
                    }
                    Err(bad) => le.set(Some((li, bad))),
                }
            });
            let err = list_error.as_ref().filter(|(i, _)| *i == li).map(|(_, bad)| Msg::PsListError.fill(lang, std::slice::from_ref(bad)));
            html! { <div class="field wide"><label for={id(&format!("list-{li}"))}>{ label.t(lang) }</label>
                <input id={id(&format!("list-{li}"))} type="text" {value} {onchange} data-testid={format!("ps-list-{li}")} />
                if let Some(e) = err { <span class="field-error" role="alert">{ e }</span> }
            </div> }
        };
        let details = match &l.calc {
            LineCalc::Flat { amount } => num("amount", Msg::PsAmount, *amount, |c, v| if let LineCalc::Flat { amount } = c { *amount = v }),
            LineCalc::Column { column } => col_select(li, column, on_col.clone()),
            LineCalc::ByLabel { column, amounts, otherwise } => html! { <>
                { col_select(li, column, on_col.clone()) }
                { list(show_label_amounts(amounts), Msg::PsLabels, |c, t| { let v = parse_label_amounts(t)?; if let LineCalc::ByLabel { amounts, .. } = c { *amounts = v } Ok(()) }) }
                { num("otherwise", Msg::PsOtherwise, *otherwise, |c, v| if let LineCalc::ByLabel { otherwise, .. } = c { *otherwise = v }) }
            </> },
            LineCalc::PerUnit { column, rate, above } => html! { <>
                { col_select(li, column, on_col.clone()) }
                { num("rate", Msg::PsRate, *rate, |c, v| if let LineCalc::PerUnit { rate, .. } = c { *rate = v }) }
                { num("above", Msg::PsAbove, *above, |c, v| if let LineCalc::PerUnit { above, .. } = c { *above = v }) }
            </> },
            LineCalc::BelowLine { column, line, rate } => html! { <>
                { col_select(li, column, on_col.clone()) }
                { num("line", Msg::PsLineAt, *line, |c, v| if let LineCalc::BelowLine { line, .. } = c { *line = v }) }
                { num("rate", Msg::PsRate, *rate, |c, v| if let LineCalc::BelowLine { rate, .. } = c { *rate = v }) }
            </> },
            LineCalc::IfAll { amount, conditions } => html! { <>
                { num("amount", Msg::PsAmount, *amount, |c, v| if let LineCalc::IfAll { amount, .. } = c { *amount = v }) }
                { list(show_conditions(conditions), Msg::PsConditions, |c, t| { let v = parse_conditions(t)?; if let LineCalc::IfAll { conditions, .. } = c { *conditions = v } Ok(()) }) }
            </> },
            LineCalc::ByAgent { amounts } => list(show_label_amounts(amounts), Msg::PsAgents, |c, t| { let v = parse_label_amounts(t)?; if let LineCalc::ByAgent { amounts } = c { *amounts = v } Ok(()) }),
        };
        let on_delete = {
            let st = state.clone();
            Callback::from(move |_| edit(&st, idx, |ls| { if li < ls.items.len() { ls.items.remove(li); } }))
        };
        let kind_i = KINDS.iter().position(|k| k.0 == l.kind).unwrap_or(0);
        html! { <div class={classes!("params", "ps-line", format!("k{kind_i}"))} data-testid={format!("ps-line-{li}")}>
            <div class="field"><label for={id(&format!("name-{li}"))}>{ Msg::PsName.t(lang) }</label>
                <input id={id(&format!("name-{li}"))} type="text" value={l.name.clone()} onchange={on_name} /></div>
            <div class="field"><label for={id(&format!("kind-{li}"))}>{ Msg::PsKind.t(lang) }</label>
                <select id={id(&format!("kind-{li}"))} onchange={on_kind}>
                    { for KINDS.iter().enumerate().map(|(i, (_, m))| html! { <option value={i.to_string()} selected={i == kind_i}>{ m.t(lang) }</option> }) }
                </select></div>
            <div class="field"><label for={id(&format!("calc-{li}"))}>{ Msg::PsCalc.t(lang) }</label>
                <select id={id(&format!("calc-{li}"))} onchange={on_calc}>
                    { for CALCS.iter().enumerate().map(|(i, m)| html! { <option value={i.to_string()} selected={i == calc_index(&l.calc)}>{ m.t(lang) }</option> }) }
                </select></div>
            { details }
            <NumberField id={id(&format!("cap-{li}"))} label={Msg::PsCap.t(lang)} value={l.cap.unwrap_or(f64::NAN)} {lang} allow_empty=true on_change={on_cap} />
            <button type="button" class="link" onclick={on_delete}>{ Msg::PsDelete.t(lang) }</button>
        </div> }
    });
    let vetoes = p.lines.vetoes.iter().enumerate().map(|(vi, v)| {
        let st = state.clone();
        let set = move |f: Box<dyn Fn(&mut Veto)>| {
            let st = st.clone();
            move || edit(&st, idx, |ls| { if let Some(x) = ls.vetoes.get_mut(vi) { f(x) } })
        };
        let on_name = { let s = set.clone(); Callback::from(move |e: Event| { let t = text_of(&e); s(Box::new(move |x| x.name = t.trim().to_string()))() }) };
        let on_col = { let s = set.clone(); Callback::from(move |e: Event| { if let Some(c) = select_value(&e) { s(Box::new(move |x| x.column = c.clone()))() } }) };
        let on_findings = { let s = set.clone(); Callback::from(move |e: Event| {
            let t = text_of(&e);
            s(Box::new(move |x| x.findings = t.split(['、', ',', '，', ';', '；']).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()))()
        }) };
        let on_scope = { let s = set.clone(); Callback::from(move |e: Event| {
            let sc = if select_value(&e).as_deref() == Some("1") { VetoScope::Variable } else { VetoScope::Bonus };
            s(Box::new(move |x| x.scope = sc))()
        }) };
        let on_delete = { let st = state.clone(); Callback::from(move |_| edit(&st, idx, |ls| { if vi < ls.vetoes.len() { ls.vetoes.remove(vi); } })) };
        let mut cols = p.columns.clone();
        if !cols.contains(&v.column) { cols.insert(0, v.column.clone()); }
        html! { <div class="params ps-line veto" data-testid={format!("ps-veto-{vi}")}>
            <div class="field"><label for={id(&format!("vname-{vi}"))}>{ Msg::PsName.t(lang) }</label>
                <input id={id(&format!("vname-{vi}"))} type="text" value={v.name.clone()} onchange={on_name} /></div>
            <div class="field"><label for={id(&format!("vcol-{vi}"))}>{ Msg::PsColumn.t(lang) }</label>
                <select id={id(&format!("vcol-{vi}"))} onchange={on_col}>
                    { for cols.iter().map(|c| html! { <option value={c.clone()} selected={*c == v.column}>{ super::super::fields::column_label(&p.table, c, lang) }</option> }) }
                </select></div>
            <div class="field wide"><label for={id(&format!("vfind-{vi}"))}>{ Msg::PsVetoFindings.t(lang) }</label>
                <input id={id(&format!("vfind-{vi}"))} type="text" value={v.findings.join(Msg::ListSep.t(lang))} onchange={on_findings} /></div>
            <div class="field"><label for={id(&format!("vscope-{vi}"))}>{ Msg::PsScope.t(lang) }</label>
                <select id={id(&format!("vscope-{vi}"))} onchange={on_scope}>
                    <option value="0" selected={v.scope == VetoScope::Bonus}>{ Msg::PsScopeBonus.t(lang) }</option>
                    <option value="1" selected={v.scope == VetoScope::Variable}>{ Msg::PsScopeVariable.t(lang) }</option>
                </select></div>
            <button type="button" class="link" onclick={on_delete}>{ Msg::PsDelete.t(lang) }</button>
        </div> }
    });
    let on_floor = {
        let st = state.clone();
        Callback::from(move |e: Event| {
            let f = match select_value(&e).as_deref() {
                Some("1") => Floor::Variable,
                Some("2") => Floor::None,
                _ => Floor::Total,
            };
            edit(&st, idx, |ls| ls.floor = f);
        })
    };
    let on_round = {
        let st = state.clone();
        Callback::from(move |e: Event| {
            if let Some(u) = select_value(&e).and_then(|v| v.parse::<f64>().ok()) {
                edit(&st, idx, |ls| ls.rounding = u);
            }
        })
    };
    let floor = p.lines.floor;
    html! {
        <fieldset class="pay-part ps-lines" data-testid="ps-lines"><legend>{ Msg::PsLinesTitle.t(lang) }</legend>
            <div class="actions wrap"><span>{ Msg::PsAddLabel.t(lang) }</span>{ for add }
                <button type="button" onclick={add_veto} data-testid="ps-add-veto">{ Msg::PsPresetVeto.t(lang) }</button></div>
            { for rows }
            { for vetoes }
            <div class="params">
                <div class="field"><label for={id("floor")}>{ Msg::PsFloor.t(lang) }</label>
                    <select id={id("floor")} onchange={on_floor} data-testid="ps-floor">
                        <option value="0" selected={floor == Floor::Total}>{ Msg::PsFloorTotal.t(lang) }</option>
                        <option value="1" selected={floor == Floor::Variable}>{ Msg::PsFloorVariable.t(lang) }</option>
                        <option value="2" selected={floor == Floor::None}>{ Msg::PsFloorNone.t(lang) }</option>
                    </select></div>
                <div class="field"><label for={id("round")}>{ Msg::PsRounding.t(lang) }</label>
                    <select id={id("round")} onchange={on_round}>
                        { for ROUNDING_UNITS.iter().map(|u| html! { <option value={u.to_string()} selected={*u == p.lines.rounding}>{ format!("¥{u}") }</option> }) }
                    </select></div>
            </div>
        </fieldset>
    }
}
