//! Native benchmarks of the headless core (`make bench`). Figures go to
//! BENCHMARKS.md. Run: `cargo bench --bench core`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    divan::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// A 10,000-agent × 30-column export as Excel would copy it, built from the
/// demo team's rows with varied names and values.
#[cfg(not(target_arch = "wasm32"))]
fn big_tsv(agents: usize) -> String {
    use kpi_sandbox::io::demo::DEMO_TSV;
    let mut lines = DEMO_TSV.lines();
    let header = lines.next().unwrap_or("");
    let body: Vec<&str> = lines.collect();
    let extra: Vec<String> = (0..11).map(|i| format!("自定义{i}")).collect();
    let mut out = format!("{header}\t{}\n", extra.join("\t"));
    for i in 0..agents {
        let src = body[i % body.len()];
        let mut cells: Vec<String> = src.split('\t').map(str::to_string).collect();
        cells[0] = format!("客服{i:05}");
        out.push_str(&cells.join("\t"));
        for j in 0..11 {
            out.push_str(&format!("\t{}.{}%", (i * 7 + j * 13) % 100, j));
        }
        out.push('\n');
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
mod benches {
    use kpi_sandbox::io::import::import_text;
    use kpi_sandbox::model::{Command, Workbook};

    #[divan::bench]
    fn import_tsv_10k_x_30(bencher: divan::Bencher) {
        let text = super::big_tsv(10_000);
        bencher.bench(|| import_text(divan::black_box(&text)));
    }

    #[divan::bench]
    fn sort_10k_by_conversion(bencher: divan::Bencher) {
        let table = import_text(&super::big_tsv(10_000)).table;
        bencher.bench(|| table.sorted_order(divan::black_box(6), false));
    }

    #[divan::bench]
    fn edit_one_cell_10k(bencher: divan::Bencher) {
        let mut wb = Workbook::new(import_text(&super::big_tsv(10_000)).table);
        let mut i = 0usize;
        bencher.bench_local(|| {
            i += 1;
            wb.apply(Command::SetCell {
                row: i % 10_000,
                col: 6,
                raw: format!("{}%", i % 100),
            })
        });
    }
}
