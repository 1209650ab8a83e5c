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
}

use Direction::{Higher, Lower, Neutral};
use MetricId as M;

/// Every known metric, in the order the demo grid shows them.
pub const METRICS: &[MetricDef] = &[
    MetricDef {
        id: M::Agent,
        zh: "客服昵称",
        en: "Agent",
        unit: Unit::Text,
        direction: Neutral,
        aliases: &[
            "客服",
            "客服(子账号)",
            "子账号",
            "旺旺",
            "客服旺旺",
            "客服名称",
            "客服姓名",
            "姓名",
            "昵称",
            "agent",
            "agent name",
            "name",
            "sub-account",
        ],
    },
    MetricDef {
        id: M::Group,
        zh: "分组",
        en: "Group",
        unit: Unit::Text,
        direction: Neutral,
        aliases: &["组别", "客服分组", "小组", "岗位", "group", "team"],
    },
    MetricDef {
        id: M::Consultations,
        zh: "咨询人数",
        en: "Consultations",
        unit: Unit::Count,
        direction: Neutral,
        aliases: &["consultations", "contacts", "咨询量"],
    },
    MetricDef {
        id: M::Served,
        zh: "接待人数",
        en: "Customers served",
        unit: Unit::Count,
        direction: Neutral,
        aliases: &["接待量", "served", "customers served"],
    },
    MetricDef {
        id: M::Inquiries,
        zh: "询单人数",
        en: "Inquiries",
        unit: Unit::Count,
        direction: Higher,
        aliases: &["询单量", "inquiries", "pre-sales inquiries"],
    },
    MetricDef {
        id: M::InquiryPaid,
        zh: "询单->最终付款人数",
        en: "Inquiries paid",
        unit: Unit::Count,
        direction: Higher,
        aliases: &[
            "询单→最终付款人数",
            "询单-最终付款人数",
            "付款人数",
            "最终付款人数",
            "inquiries paid",
            "paying customers",
        ],
    },
    MetricDef {
        id: M::Conversion,
        zh: "询单转化率",
        en: "Conversion rate",
        unit: Unit::Percent,
        direction: Higher,
        aliases: &[
            "询单->最终付款成功率",
            "询单→最终付款成功率",
            "询单->最终付款转化率",
            "询单最终付款成功率",
            "转化率",
            "conversion rate",
            "conversion",
            "cvr",
        ],
    },
    MetricDef {
        id: M::Aov,
        zh: "客单价",
        en: "AOV",
        unit: Unit::Money,
        direction: Higher,
        aliases: &["客服客单价", "aov", "average order value"],
    },
    MetricDef {
        id: M::Sales,
        zh: "客服销售额",
        en: "Sales",
        unit: Unit::Money,
        direction: Higher,
        aliases: &[
            "销售额",
            "询单->最终付款金额",
            "客服销售金额",
            "sales",
            "agent sales",
            "gmv",
        ],
    },
    MetricDef {
        id: M::RefundRate,
        zh: "退款率",
        en: "Refund rate",
        unit: Unit::Percent,
        direction: Lower,
        aliases: &["退货率", "refund rate", "refunds"],
    },
    MetricDef {
        id: M::FirstResponse,
        zh: "首次响应时间",
        en: "First response (s)",
        unit: Unit::Seconds,
        direction: Lower,
        aliases: &[
            "首次响应",
            "首响",
            "首响时间",
            "平均首次响应时间",
            "首次响应(秒)",
            "first response",
            "first response time",
            "first response (s)",
        ],
    },
    MetricDef {
        id: M::AvgResponse,
        zh: "平均响应时间",
        en: "Average response (s)",
        unit: Unit::Seconds,
        direction: Lower,
        aliases: &[
            "平均响应",
            "平响",
            "平均响应(秒)",
            "average response",
            "avg response",
            "average response time",
            "average response (s)",
        ],
    },
    MetricDef {
        id: M::SlowResponses,
        zh: "慢响应人数",
        en: "Slow responses",
        unit: Unit::Count,
        direction: Lower,
        aliases: &["慢响应", "slow responses"],
    },
    MetricDef {
        id: M::ReplyRate,
        zh: "回复率",
        en: "Reply rate",
        unit: Unit::Percent,
        direction: Higher,
        aliases: &["reply rate", "response rate"],
    },
    MetricDef {
        id: M::AnswerRatio,
        zh: "答问比",
        en: "Answer/question ratio",
        unit: Unit::Ratio,
        direction: Higher,
        aliases: &["answer/question ratio", "answer ratio", "a/q ratio"],
    },
    MetricDef {
        id: M::Satisfaction,
        zh: "客户满意度",
        en: "Satisfaction",
        unit: Unit::Percent,
        direction: Higher,
        aliases: &["客服满意率", "满意度", "满意率", "satisfaction", "csat"],
    },
    MetricDef {
        id: M::BadReviews,
        zh: "中差评数",
        en: "Bad reviews",
        unit: Unit::Count,
        direction: Lower,
        aliases: &["中差评", "差评数", "bad reviews", "negative reviews"],
    },
    MetricDef {
        id: M::UpsellRate,
        zh: "推荐成功率",
        en: "Upsell success",
        unit: Unit::Percent,
        direction: Higher,
        aliases: &["upsell success", "upsell rate"],
    },
    MetricDef {
        id: M::PayReminderRate,
        zh: "催付成功率",
        en: "Payment reminder success",
        unit: Unit::Percent,
        direction: Higher,
        aliases: &["payment reminder success", "reminder success"],
    },
    MetricDef {
        id: M::Attendance,
        zh: "出勤天数",
        en: "Days worked",
        unit: Unit::Days,
        direction: Neutral,
        aliases: &[
            "出勤",
            "出勤天",
            "attendance",
            "days worked",
            "attendance days",
        ],
    },
    MetricDef {
        id: M::QaScore,
        zh: "质检得分",
        en: "QA score",
        unit: Unit::Points,
        direction: Higher,
        aliases: &["质检分", "质检分数", "qa score", "quality score"],
    },
];

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
