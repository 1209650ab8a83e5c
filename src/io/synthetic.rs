//! Synthetic large teams for benchmarks (native and in the browser): the demo
//! team's rows repeated with distinct names and varied values, and a set of
//! ten formula columns typical of KPI scoring. Deterministic.

use super::demo::DEMO_TSV;

/// A `agents` × 30-column export as Excel would copy it (19 known metrics +
/// 11 custom percentage columns).
pub fn big_tsv(agents: usize) -> String {
    let mut lines = DEMO_TSV.lines();
    let header = lines.next().unwrap_or("");
    let body: Vec<&str> = lines.collect();
    let extra: Vec<String> = (0..11).map(|i| format!("自定义{i}")).collect();
    let mut out = format!("{header}\t{}\n", extra.join("\t"));
    if body.is_empty() {
        return out;
    }
    for i in 0..agents {
        let src = body.get(i % body.len()).copied().unwrap_or("");
        let mut cells: Vec<String> = src.split('\t').map(str::to_string).collect();
        if let Some(name) = cells.first_mut() {
            *name = format!("客服{i:05}");
        }
        // Vary inquiries and AOV so columns are not 30 repeated values.
        if let Some(inq) = cells.get_mut(4) {
            let v: f64 = inq.parse().unwrap_or(100.0);
            *inq = format!("{}", v + (i % 97) as f64);
        }
        if let Some(aov) = cells.get_mut(7) {
            let v: f64 = aov.parse().unwrap_or(100.0);
            *aov = format!("{:.2}", v + (i % 13) as f64 * 1.5);
        }
        out.push_str(&cells.join("\t"));
        for j in 0..11 {
            out.push_str(&format!("\t{}.{}%", (i * 7 + j * 13) % 100, j));
        }
        out.push('\n');
    }
    out
}

/// Ten formula columns: the sales identity, nested-IF bands, ratios to the
/// team average, RANK.EQ, LOOKUP bands, a weighted total and its percentile.
pub const BENCH_FORMULAS: &[(&str, &str)] = &[
    (
        "销售额计算",
        "=[询单人数]*[询单转化率]*[客单价]*(1-[退款率])",
    ),
    (
        "转化得分",
        "=IF([询单转化率]>=45%,100,IF([询单转化率]>=40%,80,IF([询单转化率]>=35%,60,0)))",
    ),
    (
        "首响得分",
        "=IF([首次响应时间]<=35,100,IF([首次响应时间]<=45,80,IF([首次响应时间]<=55,60,0)))",
    ),
    ("客单价比", "=[客单价]/AVERAGE([客单价])"),
    ("销售排名", "=RANK.EQ([@销售额计算],[销售额计算])"),
    (
        "满意度得分",
        "=MIN(120,[客户满意度]/AVERAGE([客户满意度])*100)",
    ),
    ("质检达标", "=IF([质检得分]>=80,1,0)"),
    ("退款扣分", "=LOOKUP([退款率],{0,0.03,0.05},{0,5,10})"),
    (
        "综合",
        "=[转化得分]*0.4+[首响得分]*0.2+MIN([@客单价比],1.2)*100*0.2+[满意度得分]*0.2-[退款扣分]",
    ),
    ("百分位", "=PERCENTRANK.INC([综合],[@综合])"),
];

/// An 8-item plan over the synthetic team (all agents), one item per rule
/// kind plus a second ratio, weights summing to 100 %.
pub fn bench_plan() -> crate::model::plan::Plan {
    use crate::model::plan::{Grading, Plan, PlanItem, Rule};
    let item = |column: &str, weight: f64, rule: Rule| PlanItem::new(column, weight, rule, false);
    let bands = |b: &[(f64, f64)]| Rule::bands(b, 0.0);
    Plan {
        id: Default::default(),
        name: "bench".into(),
        month: "2026-11".into(),
        group: None,
        items: vec![
            item(
                "询单转化率",
                25.0,
                bands(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)]),
            ),
            item("客服销售额", 15.0, Rule::Relative { cap: 120.0 }),
            item(
                "首次响应时间",
                10.0,
                bands(&[(35.0, 100.0), (45.0, 80.0), (55.0, 60.0)]),
            ),
            item(
                "回复率",
                10.0,
                Rule::Linear {
                    zero_at: 0.9,
                    full_at: 1.0,
                    stretch: None,
                    cap: 100.0,
                },
            ),
            item(
                "客户满意度",
                10.0,
                Rule::Ratio {
                    target: 0.95,
                    floor: 0.0,
                    cap: 110.0,
                },
            ),
            item("质检得分", 10.0, Rule::Rank),
            item("退款率", 10.0, Rule::Percentile),
            item(
                "出勤天数",
                10.0,
                Rule::Gate {
                    threshold: 20.0,
                    zero_total: true,
                },
            ),
        ],
        grading: Grading::default_forced(),
    }
}

/// The payout model of the benchmarks: target bonus × 绩效系数 by score
/// steps, marginal commission on 客服销售额, a QA gate and pro-rating.
pub fn bench_payout() -> crate::model::payout::PayoutModel {
    use crate::model::payout::{Component, PayGate, PayoutModel};
    let mut m = PayoutModel::example("bench");
    m.components.push(Component::default_commission());
    m.gates.push(PayGate {
        column: "质检得分".into(),
        threshold: 75.0,
        fail_below: true,
        cut: 0.2,
    });
    m.budget = Some(1_000_000.0);
    m
}
