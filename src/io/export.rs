//! Tables out: CSV that Excel and WPS open correctly (UTF-8 with BOM, CRLF,
//! units in headers, numbers as numbers), with text that would start a
//! formula neutralised.

use crate::i18n::{Lang, Msg};
use crate::model::payout::{Comparison, Component, PayoutModel, Payouts};
use crate::model::plan::{Plan, PlanScores};
use crate::model::round::round_dp;
use crate::model::{Cell, Table, Unit};

/// One exported value.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    Number(f64),
    Text(String),
    Empty,
}

/// Text starting with `=`, `+`, `-`, `@`, tab or CR would run as a formula in
/// Excel/WPS ("CSV injection"); a leading apostrophe keeps it text.
pub fn neutralize(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// A number as written: at most 6 decimals, no float noise (0.3376 not
/// 0.33759999999999996).
fn number(v: f64) -> String {
    let r = round_dp(v, 6);
    let s = format!("{r}");
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// CSV text with a BOM.
pub fn csv(header: &[String], rows: &[Vec<Out>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(header.iter().map(|h| neutralize(h)));
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| match c {
            Out::Number(v) => number(*v),
            Out::Text(t) => neutralize(t),
            Out::Empty => String::new(),
        }));
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// The unit suffix of a header: `询单转化率 (%)`.
fn header(name: &str, unit: Unit, lang: Lang) -> String {
    let u = match unit {
        Unit::Percent => Some(Msg::UnitPercent),
        Unit::Seconds => Some(Msg::UnitSeconds),
        Unit::Money => Some(Msg::UnitYuan),
        Unit::Days => Some(Msg::UnitDays),
        _ => None,
    };
    match u {
        Some(u) => format!("{name} ({})", u.t(lang)),
        None => name.to_string(),
    }
}

/// A value in its unit's display scale: percent in points.
fn value(c: &Cell, unit: Unit) -> Out {
    match c {
        Cell::Number(v) if unit == Unit::Percent => Out::Number(v * 100.0),
        Cell::Number(v) => Out::Number(*v),
        Cell::Text(t) => Out::Text(t.clone()),
        Cell::Bool(b) => Out::Text(if *b { "TRUE".into() } else { "FALSE".into() }),
        Cell::Invalid { raw, .. } => Out::Text(raw.clone()),
        Cell::Error(e) => Out::Text(e.code().into()),
        Cell::Empty => Out::Empty,
    }
}

/// The team table as CSV.
pub fn table_csv(t: &Table, lang: Lang) -> String {
    let header: Vec<String> = t
        .columns
        .iter()
        .map(|c| header(c.label(lang), c.unit, lang))
        .collect();
    let rows: Vec<Vec<Out>> = (0..t.len())
        .map(|r| {
            t.columns
                .iter()
                .enumerate()
                .map(|(c, col)| value(t.at(r, c), col.unit))
                .collect()
        })
        .collect();
    csv(&header, &rows)
}

/// A plan's scores as CSV: rank, agent, group, per item value/points/weighted, total, grade.
pub fn scores_csv(t: &Table, plan: &Plan, s: &PlanScores, lang: Lang) -> String {
    let mut header = vec![
        Msg::ColRank.t(lang).to_string(),
        Msg::ColAgent.t(lang).to_string(),
        Msg::ColGroup.t(lang).to_string(),
    ];
    let units: Vec<Unit> = plan
        .items
        .iter()
        .map(|it| {
            crate::model::formula::calc::resolve(t, &it.column)
                .and_then(|c| t.columns.get(c))
                .map(|c| c.unit)
                .unwrap_or(Unit::Number)
        })
        .collect();
    for (it, u) in plan.items.iter().zip(&units) {
        // The column's name in `lang` (a metric's English name in English).
        let name = super::xlsx_write::column_label(Some(t), &it.column, lang);
        header.push(header_of(&name, *u, Msg::ColRaw, lang));
        header.push(format!("{} · {}", name, Msg::ColPoints.t(lang)));
        header.push(format!(
            "{} · {} ({}%)",
            name,
            Msg::ColWeighted.t(lang),
            number(it.weight)
        ));
    }
    header.push(Msg::ColTotal.t(lang).to_string());
    header.push(Msg::ColGrade.t(lang).to_string());
    let gcol = t.column_of(crate::model::MetricId::Group);
    let mut agents: Vec<_> = s.agents.iter().collect();
    crate::model::order::sort_by(&mut agents, |a, b| {
        a.rank.cmp(&b.rank).then(a.row.cmp(&b.row))
    });
    let rows: Vec<Vec<Out>> = agents
        .iter()
        .map(|a| {
            let mut r = vec![
                Out::Number(a.rank as f64),
                Out::Text(t.agent_name(a.row)),
                gcol.map(|c| value(t.at(a.row, c), Unit::Text))
                    .unwrap_or(Out::Empty),
            ];
            for (sc, u) in a.items.iter().zip(&units) {
                r.push(match sc.raw {
                    Some(v) if *u == Unit::Percent => Out::Number(v * 100.0),
                    Some(v) => Out::Number(v),
                    None => Out::Empty,
                });
                // Points as the app shows them (two decimals), not 83.333333.
                r.push(Out::Number(round_dp(sc.points, 2)));
                r.push(Out::Number(round_dp(sc.weighted, 2)));
            }
            r.push(Out::Number(round_dp(a.total, 2)));
            r.push(Out::Text(
                s.grade_labels.get(a.grade).cloned().unwrap_or_default(),
            ));
            r
        })
        .collect();
    csv(&header, &rows)
}

fn header_of(column: &str, unit: Unit, what: Msg, lang: Lang) -> String {
    header(&format!("{column} · {}", what.t(lang)), unit, lang)
}

/// Payouts as CSV: agent, score, coefficient, each part, gate and days
/// factors, the unrounded and the paid amount; a total row last.
pub fn payouts_csv(p: &Payouts, model: &PayoutModel, lang: Lang) -> String {
    let mut header = vec![
        Msg::ColAgent.t(lang).to_string(),
        Msg::ColTotal.t(lang).to_string(),
        Msg::PayCoef.t(lang).to_string(),
    ];
    for (i, c) in model.components.iter().enumerate() {
        let kind = match c {
            Component::Target { .. } => Msg::PayTarget,
            Component::Pool { .. } => Msg::PayPool,
            Component::Commission { .. } => Msg::PayCommission,
        };
        header.push(format!(
            "{}. {} ({})",
            i + 1,
            kind.t(lang),
            Msg::UnitYuan.t(lang)
        ));
    }
    header.push(Msg::PayGateFactor.t(lang).to_string());
    header.push(Msg::PayDaysFactor.t(lang).to_string());
    header.push(format!(
        "{} ({})",
        Msg::PayGross.t(lang),
        Msg::UnitYuan.t(lang)
    ));
    header.push(format!(
        "{} ({})",
        Msg::PayPay.t(lang),
        Msg::UnitYuan.t(lang)
    ));
    let mut rows: Vec<Vec<Out>> = p
        .agents
        .iter()
        .map(|a| {
            let mut r = vec![
                Out::Text(a.agent.clone()),
                Out::Number(round_dp(a.score, 4)),
                a.coef
                    .map(|c| Out::Number(round_dp(c, 4)))
                    .unwrap_or(Out::Empty),
            ];
            r.extend(a.parts.iter().map(|v| Out::Number(round_dp(*v, 2))));
            r.push(Out::Number(round_dp(a.gate_factor, 4)));
            r.push(Out::Number(round_dp(a.days_factor, 4)));
            r.push(Out::Number(round_dp(a.gross, 2)));
            r.push(Out::Number(a.pay));
            r
        })
        .collect();
    let width = header.len();
    let mut total = vec![Out::Text(Msg::PayTotal.t(lang).to_string())];
    total.resize(width - 1, Out::Empty);
    total.push(Out::Number(p.stats.total));
    rows.push(total);
    csv(&header, &rows)
}

/// A scenario comparison as CSV: agent, pay in A, pay in B, change.
pub fn comparison_csv(c: &Comparison, lang: Lang) -> String {
    let header = vec![
        Msg::ColAgent.t(lang).to_string(),
        format!("{} A ({})", Msg::PayPay.t(lang), Msg::UnitYuan.t(lang)),
        format!("{} B ({})", Msg::PayPay.t(lang), Msg::UnitYuan.t(lang)),
        Msg::ColDelta.t(lang).to_string(),
    ];
    let opt = |v: Option<f64>| v.map(Out::Number).unwrap_or(Out::Empty);
    let mut rows: Vec<Vec<Out>> = c
        .rows
        .iter()
        .map(|r| {
            vec![
                Out::Text(r.agent.clone()),
                opt(r.a),
                opt(r.b),
                Out::Number(r.change),
            ]
        })
        .collect();
    rows.push(vec![
        Out::Text(Msg::PayTotal.t(lang).to_string()),
        Out::Number(c.total_a),
        Out::Number(c.total_b),
        Out::Number(c.total_b - c.total_a),
    ]);
    csv(&header, &rows)
}

/// The QA staffing comparison as CSV: one row per method with full-time
/// equivalents, headcount, headcount per role, monthly cost, cost per agent
/// and which one is recommended.
pub fn qa_csv(
    report: &crate::model::qa::QaReport,
    role_names: &[String],
    agents: u32,
    lang: Lang,
) -> String {
    use crate::model::qa::Recommended;
    let mut header = vec![
        Msg::QaColMethod.t(lang).to_string(),
        Msg::QaColFte.t(lang).to_string(),
        Msg::QaColHeadcount.t(lang).to_string(),
    ];
    header.extend(role_names.iter().cloned());
    header.push(format!(
        "{} ({})",
        Msg::QaColCost.t(lang),
        Msg::UnitYuan.t(lang)
    ));
    header.push(format!(
        "{} ({})",
        Msg::QaColCostPerAgent.t(lang),
        Msg::UnitYuan.t(lang)
    ));
    header.push(Msg::QaRecommended.t(lang).to_string());
    let rows: Vec<Vec<Out>> = [
        (Msg::QaMethodRatio, &report.ratio, None),
        (
            Msg::QaMethodWorkload,
            &report.workload,
            Some(Recommended::Workload),
        ),
        (
            Msg::QaMethodStat,
            &report.statistical,
            Some(Recommended::Statistical),
        ),
    ]
    .iter()
    .map(|(label, m, rec)| {
        let mut r = vec![
            Out::Text(label.t(lang).to_string()),
            Out::Number(round_dp(m.fte, 2)),
            Out::Number(f64::from(m.headcount)),
        ];
        r.extend(
            role_names
                .iter()
                .enumerate()
                .map(|(i, _)| Out::Number(f64::from(m.split.get(i).copied().unwrap_or(0)))),
        );
        r.push(Out::Number(round_dp(m.cost, 2)));
        r.push(if agents > 0 {
            Out::Number(round_dp(m.cost / f64::from(agents), 2))
        } else {
            Out::Empty
        });
        r.push(if *rec == Some(report.recommended) {
            Out::Text("✓".into())
        } else {
            Out::Empty
        });
        r
    })
    .collect();
    csv(&header, &rows)
}
