//! The across-months settings as saved (#18): aliases, team targets and
//! the talent view's rules; anything left out takes the default.

use super::common::MetricFile;
use crate::model::months::{talent, MetricKey, MonthsSettings};
use serde::{Deserialize, Serialize};

/// `months_settings`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct MonthsSettingsFile {
    aliases: Vec<(String, String)>,
    targets: Vec<(MetricKeyFile, f64)>,
    talent: TalentFile,
}

/// What a line across months follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum MetricKeyFile {
    Known(MetricFile),
    Custom(String),
    Score,
    Pay,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct TalentFile {
    k: usize,
    n: usize,
    top_share: f64,
    bottom_share: f64,
    bottom_months: usize,
    probation_months: f64,
    specialist_months: f64,
    elite_months: f64,
    elite_score: f64,
    senior_months: f64,
    senior_score: f64,
}

impl Default for TalentFile {
    fn default() -> Self {
        (&talent::Settings::default()).into()
    }
}

impl From<&talent::Settings> for TalentFile {
    fn from(t: &talent::Settings) -> Self {
        TalentFile {
            k: t.k,
            n: t.n,
            top_share: t.top_share,
            bottom_share: t.bottom_share,
            bottom_months: t.bottom_months,
            probation_months: t.probation_months,
            specialist_months: t.specialist_months,
            elite_months: t.elite_months,
            elite_score: t.elite_score,
            senior_months: t.senior_months,
            senior_score: t.senior_score,
        }
    }
}

impl From<TalentFile> for talent::Settings {
    fn from(t: TalentFile) -> Self {
        talent::Settings {
            k: t.k,
            n: t.n,
            top_share: t.top_share,
            bottom_share: t.bottom_share,
            bottom_months: t.bottom_months,
            probation_months: t.probation_months,
            specialist_months: t.specialist_months,
            elite_months: t.elite_months,
            elite_score: t.elite_score,
            senior_months: t.senior_months,
            senior_score: t.senior_score,
        }
    }
}

impl From<&MonthsSettings> for MonthsSettingsFile {
    fn from(s: &MonthsSettings) -> Self {
        MonthsSettingsFile {
            aliases: s.aliases.clone(),
            targets: s
                .targets
                .iter()
                .map(|(k, v)| {
                    let k = match k {
                        MetricKey::Known(m) => MetricKeyFile::Known((*m).into()),
                        MetricKey::Custom(c) => MetricKeyFile::Custom(c.clone()),
                        MetricKey::Score => MetricKeyFile::Score,
                        MetricKey::Pay => MetricKeyFile::Pay,
                    };
                    (k, *v)
                })
                .collect(),
            talent: (&s.talent).into(),
        }
    }
}

impl From<MonthsSettingsFile> for MonthsSettings {
    fn from(s: MonthsSettingsFile) -> Self {
        MonthsSettings {
            aliases: s.aliases,
            targets: s
                .targets
                .into_iter()
                .map(|(k, v)| {
                    let k = match k {
                        MetricKeyFile::Known(m) => MetricKey::Known(m.into()),
                        MetricKeyFile::Custom(c) => MetricKey::Custom(c),
                        MetricKeyFile::Score => MetricKey::Score,
                        MetricKeyFile::Pay => MetricKey::Pay,
                    };
                    (k, v)
                })
                .collect(),
            talent: s.talent.into(),
        }
    }
}
