//! Native benchmarks of the headless core (`make bench`). Figures go to
//! BENCHMARKS.md. Run: `cargo bench --bench core`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use kpi_sandbox::io::import::import_text;
    use kpi_sandbox::io::synthetic::{big_tsv, BENCH_FORMULAS};
    use kpi_sandbox::model::formula;
    use kpi_sandbox::model::{Command, MetricId, Unit, Workbook};

    const N: usize = 10_000;

    /// 10,000 agents × 30 inputs + the 10 benchmark formula columns.
    fn formula_workbook() -> Workbook {
        let mut wb = Workbook::new(import_text(&big_tsv(N)).table);
        for (name, f) in BENCH_FORMULAS {
            wb.apply(Command::AddFormulaColumn {
                name: (*name).into(),
                formula: (*f).into(),
                unit: Unit::Number,
            })
            .unwrap();
        }
        wb
    }

    #[divan::bench]
    fn import_tsv_10k_x_30(bencher: divan::Bencher) {
        let text = big_tsv(N);
        bencher.bench(|| import_text(divan::black_box(&text)));
    }

    #[divan::bench]
    fn sort_10k_by_conversion(bencher: divan::Bencher) {
        let table = import_text(&big_tsv(N)).table;
        bencher.bench(|| table.sorted_order(divan::black_box(6), false));
    }

    #[divan::bench]
    fn edit_one_cell_10k_no_formulas(bencher: divan::Bencher) {
        let mut wb = Workbook::new(import_text(&big_tsv(N)).table);
        let mut i = 0usize;
        bencher.bench_local(|| {
            i += 1;
            wb.apply(Command::SetCell {
                row: i % N,
                col: 6,
                raw: format!("{}%", i % 100),
            })
        });
    }

    /// Compile and evaluate all 10 formula columns over 10,000 agents.
    #[divan::bench]
    fn formula_full_recalc_10k_x_10(bencher: divan::Bencher) {
        let wb = formula_workbook();
        let mut table = wb.table().clone();
        bencher.bench_local(|| {
            let calc = formula::compile(&table);
            formula::recalc_all(&mut table, &calc);
        });
    }

    /// Edit 客单价: two columns read its AVERAGE, so they and the columns
    /// after them (综合, 百分位) recompute in full; the rest one row.
    #[divan::bench]
    fn formula_edit_aggregated_input(bencher: divan::Bencher) {
        let mut wb = formula_workbook();
        let col = wb.table().column_of(MetricId::Aov).unwrap();
        let mut i = 0usize;
        bencher.bench_local(|| {
            i += 1;
            wb.apply(Command::SetCell {
                row: i % N,
                col,
                raw: format!("{}", 100 + i % 50),
            })
        });
    }

    /// A chain of `n` formula columns, each reading the previous, added one
    /// by one through `Workbook::apply` on the 30-agent demo table (#14:
    /// adding a column must not recompile and re-order the whole sheet).
    #[divan::bench(args = [200, 400, 800], sample_count = 5, sample_size = 1)]
    fn formula_chain_add_columns(bencher: divan::Bencher, n: usize) {
        bencher
            .with_inputs(|| Workbook::new(kpi_sandbox::io::demo::demo_table()))
            .bench_local_values(|mut wb| {
                for i in 0..n {
                    let formula = if i == 0 {
                        "[询单人数]+1".to_string()
                    } else {
                        format!("[c{}]+1", i - 1)
                    };
                    wb.apply(Command::AddFormulaColumn {
                        name: format!("c{i}"),
                        formula,
                        unit: Unit::Number,
                    })
                    .unwrap();
                }
                wb
            });
    }

    /// In the 800-column chain, edit the last column's formula back and
    /// forth: one column recompiles and recomputes, nothing else.
    #[divan::bench]
    fn formula_chain_800_edit_last(bencher: divan::Bencher) {
        let mut wb = Workbook::new(kpi_sandbox::io::demo::demo_table());
        for i in 0..800 {
            let formula = if i == 0 {
                "[询单人数]+1".to_string()
            } else {
                format!("[c{}]+1", i - 1)
            };
            wb.apply(Command::AddFormulaColumn {
                name: format!("c{i}"),
                formula,
                unit: Unit::Number,
            })
            .unwrap();
        }
        let last = wb.table().columns.len() - 1;
        let mut i = 0usize;
        bencher.bench_local(|| {
            i += 1;
            wb.apply(Command::SetFormula {
                col: last,
                formula: format!("[c798]+{}", i % 7),
            })
            .unwrap()
        });
    }

    /// Score 10,000 agents on an 8-item plan (every rule kind, forced grades).
    #[divan::bench]
    fn score_10k_on_8_items(bencher: divan::Bencher) {
        let table = import_text(&big_tsv(N)).table;
        let plan = kpi_sandbox::io::synthetic::bench_plan();
        bencher.bench(|| kpi_sandbox::model::plan::score(divan::black_box(&table), &plan));
    }

    /// Across months (#18): three months of 10,000 agents lined up, scored
    /// by the 8-item plan and paid, then the 面谈 list, the team LMDI split,
    /// the rotation proposal and the talent view of the last month.
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn months_trends_10k_x_3(bencher: divan::Bencher) {
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        use kpi_sandbox::model::months::{lmdi, rotation, talent, trends, History, MetricKey};
        let table = import_text(&big_tsv(N)).table;
        let months: Vec<(String, kpi_sandbox::model::Table)> = ["2026-09", "2026-10", "2026-11"]
            .iter()
            .map(|m| (m.to_string(), table.clone()))
            .collect();
        let refs: Vec<(String, &kpi_sandbox::model::Table)> =
            months.iter().map(|(m, t)| (m.clone(), t)).collect();
        let plan = bench_plan();
        let model = bench_payout();
        bencher.bench(|| {
            let h = History::build(divan::black_box(&refs), &[], Some(&plan), Some(&model));
            let score = h.metric(&MetricKey::Score).unwrap_or(0);
            let rule = trends::TalkRule {
                metric: score,
                min_drop: None,
                min_share: Some(0.1),
                also_share: 0.05,
            };
            let talk = trends::talk_list(&h, 2, &rule);
            let split = lmdi::team_split(&h, 2);
            let weak = rotation::weaknesses(&h, 2, &plan, None, None, &[]);
            let hire = vec![None; h.agents.len()];
            let tal = talent::talent(&h, score, 2, &hire, &talent::Settings::default());
            (talk.len(), split.is_some(), weak.len(), tal.len())
        });
    }

    /// Edit 质检得分: only 质检达标 reads it, in that row.
    #[divan::bench]
    fn formula_edit_row_only_input(bencher: divan::Bencher) {
        let mut wb = formula_workbook();
        let col = wb.table().column_of(MetricId::QaScore).unwrap();
        let mut i = 0usize;
        bencher.bench_local(|| {
            i += 1;
            wb.apply(Command::SetCell {
                row: i % N,
                col,
                raw: format!("{}", 70 + i % 30),
            })
        });
    }

    /// Payouts of 10,000 agents (scores given): target × coefficient,
    /// commission, gate, pro-rating, rounding.
    #[divan::bench]
    fn payouts_10k(bencher: divan::Bencher) {
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        let table = import_text(&big_tsv(N)).table;
        let plan = bench_plan();
        let scores = kpi_sandbox::model::plan::score(&table, &plan);
        let model = bench_payout();
        bencher.bench(|| kpi_sandbox::model::payout::compute(&table, &plan, &scores, &model));
    }

    /// The target: 10,000 simulated months × 500 agents × 8 items.
    /// The .xlsx export of 2,000 agents: the 8-item plan (every rule kind)
    /// and the benchmark payout model, formulas and cached values.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn xlsx_export_2k_8_items(bencher: divan::Bencher) {
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        let table = import_text(&big_tsv(2_000)).table;
        let wb = Workbook::with_plans(table, "2026-11", vec![bench_plan()])
            .with_payouts(vec![bench_payout()]);
        let snap = wb.snapshot();
        bencher.bench(|| {
            kpi_sandbox::io::xlsx_write::workbook_xlsx(
                divan::black_box(&snap),
                kpi_sandbox::i18n::Lang::Zh,
            )
        });
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn monte_carlo_10k_months_500_agents_8_items(bencher: divan::Bencher) {
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        use kpi_sandbox::model::forecast::{variabilities, Forecast};
        let table = import_text(&big_tsv(500)).table;
        let plan = bench_plan();
        let model = bench_payout();
        let vars = variabilities(&[], &table, &plan, &model, 0.1);
        bencher.bench_local(|| {
            let mut f = Forecast::new(&table, &plan, &model, &vars, 10_000, 1);
            f.run(usize::MAX);
            f.result()
        });
    }
    /// The forecast's fixed costs in the workers (#16), one at a time on the
    /// benchmark's 10,000 × 500 × 8: a worker reading its spec (JSON) and
    /// building its half; and the merging worker taking in both halves'
    /// pays (40 MB) and computing the result (the percentiles, per-agent
    /// ranges).
    mod forecast_phases {
        use super::*;
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        use kpi_sandbox::model::forecast::{variabilities, Forecast, ForecastSpec, Partial};

        fn spec_json() -> String {
            let table = import_text(&big_tsv(500)).table;
            let plan = bench_plan();
            let model = bench_payout();
            let vars = variabilities(&[], &table, &plan, &model, 0.1);
            let spec = ForecastSpec {
                table,
                plan,
                model,
                vars,
                months: 10_000,
                seed: 1,
                correlation: Default::default(),
            };
            serde_json::to_string(&spec).unwrap()
        }

        fn halves(json: &str) -> Vec<Partial> {
            [(0, 5_000), (5_000, 10_000)]
                .iter()
                .map(|(a, b)| {
                    let mut f = Forecast::part(serde_json::from_str(json).unwrap(), *a, *b);
                    f.run(usize::MAX);
                    f.take_partial()
                })
                .collect()
        }

        #[divan::bench(sample_count = 5, sample_size = 1)]
        fn start_half_from_json(bencher: divan::Bencher) {
            let json = spec_json();
            bencher.bench_local(|| {
                let spec: ForecastSpec = serde_json::from_str(divan::black_box(&json)).unwrap();
                Forecast::part(spec, 5_000, 10_000)
            });
        }

        #[divan::bench(sample_count = 5, sample_size = 1)]
        fn absorb_both_halves(bencher: divan::Bencher) {
            let json = spec_json();
            let parts = halves(&json);
            bencher.bench_local(|| {
                let mut f = Forecast::from_spec(serde_json::from_str(&json).unwrap());
                for p in &parts {
                    assert!(f.absorb(p));
                }
                f
            });
        }

        #[divan::bench(sample_count = 5, sample_size = 1)]
        fn result_of_merged(bencher: divan::Bencher) {
            let json = spec_json();
            let parts = halves(&json);
            let mut f = Forecast::from_spec(serde_json::from_str(&json).unwrap());
            for p in &parts {
                assert!(f.absorb(p));
            }
            bencher.bench_local(|| f.result());
        }
    }

    /// The cliff scan (#16) of 500 agents: every metric the 8-item plan and
    /// the benchmark model read (8), one step up and one down per agent,
    /// each re-scoring and re-paying the whole team (8,000 evaluations).
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn cliff_scan_500_agents_8_metrics(bencher: divan::Bencher) {
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        use kpi_sandbox::model::forecast::CliffScan;
        let table = import_text(&big_tsv(500)).table;
        let plan = bench_plan();
        let model = bench_payout();
        bencher.bench_local(|| {
            let mut s = CliffScan::new(&table, &plan, &model, 0.02);
            s.run(usize::MAX);
            s.found.len()
        });
    }

    /// The forecast with 销售额计算 a formula column (询单人数 × 询单转化率
    /// × 客单价 × (1 − 退款率)) that the plan scores and the commission pays
    /// on: each month recomputes it from the drawn inputs (#16).
    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn monte_carlo_10k_months_500_agents_formula_sales(bencher: divan::Bencher) {
        use kpi_sandbox::io::synthetic::{bench_payout, bench_plan};
        use kpi_sandbox::model::forecast::{variabilities, Forecast};
        use kpi_sandbox::model::payout::Component;
        let mut wb = Workbook::new(import_text(&big_tsv(500)).table);
        let (name, f) = BENCH_FORMULAS[0];
        wb.apply(Command::AddFormulaColumn {
            name: name.into(),
            formula: f.into(),
            unit: Unit::Money,
        })
        .unwrap();
        let table = wb.table().clone();
        let mut plan = bench_plan();
        for it in plan.items.iter_mut().filter(|i| i.column == "客服销售额") {
            it.column = name.into();
        }
        let mut model = bench_payout();
        for c in model.components.iter_mut() {
            if let Component::Commission { column, .. } = c {
                *column = name.into();
            }
        }
        let vars = variabilities(&[], &table, &plan, &model, 0.1);
        bencher.bench_local(|| {
            let mut f = Forecast::new(&table, &plan, &model, &vars, 10_000, 1);
            f.run(usize::MAX);
            f.result()
        });
    }

    /// Chat staffing (#19): a week of 7 × 24 hours at up to ~1,000 Erlangs
    /// (25,000 chats an hour at 144 s), every hour searched from one agent.
    #[divan::bench]
    fn staffing_week_peak_1000_erlangs(bencher: divan::Bencher) {
        use kpi_sandbox::model::staffing::{plan, standard_day, StaffingParams};
        let p = StaffingParams {
            days: vec![standard_day(330_000.0); 7],
            ..StaffingParams::default()
        };
        bencher.bench(|| plan(divan::black_box(&p)));
    }
}
