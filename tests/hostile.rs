//! The hostile-input corpus (`tests/fixtures/hostile/cases.json`): every case
//! names its entry point, its input and the message key the user must see
//! ("ok" when the input is accepted, perhaps with warnings). For refusals the
//! test also checks that nothing changed: a refused import yields no table
//! to apply, and a refused command leaves the workbook's snapshot equal.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::import::{import_text, ImportResult};
use kpi_sandbox::io::scenario::from_json;
use kpi_sandbox::io::share;
use kpi_sandbox::io::Severity;
use kpi_sandbox::model::payout::PayoutModel;
use kpi_sandbox::model::plan::Plan;
use kpi_sandbox::model::{Command, Unit, Workbook};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    id: String,
    kind: String,
    expect: String,
    input: Option<String>,
    json: Option<serde_json::Value>,
}

fn gbk(bytes: &[u8]) -> Option<String> {
    let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
    (!bad).then(|| text.into_owned())
}

fn generated(token: &str) -> Vec<u8> {
    match token {
        "@empty" => Vec::new(),
        "@50mb" => vec![b'a'; 50 * 1024 * 1024 + 1],
        "@nul" => b"\xe5\xae\xa2\xe6\x9c\x8d\x00\x01\x02".to_vec(),
        "@utf16odd" => {
            let mut b = vec![0xFF, 0xFE];
            for u in "客服昵称\t询单人数\r\n小雨\t12\r\n".encode_utf16() {
                b.extend(u.to_le_bytes());
            }
            b.push(0x41);
            b
        }
        "@5000cols" => {
            let head: Vec<String> = std::iter::once("客服昵称".to_string())
                .chain((0..5000).map(|i| format!("c{i}")))
                .collect();
            let row: Vec<&str> = std::iter::once("小雨")
                .chain((0..5000).map(|_| "1"))
                .collect();
            format!("{}\n{}\n", head.join("\t"), row.join("\t")).into_bytes()
        }
        "@deep" => format!("={}1{}", "(".repeat(5000), ")".repeat(5000)).into_bytes(),
        other => std::fs::read(other).unwrap_or_else(|e| panic!("{other}: {e}")),
    }
}

/// The message of an import: its first error, or "ok" when a table came out.
fn import_outcome(r: &ImportResult) -> String {
    if !r.is_rejected() {
        return "ok".into();
    }
    let first = r
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .expect("a refused import says why");
    key(first.msg)
}

fn key(m: Msg) -> String {
    m.name().to_string()
}

fn outcome(c: &Case) -> String {
    let text = || {
        let raw = c.input.clone().unwrap_or_default();
        if raw.starts_with('@') {
            String::from_utf8(generated(&raw)).unwrap()
        } else {
            raw
        }
    };
    match c.kind.as_str() {
        "paste" => {
            let r = import_text(&text());
            if !r.is_rejected() {
                // Accepted: it applies as one undoable import.
                let mut wb = Workbook::new(demo_table());
                wb.apply(Command::ImportTable(Box::new(r.table.clone())))
                    .unwrap();
                assert!(wb.undo().is_some());
            }
            import_outcome(&r)
        }
        "file" => {
            let name = c.input.clone().unwrap_or_default();
            // The app's path: xlsx by name or signature, else decoded text.
            match kpi_sandbox::io::xlsx::open(&generated(&name), &name, &gbk) {
                Err(refusal) => key(refusal.msg),
                Ok(kpi_sandbox::io::xlsx::Opened::Text(text, _)) => {
                    import_outcome(&import_text(&text))
                }
                Ok(kpi_sandbox::io::xlsx::Opened::Sheets(sheets)) => {
                    let pick = kpi_sandbox::io::xlsx::default_sheet(&sheets);
                    import_outcome(&kpi_sandbox::io::import::import_grid(sheets[pick].grid()))
                }
            }
        }
        "formula" => {
            let mut wb = Workbook::new(demo_table());
            let before = wb.snapshot();
            let r = wb.apply(Command::AddFormulaColumn {
                name: "x".into(),
                formula: text(),
                unit: Unit::Number,
            });
            assert!(
                wb.snapshot() == before,
                "{}: a refused formula changed the workbook",
                c.id
            );
            match r {
                Ok(_) => "ok".into(),
                Err(e) => key(e.msg),
            }
        }
        "plan" => {
            let plan: Plan = serde_json::from_value(c.json.clone().unwrap()).unwrap();
            let issues = plan.validate(&demo_table());
            // Invalid plans are kept and still compute (marked); nothing panics.
            let _ = kpi_sandbox::model::plan::score(&demo_table(), &plan);
            issues
                .iter()
                .find(|i| i.error && key(i.msg) == c.expect)
                .or_else(|| issues.iter().find(|i| i.error))
                .map(|i| key(i.msg))
                .unwrap_or_else(|| "ok".into())
        }
        "payout" => {
            let m: PayoutModel = serde_json::from_value(c.json.clone().unwrap()).unwrap();
            let problems = m.validate();
            let plan = kpi_sandbox::model::plan::template(
                kpi_sandbox::model::plan::Template::PreSales,
                "p",
                "2026-11",
            );
            let t = demo_table();
            let p = kpi_sandbox::model::payout::compute(
                &t,
                &plan,
                &kpi_sandbox::model::plan::score(&t, &plan),
                &m,
            );
            assert!(p.agents.iter().all(|a| a.pay.is_finite()), "{}", c.id);
            problems
                .iter()
                .find(|i| key(i.msg) == c.expect)
                .or(problems.first())
                .map(|i| key(i.msg))
                .unwrap_or_else(|| "ok".into())
        }
        "link" => match share::decode(&text()) {
            Ok(_) => "ok".into(),
            Err(e) => key(e.msg),
        },
        "scenario" => match from_json(&text()) {
            Ok(_) => "ok".into(),
            Err(p) => key(p[0].msg),
        },
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn every_hostile_input_gets_its_message_and_changes_nothing() {
    let cases: Vec<Case> = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/hostile/cases.json").unwrap(),
    )
    .unwrap();
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
    let mut kinds: Vec<&str> = cases.iter().map(|c| c.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    assert_eq!(
        kinds,
        ["file", "formula", "link", "paste", "payout", "plan", "scenario"]
    );
    let mut failures = Vec::new();
    for c in &cases {
        if c.expect != "ok" {
            // The expected key must exist in the text table.
            assert!(
                Msg::ALL.iter().any(|m| m.name() == c.expect),
                "{}: no message {}",
                c.id,
                c.expect
            );
        }
        let got = outcome(c);
        if got != c.expect {
            failures.push(format!("{}: expected {}, got {got}", c.id, c.expect));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
