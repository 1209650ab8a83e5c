//! Writes the version-2 saved-file and share-link fixtures in
//! `tests/fixtures/saved/` (run once with `cargo run --example gen_saved_v2`
//! on the code that wrote version 2, commit b84c801 of `main`). The fixtures
//! are frozen: later versions of the app must keep opening them unchanged
//! (`tests/saved_compat.rs`), so they are never regenerated.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::scenario::to_json;
use kpi_sandbox::io::share::{encode, Scope};
use kpi_sandbox::model::payout::{Coefficient, Component, PayoutModel, Scenario, Tier, TierMode};
use kpi_sandbox::model::plan::{template, Plan, Template};
use kpi_sandbox::model::{Command, Workbook};

fn main() {
    let pre = template(Template::PreSales, "售前考核方案", "2026-11");
    let after = template(Template::AfterSales, "售后考核方案", "2026-11");
    let mut wb = Workbook::with_plans(demo_table(), "2026-11", vec![pre.clone(), after]);
    // A copy for next month and a duplicate, as the plan tab makes them.
    wb.apply(Command::AddPlan(Box::new(pre.copy_to_next_month())))
        .unwrap();
    wb.apply(Command::AddPlan(Box::new(Plan {
        name: format!("{}（副本）", pre.name),
        ..pre.clone()
    })))
    .unwrap();
    // An archived month.
    let oct = import_text(
        "客服昵称\t分组\t询单人数\t询单转化率\n小雨\t售前\t900\t41.5%\n阿杰\t售后\t300\t20%\n",
    )
    .table;
    wb.apply(Command::ImportMonth {
        month: "2026-10".into(),
        table: Box::new(oct),
    })
    .unwrap();
    wb.apply(Command::SelectMonth("2026-11".into())).unwrap();
    // Payout models: the demo's, a flat ¥1,000 for everyone, 1 % of sales,
    // and a copy of the demo's.
    let flat = PayoutModel {
        name: "固定奖金".into(),
        components: vec![Component::Target {
            base: 1000.0,
            coef: Coefficient::ScoreTable {
                steps: Vec::new(),
                otherwise: 1.0,
            },
        }],
        gates: Vec::new(),
        prorate: None,
        rounding: 1.0,
        budget: Some(20_000.0),
        ..PayoutModel::example("x")
    };
    let commission = PayoutModel {
        name: "销售提成".into(),
        components: vec![Component::Commission {
            column: "客服销售额".into(),
            tiers: vec![Tier {
                from: 0.0,
                rate: 0.01,
            }],
            mode: TierMode::Retroactive,
            multiplier: 1.0,
        }],
        gates: Vec::new(),
        prorate: None,
        rounding: 0.01,
        budget: None,
        ..PayoutModel::example("x")
    };
    let copy = PayoutModel::example("月度绩效奖金（副本）");
    wb.apply(Command::SetPayouts(Box::new(vec![
        PayoutModel::example("月度绩效奖金"),
        flat,
        commission,
        copy,
    ])))
    .unwrap();
    let sc = |name: &str, month: &str, plan: &str, payout: &str| Scenario {
        name: name.into(),
        month: month.into(),
        plan: plan.into(),
        payout: payout.into(),
    };
    wb.apply(Command::SetScenarios(Box::new(vec![
        sc("现行", "2026-11", &pre.name, "月度绩效奖金"),
        sc("固定", "2026-11", &pre.name, "固定奖金"),
        sc("提成", "2026-11", "售后考核方案", "销售提成"),
        // A scenario whose plan was removed: it must still open.
        sc("旧方案", "2026-10", "已删除方案", "月度绩效奖金"),
    ])))
    .unwrap();
    let s = wb.snapshot();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/saved");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(format!("{dir}/workbook_v2.json"), to_json(&s) + "\n").unwrap();
    std::fs::write(
        format!("{dir}/share_v2_everything.txt"),
        encode(&s, Scope::Everything) + "\n",
    )
    .unwrap();
    std::fs::write(
        format!("{dir}/share_v2_plans.txt"),
        encode(&s, Scope::PlansOnly) + "\n",
    )
    .unwrap();
    for p in wb.plans() {
        println!("plan {} ({})", p.name, p.month);
    }
}
