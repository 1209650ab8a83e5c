//! Share links: round trips, anonymising, and every way a link can be broken.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::io::demo::demo_table;
use kpi_sandbox::io::import::import_text;
use kpi_sandbox::io::scenario::{from_json, to_json};
use kpi_sandbox::io::share::*;
use kpi_sandbox::model::payout::PayoutModel;
use kpi_sandbox::model::plan::{template, Template};
use kpi_sandbox::model::{Command, Workbook};
use proptest::prelude::*;

fn workbook() -> Workbook {
    let mut wb = Workbook::with_plans(
        demo_table(),
        "2026-11",
        vec![template(Template::PreSales, "售前", "2026-11")],
    )
    .with_payouts(vec![PayoutModel::example("月度奖金")]);
    let oct =
        import_text("客服昵称\t询单转化率\t备注\n小雨\t41.5%\t电话 138\n新人甲\t30%\t\n").table;
    wb.apply(Command::ImportMonth {
        month: "2026-10".into(),
        table: Box::new(oct),
    })
    .unwrap();
    wb.apply(Command::SelectMonth("2026-11".into())).unwrap();
    wb
}

#[test]
fn base64url_matches_rfc_4648_and_is_strict() {
    // RFC 4648 §10 test vectors, without padding.
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(b64_encode(plain.as_bytes()), coded);
        assert_eq!(b64_decode(coded).unwrap(), plain.as_bytes());
    }
    // The URL alphabet: 0xfb 0xff → "-_8".
    assert_eq!(b64_encode(&[0xfb, 0xff]), "-_8");
    // Refused: padding, the standard alphabet's + and /, a lone character,
    // and non-zero unused bits ("Zh" would also read as "f").
    for bad in ["Zg==", "+/8", "Z", "Zh", "Zm9", "Zm9v Yg"] {
        assert_eq!(b64_decode(bad), None, "{bad}");
    }
}

#[test]
fn a_workbook_link_round_trips() {
    let s = workbook().snapshot();
    let link = encode(&s, Scope::Everything);
    assert!(link.starts_with("share=1."));
    assert!(link.len() < to_json(&s).len(), "compressed");
    match decode(&format!("#{link}")).unwrap() {
        Shared::Workbook(back) => assert_eq!(*back, from_json(&to_json(&s)).unwrap()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn plans_only_links_carry_no_team_data() {
    let s = workbook().snapshot();
    let link = encode(&s, Scope::PlansOnly);
    assert!(link.len() < 1_200, "{}", link.len());
    match decode(&link).unwrap() {
        Shared::Plans { plans, payouts } => {
            assert_eq!(plans, s.plans);
            assert_eq!(payouts, s.payouts);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn anonymous_links_rename_agents_consistently() {
    let s = workbook().snapshot();
    let Shared::Workbook(a) = decode(&encode(&s, Scope::Anonymous)).unwrap() else {
        panic!()
    };
    let json = to_json(&a);
    for name in ["小雨", "阿杰", "新人甲", "电话 138"] {
        assert!(!json.contains(name), "{name} leaked");
    }
    let nov = &a.tables.iter().find(|(m, _)| m == "2026-11").unwrap().1;
    let oct = &a.tables.iter().find(|(m, _)| m == "2026-10").unwrap().1;
    // Current month first: 小雨 is 客服01 in both months; 新人甲 (only in
    // October) comes after the 30 November agents.
    assert_eq!(nov.agent_name(0), "客服01");
    assert_eq!(nov.agent_name(29), "客服30");
    assert_eq!(oct.agent_name(0), "客服01");
    assert_eq!(oct.agent_name(1), "客服31");
    // The free-text 备注 column is gone; numbers are untouched.
    assert!(oct.columns.iter().all(|c| c.name != "备注"));
    assert_eq!(nov.len(), 30);
    let conv = nov
        .columns
        .iter()
        .position(|c| c.name == "询单转化率")
        .unwrap();
    assert_eq!(nov.at(2, conv), s.tables[1].1.at(2, conv));
}

#[test]
fn broken_links_say_what_is_wrong() {
    let s = workbook().snapshot();
    let good = encode(&s, Scope::Everything);
    let data = good.strip_prefix("share=1.").unwrap();
    let mut flipped = data.as_bytes().to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] = if flipped[mid] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).unwrap();
    let zlib_of = |text: &str| {
        format!(
            "share=1.{}",
            b64_encode(&seal(miniz_oxide::deflate::compress_to_vec_zlib(
                text.as_bytes(),
                6
            )))
        )
    };
    let cases: Vec<(String, Msg)> = vec![
        ("".into(), Msg::LinkErrNotLink),
        ("#section-2".into(), Msg::LinkErrNotLink),
        (good.replacen("share=1.", "share=2.", 1), Msg::LinkErrFuture),
        (
            good.replacen("share=1.", "share=x.", 1),
            Msg::LinkErrDamaged,
        ),
        ("share=1".into(), Msg::LinkErrDamaged),
        // The version as written only: a digit or sign put before it is a
        // changed link (found by the mutation property below).
        (
            good.replacen("share=1.", "share=01.", 1),
            Msg::LinkErrDamaged,
        ),
        (
            good.replacen("share=1.", "share=+1.", 1),
            Msg::LinkErrDamaged,
        ),
        // Cut off by a chat app: a length no base64 text can have…
        (
            format!("share=1.{}", &data[..(data.len() / 2) / 4 * 4 + 1]),
            Msg::LinkErrDamaged,
        ),
        // …or a whole group short, so the checksum is missing.
        (
            format!("share=1.{}", &data[..(data.len() / 2) / 4 * 4]),
            Msg::LinkErrCorrupt,
        ),
        (
            format!("share=1.{}", &data[..data.len() / 4 * 4 - 4]),
            Msg::LinkErrCorrupt,
        ),
        (format!("share=1.{flipped}"), Msg::LinkErrCorrupt),
        (format!("{good}%20"), Msg::LinkErrDamaged),
        (zlib_of("not json"), Msg::LinkErrContent),
        (
            zlib_of("{\"app\":\"other\",\"version\":1}"),
            Msg::LinkErrContent,
        ),
        (
            zlib_of(&to_json(&s).replace("\"version\":3", "\"version\":7")),
            Msg::LinkErrContent,
        ),
        (
            zlib_of("{\"app\":\"kpi-sandbox\",\"kind\":\"plans\",\"plans\":7}"),
            Msg::LinkErrContent,
        ),
    ];
    for (link, want) in cases {
        let got = decode(&link).map(|_| ()).unwrap_err();
        assert_eq!(
            got.msg,
            want,
            "{} … {}",
            &link[..link.len().min(40)],
            link.len()
        );
    }
    // The content error carries the file problem and its path.
    let e = decode(&zlib_of(
        &to_json(&s).replace("\"version\":3", "\"version\":7"),
    ))
    .unwrap_err();
    assert_eq!(e.problem.unwrap().msg, Msg::FileErrFuture);
    // A zip bomb (30 MB of zeros) is refused, not inflated.
    let bomb = format!(
        "share=1.{}",
        b64_encode(&seal(miniz_oxide::deflate::compress_to_vec_zlib(
            &vec![b' '; 30 << 20],
            9
        )))
    );
    assert!(bomb.len() < 80_000);
    assert_eq!(decode(&bomb).unwrap_err().msg, Msg::LinkErrCorrupt);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any single-character change, deletion or insertion in a valid link
    /// is reported as an error, never accepted and never a panic.
    #[test]
    fn mutated_links_are_always_refused(pos in any::<prop::sample::Index>(), op in 0u8..3, c in prop::sample::select(b"ABCxyz019-_.=%".to_vec())) {
        let good = encode(&workbook().snapshot(), Scope::PlansOnly);
        let mut bytes = good.clone().into_bytes();
        let i = pos.index(bytes.len());
        match op {
            0 => { if bytes[i] == c { return Ok(()); } bytes[i] = c; }
            1 => { bytes.remove(i); }
            _ => { bytes.insert(i, c); }
        }
        let link = String::from_utf8(bytes).unwrap();
        prop_assert!(decode(&link).is_err(), "accepted {link}");
    }

    /// Arbitrary text never panics.
    #[test]
    fn arbitrary_fragments_never_panic(s in ".{0,200}", tail in "[A-Za-z0-9_-]{0,300}") {
        let _ = decode(&s);
        let _ = decode(&format!("share=1.{tail}"));
    }

    /// Workbooks with random months and plans survive the link.
    #[test]
    fn random_workbooks_round_trip(rows in prop::collection::vec(("[a-z]{1,6}", 0.0f64..1.0, 0u32..10_000), 1..20)) {
        let mut tsv = String::from("客服昵称\t询单转化率\t客服销售额\n");
        for (n, c, s) in &rows {
            tsv.push_str(&format!("{n}\t{c}\t{s}\n"));
        }
        let wb = Workbook::with_plans(import_text(&tsv).table, "2026-11", vec![template(Template::AfterSales, "a", "2026-11")]);
        let s = wb.snapshot();
        let Shared::Workbook(back) = decode(&encode(&s, Scope::Everything)).unwrap() else { panic!() };
        prop_assert_eq!(*back, from_json(&to_json(&s)).unwrap());
    }
}
