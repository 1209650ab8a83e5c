//! Formula columns in the workbook: dependencies, cycles, incremental
//! recalculation, renames, undo.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::{Lang, Msg};
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::model::formula::{self, ErrorKind};
use kpi_sandbox::model::{Cell, Command, MetricId, Touched, Unit, Workbook};

fn add(wb: &mut Workbook, name: &str, f: &str) -> usize {
    wb.apply(Command::AddFormulaColumn {
        name: name.into(),
        formula: f.into(),
        unit: Unit::Number,
    })
    .unwrap_or_else(|e| panic!("{name} = {f}: {e:?}"));
    wb.table().columns.len() - 1
}

fn col_values(wb: &Workbook, c: usize) -> Vec<Cell> {
    wb.table().column_cells(c).to_vec()
}

#[test]
fn the_sales_identity_as_a_formula_column() {
    let mut wb = Workbook::new(demo_table());
    let f = add(
        &mut wb,
        "计算销售额",
        "=[询单人数]*[询单转化率]*[客单价]*(1-[退款率])",
    );
    let t = wb.table();
    let v = |r: usize, m| t.at(r, t.column_of(m).unwrap()).clone().number().unwrap();
    for r in 0..30 {
        let got = t.at(r, f).clone().number().unwrap();
        let want = v(r, MetricId::Sales);
        // The export rounds the conversion rate to 0.01 % (±0.00005), so the
        // identity holds to within 询单人数 × 0.00005 × 客单价.
        let tol = v(r, MetricId::Inquiries) * 0.00005 * v(r, MetricId::Aov) + 0.01;
        assert!(
            (got - want).abs() <= tol,
            "row {r}: {got} vs {want} (±{tol})"
        );
    }
}

#[test]
fn cycles_are_named_and_fixing_them_restores_values() {
    let mut wb = Workbook::new(demo_table());
    let a = add(&mut wb, "A", "[询单人数]+1");
    let b = add(&mut wb, "B", "[A]*2");
    let c = add(&mut wb, "C", "[B]+0");
    assert_eq!(
        wb.table().at(0, b).clone(),
        Cell::Number((1404.0 + 1.0) * 2.0)
    );
    // A now reads B: A → B → A.
    wb.apply(Command::SetFormula {
        col: a,
        formula: "[B]+1".into(),
    })
    .unwrap();
    assert_eq!(wb.table().at(0, a).clone(), Cell::Error(ErrorKind::Cycle));
    assert_eq!(wb.table().at(0, b).clone(), Cell::Error(ErrorKind::Cycle));
    assert_eq!(
        wb.table().at(0, c).clone(),
        Cell::Error(ErrorKind::Cycle),
        "behind the cycle: propagated"
    );
    let issue = wb.calc().issue(a).unwrap();
    assert_eq!(issue.msg, Msg::FxCycle);
    assert_eq!(issue.text(Lang::Zh), "循环引用：A → B");
    assert!(wb.calc().issue(c).is_none(), "C is not on the cycle");
    // A self-reference is a cycle too.
    wb.apply(Command::SetFormula {
        col: c,
        formula: "[C]".into(),
    })
    .unwrap();
    assert_eq!(
        wb.calc().issue(c).unwrap().text(Lang::En),
        "Circular reference: C"
    );
    // Fix A: values return everywhere.
    wb.apply(Command::SetFormula {
        col: a,
        formula: "5".into(),
    })
    .unwrap();
    wb.apply(Command::SetFormula {
        col: c,
        formula: "[B]+0".into(),
    })
    .unwrap();
    assert_eq!(wb.table().at(0, c).clone(), Cell::Number(10.0));
    assert!(wb.calc().issue(a).is_none());
}

#[test]
fn unknown_names_suggest_the_closest() {
    let mut wb = Workbook::new(demo_table());
    let f = add(&mut wb, "F", "[询单转化]*100");
    assert_eq!(wb.table().at(0, f).clone(), Cell::Error(ErrorKind::Name));
    assert_eq!(
        wb.calc().issue(f).unwrap().text(Lang::Zh),
        "找不到列「询单转化」，是不是「询单转化率」？"
    );
    let g = add(&mut wb, "G", "AVERGE([客单价])");
    assert_eq!(
        wb.calc().issue(g).unwrap().text(Lang::En),
        "Unknown function AVERGE; did you mean \"AVERAGE\"?"
    );
    let h = add(&mut wb, "H", "[完全无关的名字]");
    assert_eq!(
        wb.calc().issue(h).unwrap().text(Lang::Zh),
        "找不到列「完全无关的名字」"
    );
}

#[test]
fn incremental_recalculation_equals_a_full_one() {
    let mut wb = Workbook::new(demo_table());
    let aov = wb.table().column_of(MetricId::Aov).unwrap();
    add(&mut wb, "单行", "[客单价]*2");
    add(&mut wb, "均值比", "[客单价]/AVERAGE([客单价])");
    add(&mut wb, "排名", "RANK.EQ([@客单价],[客单价])");
    add(&mut wb, "链", "[单行]+[均值比]");
    add(&mut wb, "无关", "[询单人数]+1");
    let edits = [(3, "999"), (0, "1"), (29, "-"), (7, "abc"), (3, "254.79")];
    for (row, raw) in edits {
        wb.apply(Command::SetCell {
            row,
            col: aov,
            raw: raw.into(),
        })
        .unwrap();
        let incremental = wb.table().clone();
        let full = Workbook::new(wb.table().clone());
        assert_eq!(
            &incremental,
            full.table(),
            "after setting row {row} to {raw}"
        );
    }
    // Editing a column nothing reads leaves formula cells as they were.
    let before = wb.table().clone();
    let q = wb.table().column_of(MetricId::QaScore).unwrap();
    let recalced = formula::recalc_cell(&mut wb.table().clone(), wb.calc(), 0, q);
    assert!(recalced.is_empty());
    assert_eq!(wb.table(), &before);
}

#[test]
fn only_aggregates_force_a_full_column() {
    let mut wb = Workbook::new(demo_table());
    let aov = wb.table().column_of(MetricId::Aov).unwrap();
    let single = add(&mut wb, "单行", "[客单价]*2");
    let ratio = add(&mut wb, "均值比", "[客单价]/AVERAGE([客单价])");
    let chain = add(&mut wb, "链", "[单行]+1");
    let mut t = wb.table().clone();
    *t.cell_mut(5, aov).unwrap() = Cell::Number(1000.0);
    let full = formula::recalc_cell(&mut t, wb.calc(), 5, aov);
    assert_eq!(
        full,
        vec![ratio],
        "only the column with an aggregate is recomputed in full"
    );
    assert_eq!(t.at(5, single).clone(), Cell::Number(2000.0));
    assert_eq!(t.at(5, chain).clone(), Cell::Number(2001.0));
}

#[test]
fn renames_carry_references_and_undo_restores_them() {
    let mut wb = Workbook::new(demo_table());
    let aov = wb.table().column_of(MetricId::Aov).unwrap();
    wb.apply(Command::RenameColumn {
        col: aov,
        name: "客单价(元)".into(),
    })
    .unwrap();
    let f = add(&mut wb, "F", "=客单价(元) * 2");
    // "客单价(元)" bare is a call of 客单价; bracket it.
    assert_eq!(wb.table().at(0, f).clone(), Cell::Error(ErrorKind::Name));
    wb.apply(Command::SetFormula {
        col: f,
        formula: "=[客单价(元)] * 2 + [@客单价(元)]".into(),
    })
    .unwrap();
    assert_eq!(wb.table().at(0, f).clone(), Cell::Number(254.79 * 3.0));
    wb.apply(Command::RenameColumn {
        col: aov,
        name: "AOV元".into(),
    })
    .unwrap();
    assert_eq!(
        wb.table().columns[f].formula.as_deref(),
        Some("=[AOV元] * 2 + [@AOV元]"),
        "the rest of the text is kept"
    );
    assert_eq!(wb.table().at(0, f).clone(), Cell::Number(254.79 * 3.0));
    wb.undo();
    assert_eq!(
        wb.table().columns[f].formula.as_deref(),
        Some("=[客单价(元)] * 2 + [@客单价(元)]")
    );
    assert_eq!(wb.table().columns[aov].name, "客单价(元)");
}

#[test]
fn formula_commands_are_validated_and_undoable() {
    let mut wb = Workbook::new(demo_table());
    let n = wb.table().columns.len();
    let err = wb
        .apply(Command::AddFormulaColumn {
            name: "X".into(),
            formula: "1+".into(),
            unit: Unit::Number,
        })
        .unwrap_err();
    assert_eq!(err.msg, Msg::FxErrUnexpectedEnd);
    let err = wb
        .apply(Command::AddFormulaColumn {
            name: "客单价".into(),
            formula: "1".into(),
            unit: Unit::Number,
        })
        .unwrap_err();
    assert_eq!(err.msg, Msg::ErrColumnNameTaken);
    assert_eq!(
        wb.table().columns.len(),
        n,
        "refused commands change nothing"
    );
    let f = add(&mut wb, "X", "[询单人数]");
    let err = wb
        .apply(Command::SetCell {
            row: 0,
            col: f,
            raw: "5".into(),
        })
        .unwrap_err();
    assert_eq!(err.msg, Msg::ErrFormulaCellReadOnly);
    assert_eq!(
        wb.apply(Command::SetFormula {
            col: 0,
            formula: "1".into()
        })
        .unwrap_err()
        .msg,
        Msg::ErrNotFormulaColumn
    );
    wb.apply(Command::RemoveColumn { col: f }).unwrap();
    assert_eq!(wb.table().columns.len(), n);
    wb.undo();
    assert_eq!(col_values(&wb, f)[0], Cell::Number(1404.0));
    wb.undo();
    assert_eq!(wb.table().columns.len(), n);
    wb.redo();
    assert_eq!(wb.table().columns[f].name, "X");
}

/// One random edit of the formula columns (or what they read).
#[derive(Clone, Debug)]
enum Op {
    AddFormula(usize, String),
    SetFormula(usize, String),
    AddData(usize, usize),
    Remove(usize),
    Rename(usize, usize),
    SetCell(usize, usize, u16),
    Remap(usize, usize),
    AddRow(usize),
    RemoveRow(usize),
    Undo,
    Redo,
}

/// Names the random formulas use; some are never columns (#NAME?).
const POOL: [&str; 8] = ["A", "B", "C", "D", "E", "客单价", "询单人数", "AOV"];

fn formula_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let name = prop::sample::select(POOL.to_vec());
    let term = prop_oneof![
        name.clone().prop_map(|n| format!("[{n}]")),
        name.clone().prop_map(|n| format!("[@{n}]")),
        name.clone().prop_map(|n| format!("AVERAGE([{n}])")),
        name.prop_map(|n| format!("RANK.EQ([@{n}],[{n}])")),
        (0u8..10).prop_map(|v| v.to_string()),
    ];
    prop::collection::vec(term, 1..4).prop_map(|ts| ts.join("+"))
}

fn op_strategy() -> impl proptest::strategy::Strategy<Value = Op> {
    use proptest::prelude::*;
    prop_oneof![
        3 => (0..POOL.len(), formula_strategy()).prop_map(|(n, f)| Op::AddFormula(n, f)),
        3 => (0..40usize, formula_strategy()).prop_map(|(c, f)| Op::SetFormula(c, f)),
        1 => (0..40usize, 0..POOL.len()).prop_map(|(a, n)| Op::AddData(a, n)),
        2 => (1..40usize).prop_map(Op::Remove),
        1 => (0..40usize, 0..POOL.len()).prop_map(|(c, n)| Op::Rename(c, n)),
        1 => (0..30usize, 0..40usize, 0u16..500).prop_map(|(r, c, v)| Op::SetCell(r, c, v)),
        1 => (0..40usize, 0..3usize).prop_map(|(c, m)| Op::Remap(c, m)),
        1 => (0..32usize).prop_map(Op::AddRow),
        1 => (0..32usize).prop_map(Op::RemoveRow),
        1 => Just(Op::Undo),
        1 => Just(Op::Redo),
    ]
}

fn run_op(wb: &mut Workbook, op: &Op) {
    let formula_cols: Vec<usize> = (0..wb.table().columns.len())
        .filter(|c| wb.table().columns[*c].is_formula())
        .collect();
    let n = wb.table().columns.len();
    // Refused commands are fine: they must change nothing.
    let _ = match op {
        Op::AddFormula(name, f) => wb.apply(Command::AddFormulaColumn {
            name: POOL[*name].into(),
            formula: f.clone(),
            unit: Unit::Number,
        }),
        Op::SetFormula(c, f) if !formula_cols.is_empty() => wb.apply(Command::SetFormula {
            col: formula_cols[c % formula_cols.len()],
            formula: f.clone(),
        }),
        Op::AddData(after, name) => wb.apply(Command::AddColumn {
            after: after % n,
            name: POOL[*name].into(),
            unit: Unit::Number,
        }),
        Op::Remove(c) => wb.apply(Command::RemoveColumn { col: c % n }),
        Op::Rename(c, name) => wb.apply(Command::RenameColumn {
            col: c % n,
            name: POOL[*name].into(),
        }),
        Op::SetCell(r, c, v) => wb.apply(Command::SetCell {
            row: *r,
            col: c % n,
            raw: v.to_string(),
        }),
        Op::Remap(c, m) => wb.apply(Command::RemapColumn {
            col: c % n,
            // Metric names are names too: [AOV] and [客单价] can move with them.
            metric: [None, Some(MetricId::Aov), Some(MetricId::Inquiries)][*m],
            unit: Unit::Number,
        }),
        Op::AddRow(at) => wb.apply(Command::AddRow { at: *at }),
        Op::RemoveRow(r) => wb.apply(Command::RemoveRow { row: *r }),
        Op::Undo => {
            wb.undo();
            Ok(Touched::Inputs)
        }
        Op::Redo => {
            wb.redo();
            Ok(Touched::Inputs)
        }
        Op::SetFormula(..) => Ok(Touched::Inputs),
    };
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// The graph kept up to date edit by edit (adds, edits, removals,
    /// renames, inserted and remapped data columns, rows, undo, redo)
    /// equals one built from scratch, and so do the computed cells.
    #[test]
    fn incremental_formula_columns_equal_a_rebuild(ops in proptest::collection::vec(op_strategy(), 1..25)) {
        let mut wb = Workbook::new(demo_table());
        for (i, op) in ops.iter().enumerate() {
            run_op(&mut wb, op);
            let fresh = formula::compile(wb.table());
            proptest::prop_assert_eq!(wb.calc(), &fresh, "after step {} {:?}", i, op);
            let rebuilt = Workbook::new(wb.table().clone());
            proptest::prop_assert_eq!(wb.table(), rebuilt.table(), "cells after step {} {:?}", i, op);
        }
    }
}

/// Column names compare as `str::to_lowercase` does (the fast comparison
/// used by every lookup must agree with it, Greek final sigma included).
#[test]
fn name_lookups_compare_case_insensitively() {
    use kpi_sandbox::model::formula::calc::lower_eq;
    let check = |header: &str, typed: &str, same: bool| {
        assert_eq!(
            lower_eq(header, &typed.to_lowercase()),
            same,
            "{header} vs {typed}"
        );
    };
    check("AOV", "aov", true);
    check("Aov", "AOV", true);
    check("AOV", "AOV2", false);
    check("客单价", "客单价", true);
    check("客单价", "客单", false);
    check("İstanbul", "i̇stanbul", true);
    // "ΟΔΟΣ" lowers to "οδος" (final ς); typed "οδοσ" is another word.
    check("ΟΔΟΣ", "ΟΔΟΣ", true);
    check("ΟΔΟΣ", "οδος", true);
    check("ΟΔΟΣ", "οδοσ", false);
    check("Straße", "STRASSE", false);
}
