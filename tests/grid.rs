//! The spreadsheet grid's model side: a range written as one undo step
//! (`Command::SetRange`: paste, fill down, clear), and a range to and from
//! the clipboard as TSV. Expected values are written out by hand.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::clipboard::{cell_text, from_tsv, to_tsv};
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::model::{Cell, Command, Unit, Workbook};

/// 3 agents × (客服, 询单转化率 %, 客单价 ¥, 两倍 = 客单价 × 2).
fn workbook() -> Workbook {
    let t =
        import_text("客服\t询单转化率\t客单价\n甲\t50%\t100\n乙\t40%\t200\n丙\t30%\t300\n").table;
    let mut wb = Workbook::new(t);
    wb.apply(Command::AddFormulaColumn {
        name: "两倍".into(),
        formula: "[客单价]*2".into(),
        unit: Unit::Number,
    })
    .unwrap();
    wb
}

/// The table as editor texts, row by row.
fn texts(wb: &Workbook) -> Vec<Vec<String>> {
    let t = wb.table();
    (0..t.len())
        .map(|r| {
            (0..t.columns.len())
                .map(|c| t.at(r, c).edit_text(t.columns[c].unit))
                .collect()
        })
        .collect()
}

fn rows(v: &[&[&str]]) -> Vec<Vec<String>> {
    v.iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// Applies `SetRange { rows, col, values }` to the workbook above and checks
/// the table after it, then that one undo gives the table back and one redo
/// the result again.
fn check(target: &[usize], col: usize, values: &[&[&str]], expected: &[&[&str]]) {
    let mut wb = workbook();
    let before = wb.table().clone();
    let history = wb.can_undo();
    wb.apply(Command::SetRange {
        rows: target.to_vec(),
        col,
        values: rows(values),
    })
    .unwrap();
    assert_eq!(texts(&wb), rows(expected), "{target:?} {col} {values:?}");
    assert!(wb.undo().is_some());
    assert_eq!(*wb.table(), before, "one undo restores all: {values:?}");
    assert_eq!(wb.can_undo(), history);
    assert!(wb.redo().is_some());
    assert_eq!(texts(&wb), rows(expected), "redo: {values:?}");
}

#[test]
fn a_range_is_written_as_one_undo_step() {
    // A 2 × 2 paste into rows 0–1 from 询单转化率: parsed like typed cells
    // (45 in a percent column is 45%), the formula column follows.
    check(
        &[0, 1],
        1,
        &[&["45", "150"], &["0.2", "250"]],
        &[
            &["甲", "45%", "150", "300"],
            &["乙", "20%", "250", "500"],
            &["丙", "30%", "300", "600"],
        ],
    );
    // Rows in view order of a sorted view: row 2 then row 0.
    check(
        &[2, 0],
        2,
        &[&["1"], &["2"]],
        &[
            &["甲", "50%", "2", "4"],
            &["乙", "40%", "200", "400"],
            &["丙", "30%", "1", "2"],
        ],
    );
    // Past the last column: dropped; into the formula column: skipped.
    check(
        &[1],
        2,
        &[&["7", "999", "x"]],
        &[
            &["甲", "50%", "100", "200"],
            &["乙", "40%", "7", "14"],
            &["丙", "30%", "300", "600"],
        ],
    );
    // Clearing a range (Delete): empty texts; the formula of an empty cell is 0.
    check(
        &[0, 1, 2],
        1,
        &[&["", ""], &["", ""], &["", ""]],
        &[
            &["甲", "", "", "0"],
            &["乙", "", "", "0"],
            &["丙", "", "", "0"],
        ],
    );
    // More lines than target rows: the rest become new agents at the end.
    check(
        &[2],
        0,
        &[&["丁", "10%"], &["戊", "20%", "50"]],
        &[
            &["甲", "50%", "100", "200"],
            &["乙", "40%", "200", "400"],
            &["丁", "10%", "300", "600"],
            &["戊", "20%", "50", "100"],
        ],
    );
    // Ragged lines leave the missing cells alone.
    check(
        &[0, 1],
        1,
        &[&["1%"], &["2%", "3"]],
        &[
            &["甲", "1%", "100", "200"],
            &["乙", "2%", "3", "6"],
            &["丙", "30%", "300", "600"],
        ],
    );
}

#[test]
fn a_range_outside_the_table_is_refused_and_changes_nothing() {
    for (target, col) in [(vec![3usize], 0usize), (vec![0, 9], 1), (vec![0], 4)] {
        let mut wb = workbook();
        let before = wb.clone();
        let err = wb
            .apply(Command::SetRange {
                rows: target.clone(),
                col,
                values: rows(&[&["1"], &["2"]]),
            })
            .unwrap_err();
        assert_eq!(err.msg, Msg::ErrCellOutOfRange, "{target:?} {col}");
        assert_eq!(wb, before, "{target:?} {col}");
    }
}

#[test]
fn a_large_paste_is_one_step() {
    // 10,000 new agents × 3 columns in one command; one undo removes them all.
    let mut wb = workbook();
    let values: Vec<Vec<String>> = (0..10_000)
        .map(|i| vec![format!("客服{i}"), "50".into(), format!("{i}")])
        .collect();
    wb.apply(Command::SetRange {
        rows: vec![],
        col: 0,
        values,
    })
    .unwrap();
    assert_eq!(wb.table().len(), 10_003);
    assert_eq!(wb.table().at(10_002, 3).edit_text(Unit::Number), "19998");
    wb.undo().unwrap();
    assert_eq!(wb.table().len(), 3);
}

#[test]
fn cells_are_copied_as_excel_reads_them() {
    let cases: &[(Cell, Unit, &str)] = &[
        (Cell::Number(0.3226), Unit::Percent, "32.26%"),
        (Cell::Number(-5.0), Unit::Number, "-5"),
        (Cell::Number(1234.5), Unit::Money, "1234.5"),
        (Cell::Empty, Unit::Number, ""),
        (Cell::Text("张三".into()), Unit::Text, "张三"),
        // Text that Excel would run as a formula keeps an apostrophe.
        (
            Cell::Text("=HYPERLINK(\"x\")".into()),
            Unit::Text,
            "'=HYPERLINK(\"x\")",
        ),
        (Cell::Text("+86 138".into()), Unit::Text, "'+86 138"),
        (Cell::Text("@SUM(A1)".into()), Unit::Text, "'@SUM(A1)"),
        (Cell::Text("-".into()), Unit::Text, "'-"),
    ];
    for (cell, unit, want) in cases {
        assert_eq!(cell_text(cell, *unit), *want, "{cell:?}");
    }
}

#[test]
fn ranges_go_to_tsv_and_back() {
    // (rows, the TSV text, the rows read back from it)
    let cases: &[(&[&[&str]], &str)] = &[
        (&[&["a", "b"], &["1", "2"]], "a\tb\r\n1\t2"),
        (&[&["x"]], "x"),
        (&[&["", ""], &["", "z"]], "\t\r\n\tz"),
        // A tab, a newline or a quote in a cell: quoted as Excel does.
        (&[&["a\tb", "say \"hi\""]], "\"a\tb\"\t\"say \"\"hi\"\"\""),
        (&[&["line1\nline2", "3"]], "\"line1\nline2\"\t3"),
        (&[&["'=1+1", "'-"]], "'=1+1\t'-"),
    ];
    for (rs, tsv) in cases {
        assert_eq!(to_tsv(&rows(rs)), *tsv, "{rs:?}");
    }
    // Reading: the neutralising apostrophe comes off, a trailing newline is
    // no row, a BOM is dropped, Excel's LF-only lines work.
    let reads: &[(&str, &[&[&str]])] = &[
        ("a\tb\r\n1\t2", &[&["a", "b"], &["1", "2"]]),
        ("a\tb\r\n1\t2\r\n", &[&["a", "b"], &["1", "2"]]),
        ("a\tb\n1\t2\n", &[&["a", "b"], &["1", "2"]]),
        ("\u{feff}x", &[&["x"]]),
        ("\"line1\nline2\"\t3", &[&["line1\nline2", "3"]]),
        ("'=1+1\t'-\t'abc", &[&["=1+1", "-", "'abc"]]),
        ("1\n2\t3", &[&["1"], &["2", "3"]]),
        ("", &[]),
    ];
    for (tsv, want) in reads {
        assert_eq!(from_tsv(tsv), rows(want), "{tsv:?}");
    }
}

mod range {
    use super::*;
    use kpi_sandbox::i18n::Lang;
    use kpi_sandbox::io::clipboard::range_texts;
    use kpi_sandbox::model::range::{clear, fill_down, find, stats, Range};

    fn r(r0: usize, c0: usize, r1: usize, c1: usize) -> Range {
        Range { r0, c0, r1, c1 }
    }

    /// View order: sorted by 客单价 descending (丙 300, 乙 200, 甲 100).
    const ORDER: [usize; 3] = [2, 1, 0];

    #[test]
    fn the_status_bar_figures_are_excels() {
        let wb = workbook();
        // (range, count, sum shown, average shown); worked by hand.
        let cases: &[(Range, usize, Option<&str>, Option<&str>)] = &[
            // 客单价 of all: 300 + 200 + 100 = 600, average 200, in ¥.
            (r(0, 2, 2, 2), 3, Some("¥600.00"), Some("¥200.00")),
            // 询单转化率 of 丙, 乙: 30% + 40% = 70%, average 35%.
            (r(0, 1, 1, 1), 2, Some("70.00%"), Some("35.00%")),
            // Mixed units: 30% (0.3) + 300 = 300.3, average 150.15, plain.
            (r(0, 1, 0, 2), 2, Some("300.3"), Some("150.15")),
            // Agent names only: counted, no sum.
            (r(0, 0, 2, 0), 3, None, None),
            // 丙 and 乙, every column: 8 cells, 6 numbers,
            // 0.3 + 300 + 600 + 0.4 + 200 + 400 = 1500.7, average 250.11666….
            (r(0, 0, 1, 3), 8, Some("1,500.7"), Some("250.1167")),
        ];
        for (range, count, sum, avg) in cases {
            let s = stats(wb.table(), &ORDER, *range);
            assert_eq!(s.count, *count, "{range:?}");
            assert_eq!(s.numbers > 0, sum.is_some(), "{range:?}");
            if let (Some(sum), Some(avg)) = (sum, avg) {
                assert_eq!(s.show(s.sum, Lang::Zh), *sum, "{range:?}");
                assert_eq!(s.show(s.average().unwrap(), Lang::Zh), *avg, "{range:?}");
            }
        }
    }

    #[test]
    fn copy_fill_clear_and_find_follow_the_view_order() {
        let mut wb = workbook();
        assert_eq!(
            range_texts(wb.table(), &ORDER, r(0, 0, 1, 2)),
            rows(&[&["丙", "30%", "300"], &["乙", "40%", "200"]])
        );
        // Fill down from 丙's 客单价 into 乙 and 甲.
        let cmd = fill_down(wb.table(), &ORDER, r(0, 2, 2, 2)).unwrap();
        wb.apply(cmd).unwrap();
        assert_eq!(
            range_texts(wb.table(), &[0, 1, 2], r(0, 2, 2, 3)),
            rows(&[&["300", "600"], &["300", "600"], &["300", "600"]])
        );
        // One row: filled from the row above it; the first row has none.
        assert!(fill_down(wb.table(), &ORDER, r(0, 1, 0, 1)).is_none());
        let cmd = fill_down(wb.table(), &ORDER, r(2, 1, 2, 1)).unwrap();
        wb.apply(cmd).unwrap();
        assert_eq!(wb.table().at(0, 1).edit_text(Unit::Percent), "40%");
        // Clear 乙's and 甲's 询单转化率.
        wb.apply(clear(&ORDER, r(1, 1, 2, 1))).unwrap();
        assert_eq!(
            range_texts(wb.table(), &[0, 1, 2], r(0, 1, 2, 1)),
            rows(&[&[""], &[""], &["30%"]])
        );
        // Find: by agent, by shown value, none.
        assert_eq!(find(wb.table(), &ORDER, "乙", Lang::Zh), vec![(1, 0)]);
        assert_eq!(
            find(wb.table(), &ORDER, "600", Lang::Zh),
            vec![(0, 3), (1, 3), (2, 3)]
        );
        assert_eq!(find(wb.table(), &ORDER, "30%", Lang::Zh), vec![(0, 1)]);
        assert!(find(wb.table(), &ORDER, "无此人", Lang::Zh).is_empty());
        assert!(find(wb.table(), &ORDER, "  ", Lang::Zh).is_empty());
    }
}
