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

use Direction::{Higher, Lower, Neutral};
use MetricId as M;

const BY_SERVED: Rollup = Rollup::Weighted(&[M::Served, M::Consultations, M::Inquiries]);

const fn def_(
    id: MetricId,
    zh: &'static str,
    en: &'static str,
    unit: Unit,
    direction: Direction,
    aliases: &'static [&'static str],
    rollup: Rollup,
) -> MetricDef {
    MetricDef {
        id,
        zh,
        en,
        unit,
        direction,
        aliases,
        rollup,
    }
}

/// Every known metric, in the order the demo grid shows them, then the
/// platforms' further metrics.
pub const METRICS: &[MetricDef] = &[
    def_(
        M::Agent,
        "客服昵称",
        "Agent",
        Unit::Text,
        Neutral,
        &[
            "客服",
            "客服(子账号)",
            "子账号",
            "旺旺",
            "客服旺旺",
            "旺旺昵称",
            "旺旺名",
            "客服名称",
            "客服姓名",
            "客服账号",
            "客服帐号",
            "账户名",
            "帐户名",
            "账号名称",
            "帐号名称",
            "账号",
            "姓名",
            "昵称",
            "agent",
            "agent name",
            "name",
            "sub-account",
            "account",
        ],
        Rollup::Last,
    ),
    def_(
        M::Group,
        "分组",
        "Group",
        Unit::Text,
        Neutral,
        &[
            "组别",
            "客服分组",
            "旺旺分组",
            "技能组",
            "小组",
            "岗位",
            "group",
            "team",
            "skill group",
        ],
        Rollup::Last,
    ),
    def_(
        M::Consultations,
        "咨询人数",
        "Consultations",
        Unit::Count,
        Neutral,
        &[
            "聊天人数",
            "聊天人数(原咨询人数)",
            "咨询量",
            "consultations",
            "contacts",
            "chats",
        ],
        Rollup::Sum,
    ),
    def_(
        M::Served,
        "接待人数",
        "Customers served",
        Unit::Count,
        Neutral,
        &[
            "接待量",
            "有效接待人数",
            "人工已接待人数",
            "人工接待人数",
            "served",
            "customers served",
        ],
        Rollup::Sum,
    ),
    def_(
        M::Inquiries,
        "询单人数",
        "Inquiries",
        Unit::Count,
        Higher,
        &["询单量", "当日询单人数", "inquiries", "pre-sales inquiries"],
        Rollup::Sum,
    ),
    def_(
        M::InquiryPaid,
        "询单->最终付款人数",
        "Inquiries paid",
        Unit::Count,
        Higher,
        &[
            "询单→最终付款人数",
            "询单-最终付款人数",
            "询单最终付款人数",
            "付款人数",
            "最终付款人数",
            "inquiries paid",
            "paying customers",
        ],
        Rollup::Sum,
    ),
    def_(
        M::Conversion,
        "询单转化率",
        "Conversion rate",
        Unit::Percent,
        Higher,
        &[
            "询单->最终付款成功率",
            "询单→最终付款成功率",
            "询单->最终付款转化率",
            "询单最终付款转化率",
            "询单最终付款成功率",
            "询单转化",
            "转化率",
            "conversion rate",
            "conversion",
            "cvr",
        ],
        Rollup::Ratio {
            num: &[M::InquiryPaid],
            den: &[M::Inquiries],
            weight: &[M::Inquiries, M::Served],
        },
    ),
    def_(
        M::Aov,
        "客单价",
        "AOV",
        Unit::Money,
        Higher,
        &["客服客单价", "aov", "average order value"],
        Rollup::Ratio {
            num: &[M::Sales],
            den: &[M::Buyers, M::InquiryPaid],
            weight: &[M::Buyers, M::InquiryPaid, M::Served],
        },
    ),
    def_(
        M::Sales,
        "客服销售额",
        "Sales",
        Unit::Money,
        Higher,
        &[
            "销售额",
            "询单->最终付款金额",
            "客服销售金额",
            "净销售额",
            "去退销售额",
            "促成下单商品金额",
            "sales",
            "agent sales",
            "net sales",
            "gmv",
        ],
        Rollup::Sum,
    ),
    def_(
        M::RefundRate,
        "退款率",
        "Refund rate",
        Unit::Percent,
        Lower,
        &["退货率", "refund rate", "refunds"],
        Rollup::Weighted(&[M::Sales]),
    ),
    def_(
        M::FirstResponse,
        "首次响应时间",
        "First response (s)",
        Unit::Seconds,
        Lower,
        &[
            "首次响应",
            "首响",
            "首响时间",
            "平均首次响应时间",
            "首次平均响应时间",
            "首次响应时长",
            "首次响应(秒)",
            "first response",
            "first response time",
            "first response (s)",
        ],
        BY_SERVED,
    ),
    def_(
        M::AvgResponse,
        "平均响应时间",
        "Average response (s)",
        Unit::Seconds,
        Lower,
        &[
            "平均响应",
            "平响",
            "平均响应时长",
            "平均人工响应时长",
            "平均响应(秒)",
            "average response",
            "avg response",
            "average response time",
            "average response (s)",
        ],
        BY_SERVED,
    ),
    def_(
        M::SlowResponses,
        "慢响应人数",
        "Slow responses",
        Unit::Count,
        Lower,
        &["慢响应", "慢接待人数", "slow responses"],
        Rollup::Sum,
    ),
    def_(
        M::ReplyRate,
        "回复率",
        "Reply rate",
        Unit::Percent,
        Higher,
        &["旺旺回复率", "reply rate", "response rate"],
        BY_SERVED,
    ),
    def_(
        M::AnswerRatio,
        "答问比",
        "Answer/question ratio",
        Unit::Ratio,
        Higher,
        &[
            "客服答问比",
            "淘宝答问比",
            "answer/question ratio",
            "answer ratio",
            "a/q ratio",
        ],
        Rollup::Ratio {
            num: &[M::AgentMessages],
            den: &[M::BuyerMessages],
            weight: &[M::Served, M::Consultations],
        },
    ),
    def_(
        M::Satisfaction,
        "客户满意度",
        "Satisfaction",
        Unit::Percent,
        Higher,
        &[
            "客服满意率",
            "客户满意率",
            "客户满意比",
            "满意度",
            "满意率",
            "satisfaction",
            "csat",
        ],
        BY_SERVED,
    ),
    def_(
        M::BadReviews,
        "中差评数",
        "Bad reviews",
        Unit::Count,
        Lower,
        &[
            "中差评",
            "差评数",
            "差评量",
            "bad reviews",
            "negative reviews",
        ],
        Rollup::Sum,
    ),
    def_(
        M::UpsellRate,
        "推荐成功率",
        "Upsell success",
        Unit::Percent,
        Higher,
        &["upsell success", "upsell rate"],
        BY_SERVED,
    ),
    def_(
        M::PayReminderRate,
        "催付成功率",
        "Payment reminder success",
        Unit::Percent,
        Higher,
        &["payment reminder success", "reminder success"],
        BY_SERVED,
    ),
    def_(
        M::Attendance,
        "出勤天数",
        "Days worked",
        Unit::Days,
        Neutral,
        &[
            "出勤",
            "出勤天",
            "上班天数",
            "attendance",
            "days worked",
            "attendance days",
        ],
        Rollup::DaysPresent,
    ),
    def_(
        M::QaScore,
        "质检得分",
        "QA score",
        Unit::Points,
        Higher,
        &["质检分", "质检分数", "qa score", "quality score"],
        Rollup::Mean,
    ),
    def_(
        M::DirectIn,
        "直接接入人数",
        "Direct chats",
        Unit::Count,
        Neutral,
        &["direct chats"],
        Rollup::Sum,
    ),
    def_(
        M::TransferIn,
        "转发接入人数",
        "Chats transferred in",
        Unit::Count,
        Neutral,
        &["转入人数", "chats transferred in"],
        Rollup::Sum,
    ),
    def_(
        M::TransferOut,
        "转出人数",
        "Chats transferred out",
        Unit::Count,
        Lower,
        &["chats transferred out"],
        Rollup::Sum,
    ),
    def_(
        M::TotalMessages,
        "总消息数",
        "Messages",
        Unit::Count,
        Neutral,
        &["messages", "total messages"],
        Rollup::Sum,
    ),
    def_(
        M::BuyerMessages,
        "买家消息数",
        "Customer messages",
        Unit::Count,
        Neutral,
        &["customer messages", "buyer messages"],
        Rollup::Sum,
    ),
    def_(
        M::AgentMessages,
        "客服消息数",
        "Agent messages",
        Unit::Count,
        Neutral,
        &["agent messages"],
        Rollup::Sum,
    ),
    def_(
        M::AgentChars,
        "客服字数",
        "Characters typed",
        Unit::Count,
        Neutral,
        &["characters typed"],
        Rollup::Sum,
    ),
    def_(
        M::MaxConcurrent,
        "最大同时聊天数",
        "Most concurrent chats",
        Unit::Count,
        Neutral,
        &[
            "最大同时接待数",
            "most concurrent chats",
            "max concurrent chats",
        ],
        Rollup::Max,
    ),
    def_(
        M::Unreplied,
        "未回复人数",
        "Unanswered customers",
        Unit::Count,
        Lower,
        &["unanswered customers"],
        Rollup::Sum,
    ),
    def_(
        M::LongSessions,
        "长接待人数",
        "Long chats",
        Unit::Count,
        Neutral,
        &["long chats"],
        Rollup::Sum,
    ),
    def_(
        M::AvgSessionTime,
        "平均接待时长",
        "Average chat length (s)",
        Unit::Seconds,
        Neutral,
        &[
            "平均会话时长",
            "average chat length",
            "average handle time",
            "aht",
        ],
        BY_SERVED,
    ),
    def_(
        M::InquiryOrdered,
        "询单->最终下单人数",
        "Inquiries ordered",
        Unit::Count,
        Higher,
        &[
            "询单→最终下单人数",
            "询单最终下单人数",
            "询单下单人数",
            "inquiries ordered",
        ],
        Rollup::Sum,
    ),
    def_(
        M::OrderToPay,
        "下单->最终付款成功率",
        "Order-to-payment rate",
        Unit::Percent,
        Higher,
        &[
            "下单→最终付款成功率",
            "下单最终付款成功率",
            "下单付款转化率",
            "order-to-payment rate",
        ],
        Rollup::Ratio {
            num: &[M::InquiryPaid],
            den: &[M::InquiryOrdered, M::Orders],
            weight: &[M::InquiryOrdered, M::Orders, M::Served],
        },
    ),
    def_(
        M::NextDayPaid,
        "询单->次日付款人数",
        "Paid next day",
        Unit::Count,
        Higher,
        &["询单→次日付款人数", "询单次日付款人数", "paid next day"],
        Rollup::Sum,
    ),
    def_(
        M::Buyers,
        "销售人数",
        "Buyers",
        Unit::Count,
        Higher,
        &["支付人数", "成交人数", "最终成团人数", "成团人数", "buyers"],
        Rollup::Sum,
    ),
    def_(
        M::ItemsPerCustomer,
        "客件数",
        "Items per customer",
        Unit::Ratio,
        Higher,
        &["items per customer"],
        Rollup::Weighted(&[M::Buyers, M::InquiryPaid]),
    ),
    def_(
        M::OnlineTime,
        "在线总时长",
        "Time online (s)",
        Unit::Seconds,
        Neutral,
        &["在线时长", "pc在线时长", "time online"],
        Rollup::Sum,
    ),
    def_(
        M::HoldTime,
        "挂起总时长",
        "Time on hold (s)",
        Unit::Seconds,
        Neutral,
        &["挂起时长", "time on hold"],
        Rollup::Sum,
    ),
    def_(
        M::LostInquiries,
        "询单流失人数",
        "Inquiries lost",
        Unit::Count,
        Lower,
        &["inquiries lost"],
        Rollup::Sum,
    ),
    def_(
        M::RefundAmount,
        "完成退款金额",
        "Refunds paid",
        Unit::Money,
        Lower,
        &["退款金额", "成功退款金额", "refunds paid", "refund amount"],
        Rollup::Sum,
    ),
    def_(
        M::EvalSendRate,
        "E客服评价发送率",
        "Rating invitations sent",
        Unit::Percent,
        Higher,
        &["评价发送率", "邀评率", "rating invitations sent"],
        BY_SERVED,
    ),
    def_(
        M::Reply3Min,
        "3分钟人工回复率",
        "Replied within 3 min",
        Unit::Percent,
        Higher,
        &[
            "3分钟人工回复率(8-23点)",
            "三分钟人工回复率",
            "3分钟回复率",
            "replied within 3 min",
        ],
        BY_SERVED,
    ),
    def_(
        M::Answer30s,
        "30秒应答率",
        "Answered within 30 s",
        Unit::Percent,
        Higher,
        &[
            "30秒应答率(8-23点)",
            "30s应答率",
            "30秒回复率",
            "answered within 30 s",
        ],
        BY_SERVED,
    ),
    def_(
        M::ServiceScore,
        "客服服务分",
        "Service score",
        Unit::Points,
        Higher,
        &["服务分", "service score"],
        Rollup::Mean,
    ),
    def_(
        M::Orders,
        "下单人数",
        "Customers ordered",
        Unit::Count,
        Higher,
        &["customers ordered"],
        Rollup::Sum,
    ),
    def_(
        M::Dissatisfaction,
        "不满意率",
        "Dissatisfaction",
        Unit::Percent,
        Lower,
        &["客户不满意率", "dissatisfaction"],
        BY_SERVED,
    ),
    def_(
        M::GoodReviews,
        "好评数",
        "Good reviews",
        Unit::Count,
        Higher,
        &["好评量", "好评", "good reviews"],
        Rollup::Sum,
    ),
    def_(
        M::RefundTime,
        "退款时长",
        "Refund time (s)",
        Unit::Seconds,
        Lower,
        &["平均退款时长", "退款处理时长", "refund time"],
        BY_SERVED,
    ),
    def_(
        M::DisputeRefundRate,
        "纠纷退款率",
        "Dispute refund rate",
        Unit::Percent,
        Lower,
        &["dispute refund rate"],
        BY_SERVED,
    ),
    def_(
        M::InterventionRate,
        "平台介入率",
        "Platform intervention rate",
        Unit::Percent,
        Lower,
        &["小二介入率", "platform intervention rate"],
        BY_SERVED,
    ),
    def_(
        M::QualityRefundRate,
        "品质退款率",
        "Quality refund rate",
        Unit::Percent,
        Lower,
        &["quality refund rate"],
        BY_SERVED,
    ),
    def_(
        M::AfterSalesTime,
        "售后处理时长",
        "After-sales handling time (s)",
        Unit::Seconds,
        Lower,
        &["售后时长", "after-sales handling time"],
        BY_SERVED,
    ),
    def_(
        M::Date,
        "日期",
        "Date",
        Unit::Text,
        Neutral,
        &["统计日期", "日期(天)", "date", "day"],
        Rollup::Last,
    ),
];

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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeaderMapping {
    /// The header as it appeared (compared after [`normalize_header`]).
    pub header: String,
    /// The metric it maps to; `None` keeps it a custom column.
    pub metric: Option<MetricId>,
    pub unit: Unit,
}

/// What the importer remembers between imports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportMemory {
    /// Hand-made header mappings, newest last (one per header).
    #[serde(default)]
    pub mappings: Vec<HeaderMapping>,
    /// Whether `店铺:客服` names lose the shop part; `None` until chosen.
    #[serde(default)]
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
