//! Incremental recalculation after a cell edit: aggregates and ranks over an
//! edited column, the walk stopping at columns whose values did not change,
//! and (property test) equality with a full recalculation bit for bit after
//! random sequences of edits.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::formula;
use kpi_sandbox::model::{Cell, Command, Table, Unit, Workbook};

/// A table of `A`, `B`, `C` (numbers) from `rows`, with `formulas` added.
fn sheet(rows: &[[f64; 3]], formulas: &[(&str, &str)]) -> Workbook {
    let mut tsv = String::from("客服\tA\tB\tC\n");
    for (i, r) in rows.iter().enumerate() {
        tsv.push_str(&format!("a{i}\t{}\t{}\t{}\n", r[0], r[1], r[2]));
    }
    let mut wb = Workbook::new(import_text(&tsv).table);
    for (name, f) in formulas {
        wb.apply(Command::AddFormulaColumn {
            name: (*name).into(),
            formula: (*f).into(),
            unit: Unit::Number,
        })
        .unwrap_or_else(|e| panic!("{name} = {f}: {e:?}"));
    }
    wb
}

fn col(wb: &Workbook, name: &str) -> usize {
    wb.table()
        .columns
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Edits `A` in `row` to `raw`, then checks each named column's numbers.
fn check(wb: &mut Workbook, row: usize, raw: &str, expected: &[(&str, &[f64])]) {
    let a = col(wb, "A");
    wb.apply(Command::SetCell {
        row,
        col: a,
        raw: raw.into(),
    })
    .unwrap();
    for (name, want) in expected {
        let got: Vec<f64> = wb
            .table()
            .column_cells(col(wb, name))
            .iter()
            .map(|c| match c {
                Cell::Number(x) => *x,
                other => panic!("{name}: {other:?}"),
            })
            .collect();
        assert_eq!(got.len(), want.len(), "{name}");
        for (g, w) in got.iter().zip(*want) {
            assert!((g - w).abs() < 1e-12, "{name}: got {got:?}, want {want:?}");
        }
    }
}

/// Worked by hand: A = 1, 2, 3, 4 → 10, 2, 3, 4 → 10, 2, 3, 3.
#[test]
fn an_edit_moves_the_average_the_ranks_and_the_median() {
    let mut wb = sheet(
        &[
            [1.0, 0.0, 0.0],
            [2.0, 0.0, 0.0],
            [3.0, 0.0, 0.0],
            [4.0, 0.0, 0.0],
        ],
        &[
            ("R", "=RANK.EQ([@A],[A])"),
            ("P", "=[A]/AVERAGE([A])"),
            ("M", "=MEDIAN([A])"),
            ("S", "=SUM([A])"),
            ("Q", "=PERCENTRANK.INC([A],[@A])"),
        ],
    );
    check(
        &mut wb,
        0,
        "10",
        &[
            ("R", &[1.0, 4.0, 3.0, 2.0]),
            // Average 19 / 4 = 4.75.
            ("P", &[10.0 / 4.75, 2.0 / 4.75, 3.0 / 4.75, 4.0 / 4.75]),
            ("M", &[3.5; 4]),
            ("S", &[19.0; 4]),
            // Sorted 2, 3, 4, 10: below / (n − 1), truncated to 3 digits.
            ("Q", &[1.0, 0.0, 0.333, 0.666]),
        ],
    );
    // A tie: both 3s share rank 3; sorted 2, 3, 3, 10.
    check(
        &mut wb,
        3,
        "3",
        &[
            ("R", &[1.0, 4.0, 2.0, 2.0]),
            ("M", &[3.0; 4]),
            ("S", &[18.0; 4]),
            ("Q", &[1.0, 0.0, 0.333, 0.333]),
        ],
    );
}

/// Negative numbers sort below zero and below each other by size (worked
/// by hand: A = −3, 5, −0.5, 2 → sorted −3, −0.5, 2, 5).
#[test]
fn negative_numbers_rank_and_sort_by_value() {
    let mut wb = sheet(
        &[
            [-3.0, 0.0, 0.0],
            [5.0, 0.0, 0.0],
            [-0.5, 0.0, 0.0],
            [7.0, 0.0, 0.0],
        ],
        &[("R", "=RANK.EQ([@A],[A])"), ("M", "=MEDIAN([A])")],
    );
    check(
        &mut wb,
        3,
        "2",
        &[("R", &[4.0, 1.0, 3.0, 2.0]), ("M", &[0.75; 4])],
    );
    // −0.5 → −4: now the lowest; sorted −4, −3, 2, 5.
    check(
        &mut wb,
        2,
        "-4",
        &[("R", &[3.0, 1.0, 4.0, 2.0]), ("M", &[-0.5; 4])],
    );
}

/// Recomputes what editing (`row`, `col`) to `v` reaches; returns the
/// columns evaluated in every row.
fn edit_and_recalc(
    t: &mut Table,
    calc: &formula::Calc,
    row: usize,
    col: usize,
    v: f64,
) -> Vec<usize> {
    *t.cell_mut(row, col).unwrap() = Cell::Number(v);
    formula::recalc_cell(t, calc, row, col)
}

#[test]
fn the_walk_stops_at_columns_whose_values_did_not_change() {
    let wb = sheet(
        &[[9.0, 1.0, 0.0], [2.0, 1.0, 0.0], [3.0, 1.0, 0.0]],
        &[
            ("S", "=MIN([@A],5)"),
            ("T", "=SUM([S])"),
            ("U", "=[A]+AVERAGE([B])"),
        ],
    );
    let mut t = wb.table().clone();
    let calc = formula::compile(&t);
    let (a, s, tt) = (col(&wb, "A"), col(&wb, "S"), col(&wb, "T"));
    // 9 → 20: S stays 5, so SUM([S]) is not evaluated again.
    assert_eq!(
        edit_and_recalc(&mut t, &calc, 0, a, 20.0),
        Vec::<usize>::new()
    );
    assert_eq!(t.at(0, tt), &Cell::Number(10.0));
    // 20 → 1: S changes, so T is evaluated in every row.
    assert_eq!(edit_and_recalc(&mut t, &calc, 0, a, 1.0), vec![tt]);
    assert_eq!(t.at(2, tt), &Cell::Number(6.0));
    assert_eq!(t.at(0, s), &Cell::Number(1.0));
}

/// Every cell equal, numbers bit for bit.
fn same_bits(a: &Table, b: &Table) -> Result<(), String> {
    for c in 0..a.columns.len() {
        for (r, (x, y)) in a.column_cells(c).iter().zip(b.column_cells(c)).enumerate() {
            let same = match (x, y) {
                (Cell::Number(p), Cell::Number(q)) => p.to_bits() == q.to_bits(),
                _ => x == y,
            };
            if !same {
                return Err(format!("row {r}, column {c}: {x:?} vs {y:?}"));
            }
        }
    }
    Ok(())
}

/// Formulas over A, B, C and the earlier formula columns F0…: aggregates,
/// ranks, medians, clamps (values that stop changing), errors.
fn formula_strategy(i: usize) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let mut names = vec!["A".to_string(), "B".to_string(), "C".to_string()];
    names.extend((0..i).map(|j| format!("F{j}")));
    let name = prop::sample::select(names);
    let term = prop_oneof![
        name.clone().prop_map(|n| format!("[@{n}]")),
        name.clone().prop_map(|n| format!("AVERAGE([{n}])")),
        name.clone().prop_map(|n| format!("SUM([{n}])")),
        name.clone().prop_map(|n| format!("MEDIAN([{n}])")),
        name.clone().prop_map(|n| format!("RANK.EQ([@{n}],[{n}])")),
        name.clone()
            .prop_map(|n| format!("RANK.EQ([@{n}],[{n}],1)")),
        (name.clone(), name.clone()).prop_map(|(n, m)| format!("RANK.EQ([@{n}],[{m}])")),
        name.clone()
            .prop_map(|n| format!("PERCENTRANK.INC([{n}],[@{n}])")),
        name.clone().prop_map(|n| format!("MIN([@{n}],3)")),
        name.clone().prop_map(|n| format!("IF([@{n}]>=5,1,0)")),
        name.clone().prop_map(|n| format!("1/[@{n}]")),
        // Whole-column arithmetic (the column-at-a-time path): zero
        // divisors, blanks and text in the inputs, -0, MIN/MAX of cells.
        (name.clone(), name.clone()).prop_map(|(n, m)| format!("([@{n}]-[@{m}])/[@{m}]")),
        (name.clone(), name.clone())
            .prop_map(|(n, m)| format!("-[@{n}]%*2.5-[@{n}]/AVERAGE([{m}])")),
        (name.clone(), name.clone()).prop_map(|(n, m)| format!("0*-[@{n}]*MAX([@{m}],-1,[@{n}])")),
        name.prop_map(|n| format!("[@{n}]*1E307*[@{n}]")),
        (0u8..10).prop_map(|v| v.to_string()),
    ];
    prop::collection::vec(term, 1..4).prop_map(|ts| ts.join("+"))
}

fn case_strategy(
) -> impl proptest::strategy::Strategy<Value = (Vec<String>, Vec<(usize, usize, String)>)> {
    use proptest::prelude::*;
    let formulas = (1usize..7).prop_flat_map(|n| {
        (0..n)
            .map(|i| formula_strategy(i).boxed())
            .collect::<Vec<_>>()
    });
    // Small integers make ties; text and blanks are skipped by aggregates.
    let raw = prop_oneof![
        6 => (0u8..10).prop_map(|v| v.to_string()),
        1 => (0u16..1000).prop_map(|v| format!("{}.{}", v / 100, v % 100)),
        1 => Just(String::new()),
        1 => Just("-0".to_string()),
        1 => Just("abc".to_string()),
        1 => Just("1E300".to_string()),
    ];
    let edits = prop::collection::vec((0usize..12, 0usize..3, raw), 1..30);
    (formulas, edits)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// After any sequence of cell edits, the cells computed edit by edit
    /// equal a full recalculation of the same table, bit for bit.
    #[test]
    fn incremental_edits_equal_a_full_recalculation((formulas, edits) in case_strategy()) {
        let rows: Vec<[f64; 3]> = (0..12).map(|i| [(i % 5) as f64, (i * 7 % 11) as f64, 1.0]).collect();
        let named: Vec<(String, String)> = formulas
            .iter()
            .enumerate()
            .map(|(i, f)| (format!("F{i}"), format!("={f}")))
            .collect();
        let refs: Vec<(&str, &str)> = named.iter().map(|(n, f)| (n.as_str(), f.as_str())).collect();
        let mut wb = sheet(&rows, &refs);
        for (i, (row, c, raw)) in edits.iter().enumerate() {
            let col = col(&wb, ["A", "B", "C"][*c]);
            let _ = wb.apply(Command::SetCell { row: *row, col, raw: raw.clone() });
            let mut full = wb.table().clone();
            let calc = formula::compile(&full);
            formula::recalc_all(&mut full, &calc);
            if let Err(e) = same_bits(wb.table(), &full) {
                return Err(proptest::test_runner::TestCaseError::fail(
                    format!("after edit {i} {:?} with {formulas:?}: {e}", (row, c, raw))));
            }
        }
    }
}

/// Cells of `A` for the rank oracle: small integers (ties), ±0, text, blanks.
fn rank_cell_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        6 => (0u8..8).prop_map(|v| v.to_string()),
        2 => (0u16..400).prop_map(|v| format!("{}.{}", v / 100, v % 100)),
        1 => Just("-0".to_string()),
        1 => Just("-3".to_string()),
        1 => Just(String::new()),
        1 => Just("abc".to_string()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 150, ..Default::default() })]

    /// A rank of a column by itself over every row (`RANK.EQ([@A],[A])`,
    /// `PERCENTRANK.INC([A],[@A])`, with an order or significance) is
    /// computed column-wise from the column's kept order; after any edit
    /// sequence every cell equals the per-row evaluation of the same
    /// formula (`formula::eval_formula`, a binary search per row), bit for
    /// bit. Rows of text and blanks take the per-row path.
    #[test]
    fn whole_column_ranks_equal_the_per_row_evaluation(
        start in proptest::collection::vec(rank_cell_strategy(), 1..40),
        edits in proptest::collection::vec((0usize..40, rank_cell_strategy()), 1..25),
    ) {
        let formulas = [
            ("R", "=RANK.EQ([@A],[A])"),
            ("Ra", "=RANK.EQ([@A],[A],1)"),
            ("P", "=PERCENTRANK.INC([A],[@A])"),
            ("P2", "=PERCENTRANK.INC([A],[@A],2)"),
            ("P0", "=PERCENTRANK.INC([A],[@A],0)"),
            // A second column moved by every edit: all its rows change.
            ("D", "=[@A]/AVERAGE([A])"),
            ("RD", "=RANK.EQ([@D],[D])"),
            ("PD", "=PERCENTRANK.INC([D],[@D])"),
            // A rank of one column in another's numbers.
            ("RX", "=RANK.EQ([@D],[A],1)"),
        ];
        let mut tsv = String::from("客服\tA\n");
        for (i, v) in start.iter().enumerate() {
            tsv.push_str(&format!("a{i}\t{v}\n"));
        }
        let mut wb = Workbook::new(import_text(&tsv).table);
        for (name, f) in formulas {
            wb.apply(Command::AddFormulaColumn { name: name.into(), formula: f.into(), unit: Unit::Number }).unwrap();
        }
        let a = col(&wb, "A");
        let n = wb.table().len();
        for (k, (row, raw)) in edits.iter().enumerate() {
            let _ = wb.apply(Command::SetCell { row: row % n, col: a, raw: raw.clone() });
            for (name, f) in formulas {
                let c = col(&wb, name);
                for r in 0..n {
                    let want = formula::calc::value_cell(formula::calc::eval_formula(wb.table(), f, r).unwrap());
                    let got = wb.table().at(r, c);
                    let same = match (got, &want) {
                        (Cell::Number(x), Cell::Number(y)) => x.to_bits() == y.to_bits(),
                        _ => *got == want,
                    };
                    proptest::prop_assert!(same, "after edit {k}: {name} row {r}: {got:?} vs {want:?}");
                }
            }
        }
    }
}

/// Worked by hand: A = 4, 0, blank, abc, 3 and B = 2, 0, 5, 1, 0. The
/// column-at-a-time path gives the plain rows; the rest keep Excel's
/// answers (a blank is 0, text is #VALUE!, a zero divisor #DIV/0!).
#[test]
fn whole_column_arithmetic_keeps_excel_errors_and_blanks() {
    // Numbers on import (a column of text would import as text), then a
    // blank and a text cell typed into the number column A.
    let tsv = "客服\tA\tB\na0\t4\t2\na1\t0\t0\na2\t7\t5\na3\t8\t1\na4\t3\t0\n";
    let mut wb = Workbook::new(import_text(tsv).table);
    let a = col(&wb, "A");
    for (row, raw) in [(2, ""), (3, "abc")] {
        wb.apply(Command::SetCell {
            row,
            col: a,
            raw: raw.into(),
        })
        .unwrap();
    }
    for (name, f) in [
        ("Q", "=[@A]/[@B]"),
        ("M", "=MIN([@A],[@B])*2+1"),
        ("Z", "=0*-[@B]+0*-[@B]"),
        ("V", "=[@B]/AVERAGE([A])-1"),
    ] {
        wb.apply(Command::AddFormulaColumn {
            name: name.into(),
            formula: f.into(),
            unit: Unit::Number,
        })
        .unwrap();
    }
    let t = wb.table();
    let n = Cell::Number;
    let e = Cell::Error;
    use formula::ErrorKind::{Div0, Value};
    let q: Vec<Cell> = vec![n(2.0), e(Div0), n(0.0), e(Value), e(Div0)];
    assert_eq!(t.column_cells(col(&wb, "Q")), q.as_slice());
    // MIN skips a blank cell and a text cell: row 2 is MIN(5) = 5, row 3 MIN(1).
    let m: Vec<Cell> = vec![n(5.0), n(1.0), n(11.0), n(3.0), n(1.0)];
    assert_eq!(t.column_cells(col(&wb, "M")), m.as_slice());
    // 0 × −2 is −0; −0 + −0 stays −0 in IEEE but a result of 0 shows +0.
    for c in t.column_cells(col(&wb, "Z")) {
        assert_eq!(c.number().map(f64::to_bits), Some(0.0f64.to_bits()));
    }
    // AVERAGE(4, 0, 3) = 7/3: B / (7/3) − 1.
    let avg = 7.0 / 3.0;
    let v: Vec<Cell> = [2.0, 0.0, 5.0, 1.0, 0.0]
        .iter()
        .map(|b| n(b / avg - 1.0))
        .collect();
    assert_eq!(t.column_cells(col(&wb, "V")), v.as_slice());
}

/// Numbers from −2 to 1.99 with two decimals.
fn number_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (0i32..400).prop_map(|v| format!("{:.2}", f64::from(v) / 100.0 - 2.0))
}

/// Cells for the arithmetic oracle: numbers (some zero, -0, huge), blanks, text.
fn arith_cell_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        6 => number_strategy(),
        2 => Just("0".to_string()),
        1 => Just("-0".to_string()),
        1 => Just("1E300".to_string()),
        1 => Just(String::new()),
        1 => Just("abc".to_string()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 150, ..Default::default() })]

    /// Whole-column arithmetic is computed a column at a time; after any
    /// edit sequence every cell equals the per-row evaluation of the same
    /// formula (`formula::eval_formula`, the general tree walk), bit for
    /// bit, errors included.
    #[test]
    fn whole_column_arithmetic_equals_the_per_row_evaluation(
        start in proptest::collection::vec((number_strategy(), number_strategy()), 1..30),
        edits in proptest::collection::vec((0usize..30, 0usize..2, arith_cell_strategy()), 1..25),
    ) {
        let formulas = [
            ("Q", "=[@A]/[@B]"),
            ("R", "=[@A]/AVERAGE([B])*100-[@B]%"),
            ("S", "=MIN([@A],1.2)*100*0.2+MAX([@B],[@A],-1)*0.4-[@A]"),
            ("T", "=-[@A]*-[@B]*1E300"),
            ("U", "=0*-[@A]+[@B]/SUM([A])"),
            ("W", "=[@Q]+[@S]*2"),
            ("X", "=1/0+[@A]"),
            ("Y", "=[@A]^2+[@B]"),
        ];
        let mut tsv = String::from("客服\tA\tB\n");
        for (i, (a, b)) in start.iter().enumerate() {
            tsv.push_str(&format!("a{i}\t{a}\t{b}\n"));
        }
        let mut wb = Workbook::new(import_text(&tsv).table);
        for (name, f) in formulas {
            wb.apply(Command::AddFormulaColumn { name: name.into(), formula: f.into(), unit: Unit::Number }).unwrap();
        }
        let n = wb.table().len();
        for (k, (row, c, raw)) in edits.iter().enumerate() {
            let c = col(&wb, ["A", "B"][*c]);
            let _ = wb.apply(Command::SetCell { row: row % n, col: c, raw: raw.clone() });
            for (name, f) in formulas {
                let c = col(&wb, name);
                for r in 0..n {
                    let want = formula::calc::value_cell(formula::calc::eval_formula(wb.table(), f, r).unwrap());
                    let got = wb.table().at(r, c);
                    let same = match (got, &want) {
                        (Cell::Number(x), Cell::Number(y)) => x.to_bits() == y.to_bits(),
                        _ => *got == want,
                    };
                    proptest::prop_assert!(same, "after edit {k}: {name} row {r}: {got:?} vs {want:?}");
                }
            }
        }
    }
}
