//! Plain enums of the saved format: each variant's spelling in the file is
//! the string written here, mapped to the model's variant by an exhaustive
//! match both ways, so renaming a model variant is a compile error here, not
//! a silent change of the file.

use crate::model::{Direction, MetricId, Unit};

/// A file enum `$file` for the model enum `$model`: `"code" => Variant`.
/// Written as its code (a JSON string). Serialize and Deserialize are
/// written here rather than derived: one code table serves both ways,
/// smaller in wasm than the derive's matches over text, bytes and indices.
macro_rules! file_enum {
    ($(#[$meta:meta])* $file:ident <=> $model:ty { $($code:literal => $v:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum $file {
            $($v,)*
        }

        impl $file {
            const ALL: &'static [$file] = &[$($file::$v,)*];

            /// The code the file holds.
            pub(crate) fn code(self) -> &'static str {
                match self { $($file::$v => $code,)* }
            }
        }

        impl serde::Serialize for $file {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $file {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = std::borrow::Cow::<'de, str>::deserialize(d)?;
                $file::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == code)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown code `{code}`")))
            }
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
