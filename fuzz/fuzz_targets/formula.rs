//! Formulas: parsing, printing and evaluating never panic; a parsed formula
//! prints to text that parses to the same tree.
#![no_main]
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::model::formula::calc::eval_formula;
use kpi_sandbox::model::formula::parse;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static TABLE: OnceLock<kpi_sandbox::model::Table> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if let Ok(ast) = parse(src) {
        let printed = ast.to_string();
        assert_eq!(parse(&printed).ok(), Some(ast), "{printed}");
    }
    let t = TABLE.get_or_init(demo_table);
    let _ = eval_formula(t, src, 0);
});
