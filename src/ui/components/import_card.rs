//! The import preview's card: what a paste, a file or several day files
//! were read as, with the user's choices (sheet, header row, shop prefix,
//! month or join, day file) and the confirm and cancel buttons. Code only
//! an import reaches: in the split build it is the `preview` chunk, whose
//! one entry is `import::preview_code`; a call from anywhere else would
//! pull this code back into the first load. It renders only: the state,
//! reading and confirming stay in `import`.

use super::import::{from_sheets, Pending};
use super::import_preview::{days_facts, delimiter_name, join_plan, problems, sample, SheetImport};
use crate::i18n::{Lang, Msg};
use crate::model::rollup::DayFile;
use crate::ui::state::AppContext;
use yew::prelude::*;

/// The card for `p`; reached only through `import::preview_code`.
pub(super) fn preview(
    p: &Pending,
    state: &AppContext,
    confirm: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    month_ref: NodeRef,
    on_pick: Callback<Pending>,
) -> Html {
    let lang = state.lang;
    let wb = &state.workbook;
    match p {
        Pending::Workbook { source, snapshot } => html! {
            <section class="card preview" data-testid="import-preview">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source, lang)]) }</h3>
                <p>{ Msg::WbPreview.fill(lang, &[snapshot.tables.len().to_string(), snapshot.month.clone(), snapshot.plans.len().to_string()]) }</p>
                <p class="muted">{ Msg::WbReplaceWarning.t(lang) }</p>
                <div class="actions">
                    <button type="button" class="primary" onclick={confirm}>{ Msg::WbOpen.t(lang) }</button>
                    <button type="button" onclick={cancel}>{ Msg::ImpCancel.t(lang) }</button>
                </div>
            </section>
        },
        Pending::BadWorkbook { source, problems } => html! {
            <section class="card preview refused" data-testid="import-preview" role="alert">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source, lang)]) }</h3>
                <p class="field-error">{ Msg::WbRefused.fill(lang, &[problems.len().to_string()]) }</p>
                <ul class="problems error">{ for problems.iter().take(50).map(|p| html! {
                    <li>{ Msg::FileProblemAt.fill(lang, &[p.path.clone(), p.msg.fill(lang, &p.args)]) }</li>
                }) }</ul>
                <button type="button" onclick={cancel}>{ Msg::Dismiss.t(lang) }</button>
            </section>
        },
        Pending::Reading { source } => html! {
            <section class="card preview" data-testid="import-preview" role="status">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source, lang)]) }</h3>
                <p class="muted">{ Msg::ImpReading.t(lang) }</p>
            </section>
        },
        Pending::Refused { source, refusal } => html! {
            <section class="card preview refused" data-testid="import-preview" role="alert">
                <h3>{ Msg::ImpPreviewTitle.fill(lang, &[source_name(source, lang)]) }</h3>
                <p class="field-error">{ refusal.msg.fill(lang, &refusal.args) }</p>
                <p class="muted">{ Msg::ImpNothingChanged.t(lang) }</p>
                <button type="button" onclick={cancel}>{ Msg::Dismiss.t(lang) }</button>
            </section>
        },
        Pending::Days(d) => {
            let title = Msg::ImpFilesCount.fill(lang, &[d.files.len().to_string()]);
            html! {
                <section class="card preview" data-testid="import-preview">
                    <h3>{ Msg::ImpPreviewTitle.fill(lang, &[title]) }</h3>
                    { match &d.rolled {
                        Ok(r) => html! { <>
                            { days_facts(r, wb.days_of(&r.month).len(), lang) }
                            <p data-testid="import-rows">{ Msg::ImpRows.fill(lang, &[r.table.len().to_string(), r.table.columns.len().to_string()]) }</p>
                            { sample(&r.table, lang, None) }
                            <div class="actions">
                                <button type="button" class="primary" onclick={confirm}>{ Msg::ImpConfirm.fill(lang, &[r.table.len().to_string()]) }</button>
                                <button type="button" onclick={cancel}>{ Msg::ImpCancel.t(lang) }</button>
                            </div>
                        </> },
                        Err((m, a)) => html! { <>
                            <p class="field-error" role="alert">{ m.fill(lang, a) }</p>
                            <p class="muted">{ Msg::ImpNothingChanged.t(lang) }</p>
                            <button type="button" onclick={cancel}>{ Msg::Dismiss.t(lang) }</button>
                        </> },
                    } }
                </section>
            }
        }
        Pending::Ready(s) => sheet_preview(s, state, confirm, cancel, month_ref, on_pick),
    }
}

fn sheet_preview(
    s: &SheetImport,
    state: &AppContext,
    confirm: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    month_ref: NodeRef,
    on_pick: Callback<Pending>,
) -> Html {
    let lang = state.lang;
    let wb = &state.workbook;
    let memory = wb.import_memory().clone();
    let result = &s.result;
    let t = &result.table;
    let on_change = {
        let on_pick = on_pick.clone();
        Callback::from(move |s: SheetImport| on_pick.emit(Pending::Ready(s)))
    };
    let sheet_pick = s.sheets.as_ref().filter(|(sh, _)| sh.len() > 1).map(|(sh, pick)| {
        let (on_pick, all, source, memory) = (on_pick.clone(), sh.clone(), s.source.clone(), memory.clone());
        let onchange = Callback::from(move |e: Event| {
            if let Some(i) = super::fields::select_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                on_pick.emit(from_sheets(source.clone(), all.clone(), i, &memory));
            }
        });
        html! { <li class="field"><label for="import-sheet">{ Msg::ImpSheet.t(lang) }</label>
            <select id="import-sheet" {onchange}>
                { for sh.iter().enumerate().map(|(i, x)| html! {
                    <option value={i.to_string()} selected={i == *pick}>{ Msg::ImpSheetOption.fill(lang, &[x.name.clone(), x.rows.len().to_string()]) }</option>
                }) }
            </select></li> }
    });
    let header_pick = (result.candidates.len() > 1).then(|| {
        let (s2, on_change, memory) = (s.clone(), on_change.clone(), memory.clone());
        let onchange = Callback::from(move |e: Event| {
            if let Some(i) = super::fields::select_value(&e).and_then(|v| v.parse::<usize>().ok()) {
                on_change.emit(s2.with(&memory, move |ch| {
                    ch.header_row = Some(i);
                    ch.overrides.clear();
                }));
            }
        });
        html! { <li class="field"><label for="import-header-row">{ Msg::ImpHeaderRow.t(lang) }</label>
            <select id="import-header-row" {onchange}>
                { for result.candidates.iter().map(|(i, line, text)| {
                    let shown: String = text.chars().take(40).collect();
                    html! { <option value={i.to_string()} selected={*i == result.header_index}>{ Msg::ImpHeaderRowOption.fill(lang, &[line.to_string(), shown]) }</option> }
                }) }
            </select></li> }
    });
    let shop = result.shop.as_ref().map(|sp| {
        let (s2, on_change, memory) = (s.clone(), on_change.clone(), memory.clone());
        let dropped = sp.dropped;
        let onchange = Callback::from(move |_: Event| {
            on_change.emit(s2.with(&memory, move |ch| ch.drop_shop = Some(!dropped)));
        });
        html! { <li class="field check" data-testid="import-shop">
            <span>{ Msg::ImpShopPrefix.fill(lang, &[sp.shops.join("、")]) }</span>
            <label><input type="checkbox" checked={sp.dropped} {onchange} />{ Msg::ImpDropShop.t(lang) }</label>
        </li> }
    });
    let can_join = !result.is_rejected() && !wb.table().is_empty();
    let mode = (can_join).then(|| {
        let pick = |join: bool| {
            let (s2, on_change, memory) = (s.clone(), on_change.clone(), memory.clone());
            Callback::from(move |_: Event| on_change.emit(s2.with(&memory, move |ch| ch.join = join)))
        };
        html! { <fieldset class="import-mode">
            <legend>{ Msg::ImpModeLabel.t(lang) }</legend>
            <label><input type="radio" name="import-mode" checked={!s.choices.join} onchange={pick(false)} />{ Msg::ImpModeMonth.t(lang) }</label>
            <label><input type="radio" name="import-mode" checked={s.choices.join} onchange={pick(true)} />{ Msg::ImpModeJoin.t(lang) }</label>
        </fieldset> }
    });
    let day_box = s.day.as_ref().filter(|_| !s.choices.join && !result.is_rejected()).map(|day| {
        let (s2, on_change, memory) = (s.clone(), on_change.clone(), memory.clone());
        let as_day = s.choices.as_day;
        let onchange = Callback::from(move |_: Event| on_change.emit(s2.with(&memory, move |ch| ch.as_day = !as_day)));
        let month = day.get(..7).unwrap_or("").to_string();
        let kept: Vec<DayFile> = wb.days_of(&month).into_iter().cloned().collect();
        let rolled = crate::model::rollup::roll_up(
            vec![DayFile { date: day.clone(), source: s.source.clone(), table: t.clone() }],
            &kept,
        );
        html! { <>
            <label class="check"><input type="checkbox" checked={as_day} {onchange} data-testid="import-as-day" />
                { Msg::ImpAsDay.fill(lang, &[month.clone(), day.clone()]) }</label>
            if as_day {
                if let Ok(r) = &rolled { { days_facts(r, kept.len(), lang) } }
            }
        </> }
    });
    let joining = s.choices.join && can_join;
    let plan = joining.then(|| join_plan(s, wb));
    let join_ok = plan.as_ref().is_some_and(|p| p.is_ok());
    let n_join = plan
        .as_ref()
        .and_then(|p| p.as_ref().ok())
        .map(|p| p.columns.len())
        .unwrap_or(0);
    html! {
        <section class="card preview" data-testid="import-preview" aria-labelledby="import-title">
            <h3 id="import-title">{ Msg::ImpPreviewTitle.fill(lang, &[source_name(&s.source, lang)]) }</h3>
            <ul class="facts">
                if let Some(e) = s.encoding { <li>{ Msg::ImpEncoding.fill(lang, &[e.name().to_string()]) }</li> }
                { for sheet_pick }
                { for header_pick }
                <li>{ Msg::ImpDelimiter.fill(lang, &[delimiter_name(result.delimiter).t(lang).to_string()]) }</li>
                <li data-testid="import-header-line">{ Msg::ImpHeaderTaken.fill(lang, &[result.header_line.to_string()]) }</li>
                <li data-testid="import-rows">{ Msg::ImpRows.fill(lang, &[t.len().to_string(), t.columns.len().to_string()]) }</li>
                if let Some((a, b)) = &result.period { <li>{ Msg::ImpPeriod.fill(lang, &[a.clone(), b.clone()]) }</li> }
                if !result.dropped.is_empty() {
                    <li data-testid="import-dropped">{ Msg::ImpDropped.fill(lang, &[result.dropped.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join("、")]) }</li>
                }
                { for shop }
            </ul>
            { problems(result, lang) }
            { for mode }
            if let Some(p) = &plan { { super::import_preview::join_view(s, p, wb, lang, on_change.clone(), &memory) } }
            { for day_box }
            if !t.columns.is_empty() {
                { sample(t, lang, Some((s, on_change.clone(), &memory))) }
            }
            if !(result.is_rejected() || joining || s.choices.as_day && s.day.is_some()) {
                <div class="field month-field">
                    <label for="import-month">{ Msg::ImpAsMonth.t(lang) }</label>
                    <input id="import-month" type="text" ref={month_ref} value={wb.month().to_string()} title={Msg::ImpMonthHint.t(lang)} />
                    <span class="muted hint">{ Msg::ImpMonthHint.t(lang) }</span>
                </div>
                { replaces_note(wb, lang) }
            }
            <div class="actions">
                if !result.is_rejected() && !joining {
                    <button type="button" class="primary" onclick={confirm.clone()}>{ Msg::ImpConfirm.fill(lang, &[t.len().to_string()]) }</button>
                }
                if joining && join_ok {
                    <button type="button" class="primary" onclick={confirm}>{ Msg::JoinConfirm.fill(lang, &[n_join.to_string()]) }</button>
                }
                <button type="button" onclick={cancel}>{ Msg::ImpCancel.t(lang) }</button>
            </div>
        </section>
    }
}

fn source_name(s: &str, lang: Lang) -> String {
    if s.is_empty() {
        Msg::ImpSourcePaste.t(lang).to_string()
    } else {
        s.to_string()
    }
}

/// What importing into the current month replaces: the demo team, or the
/// agents already there (#15: the import replaced 30 agents and said nothing).
fn replaces_note(wb: &crate::model::Workbook, lang: Lang) -> Html {
    let t = wb.table();
    if t.is_empty() {
        return Html::default();
    }
    let args = [wb.month().to_string(), t.len().to_string()];
    let msg = if *t == crate::io::demo::demo_table() {
        Msg::ImpReplacesDemo
    } else {
        Msg::ImpReplacesTeam
    };
    html! { <p class="warn replaces" data-testid="import-replaces">{ msg.fill(lang, &args) }</p> }
}
