//! Long and deep formulas (#14): operator chains of any length parse,
//! evaluate, print, follow renames, travel in saved files and share links,
//! and drop, all on a small stack; true nesting past the limit is refused
//! with a message that names the limit, never a stack overflow.
//!
//! Every check runs on a thread with a 256 KiB stack (the wasm stack is
//! small too), so recursion that creeps back over a chain fails here.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::{Lang, Msg};
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::scenario::{from_json, to_json};
use kpi_sandbox::io::share::{decode, encode, Scope, Shared};
use kpi_sandbox::model::formula::calc::eval_formula;
use kpi_sandbox::model::formula::parser::MAX_NESTING;
use kpi_sandbox::model::formula::{parse, validate, Value};
use kpi_sandbox::model::{Cell, Command, MetricId, Unit, Workbook};

/// Runs `f` on a thread with a 256 KiB stack.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    on_stack(256, f)
}

/// Runs `f` on a thread with a stack of `kib` KiB.
fn on_stack<T: Send + 'static>(kib: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(kib * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap_or_else(|_| panic!("the check panicked (see above)"))
}

/// `first op term op term …` with `n` terms in all.
fn chain(first: &str, op: &str, term: &str, n: usize) -> String {
    let mut s = String::with_capacity(n * (op.len() + term.len()));
    s.push_str(first);
    for _ in 1..n {
        s.push_str(op);
        s.push_str(term);
    }
    s
}

/// Parses, evaluates (row 0 of the demo table), prints and parses again.
fn check(src: String, want: Value) {
    small_stack(move || {
        let e = parse(&src).unwrap();
        let printed = e.to_string();
        assert_eq!(parse(&printed).unwrap(), e, "print → parse round-trips");
        let got = eval_formula(&demo_table(), &src, 0).unwrap();
        assert_eq!(got, want, "{}…", &src[..src.len().min(40)]);
        drop(e);
    });
}

#[test]
fn long_chains_evaluate_left_to_right() {
    for n in [100_000, 1_000_000] {
        // 1 + 1 + … + 1 (n ones) = n.
        check(chain("1", "+", "1", n), Value::Number(n as f64));
    }
    let n = 100_000;
    // 1 - 1 - … - 1 = 1 - (n - 1) = 2 - n (left-associative).
    check(chain("1", "-", "1", n), Value::Number(2.0 - n as f64));
    // 2 ^ 1 ^ 1 … = ((2^1)^1)… = 2: Excel's ^ is left-associative.
    check(chain("2", "^", "1", n), Value::Number(2.0));
    // 2 *2/2 *2/2 … *2: each "*2/2" cancels, the last "*2" doubles: 4.
    check(chain("2", "*2/", "2", n / 2) + "*2", Value::Number(4.0));
    // 1 / 0 / 1 / 1 …: the first error is #DIV/0! and it stays.
    check(
        format!("1/0{}", chain("", "/", "1", n)),
        Value::Error(kpi_sandbox::model::formula::ErrorKind::Div0),
    );
    // "a" & "a" & … : n letters.
    check(chain("\"a\"", "&", "\"a\"", n), Value::Text("a".repeat(n)));
    // 1 = 1 = TRUE = TRUE …: (1=1) is TRUE, TRUE=TRUE is TRUE, and so on.
    check(chain("1=1", "=", "TRUE", n), Value::Bool(true));
    // Column references: 询单人数 of row 0 is 1404 (the demo's first agent).
    check(
        chain("[询单人数]", "+", "[@询单人数]", n),
        Value::Number(1404.0 * n as f64),
    );
    // A chain inside a call and a call in every term.
    check(
        format!("SUM({})", chain("MAX(1,0)", "+", "MIN(1,2)", n)),
        Value::Number(n as f64),
    );
}

/// A formula column of 100,000 terms through the workbook: added, computed,
/// followed by a rename of the column it reads, undone, cloned, saved to a
/// file and a share link and opened again.
#[test]
fn a_long_formula_column_survives_the_workbook_and_its_files() {
    let (snapshot, f, want) = small_stack(|| {
        let n = 100_000;
        let mut wb = Workbook::with_plans(demo_table(), "2026-11", Vec::new());
        let inq = wb.table().column_of(MetricId::Inquiries).unwrap();
        wb.apply(Command::AddFormulaColumn {
            name: "长公式".into(),
            formula: chain("[询单人数]", "+", "1", n),
            unit: Unit::Number,
        })
        .unwrap();
        let f = wb.table().columns.len() - 1;
        // 1404 + (n - 1) ones.
        let want = Cell::Number(1404.0 + (n - 1) as f64);
        assert_eq!(wb.table().at(0, f), &want);
        wb.apply(Command::RenameColumn {
            col: inq,
            name: "询单量".into(),
        })
        .unwrap();
        let text = wb.table().columns[f].formula.clone().unwrap();
        assert!(text.starts_with("[询单量]+1+1"), "{}", &text[..20]);
        assert_eq!(wb.table().at(0, f), &want);
        wb.undo();
        assert!(wb.table().columns[f]
            .formula
            .as_deref()
            .unwrap()
            .starts_with("[询单人数]+1"));
        let copy = wb.clone();
        assert_eq!(copy, wb);
        drop(copy);

        // The saved file.
        let json = to_json(&wb.snapshot());
        let back = Workbook::from_snapshot(from_json(&json).unwrap());
        assert_eq!(back.table().at(0, f), &want);

        (wb.snapshot(), f, want)
    });
    // The share link. Deflating and inflating run on the test's own thread:
    // in a debug build miniz_oxide builds its window tables (hundreds of
    // KiB) on the stack before boxing them; an optimised build does not.
    let link = encode(&snapshot, Scope::Everything);
    assert!(
        link.len() < 20_000,
        "the chain compresses: {} characters",
        link.len()
    );
    let Ok(Shared::Workbook(s)) = decode(&link) else {
        panic!("a workbook link")
    };
    small_stack(move || {
        let opened = Workbook::from_snapshot(*s);
        let t = opened.table();
        let inq = t.column_of(MetricId::Inquiries).unwrap();
        // Every row: its 询单人数 plus 99,999 ones.
        for r in 0..t.len() {
            let x = t.at(r, inq).clone().number().unwrap();
            assert_eq!(t.at(r, f), &Cell::Number(x + 99_999.0), "row {r}");
        }
        assert_eq!(opened.table().at(0, f), &want);
        drop(opened);
    });
}

/// Each kind of nesting, counted the same way: brackets, calls, signs, `%`.
fn nested(kind: &str, levels: usize) -> String {
    match kind {
        "paren" => format!("{}1{}", "(".repeat(levels), ")".repeat(levels)),
        "neg" => format!("{}1", "-".repeat(levels)),
        "plus" => format!("{}1", "+".repeat(levels)),
        "percent" => format!("1{}", "%".repeat(levels)),
        "if" => format!("{}1{}", "IF(TRUE,".repeat(levels), ")".repeat(levels)),
        "abs" => format!("{}0-1{}", "ABS(".repeat(levels), ")".repeat(levels)),
        _ => unreachable!(),
    }
}

#[test]
fn nesting_past_the_limit_is_refused_with_the_limit() {
    assert_eq!(MAX_NESTING, 64);
    on_stack(512, || {
        for kind in ["paren", "neg", "plus", "percent", "if", "abs"] {
            for levels in [MAX_NESTING + 1, 1_000, 100_000] {
                let err = validate(&nested(kind, levels)).unwrap_err();
                assert_eq!(err.msg, Msg::FxErrTooDeep, "{kind} × {levels}");
                assert_eq!(err.args, vec!["64".to_string()]);
            }
        }
        let err = validate(&nested("if", 100)).unwrap_err();
        assert_eq!(
            err.msg.fill(Lang::En, &err.args),
            "The formula is nested too deeply: brackets, functions, signs and % nest at most 64 levels"
        );
        assert_eq!(
            err.msg.fill(Lang::Zh, &err.args),
            "公式嵌套太深：括号、函数、正负号和 % 最多嵌套 64 层"
        );
        // Mixed kinds add up: 40 brackets around 30 minus signs is 70 levels.
        let mixed = format!("{}{}1{}", "(".repeat(40), "-".repeat(30), ")".repeat(40));
        assert_eq!(validate(&mixed).unwrap_err().msg, Msg::FxErrTooDeep);
        // Long chains are not nesting: 100,000 terms in one bracket are fine.
        assert!(validate(&format!("({})", chain("1", "+", "1", 100_000))).is_ok());
    });
}

#[test]
fn nesting_at_the_limit_evaluates() {
    on_stack(512, move || {
        let t = demo_table();
        let at = |kind: &str| eval_formula(&t, &nested(kind, MAX_NESTING), 0).unwrap();
        assert_eq!(at("paren"), Value::Number(1.0));
        // 64 minus signs: an even count, +1.
        assert_eq!(at("neg"), Value::Number(1.0));
        assert_eq!(at("plus"), Value::Number(1.0));
        // 1 / 100^64 = 1e-128.
        match at("percent") {
            Value::Number(x) => assert!((x / 1e-128 - 1.0).abs() < 1e-9, "{x}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(at("if"), Value::Number(1.0));
        assert_eq!(at("abs"), Value::Number(1.0));
    });
    // The worst case for depth: every level steps through all five
    // precedence levels before the next bracket. Each of the 32 levels is
    // "1=1&1+1*1^-(…)": a sign and a bracket, two nesting levels.
    let mut worst = "1".to_string();
    for _ in 0..MAX_NESTING / 2 {
        worst = format!("1=1&1+1*1^-({worst})");
    }
    assert!(validate(&worst).is_ok());
    assert!(
        validate(&format!("({worst})")).is_err(),
        "one more level is refused"
    );
    on_stack(512, move || {
        // Innermost: 1^-(1) = 1, 1*1 = 1, 1+1 = 2, 1&2 = "12", 1="12" is FALSE;
        // the next level out reads -(FALSE) = 0: 1^0 = 1, again "12", FALSE.
        let got = eval_formula(&demo_table(), &worst, 0).unwrap();
        assert_eq!(got, Value::Bool(false));
    });
}
