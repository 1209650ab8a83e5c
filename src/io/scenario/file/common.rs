//! Plain enums of the saved format: each variant's spelling in the file is
//! the string written here, mapped to the model's variant by an exhaustive
//! match both ways, so renaming a model variant is a compile error here, not
//! a silent change of the file.

use crate::model::{Direction, MetricId, Unit};
use serde::{Deserialize, Serialize};

/// A file enum `$file` for the model enum `$model`: `"code" => Variant`.
macro_rules! file_enum {
    ($(#[$meta:meta])* $file:ident <=> $model:ty { $($code:literal => $v:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub(crate) enum $file {
            $(#[serde(rename = $code)] $v,)*
        }

        impl From<$model> for $file {
            fn from(m: $model) -> Self {
                match m { $(<$model>::$v => $file::$v,)* }
            }
        }

        impl From<$file> for $model {
            fn from(f: $file) -> Self {
                match f { $($file::$v => <$model>::$v,)* }
            }
        }
    };
}
pub(crate) use file_enum;

file_enum! {
    /// A column's unit.
    UnitFile <=> Unit {
        "Text" => Text,
        "Count" => Count,
        "Number" => Number,
        "Percent" => Percent,
        "Seconds" => Seconds,
        "Money" => Money,
        "Ratio" => Ratio,
        "Days" => Days,
        "Points" => Points,
    }
}

file_enum! {
    /// Which way is better.
    DirectionFile <=> Direction {
        "Higher" => Higher,
        "Lower" => Lower,
        "Neutral" => Neutral,
    }
}

file_enum! {
    /// A dictionary metric (`src/model/metric.rs`).
    MetricFile <=> MetricId {
        "Agent" => Agent,
        "Group" => Group,
        "Consultations" => Consultations,
        "Served" => Served,
        "Inquiries" => Inquiries,
        "InquiryPaid" => InquiryPaid,
        "Conversion" => Conversion,
        "Aov" => Aov,
        "Sales" => Sales,
        "RefundRate" => RefundRate,
        "FirstResponse" => FirstResponse,
        "AvgResponse" => AvgResponse,
        "SlowResponses" => SlowResponses,
        "ReplyRate" => ReplyRate,
        "AnswerRatio" => AnswerRatio,
        "Satisfaction" => Satisfaction,
        "BadReviews" => BadReviews,
        "UpsellRate" => UpsellRate,
        "PayReminderRate" => PayReminderRate,
        "Attendance" => Attendance,
        "QaScore" => QaScore,
        "DirectIn" => DirectIn,
        "TransferIn" => TransferIn,
        "TransferOut" => TransferOut,
        "TotalMessages" => TotalMessages,
        "BuyerMessages" => BuyerMessages,
        "AgentMessages" => AgentMessages,
        "AgentChars" => AgentChars,
        "MaxConcurrent" => MaxConcurrent,
        "Unreplied" => Unreplied,
        "LongSessions" => LongSessions,
        "AvgSessionTime" => AvgSessionTime,
        "InquiryOrdered" => InquiryOrdered,
        "OrderToPay" => OrderToPay,
        "NextDayPaid" => NextDayPaid,
        "Buyers" => Buyers,
        "ItemsPerCustomer" => ItemsPerCustomer,
        "OnlineTime" => OnlineTime,
        "HoldTime" => HoldTime,
        "LostInquiries" => LostInquiries,
        "RefundAmount" => RefundAmount,
        "EvalSendRate" => EvalSendRate,
        "Reply3Min" => Reply3Min,
        "Answer30s" => Answer30s,
        "ServiceScore" => ServiceScore,
        "Orders" => Orders,
        "Dissatisfaction" => Dissatisfaction,
        "GoodReviews" => GoodReviews,
        "RefundTime" => RefundTime,
        "DisputeRefundRate" => DisputeRefundRate,
        "InterventionRate" => InterventionRate,
        "QualityRefundRate" => QualityRefundRate,
        "AfterSalesTime" => AfterSalesTime,
        "Date" => Date,
    }
}
