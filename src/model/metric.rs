//! The metric dictionary: the industry's metrics with their Chinese and English
//! names, the header spellings exports use, unit and direction.
//!
//! Owns: recognising a column header. It must never reject a header it does
//! not know; unknown headers become custom columns (the caller decides).

use super::unit::{Direction, Unit};
use serde::{Deserialize, Serialize};

/// A known metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MetricId {
    Agent,
    Group,
    Consultations,
    Served,
    Inquiries,
    InquiryPaid,
    Conversion,
    Aov,
    Sales,
    RefundRate,
    FirstResponse,
    AvgResponse,
    SlowResponses,
    ReplyRate,
    AnswerRatio,
    Satisfaction,
    BadReviews,
    UpsellRate,
    PayReminderRate,
    Attendance,
    QaScore,
    // Added for the platforms' exports (赤兔, 千牛/生意参谋, 拼多多, 抖店/飞鸽, 京东).
    DirectIn,
    TransferIn,
    TransferOut,
    TotalMessages,
    BuyerMessages,
    AgentMessages,
    AgentChars,
    MaxConcurrent,
    Unreplied,
    LongSessions,
    AvgSessionTime,
    InquiryOrdered,
    OrderToPay,
    NextDayPaid,
    Buyers,
    ItemsPerCustomer,
    OnlineTime,
    HoldTime,
    LostInquiries,
    RefundAmount,
    EvalSendRate,
    Reply3Min,
    Answer30s,
    ServiceScore,
    Orders,
    Dissatisfaction,
    GoodReviews,
    RefundTime,
    DisputeRefundRate,
    InterventionRate,
    QualityRefundRate,
    AfterSalesTime,
    /// The day a row is for (日期), in files that hold several days.
    Date,
}

/// How day files of one month roll up to the month, per agent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rollup {
    /// Counts and amounts add up.
    Sum,
    /// The largest day (最大同时聊天数).
    Max,
    /// Recomputed from its counts: Σ(first present of `num`) ÷ Σ(first present
    /// of `den`); when those are not in the files, averaged like `Weighted`.
    Ratio {
        num: &'static [MetricId],
        den: &'static [MetricId],
        weight: &'static [MetricId],
    },
    /// Averaged over days weighted by the first of these columns present
    /// (e.g. 接待人数); a plain mean when none is.
    Weighted(&'static [MetricId]),
    /// A plain mean over the days with a value (scores).
    Mean,
    /// The number of days the agent appears, or the sum of a per-day column.
    DaysPresent,
    /// Text: the last non-empty value.
    Last,
}

/// A metric's definition.
#[derive(Debug)]
pub struct MetricDef {
    pub id: MetricId,
    /// The industry's Chinese name, shown in the Chinese UI.
    pub zh: &'static str,
    /// The English name.
    pub en: &'static str,
    pub unit: Unit,
    pub direction: Direction,
    /// Other spellings found in exports (compared after [`normalize_header`]).
    pub aliases: &'static [&'static str],
    /// How a month is rolled up from day files.
    pub rollup: Rollup,
}

// The dictionary itself, one entry per metric with every platform's spellings.
mod dictionary;
pub use dictionary::METRICS;

/// What a bracketed hint in a header says about its values: `(分钟)`,
/// `（元）`, `(万元)`, `(%)`…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitHint {
    Seconds,
    Minutes,
    Hours,
    Days,
    Yuan,
    TenThousandYuan,
    Percent,
    Count,
}

impl UnitHint {
    /// The unit a column with this hint holds (canonical: seconds, yuan…).
    pub fn unit(self) -> Unit {
        match self {
            UnitHint::Seconds | UnitHint::Minutes | UnitHint::Hours => Unit::Seconds,
            UnitHint::Days => Unit::Days,
            UnitHint::Yuan | UnitHint::TenThousandYuan => Unit::Money,
            UnitHint::Percent => Unit::Percent,
            UnitHint::Count => Unit::Count,
        }
    }

    /// The decimal scale of bare numbers: bare minutes are ×60, hours ×3600,
    /// 万元 ×10⁴ (as a power of ten, applied exactly).
    pub fn factor(self) -> HintFactor {
        match self {
            UnitHint::Minutes => HintFactor::Times(60.0),
            UnitHint::Hours => HintFactor::Times(3600.0),
            UnitHint::TenThousandYuan => HintFactor::Pow10(4),
            _ => HintFactor::Times(1.0),
        }
    }

    /// The hint as written in a header, for messages.
    pub fn label(self) -> &'static str {
        match self {
            UnitHint::Seconds => "秒",
            UnitHint::Minutes => "分钟",
            UnitHint::Hours => "小时",
            UnitHint::Days => "天",
            UnitHint::Yuan => "元",
            UnitHint::TenThousandYuan => "万元",
            UnitHint::Percent => "%",
            UnitHint::Count => "人",
        }
    }
}

/// How bare numbers of a hinted column are scaled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HintFactor {
    Times(f64),
    Pow10(i32),
}

/// The unit hint in a header's last bracket, if it is one: `首次响应(秒)` →
/// seconds, `平均人工响应时长(分钟)` → minutes, `PC在线时长（时）` → hours.
/// A bracket that is not a unit (`(8-23点)`, `(原咨询人数)`) gives `None`.
pub fn unit_hint(header: &str) -> Option<UnitHint> {
    let n = normalize_header(header);
    let inner = n.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let hint = inner.get(open + 1..)?;
    Some(match hint {
        "秒" | "s" | "sec" | "秒钟" | "seconds" => UnitHint::Seconds,
        "分钟" | "分" | "min" | "mins" | "minutes" => UnitHint::Minutes,
        "时" | "小时" | "h" | "hr" | "hours" => UnitHint::Hours,
        "天" | "日" | "days" => UnitHint::Days,
        "元" | "¥" | "￥" | "rmb" | "cny" => UnitHint::Yuan,
        "万元" | "万" => UnitHint::TenThousandYuan,
        "%" | "％" | "百分比" => UnitHint::Percent,
        "人" | "次" | "个" | "条" | "单" => UnitHint::Count,
        _ => return None,
    })
}

/// Folds a header for comparison: lower case, no spaces, full-width brackets and
/// arrows to ASCII.
pub fn normalize_header(h: &str) -> String {
    h.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '→' => '>',
            '－' => '-',
            '％' => '%',
            '：' => ':',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .replace("->", ">")
        .replace('→', ">")
}

fn names_of(def: &MetricDef) -> impl Iterator<Item = &'static str> + '_ {
    [def.zh, def.en]
        .into_iter()
        .chain(def.aliases.iter().copied())
}

/// The definition of a metric.
pub fn def(id: MetricId) -> Option<&'static MetricDef> {
    METRICS.iter().find(|d| d.id == id)
}

/// Recognises a header. Tries the whole header, then the header without a
/// trailing bracketed unit hint such as `(秒)` or `(%)`.
pub fn lookup_header(header: &str) -> Option<&'static MetricDef> {
    let n = normalize_header(header);
    if n.is_empty() {
        return None;
    }
    let find = |key: &str| {
        METRICS
            .iter()
            .find(|d| names_of(d).any(|name| normalize_header(name) == key))
    };
    if let Some(d) = find(&n) {
        return Some(d);
    }
    let stripped = n
        .strip_suffix(')')
        .and_then(|s| s.rfind('(').and_then(|i| s.get(..i)))
        .unwrap_or("");
    if stripped.is_empty() {
        None
    } else {
        find(stripped)
    }
}

/// A header the user mapped by hand, remembered for the next import in this
/// browser (it travels in the saved workbook).
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderMapping {
    /// The header as it appeared (compared after [`normalize_header`]).
    pub header: String,
    /// The metric it maps to; `None` keeps it a custom column.
    pub metric: Option<MetricId>,
    pub unit: Unit,
}

/// What the importer remembers between imports.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportMemory {
    /// Hand-made header mappings, newest last (one per header).
    pub mappings: Vec<HeaderMapping>,
    /// Whether `店铺:客服` names lose the shop part; `None` until chosen.
    pub drop_shop: Option<bool>,
}

/// Most remembered mappings (the oldest are forgotten first).
pub const MAX_MAPPINGS: usize = 500;

impl ImportMemory {
    /// The remembered mapping of `header`, if any.
    pub fn find(&self, header: &str) -> Option<&HeaderMapping> {
        let n = normalize_header(header);
        if n.is_empty() {
            return None;
        }
        self.mappings
            .iter()
            .rev()
            .find(|m| normalize_header(&m.header) == n)
    }

    /// Remembers `m`, replacing an earlier mapping of the same header.
    pub fn remember(&mut self, m: HeaderMapping) {
        let n = normalize_header(&m.header);
        if n.is_empty() {
            return;
        }
        self.mappings.retain(|o| normalize_header(&o.header) != n);
        self.mappings.push(m);
        if self.mappings.len() > MAX_MAPPINGS {
            let extra = self.mappings.len() - MAX_MAPPINGS;
            self.mappings.drain(..extra);
        }
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.mappings.is_empty() && self.drop_shop.is_none()
    }
}

/// Splits `店铺名:客服名` (千牛/生意参谋 write sub-accounts so) into the shop
/// and the agent; a name without a shop part gives `(None, name)`.
pub fn split_shop(name: &str) -> (Option<&str>, &str) {
    let t = name.trim();
    let at = t
        .char_indices()
        .find(|(_, c)| *c == ':' || *c == '：')
        .map(|(i, c)| (i, c.len_utf8()));
    match at {
        Some((i, len)) => {
            let (shop, rest) = (t.get(..i).unwrap_or(""), t.get(i + len..).unwrap_or(""));
            if shop.trim().is_empty() || rest.trim().is_empty() {
                (None, t)
            } else {
                (Some(shop.trim()), rest.trim())
            }
        }
        None => (None, t),
    }
}

/// The key an agent is matched by across files and sources: without the
/// shop part, spaces removed, full-width letters and digits folded, ASCII
/// lower-cased. `店铺:小雨`, `小雨 ` and `小雨` all give `小雨`.
pub fn agent_key(name: &str) -> String {
    split_shop(name)
        .1
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}
