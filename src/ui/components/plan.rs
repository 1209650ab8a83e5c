//! The 考核方案 Plan workspace: the plan list, the plan's fields, live
//! validation, the items with their scoring rules, and the grades.
//!
//! Every edit builds a changed copy of the plan and sends
//! `Command::SetPlan`, so each is validated, recorded and undoable. An invalid
//! plan is kept and still computes; the panel says what is wrong.

use super::fields::{select_value, NumberField};
use crate::i18n::{Lang, Msg};
use crate::model::plan::{
    Band, GradeShare, GradeThreshold, Grading, Plan, PlanItem, Rule, RuleKind, Template,
};
use crate::model::{Cell, Command, Direction, Table, Unit};
use crate::ui::state::{Action, AppContext};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub fn rule_name(k: RuleKind) -> Msg {
    k.label()
}

fn rule_key(k: RuleKind) -> &'static str {
    match k {
        RuleKind::Ratio => "ratio",
        RuleKind::Linear => "linear",
        RuleKind::Bands => "bands",
        RuleKind::Relative => "relative",
        RuleKind::Rank => "rank",
        RuleKind::Percentile => "percentile",
        RuleKind::Gate => "gate",
    }
}

fn input_value(e: &Event) -> Option<HtmlInputElement> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
}

/// The column a plan item measures, if it exists.
fn item_column<'a>(table: &'a Table, it: &PlanItem) -> Option<&'a crate::model::Column> {
    crate::model::formula::calc::resolve(table, &it.column).and_then(|c| table.columns.get(c))
}

/// The column's mean value (for sensible defaults when a rule kind changes).
fn typical(table: &Table, it: &PlanItem) -> f64 {
    let Some(c) = crate::model::formula::calc::resolve(table, &it.column) else {
        return 1.0;
    };
    let v: Vec<f64> = table
        .column_cells(c)
        .iter()
        .filter_map(Cell::number)
        .collect();
    if v.is_empty() {
        1.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

type Edit = Rc<dyn Fn(Box<dyn FnOnce(&mut Plan)>)>;
type SetItem = Box<dyn Fn(&mut PlanItem, f64)>;
type SetItemRc = Rc<dyn Fn(&mut PlanItem, f64)>;

#[component]
pub fn PlanWorkspace() -> Html {
    let Some(state) = use_context::<AppContext>() else {
        return Html::default();
    };
    let lang = state.lang;
    let table = state.workbook.table();
    let plans = state.workbook.plans();
    let idx = state.plan().min(plans.len().saturating_sub(1));
    let add = |p: Plan| {
        let state = state.clone();
        // The workbook names and selects it (one dispatch, one undo step).
        Callback::from(move |_| {
            state.dispatch(Action::Apply(Command::AddPlan(Box::new(p.clone()))))
        })
    };
    let intent = |cmd: Command| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Apply(cmd.clone())))
    };
    let month = plans
        .get(idx)
        .map(|p| p.month.clone())
        .unwrap_or_else(|| "2026-11".into());
    // A template is built for the data at hand (the current month's table):
    // columns it has, its groups, numbers from its values; what was changed is said.
    let add_fitted = |t: Template, name: Msg| {
        let state = state.clone();
        Callback::from(move |_| {
            let wb = &state.workbook;
            let month = if wb.month().is_empty() {
                crate::ui::state::DEMO_MONTH.to_string()
            } else {
                wb.month().to_string()
            };
            let f = crate::model::plan_fit::fit_template(t, name.t(lang), &month, wb.table());
            // Metric names in the notes are shown in the user's language.
            let shown_name = |a: &String| match (lang, crate::model::lookup_header(a)) {
                (Lang::En, Some(d)) => d.en.to_string(),
                _ => a.clone(),
            };
            let notes: Vec<String> = f
                .notes
                .iter()
                .map(|(m, a)| m.fill(lang, &a.iter().map(shown_name).collect::<Vec<_>>()))
                .collect();
            let taken: Vec<&str> = wb.plans().iter().map(|p| p.name.as_str()).collect();
            let shown = crate::model::plan_fit::unique_name(&f.plan.name, &taken);
            state.dispatch(Action::Apply(Command::AddPlan(Box::new(f.plan))));
            if !notes.is_empty() {
                state.dispatch(Action::Notify(crate::ui::state::Notice {
                    msg: Msg::FitAppliedWith,
                    args: vec![
                        shown,
                        notes.join(match lang {
                            Lang::Zh => "；",
                            Lang::En => "; ",
                        }),
                    ],
                    error: false,
                }));
            }
        })
    };
    let blank = Plan {
        id: Default::default(),
        name: Msg::PlanBlankName.t(lang).into(),
        month: month.clone(),
        group: None,
        items: vec![PlanItem {
            column: "询单转化率".into(),
            weight: 100.0,
            direction: None,
            rule: Rule::Ratio {
                target: 0.4,
                floor: 0.0,
                cap: 120.0,
            },
            fixed: true,
        }],
        grading: Grading::default_thresholds(),
    };
    let toolbar = html! {
        <div class="plan-bar">
            if !plans.is_empty() {
                <div class="field">
                    <label for="plan-select">{ Msg::PlanSelect.t(lang) }</label>
                    <select id="plan-select" onchange={{
                        let state = state.clone();
                        Callback::from(move |e: Event| if let Some(v) = select_value(&e).and_then(|v| v.parse().ok()) {
                            state.dispatch(Action::SelectPlan(v));
                        })
                    }}>
                        { for plans.iter().enumerate().map(|(i, p)| html! {
                            <option value={i.to_string()} selected={i == idx}>{ format!("{} · {}", p.name, p.month) }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="actions">
                <button type="button" onclick={add_fitted(Template::PreSales, Msg::TplPreSales)}>{ "+ " }{ Msg::PlanAddPreSales.t(lang) }</button>
                <button type="button" onclick={add_fitted(Template::AfterSales, Msg::TplAfterSales)}>{ "+ " }{ Msg::PlanAddAfterSales.t(lang) }</button>
                <button type="button" onclick={add(blank)}>{ "+ " }{ Msg::PlanAddBlank.t(lang) }</button>
                if let Some(p) = plans.get(idx) {
                    <button type="button" onclick={intent(Command::CopyPlan { id: p.id, month: None })}>{ Msg::PlanDuplicate.t(lang) }</button>
                    <button type="button" onclick={intent(Command::CopyPlan { id: p.id, month: Some(crate::model::plan::next_month(&p.month)) })} title={Msg::PlanFixedHint.t(lang)}>{ Msg::PlanNextMonth.t(lang) }</button>
                    <button type="button" class="danger" onclick={intent(Command::RemovePlan { id: p.id })}>{ Msg::PlanRemove.t(lang) }</button>
                }
            </div>
        </div>
    };
    let Some(plan) = plans.get(idx).cloned() else {
        return html! { <div class="workspace plan">{ toolbar }<p class="muted">{ Msg::NoPlans.t(lang) }</p></div> };
    };
    let edit: Edit = {
        let state = state.clone();
        let plan = plan.clone();
        Rc::new(move |f| {
            let mut p = plan.clone();
            f(&mut p);
            state.dispatch(Action::Apply(Command::EditPlan {
                id: p.id,
                plan: Box::new(p),
            }));
        })
    };
    let issues = plan.validate(table);
    let errors: Vec<_> = issues.iter().filter(|i| i.error).collect();
    let warnings: Vec<_> = issues.iter().filter(|i| !i.error).collect();
    let sum: f64 = plan.items.iter().map(|i| i.weight).sum();
    let groups = table.groups();

    let text_change = |set: fn(&mut Plan, String)| {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = input_value(&e) {
                let v = i.value();
                edit(Box::new(move |p: &mut Plan| set(p, v)));
            }
        })
    };
    let on_group = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                edit(Box::new(move |p: &mut Plan| {
                    p.group = if v.is_empty() { None } else { Some(v) }
                }));
            }
        })
    };

    let items = plan
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| item_row(i, it, &plan, &state.workbook, lang, &edit));
    let on_add_item = {
        let edit = edit.clone();
        let first = table
            .columns
            .iter()
            .find(|c| c.unit.is_numeric() && c.direction != Direction::Neutral)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        Callback::from(move |_| {
            let column = first.clone();
            edit(Box::new(move |p: &mut Plan| {
                p.items.push(PlanItem {
                    column,
                    weight: 5.0,
                    direction: None,
                    rule: Rule::Rank,
                    fixed: false,
                })
            }))
        })
    };

    html! {
        <div class="workspace plan">
            { toolbar }
            <div class="inline-fields plan-fields">
                <div class="field"><label for="plan-name">{ Msg::PlanName.t(lang) }</label>
                    <input id="plan-name" type="text" value={plan.name.clone()} onchange={text_change(|p, v| p.name = v)} /></div>
                <div class="field"><label for="plan-month">{ Msg::PlanMonth.t(lang) }</label>
                    <input id="plan-month" type="text" value={plan.month.clone()} onchange={text_change(|p, v| p.month = v)} /></div>
                <div class="field"><label for="plan-group">{ Msg::PlanGroup.t(lang) }</label>
                    <select id="plan-group" onchange={on_group}>
                        <option value="" selected={plan.group.is_none()}>{ Msg::PlanGroupAll.t(lang) }</option>
                        { for groups.iter().map(|(g, n)| html! {
                            <option value={g.clone()} selected={plan.group.as_deref() == Some(g.as_str())}>{ format!("{g} ({n})") }</option>
                        }) }
                    </select></div>
            </div>
            <div class={classes!("validation", if errors.is_empty() { "ok" } else { "bad" })} data-testid="plan-validation" role="status">
                <strong data-testid="weight-sum">{ Msg::PlanWeightSum.fill(lang, &[crate::model::formula::value::general(sum)]) }</strong>
                if errors.is_empty() {
                    <span>{ " ✓ " }{ Msg::PlanValid.t(lang) }</span>
                } else {
                    <span>{ " ✗ " }{ Msg::PlanInvalid.t(lang) }</span>
                }
                <ul>
                    { for errors.iter().map(|i| html! { <li class="error">{ i.msg.fill(lang, &i.args) }</li> }) }
                    { for warnings.iter().map(|i| html! { <li class="warning">{ i.msg.fill(lang, &i.args) }</li> }) }
                </ul>
            </div>
            <section class="card">
                <h3>{ Msg::PlanItems.t(lang) }</h3>
                <p class="help muted" data-testid="fixed-help">{ Msg::PlanFixedExplained.t(lang) }</p>
                <div class="table-scroll items-scroll">
                    <table class="plain items" data-testid="plan-items">
                        <thead><tr>
                            <th>{ Msg::PlanColItem.t(lang) }</th><th>{ Msg::PlanColColumn.t(lang) }</th>
                            <th>{ Msg::PlanColWeight.t(lang) }</th><th>{ Msg::PlanColDirection.t(lang) }</th>
                            <th>{ Msg::PlanColRule.t(lang) }</th><th>{ Msg::PlanColParams.t(lang) }</th>
                            <th title={Msg::PlanFixedHint.t(lang)}>{ Msg::PlanColFixed.t(lang) }</th><th></th>
                        </tr></thead>
                        <tbody>{ for items }</tbody>
                    </table>
                </div>
                { for errors.iter().filter(|i| i.item.is_none() && i.msg == Msg::PlanErrWeightSum).map(|i| html! {
                    <p class="field-error" data-testid="weight-sum-error">{ "✗ " }{ i.msg.fill(lang, &i.args) }</p>
                }) }
                <button type="button" onclick={on_add_item} disabled={plan.items.len() >= crate::model::plan::MAX_ITEMS}>
                    { "+ " }{ Msg::PlanAddItem.t(lang) }</button>
            </section>
            { grading_editor(&plan, lang, &edit) }
        </div>
    }
}

fn unit_of(table: &Table, column: &str) -> Option<Unit> {
    crate::model::formula::calc::resolve(table, column)
        .and_then(|c| table.columns.get(c))
        .map(|c| c.unit)
}

fn item_row(
    i: usize,
    it: &PlanItem,
    plan: &Plan,
    state_wb: &Rc<crate::model::Workbook>,
    lang: Lang,
    edit: &Edit,
) -> Html {
    let table = state_wb.table();
    let plan_rows = plan.members(table);
    let n = (i + 1).to_string();
    let col = item_column(table, it);
    let unit = col.map(|c| c.unit).unwrap_or(Unit::Number);
    let field_unit = if unit == Unit::Percent {
        Unit::Percent
    } else {
        Unit::Number
    };
    let suffix = if unit == Unit::Percent { "%" } else { "" };
    let lower = crate::model::plan::item_lower(it, table);
    let on = |f: SetItem| {
        let edit = edit.clone();
        let f: SetItemRc = f.into();
        Callback::from(move |v: f64| {
            let f = f.clone();
            edit(Box::new(move |p: &mut Plan| {
                if let Some(it) = p.items.get_mut(i) {
                    f(it, v)
                }
            }))
        })
    };
    let num = |id: String, label: Msg, value: f64, u: Unit, sfx: &str, f: SetItem| {
        html! {
            <div class="param"><span class="cap" aria-hidden="true">{ label.t(lang) }</span>
            <NumberField id={id} label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), label.t(lang))}
                {value} unit={u} suffix={sfx.to_string()} {lang} on_change={on(f)} />
            </div>
        }
    };
    let params = match &it.rule {
        Rule::Ratio { target, floor, cap } => html! { <div class="params">
            { num(format!("p{i}-target"), Msg::ParamTarget, *target, field_unit, suffix, Box::new(|it, v| if let Rule::Ratio { target, .. } = &mut it.rule { *target = v })) }
            { num(format!("p{i}-floor"), Msg::ParamFloor, *floor, Unit::Number, "", Box::new(|it, v| if let Rule::Ratio { floor, .. } = &mut it.rule { *floor = v })) }
            { num(format!("p{i}-cap"), Msg::ParamCap, *cap, Unit::Number, "", Box::new(|it, v| if let Rule::Ratio { cap, .. } = &mut it.rule { *cap = v })) }
        </div> },
        Rule::Linear {
            zero_at,
            full_at,
            stretch,
            cap,
        } => html! { <div class="params">
            { num(format!("p{i}-zero"), Msg::ParamZeroAt, *zero_at, field_unit, suffix, Box::new(|it, v| if let Rule::Linear { zero_at, .. } = &mut it.rule { *zero_at = v })) }
            { num(format!("p{i}-full"), Msg::ParamFullAt, *full_at, field_unit, suffix, Box::new(|it, v| if let Rule::Linear { full_at, .. } = &mut it.rule { *full_at = v })) }
            <div class="param"><span class="cap" aria-hidden="true">{ Msg::ParamStretchAt.t(lang) }</span>
            <NumberField id={format!("p{i}-sat")} label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), Msg::ParamStretchAt.t(lang))}
                value={stretch.map(|s| s.0).unwrap_or(f64::NAN)} unit={field_unit} suffix={suffix.to_string()} {lang} allow_empty=true
                on_change={on(Box::new(|it, v| if let Rule::Linear { stretch, .. } = &mut it.rule {
                    *stretch = if v.is_finite() { Some((v, stretch.map(|s| s.1).unwrap_or(120.0))) } else { None };
                }))} />
            </div>
            { num(format!("p{i}-spts"), Msg::ParamStretchPoints, stretch.map(|s| s.1).unwrap_or(120.0), Unit::Number, "",
                Box::new(|it, v| if let Rule::Linear { stretch: Some(s), .. } = &mut it.rule { s.1 = v })) }
            { num(format!("p{i}-cap"), Msg::ParamCap, *cap, Unit::Number, "", Box::new(|it, v| if let Rule::Linear { cap, .. } = &mut it.rule { *cap = v })) }
        </div> },
        Rule::Bands { bands, otherwise } => {
            let rows = bands.iter().enumerate().map(|(b, band)| {
                let remove = {
                    let edit = edit.clone();
                    Callback::from(move |_| edit(Box::new(move |p: &mut Plan| {
                        if let Some(Rule::Bands { bands, .. }) = p.items.get_mut(i).map(|it| &mut it.rule) {
                            if b < bands.len() { bands.remove(b); }
                        }
                    })))
                };
                html! { <div class="band">
                    <span class="muted">{ if lower { "≤" } else { "≥" } }</span>
                    { num(format!("p{i}-b{b}-t"), Msg::ParamThreshold, band.threshold, field_unit, suffix, Box::new(move |it, v| if let Rule::Bands { bands, .. } = &mut it.rule { if let Some(x) = bands.get_mut(b) { x.threshold = v } })) }
                    <span class="muted">{ "→" }</span>
                    { num(format!("p{i}-b{b}-p"), Msg::ParamPoints, band.points, Unit::Number, "", Box::new(move |it, v| if let Rule::Bands { bands, .. } = &mut it.rule { if let Some(x) = bands.get_mut(b) { x.points = v } })) }
                    <button type="button" class="link" onclick={remove} aria-label={Msg::ParamRemoveBand.t(lang)}>{ "✕" }</button>
                </div> }
            });
            let add_band = {
                let edit = edit.clone();
                Callback::from(move |_| {
                    edit(Box::new(move |p: &mut Plan| {
                        if let Some(Rule::Bands { bands, .. }) =
                            p.items.get_mut(i).map(|it| &mut it.rule)
                        {
                            let t = bands.last().map(|b| b.threshold).unwrap_or(0.0);
                            bands.push(Band {
                                threshold: t,
                                points: 0.0,
                            });
                        }
                    }))
                })
            };
            html! { <div class="params bands">
                { for rows }
                <div class="band">
                    { num(format!("p{i}-else"), Msg::ParamOtherwise, *otherwise, Unit::Number, "", Box::new(|it, v| if let Rule::Bands { otherwise, .. } = &mut it.rule { *otherwise = v })) }
                    <button type="button" class="link" onclick={add_band}>{ "+ " }{ Msg::ParamAddBand.t(lang) }</button>
                </div>
            </div> }
        }
        Rule::Relative { cap } => html! { <div class="params">
            { num(format!("p{i}-cap"), Msg::ParamCap, *cap, Unit::Number, "", Box::new(|it, v| if let Rule::Relative { cap } = &mut it.rule { *cap = v })) }
        </div> },
        Rule::Rank | Rule::Percentile => {
            html! { <span class="muted">{ Msg::ParamNone.t(lang) }</span> }
        }
        Rule::Gate {
            threshold,
            zero_total,
        } => {
            let on_zero = {
                let edit = edit.clone();
                Callback::from(move |e: Event| {
                    if let Some(inp) = input_value(&e) {
                        let c = inp.checked();
                        edit(Box::new(move |p: &mut Plan| {
                            if let Some(Rule::Gate { zero_total, .. }) =
                                p.items.get_mut(i).map(|it| &mut it.rule)
                            {
                                *zero_total = c
                            }
                        }))
                    }
                })
            };
            html! { <div class="params">
                { num(format!("p{i}-gate"), Msg::ParamThreshold, *threshold, field_unit, suffix, Box::new(|it, v| if let Rule::Gate { threshold, .. } = &mut it.rule { *threshold = v })) }
                <label class="check"><input type="checkbox" checked={*zero_total} onchange={on_zero} />{ Msg::ParamZeroTotal.t(lang) }</label>
            </div> }
        }
    };
    let on_column = {
        let edit = edit.clone();
        let wb = state_wb.clone();
        let (kind, old_unit) = (it.rule.kind(), unit_of(table, &it.column));
        let plan_rows = plan_rows.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                // Another kind of column (a count after a rate) gets numbers from its own values.
                let table = wb.table();
                let new_unit = unit_of(table, &v);
                let lower = crate::model::formula::calc::resolve(table, &v)
                    .and_then(|c| table.columns.get(c))
                    .map(|c| c.direction == Direction::Lower)
                    .unwrap_or(false);
                let rule = (new_unit != old_unit)
                    .then(|| crate::model::plan_fit::rule_for(kind, table, &v, &plan_rows, lower));
                edit(Box::new(move |p: &mut Plan| {
                    if let Some(it) = p.items.get_mut(i) {
                        it.column = v;
                        if let Some(r) = rule {
                            it.rule = r;
                        }
                    }
                }))
            }
        })
    };
    let on_dir = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                let d = match v.as_str() {
                    "higher" => Some(Direction::Higher),
                    "lower" => Some(Direction::Lower),
                    _ => None,
                };
                edit(Box::new(move |p: &mut Plan| {
                    if let Some(it) = p.items.get_mut(i) {
                        it.direction = d
                    }
                }))
            }
        })
    };
    let on_rule = {
        let edit = edit.clone();
        let t = typical(table, it);
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                if let Some(k) = RuleKind::ALL.iter().copied().find(|k| rule_key(*k) == v) {
                    edit(Box::new(move |p: &mut Plan| {
                        if let Some(it) = p.items.get_mut(i) {
                            it.rule = k.default_rule(t, lower)
                        }
                    }))
                }
            }
        })
    };
    let on_fixed = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(inp) = input_value(&e) {
                let c = inp.checked();
                edit(Box::new(move |p: &mut Plan| {
                    if let Some(it) = p.items.get_mut(i) {
                        it.fixed = c
                    }
                }))
            }
        })
    };
    let mv = |delta: isize| {
        let edit = edit.clone();
        Callback::from(move |_| {
            edit(Box::new(move |p: &mut Plan| {
                let j = i as isize + delta;
                if j >= 0 && (j as usize) < p.items.len() {
                    p.items.swap(i, j as usize);
                }
            }))
        })
    };
    let dup = {
        let edit = edit.clone();
        Callback::from(move |_| {
            edit(Box::new(move |p: &mut Plan| {
                if let Some(it) = p.items.get(i).cloned() {
                    if p.items.len() < crate::model::plan::MAX_ITEMS {
                        p.items.insert(i + 1, it)
                    }
                }
            }))
        })
    };
    let remove = {
        let edit = edit.clone();
        Callback::from(move |_| {
            edit(Box::new(move |p: &mut Plan| {
                if i < p.items.len() {
                    p.items.remove(i);
                }
            }))
        })
    };
    let weight_bad =
        !(it.weight >= 5.0 && (it.weight / 5.0 - (it.weight / 5.0).round()).abs() < 1e-9);
    let col_dir = col.map(|c| c.direction).unwrap_or(Direction::Higher);
    let dir_name = match col_dir {
        Direction::Lower => Msg::DirectionLower,
        _ => Msg::DirectionHigher,
    };
    let known = col.is_some();
    // The plan's errors about this item, also shown next to its weight (the
    // banner on top may be off-screen from the field).
    let item_errors: Vec<String> = plan
        .validate(table)
        .into_iter()
        .filter(|x| x.error && x.item == Some(i))
        .map(|x| x.msg.fill(lang, &x.args))
        .collect();
    html! {
        <tr key={i} class={classes!(weight_bad.then_some("bad-weight"))}>
            <td class="num item-no" data-label={Msg::PlanColItem.t(lang)}>{ i + 1 }</td>
            <td data-label={Msg::PlanColColumn.t(lang)} title={super::fields::column_title(table, &it.column, lang)}>
                <select aria-label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), Msg::PlanColColumn.t(lang))} onchange={on_column}>
                    if !known { <option selected=true value={it.column.clone()}>{ format!("⚠ {}", it.column) }</option> }
                    { for table.columns.iter().filter(|c| c.unit.is_numeric()).map(|c| html! {
                        <option value={c.name.clone()} selected={col.is_some_and(|x| x.name == c.name)}>{ c.label(lang).to_string() }</option>
                    }) }
                </select>
            </td>
            <td class="num weight" data-label={Msg::PlanColWeight.t(lang)}>
                <NumberField id={format!("w{i}")} label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), Msg::PlanColWeight.t(lang))}
                    value={it.weight} suffix="%" {lang} on_change={on(Box::new(|it, v| it.weight = v))} />
                { for item_errors.iter().map(|m| html! { <p class="field-error item-error" data-testid={format!("item-error-{i}")}>{ m.clone() }</p> }) }
            </td>
            <td class="dir-cell" data-label={Msg::PlanColDirection.t(lang)}>
                <select aria-label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), Msg::PlanColDirection.t(lang))} onchange={on_dir}>
                    <option value="auto" selected={it.direction.is_none()}>{ Msg::PlanDirAuto.fill(lang, &[dir_name.t(lang).into()]) }</option>
                    <option value="higher" selected={it.direction == Some(Direction::Higher)}>{ Msg::DirectionHigher.t(lang) }</option>
                    <option value="lower" selected={it.direction == Some(Direction::Lower)}>{ Msg::DirectionLower.t(lang) }</option>
                </select>
            </td>
            <td class="rule-cell" data-label={Msg::PlanColRule.t(lang)}>
                <select aria-label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), Msg::PlanColRule.t(lang))} onchange={on_rule}>
                    { for RuleKind::ALL.iter().map(|k| html! {
                        <option value={rule_key(*k)} selected={*k == it.rule.kind()}>{ rule_name(*k).t(lang) }</option>
                    }) }
                </select>
            </td>
            <td class="params-cell" data-label={Msg::PlanColParams.t(lang)}>{ params }</td>
            <td class="center" data-label={Msg::PlanColFixed.t(lang)}><input type="checkbox" checked={it.fixed} onchange={on_fixed}
                aria-label={format!("{} · {}", Msg::PlanItemLabel.fill(lang, &[n.clone(), String::new()]).trim(), Msg::PlanColFixed.t(lang))} /></td>
            <td class="row-actions" data-label="">
                <button type="button" class="link" onclick={mv(-1)} disabled={i == 0} aria-label={Msg::PlanMoveUp.fill(lang, std::slice::from_ref(&n))}>{ "↑" }</button>
                <button type="button" class="link" onclick={mv(1)} disabled={i + 1 == plan.items.len()} aria-label={Msg::PlanMoveDown.fill(lang, std::slice::from_ref(&n))}>{ "↓" }</button>
                <button type="button" class="link" onclick={dup} aria-label={Msg::PlanCopyItem.fill(lang, std::slice::from_ref(&n))}>{ Msg::CopyShort.t(lang) }</button>
                <button type="button" class="link" onclick={remove} aria-label={Msg::PlanRemoveItem.fill(lang, std::slice::from_ref(&n))}>{ "✕" }</button>
            </td>
        </tr>
    }
}

fn grading_editor(plan: &Plan, lang: Lang, edit: &Edit) -> Html {
    let forced = matches!(plan.grading, Grading::Forced(_));
    let on_mode = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e) {
                edit(Box::new(move |p: &mut Plan| {
                    p.grading = if v == "forced" {
                        Grading::default_forced()
                    } else {
                        Grading::default_thresholds()
                    }
                }))
            }
        })
    };
    let rows: Vec<(String, f64)> = match &plan.grading {
        Grading::Thresholds(t) => t.iter().map(|g| (g.label.clone(), g.min)).collect(),
        Grading::Forced(s) => s.iter().map(|g| (g.label.clone(), g.share)).collect(),
    };
    let set = |g: usize, label: Option<String>, value: Option<f64>| {
        move |p: &mut Plan| match &mut p.grading {
            Grading::Thresholds(t) => {
                if let Some(x) = t.get_mut(g) {
                    if let Some(l) = label {
                        x.label = l
                    }
                    if let Some(v) = value {
                        x.min = v
                    }
                }
            }
            Grading::Forced(s) => {
                if let Some(x) = s.get_mut(g) {
                    if let Some(l) = label {
                        x.label = l
                    }
                    if let Some(v) = value {
                        x.share = v
                    }
                }
            }
        }
    };
    let grade_rows = rows.iter().enumerate().map(|(g, (label, value))| {
        let on_label = {
            let edit = edit.clone();
            Callback::from(move |e: Event| if let Some(i) = input_value(&e) {
                edit(Box::new(set(g, Some(i.value()), None)))
            })
        };
        let on_value = {
            let edit = edit.clone();
            Callback::from(move |v: f64| edit(Box::new(set(g, None, Some(v)))))
        };
        let remove = {
            let edit = edit.clone();
            Callback::from(move |_| edit(Box::new(move |p: &mut Plan| match &mut p.grading {
                Grading::Thresholds(t) => if g < t.len() { t.remove(g); },
                Grading::Forced(s) => if g < s.len() { s.remove(g); },
            })))
        };
        let value_label = if forced { Msg::GradeShare } else { Msg::GradeMin };
        html! {
            <div class="grade-row" key={g}>
                <input type="text" class="grade-label" value={label.clone()} onchange={on_label}
                    aria-label={format!("{} {}", Msg::GradeLabel.t(lang), g + 1)} />
                <NumberField id={format!("grade-{g}")} label={format!("{} · {label}", value_label.t(lang))} value={*value}
                    unit={if forced { Unit::Percent } else { Unit::Number }} suffix={if forced { "%" } else { "" }} {lang} on_change={on_value} />
                <button type="button" class="link" onclick={remove} aria-label={Msg::GradeRemove.fill(lang, std::slice::from_ref(label))}>{ "✕" }</button>
            </div>
        }
    });
    let add = {
        let edit = edit.clone();
        Callback::from(move |_| {
            edit(Box::new(move |p: &mut Plan| match &mut p.grading {
                Grading::Thresholds(t) => t.push(GradeThreshold {
                    label: "E".into(),
                    min: 0.0,
                }),
                Grading::Forced(s) => s.push(GradeShare {
                    label: "D".into(),
                    share: 0.0,
                }),
            }))
        })
    };
    html! {
        <section class="card">
            <h3>{ Msg::GradingTitle.t(lang) }</h3>
            <div class="field narrow">
                <label for="grading-mode">{ Msg::GradingMode.t(lang) }</label>
                <select id="grading-mode" onchange={on_mode}>
                    <option value="thresholds" selected={!forced}>{ Msg::GradingThresholds.t(lang) }</option>
                    <option value="forced" selected={forced}>{ Msg::GradingForced.t(lang) }</option>
                </select>
            </div>
            <div class="grades">{ for grade_rows }</div>
            <button type="button" onclick={add}>{ "+ " }{ Msg::GradeAdd.t(lang) }</button>
            if forced { <p class="help muted">{ Msg::GradeTieRule.t(lang) }</p> }
        </section>
    }
}
