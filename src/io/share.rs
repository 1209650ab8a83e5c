//! Share links: the workbook (or only its plans and payout models, or
//! everything with agent names replaced) in the URL fragment, so no server
//! ever sees it.
//!
//! Format: `#share=<v>.<data>` where `<v>` is the link version (1) and
//! `<data>` is base64url (no padding, canonical: unused bits must be 0) of a
//! zlib stream (deflate + Adler-32 checksum) followed by the CRC-32 of that
//! stream (4 bytes, little-endian; it catches changes the zlib stream would
//! not, such as its final padding bits), of JSON: the saved format of
//! `io::scenario` for a workbook, or `{"app":"kpi-sandbox","kind":"plans",…}`
//! for plans only. Reading checks each layer and says which one failed; a
//! link that fails changes nothing.

use super::scenario::{from_json, to_json, FileProblem, PayoutModelFile, PlanFile};
use crate::i18n::{Lang, Msg};
use crate::model::workbook::Snapshot;
use crate::model::{Cell, MetricId, Unit};
use serde::{Deserialize, Serialize};

/// The link version this build writes; higher ones are refused.
pub const LINK_VERSION: u32 = 1;
/// The fragment key.
pub const PREFIX: &str = "share=";
/// Links longer than this may be cut off or not made clickable by common
/// chat apps (WeChat, DingTalk, QQ, Slack previews).
pub const CHAT_LIMIT: usize = 2_000;
/// Most bytes a link may inflate to (a guard against zip bombs).
pub const MAX_INFLATED: usize = 20 * 1024 * 1024;

/// What to put in a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every month, plan, payout model, scenario and the QA inputs.
    Everything,
    /// The plans and payout models only (no team data).
    PlansOnly,
    /// Everything, with agent names replaced by 客服01, 客服02… and text
    /// columns other than agent and group removed.
    Anonymous,
}

/// What a link holds (defined with the session, which opens it).
pub use crate::model::session::Shared;

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkError {
    pub msg: Msg,
    pub args: Vec<String>,
    /// For content that does not validate: the first problem, with its path.
    pub problem: Option<FileProblem>,
}

fn err(msg: Msg, args: Vec<String>) -> LinkError {
    LinkError {
        msg,
        args,
        problem: None,
    }
}

/// A "plans only" link: the saved format's own plan and model types.
#[derive(Serialize, Deserialize)]
struct PlansFile {
    app: String,
    kind: String,
    plans: Vec<PlanFile>,
    #[serde(default)]
    payouts: Vec<PayoutModelFile>,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let idx = ((n >> (18 - 6 * i)) & 63) as usize;
            if let Some(c) = ALPHABET.get(idx) {
                out.push(char::from(*c));
            }
        }
    }
    out
}

/// Strict base64url decoding: no padding, no other characters, and the
/// unused low bits of the last character must be 0 (so every text has one
/// meaning and any changed character changes the bytes or is refused).
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let vals: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if vals.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let mut n = 0u32;
        for (i, v) in chunk.iter().enumerate() {
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Bits below the last full byte must be zero.
        let used = 8 * bytes as u32;
        let mask = if used >= 24 {
            0
        } else {
            (1u32 << (24 - used)) - 1
        };
        if n & mask != 0 {
            return None;
        }
        for i in 0..bytes {
            out.push(((n >> (16 - 8 * i)) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The snapshot with agents renamed 客服01… (the same agent gets the same
/// name in every month) and free-text columns other than agent and group removed.
pub fn anonymize(s: &Snapshot) -> Snapshot {
    anonymize_in(s, Lang::Zh)
}

/// [`anonymize`] with the aliases in `lang`: 客服01… or Agent 01….
pub fn anonymize_in(s: &Snapshot, lang: Lang) -> Snapshot {
    let mut names: Vec<String> = Vec::new();
    let current = s.tables.iter().filter(|(m, _)| *m == s.month);
    let others = s.tables.iter().filter(|(m, _)| *m != s.month);
    for (_, t) in current.chain(others) {
        for r in 0..t.len() {
            let n = t.agent_name(r);
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        }
    }
    let width = names.len().to_string().len().max(2);
    let alias = |n: &str| -> Option<String> {
        names
            .iter()
            .position(|x| x == n)
            .map(|i| Msg::AnonAgent.fill(lang, &[format!("{:0width$}", i + 1)]))
    };
    let mut out = s.clone();
    // Remembered mappings are headers, not people; day files are dropped.
    out.days.clear();
    for (_, t) in out.tables.iter_mut() {
        let drop: Vec<usize> = t
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.unit == Unit::Text
                    && !c.is_formula()
                    && !matches!(c.metric, Some(MetricId::Agent | MetricId::Group))
            })
            .map(|(i, _)| i)
            .collect();
        for c in drop.into_iter().rev() {
            t.remove_column(c);
        }
        if let Some(ac) = t.column_of(MetricId::Agent) {
            for r in 0..t.len() {
                let n = t.agent_name(r);
                if let (Some(a), Some(cell)) = (alias(&n), t.cell_mut(r, ac)) {
                    *cell = Cell::Text(a);
                }
            }
        }
    }
    // Confirmed name matches follow the new names; a match naming someone
    // not in the tables is dropped rather than shared.
    out.months_settings.aliases = s
        .months_settings
        .aliases
        .iter()
        .filter_map(|(a, b)| Some((alias(a.trim())?, alias(b.trim())?)))
        .collect();
    for sc in out.scenarios.iter_mut() {
        sc.name = sc
            .name
            .split(' ')
            .map(|w| alias(w).unwrap_or_else(|| w.to_string()))
            .collect::<Vec<_>>()
            .join(" ");
    }
    out
}

/// The fragment (without `#`) for `s` in `scope` (anonymised names in Chinese).
pub fn encode(s: &Snapshot, scope: Scope) -> String {
    encode_in(s, scope, Lang::Zh)
}

/// [`encode`] with anonymised names in `lang` (客服01… or Agent 01…).
pub fn encode_in(s: &Snapshot, scope: Scope, lang: Lang) -> String {
    // Day files stay on this machine: they only serve rolling up later days
    // of a month, would make links long, and carry names and free text.
    let mut s = s.clone();
    s.days.clear();
    let s = &s;
    let json = match scope {
        Scope::Everything => to_json(s),
        Scope::Anonymous => to_json(&anonymize_in(s, lang)),
        Scope::PlansOnly => serde_json::to_string(&PlansFile {
            app: "kpi-sandbox".into(),
            kind: "plans".into(),
            plans: s.plans.iter().map(Into::into).collect(),
            payouts: s.payouts.iter().map(Into::into).collect(),
        })
        .unwrap_or_default(),
    };
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("{PREFIX}{LINK_VERSION}.{}", b64_encode(&seal(packed)))
}

/// `bytes` followed by their CRC-32 (little-endian).
pub fn seal(mut bytes: Vec<u8>) -> Vec<u8> {
    let crc = super::xlsx_write::crc32(&bytes);
    bytes.extend(crc.to_le_bytes());
    bytes
}

/// Reads a fragment (with or without `#`). Every failure says which layer
/// failed: not a link, a newer version, damaged text, damaged data, or
/// content that does not validate (with the path of the first problem).
pub fn decode(fragment: &str) -> Result<Shared, LinkError> {
    let f = fragment.trim().trim_start_matches('#');
    let Some(rest) = f.strip_prefix(PREFIX) else {
        return Err(err(Msg::LinkErrNotLink, Vec::new()));
    };
    let Some((version, data)) = rest.split_once('.') else {
        return Err(err(Msg::LinkErrDamaged, Vec::new()));
    };
    // Only the version as written (`1`): "01" or "+1" would parse to 1 and
    // let a changed link through.
    let parsed = version
        .parse::<u32>()
        .ok()
        .filter(|v| v.to_string() == version);
    match parsed.ok_or(()) {
        Ok(v) if v == LINK_VERSION => {}
        Ok(v) if v > LINK_VERSION => {
            return Err(err(
                Msg::LinkErrFuture,
                vec![v.to_string(), LINK_VERSION.to_string()],
            ))
        }
        _ => return Err(err(Msg::LinkErrDamaged, Vec::new())),
    }
    let sealed = b64_decode(data).ok_or_else(|| err(Msg::LinkErrDamaged, Vec::new()))?;
    let split = sealed
        .len()
        .checked_sub(4)
        .ok_or_else(|| err(Msg::LinkErrCorrupt, Vec::new()))?;
    let (bytes, crc) = sealed.split_at(split);
    if crc != super::xlsx_write::crc32(bytes).to_le_bytes() {
        return Err(err(Msg::LinkErrCorrupt, Vec::new()));
    }
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_INFLATED)
        .map_err(|_| err(Msg::LinkErrCorrupt, Vec::new()))?;
    let text = String::from_utf8(json).map_err(|_| err(Msg::LinkErrCorrupt, Vec::new()))?;
    if text.contains("\"kind\":\"plans\"") {
        let p: PlansFile = serde_json::from_str(&text).map_err(|e| LinkError {
            problem: Some(FileProblem {
                path: String::new(),
                msg: Msg::FileErrShape,
                args: vec![e.to_string()],
            }),
            ..err(Msg::LinkErrContent, Vec::new())
        })?;
        if p.app != "kpi-sandbox" {
            return Err(err(Msg::FileErrNotOurs, Vec::new()));
        }
        if p.plans.len() > crate::model::workbook::MAX_MODELS
            || p.payouts.len() > crate::model::workbook::MAX_MODELS
            || p.plans
                .iter()
                .any(|x| x.items.len() > crate::model::plan::MAX_ITEMS)
        {
            return Err(err(
                Msg::PayErrTooMany,
                vec![crate::model::workbook::MAX_MODELS.to_string()],
            ));
        }
        return Ok(Shared::Plans {
            plans: p.plans.into_iter().map(Into::into).collect(),
            payouts: p.payouts.into_iter().map(Into::into).collect(),
        });
    }
    match from_json(&text) {
        Ok(s) => Ok(Shared::Workbook(Box::new(s))),
        Err(problems) => Err(LinkError {
            problem: problems.into_iter().next(),
            ..err(Msg::LinkErrContent, Vec::new())
        }),
    }
}
