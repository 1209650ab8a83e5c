//! Old Excel `.xls` and OpenDocument `.ods` workbooks read by the worker's
//! reader (`io::sheets`, calamine): cell texts, routing by name and
//! signature, refusals, and no panic on damaged bytes.
//! Fixtures come from scripts/gen_sheets.py (xlwt, odfpy); the expected
//! texts below are worked out by hand from what the generator writes
//! (and the .xls was cross-read with xlrd): 27 s stored as 27/86400 of a day
//! in an `hh:mm:ss` cell is `0:00:27`; 2026-11-30 is serial 46356; 30 h 5 min
//! in `[h]:mm:ss` is `30:05:00`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::import::import_grid;
use kpi_sandbox::io::sheets::{answer, kind_of, parse_reply, read, Kind, Reply};
use kpi_sandbox::io::xlsx::{default_sheet, Sheet};
use kpi_sandbox::model::Cell;
use proptest::prelude::*;

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/imports/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

type Rows<'a> = &'a [(usize, &'a [&'a str])];
type Book = Vec<(String, Vec<(usize, Vec<String>)>)>;

/// The workbook `file` reads as `expected`: (sheet name, rows).
fn check(file: &str, expected: &[(&str, Rows)]) {
    let sheets = read(&bytes(file), file).unwrap_or_else(|r| panic!("{file}: {r:?}"));
    let got: Book = sheets.into_iter().map(|s| (s.name, s.rows)).collect();
    let want: Book = expected
        .iter()
        .map(|(name, rows)| {
            (
                name.to_string(),
                rows.iter()
                    .map(|(n, cells)| (*n, cells.iter().map(|c| c.to_string()).collect()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(got, want, "{file}");
}

const TITLE: &str = "赤兔名品 · 客服绩效报表（2026-11-01 ~ 2026-11-30）";
const HEADER: &[&str] = &[
    "客服昵称",
    "分组",
    "询单人数",
    "询单->最终付款成功率",
    "客服销售额",
    "平均响应时间",
    "首次响应时间(秒)",
    "统计日期",
    "客服满意率",
];

#[test]
fn chitu_xls_cell_texts() {
    check(
        "chitu.xls",
        &[
            (
                "客服绩效",
                &[
                    (1, &[TITLE]),
                    (2, HEADER),
                    (
                        3,
                        &[
                            "小雨",
                            "售前",
                            "1404",
                            "0.3226",
                            "113919.41",
                            "0:00:27",
                            "30.1",
                            "2026-11-30",
                            "0.9683",
                        ],
                    ),
                    (
                        4,
                        &[
                            "阿杰",
                            "售前",
                            "1289",
                            "0.3002",
                            "46460.71",
                            "0:01:05",
                            "39.5",
                            "2026-11-30",
                            "延迟统计",
                        ],
                    ),
                    (
                        5,
                        &[
                            "南风",
                            "售后",
                            "87",
                            "0.3218",
                            "5138.01",
                            "0:00:41.500",
                            "41.3",
                            "2026-11-30",
                            "#N/A",
                        ],
                    ),
                    (6, &["汇总", "", "2780", "0.3126", "165518.13"]),
                ],
            ),
            (
                "说明",
                &[
                    (1, &["导出时间", "2026-12-01 09:30:15"]),
                    (2, &["在线总时长", "30:05:00"]),
                    (3, &["已审核", "TRUE"]),
                    (4, &["平均值", "#DIV/0!"]),
                    (6, &["", "", "", "备注"]),
                ],
            ),
        ],
    );
}

#[test]
fn chitu_ods_cell_texts() {
    check(
        "chitu.ods",
        &[
            (
                "客服绩效",
                &[
                    (1, &[TITLE]),
                    (2, HEADER),
                    (
                        3,
                        &[
                            "小雨",
                            "售前",
                            "1404",
                            "0.3226",
                            "113919.41",
                            "0:00:27",
                            "30.1",
                            "2026-11-30",
                            "0.9683",
                        ],
                    ),
                    (
                        4,
                        &[
                            "阿杰",
                            "售前",
                            "1289",
                            "0.3002",
                            "46460.71",
                            "0:01:05",
                            "39.5",
                            "2026-11-30",
                            "延迟统计",
                        ],
                    ),
                    (
                        5,
                        &[
                            "南风",
                            "售后",
                            "87",
                            "0.3218",
                            "5138.01",
                            "0:00:41.500",
                            "41.3",
                            "2026-11-30",
                            "#N/A",
                        ],
                    ),
                    (6, &["汇总", "", "2780", "0.3126", "165518.13"]),
                ],
            ),
            (
                "说明",
                &[
                    (1, &["导出时间", "2026-12-01 09:30:15"]),
                    (2, &["在线总时长", "30:05:00"]),
                    (3, &["已审核", "TRUE"]),
                ],
            ),
        ],
    );
}

#[test]
fn xls_imports_like_xlsx() {
    let sheets = read(&bytes("chitu.xls"), "chitu.xls").unwrap();
    assert_eq!(default_sheet(&sheets), 0);
    let r = import_grid(sheets[0].grid());
    assert!(!r.is_rejected(), "{:?}", r.diagnostics);
    assert_eq!(r.table.len(), 3, "title row skipped, 汇总 dropped");
    assert_eq!(
        r.dropped,
        vec![(6, "汇总".to_string())],
        "Excel row numbers"
    );
    let t = &r.table;
    let col = |n: &str| t.columns.iter().position(|c| c.name == n).unwrap();
    assert_eq!(t.agent_name(0), "小雨");
    assert_eq!(t.agent_name(2), "南风");
    assert_eq!(t.at(0, col("询单人数")).number(), Some(1404.0));
    assert_eq!(t.at(1, col("客服销售额")).number(), Some(46_460.71));
    // 0:00:27 in a response-time column reads as 27 seconds; 41.5 s keeps its half.
    assert_eq!(t.at(0, col("平均响应时间")).number(), Some(27.0));
    assert_eq!(t.at(2, col("平均响应时间")).number(), Some(41.5));
    assert_eq!(t.at(2, col("客服满意率")), &Cell::Empty, "#N/A is missing");
}

#[test]
fn routing_by_signature_and_name() {
    let xls = bytes("chitu.xls");
    let ods = bytes("chitu.ods");
    let cases: &[(&[u8], &str, Option<Kind>)] = &[
        (&xls, "chitu.xls", Some(Kind::Xls)),
        (&xls, "export", Some(Kind::Xls)),
        (&xls, "renamed.csv", Some(Kind::Xls)),
        (&ods, "chitu.ods", Some(Kind::Ods)),
        (&ods, "export.zip", Some(Kind::Ods)),
        (b"abc", "OLD.XLS", Some(Kind::Xls)),
        (b"abc", "book.ODS", Some(Kind::Ods)),
        // An OLE file named .xlsx is an encrypted xlsx: the xlsx reader refuses it.
        (&xls, "secret.xlsx", None),
        (b"PK\x03\x04rest", "book.xlsx", None),
        (b"a,b\n1,2\n", "data.csv", None),
    ];
    for (b, name, want) in cases {
        assert_eq!(kind_of(b, name), *want, "{name}");
    }
}

#[test]
fn refusals_say_why() {
    let cases: &[(&str, Msg)] = &[
        ("password.xls", Msg::ImpErrXlsPassword),
        ("truncated.xls", Msg::ImpErrXlsCorrupt),
        ("old.xls", Msg::ImpErrXlsCorrupt),
        ("truncated.ods", Msg::ImpErrOdsCorrupt),
        // An encrypted .xlsx (an OLE container) opened as .xls.
        ("password.xlsx", Msg::ImpErrXlsCorrupt),
    ];
    for (file, msg) in cases {
        let got = read(&bytes(file), &file.replace(".xlsx", ".xls"));
        assert_eq!(got.map(|_| ()).unwrap_err().msg, *msg, "{file}");
    }
    assert_eq!(read(b"", "a.xls").unwrap_err().msg, Msg::ErrEmptyInput);
    // Every refusal has its text in both languages, and corrupt ones say where.
    for m in [
        Msg::ImpErrXlsPassword,
        Msg::ImpErrXlsCorrupt,
        Msg::ImpErrOdsCorrupt,
        Msg::ImpErrOdsPassword,
        Msg::WorkerStartFailed,
        Msg::WorkerDied,
    ] {
        for lang in kpi_sandbox::i18n::Lang::ALL {
            assert!(!m.text(lang).is_empty());
        }
    }
    let r = read(&bytes("truncated.xls"), "truncated.xls").unwrap_err();
    assert_eq!(r.args.len(), 1);
    assert!(!r.args[0].is_empty());
}

#[test]
fn encrypted_ooxml_in_ole_says_password() {
    // A real encrypted xlsx names the stream EncryptedPackage in its OLE
    // directory (UTF-16LE); opened as .xls it gets the xlsx password message.
    let mut b = bytes("password.xlsx");
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    b.extend_from_slice(&name);
    assert_eq!(
        read(&b, "secret.xls").unwrap_err().msg,
        Msg::ImpErrXlsxPassword
    );
}

#[test]
fn wire_round_trip() {
    use kpi_sandbox::io::decode::Refusal;
    use kpi_sandbox::io::sheets::reply_text;
    let file = bytes("chitu.xls");
    let (id, got) = parse_reply(&answer(7, &file, "chitu.xls")).unwrap();
    assert_eq!(id, 7);
    let want: Vec<Sheet> = read(&file, "chitu.xls").unwrap();
    assert_eq!(got.unwrap(), want);
    let (id, got) = parse_reply(&answer(8, &bytes("password.xls"), "p.xls")).unwrap();
    assert_eq!(id, 8);
    assert_eq!(got.unwrap_err().msg, Msg::ImpErrXlsPassword);
    // Cells with the CSV's own characters, empty names, refusal arguments.
    let odd = vec![
        Sheet {
            name: String::new(),
            rows: vec![(
                3,
                vec![
                    "a,b".into(),
                    "\"q\"".into(),
                    "多\n行".into(),
                    String::new(),
                    "x".into(),
                ],
            )],
        },
        Sheet {
            name: "#".into(),
            rows: vec![
                (1, vec!["#".into()]),
                (1_048_576, vec!["".into(), "末".into()]),
            ],
        },
    ];
    let (_, got) = parse_reply(&reply_text(1, &Reply::Sheets(odd.clone()))).unwrap();
    assert_eq!(got.unwrap(), odd);
    let refusal = Refusal {
        msg: Msg::ImpErrOdsCorrupt,
        args: vec!["zip, \"x\"".into()],
    };
    let (_, got) = parse_reply(&reply_text(2, &Reply::Refused(refusal.clone()))).unwrap();
    assert_eq!(got.unwrap_err(), refusal);
    let (id, got) = parse_reply(&reply_text(9, &Reply::Panicked("boom".into()))).unwrap();
    assert_eq!(id, 9);
    let r = got.unwrap_err();
    assert_eq!((r.msg, r.args), (Msg::WorkerDied, vec!["boom".to_string()]));
    for bad in [
        "ready",
        "",
        "1,X\n",
        "x,S\n",
        "1,S\n5,a\n",
        "1,F\n99999,a\n",
    ] {
        assert!(parse_reply(bad).is_none(), "{bad:?}");
    }
}

/// Every truncation of both fixtures (an interrupted download) reads or is
/// refused by calamine's own errors: none reaches `read`'s panic guard
/// (whose refusal says "reader stopped").
#[test]
fn every_truncation_is_read_or_refused() {
    for (file, name, msg) in [
        ("chitu.xls", "x.xls", Msg::ImpErrXlsCorrupt),
        ("chitu.ods", "x.ods", Msg::ImpErrOdsCorrupt),
    ] {
        let b = bytes(file);
        let mut refused = 0;
        for cut in 1..b.len() {
            if let Err(r) = read(&b[..cut], name) {
                assert_eq!(r.msg, msg, "{file} cut at {cut}");
                assert_ne!(r.args, ["reader stopped"], "{file} cut at {cut}: a panic");
                refused += 1;
            }
        }
        assert!(refused > b.len() / 2, "{file}: most cuts lose data");
    }
}

/// A record calamine trips on (its reader panics): refused as damaged.
#[test]
fn reader_panic_is_a_refusal() {
    let r = read(&bytes("bad_dimensions.xls"), "bad_dimensions.xls").unwrap_err();
    assert_eq!(r.msg, Msg::ImpErrXlsCorrupt);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Mutated and truncated .ods bytes never panic: they read or are refused.
    /// (.xls is not mutated here: calamine follows a looping sector chain of
    /// a crafted compound file until memory runs out, which only the worker's
    /// isolation contains; see tests/e2e/xls.test.mjs.)
    #[test]
    fn damaged_ods_never_panics(
        cut in 0.0f64..1.0,
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
    ) {
        let mut b = bytes("chitu.ods");
        for (at, v) in flips {
            let i = ((b.len() - 1) as f64 * at) as usize;
            b[i] = v;
        }
        b.truncate(((b.len() as f64) * cut) as usize + 1);
        let _ = read(&b, "x.ods");
    }
}

#[test]
fn title_rows_above_the_header() {
    use kpi_sandbox::io::import::import_text;
    // (pasted text, agents, title rows skipped)
    let cases: &[(&str, usize, usize)] = &[
        ("赤兔 客服绩效\n客服昵称\t询单人数\n小雨\t10\n", 1, 1),
        ("报表\n2026-11\n客服昵称\t询单人数\n小雨\t10\n", 1, 2),
        // One column: its header is one cell, not a title.
        ("客服昵称\n小雨\n阿杰\n", 2, 0),
        // A known header in the lone cell is a header.
        ("客服昵称\n小雨\t10\n", 1, 0),
    ];
    for (text, agents, skipped) in cases {
        let r = import_text(text);
        assert_eq!(r.table.len(), *agents, "{text:?}");
        // The header is found below the rows skipped (see import::detect_header).
        assert_eq!(r.header_index, *skipped, "{text:?}");
    }
}
