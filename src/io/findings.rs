//! Reads QA findings (质检记录) from pasted text or a CSV: one finding per
//! row with the agent (客服/客服昵称/被检客服), date (日期/质检日期), item
//! (质检项/扣分项/问题), deduction (扣分/扣分值) and red line (红线/是否红线:
//! 是/否, Y/N, 1/0, TRUE/FALSE, ✓).
//!
//! Never fails as a whole: rows that cannot be read are listed with their
//! line and reason. Headless.

use super::delimited::split;
use crate::model::findings::Finding;
use crate::model::unit::parse_single;
use crate::model::{Parsed, Unit};

/// Why a row was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    NoAgent,
    BadDeduction,
    BadRedLine,
}

/// What a paste gave.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingsRead {
    pub findings: Vec<Finding>,
    /// (1-based source line, reason, the cell's text).
    pub skipped: Vec<(usize, Skip, String)>,
    /// Required headers not found (agent, deduction), as header words.
    pub missing: Vec<&'static str>,
}

const AGENT: &[&str] = &["被检客服", "客服昵称", "客服", "agent", "旺旺"];
const DATE: &[&str] = &["质检日期", "日期", "date", "时间"];
const ITEM: &[&str] = &["质检项", "扣分项", "问题", "项目", "item"];
const DEDUCT: &[&str] = &["扣分值", "扣分", "deduction", "points"];
const RED: &[&str] = &["是否红线", "红线", "red line", "redline"];

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

fn find(header: &[String], words: &[&str]) -> Option<usize> {
    words
        .iter()
        .find_map(|w| header.iter().position(|h| norm(h).contains(w)))
}

fn red_line(raw: &str) -> Option<bool> {
    match norm(raw).as_str() {
        "" | "否" | "n" | "no" | "0" | "false" | "×" | "-" => Some(false),
        "是" | "y" | "yes" | "1" | "true" | "✓" | "√" | "红线" => Some(true),
        _ => None,
    }
}

/// Reads findings; the header is the first row naming an agent and a deduction.
pub fn read_findings(text: &str) -> FindingsRead {
    // Title lines above the header would decide the delimiter: start at the header.
    let from = text
        .split_inclusive('\n')
        .scan(0usize, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l))
        })
        .find(|(_, l)| {
            let l = norm(l);
            AGENT.iter().any(|w| l.contains(w)) && DEDUCT.iter().any(|w| l.contains(w))
        })
        .map(|(start, _)| start)
        .unwrap_or(0);
    let skipped_lines = text.get(..from).map(|t| t.lines().count()).unwrap_or(0);
    let grid = split(text.get(from..).unwrap_or(text));
    let header_at = grid
        .rows
        .iter()
        .position(|(_, r)| find(r, AGENT).is_some() && find(r, DEDUCT).is_some());
    let Some(hi) = header_at else {
        return FindingsRead {
            findings: Vec::new(),
            skipped: Vec::new(),
            missing: vec!["客服", "扣分"],
        };
    };
    let header = grid.rows.get(hi).map(|r| r.1.clone()).unwrap_or_default();
    // The agent column must not be the 红线 or 扣分 one ("客服" also matches "被检客服").
    let agent = find(&header, AGENT);
    let deduct = find(&header, DEDUCT);
    let date = find(&header, DATE);
    let item = find(&header, ITEM);
    let red = find(&header, RED).filter(|c| Some(*c) != deduct);
    let cell = |r: &[String], c: Option<usize>| {
        c.and_then(|c| r.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut findings = Vec::new();
    let mut skipped = Vec::new();
    for (line, r) in grid.rows.iter().skip(hi + 1) {
        let line = &(line + skipped_lines);
        let name = cell(r, agent);
        if name.is_empty() {
            skipped.push((*line, Skip::NoAgent, String::new()));
            continue;
        }
        let raw = cell(r, deduct);
        let deduction = match parse_single(raw.trim_start_matches('-'), Unit::Number) {
            Parsed::Number(v) if v >= 0.0 && v.is_finite() => v,
            Parsed::Missing => 0.0,
            _ => {
                skipped.push((*line, Skip::BadDeduction, raw));
                continue;
            }
        };
        let red_raw = cell(r, red);
        let Some(red_line) = red_line(&red_raw) else {
            skipped.push((*line, Skip::BadRedLine, red_raw));
            continue;
        };
        findings.push(Finding {
            agent: name,
            date: cell(r, date),
            item: cell(r, item),
            deduction,
            red_line,
        });
    }
    FindingsRead {
        findings,
        skipped,
        missing: Vec::new(),
    }
}

/// `(agent, score)` per chat.
pub type ChatScores = Vec<(String, f64)>;

/// Per-chat QA scores read from a paste: `(agent, score)` pairs, and the
/// rows skipped (line, the score's text). Header: 客服 … and 得分/分数/质检分.
pub fn read_chat_scores(text: &str) -> (ChatScores, Vec<(usize, String)>) {
    const SCORE: &[&str] = &["质检得分", "得分", "分数", "质检分", "score"];
    let grid = split(text);
    let Some(hi) = grid
        .rows
        .iter()
        .position(|(_, r)| find(r, AGENT).is_some() && find(r, SCORE).is_some())
    else {
        return (Vec::new(), Vec::new());
    };
    let header = grid.rows.get(hi).map(|r| r.1.clone()).unwrap_or_default();
    let (agent, score) = (find(&header, AGENT), find(&header, SCORE));
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for (line, r) in grid.rows.iter().skip(hi + 1) {
        let name = agent
            .and_then(|c| r.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        let raw = score
            .and_then(|c| r.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        match parse_single(&raw, Unit::Points) {
            Parsed::Number(v) if !name.is_empty() && v.is_finite() => out.push((name, v)),
            _ => skipped.push((*line, raw)),
        }
    }
    (out, skipped)
}
