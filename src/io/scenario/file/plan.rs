//! A plan as saved: its items, rules and grading.

use super::common::DirectionFile;
use crate::model::id::Id;
use crate::model::plan::{Band, GradeShare, GradeThreshold, Grading, Plan, PlanItem, Rule};
use serde::{Deserialize, Serialize};

/// A KPI plan (`plans[i]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlanFile {
    /// Since version 3; version 2 files have none (migrated).
    #[serde(default)]
    pub(crate) id: u32,
    pub(crate) name: String,
    month: String,
    group: Option<String>,
    pub(crate) items: Vec<ItemFile>,
    grading: GradingFile,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ItemFile {
    column: String,
    weight: f64,
    direction: Option<DirectionFile>,
    rule: RuleFile,
    fixed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct BandFile {
    threshold: f64,
    points: f64,
}

/// A rule, tagged by its kind (`{"Ratio": {…}}`, `"Rank"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum RuleFile {
    Ratio {
        target: f64,
        floor: f64,
        cap: f64,
    },
    Linear {
        zero_at: f64,
        full_at: f64,
        stretch: Option<(f64, f64)>,
        cap: f64,
    },
    Bands {
        bands: Vec<BandFile>,
        otherwise: f64,
    },
    Relative {
        cap: f64,
    },
    Rank,
    Percentile,
    Gate {
        threshold: f64,
        zero_total: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct GradeThresholdFile {
    label: String,
    min: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct GradeShareFile {
    label: String,
    share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum GradingFile {
    Thresholds(Vec<GradeThresholdFile>),
    Forced(Vec<GradeShareFile>),
}

impl From<&Rule> for RuleFile {
    fn from(r: &Rule) -> Self {
        match r {
            Rule::Ratio { target, floor, cap } => RuleFile::Ratio {
                target: *target,
                floor: *floor,
                cap: *cap,
            },
            Rule::Linear {
                zero_at,
                full_at,
                stretch,
                cap,
            } => RuleFile::Linear {
                zero_at: *zero_at,
                full_at: *full_at,
                stretch: *stretch,
                cap: *cap,
            },
            Rule::Bands { bands, otherwise } => RuleFile::Bands {
                bands: bands
                    .iter()
                    .map(|b| BandFile {
                        threshold: b.threshold,
                        points: b.points,
                    })
                    .collect(),
                otherwise: *otherwise,
            },
            Rule::Relative { cap } => RuleFile::Relative { cap: *cap },
            Rule::Rank => RuleFile::Rank,
            Rule::Percentile => RuleFile::Percentile,
            Rule::Gate {
                threshold,
                zero_total,
            } => RuleFile::Gate {
                threshold: *threshold,
                zero_total: *zero_total,
            },
        }
    }
}

impl From<RuleFile> for Rule {
    fn from(r: RuleFile) -> Self {
        match r {
            RuleFile::Ratio { target, floor, cap } => Rule::Ratio { target, floor, cap },
            RuleFile::Linear {
                zero_at,
                full_at,
                stretch,
                cap,
            } => Rule::Linear {
                zero_at,
                full_at,
                stretch,
                cap,
            },
            RuleFile::Bands { bands, otherwise } => Rule::Bands {
                bands: bands
                    .into_iter()
                    .map(|b| Band {
                        threshold: b.threshold,
                        points: b.points,
                    })
                    .collect(),
                otherwise,
            },
            RuleFile::Relative { cap } => Rule::Relative { cap },
            RuleFile::Rank => Rule::Rank,
            RuleFile::Percentile => Rule::Percentile,
            RuleFile::Gate {
                threshold,
                zero_total,
            } => Rule::Gate {
                threshold,
                zero_total,
            },
        }
    }
}

impl From<&Grading> for GradingFile {
    fn from(g: &Grading) -> Self {
        match g {
            Grading::Thresholds(v) => GradingFile::Thresholds(
                v.iter()
                    .map(|t| GradeThresholdFile {
                        label: t.label.clone(),
                        min: t.min,
                    })
                    .collect(),
            ),
            Grading::Forced(v) => GradingFile::Forced(
                v.iter()
                    .map(|t| GradeShareFile {
                        label: t.label.clone(),
                        share: t.share,
                    })
                    .collect(),
            ),
        }
    }
}

impl From<GradingFile> for Grading {
    fn from(g: GradingFile) -> Self {
        match g {
            GradingFile::Thresholds(v) => Grading::Thresholds(
                v.into_iter()
                    .map(|t| GradeThreshold {
                        label: t.label,
                        min: t.min,
                    })
                    .collect(),
            ),
            GradingFile::Forced(v) => Grading::Forced(
                v.into_iter()
                    .map(|t| GradeShare {
                        label: t.label,
                        share: t.share,
                    })
                    .collect(),
            ),
        }
    }
}

impl From<&PlanItem> for ItemFile {
    fn from(i: &PlanItem) -> Self {
        ItemFile {
            column: i.column.clone(),
            weight: i.weight,
            direction: i.direction.map(Into::into),
            rule: (&i.rule).into(),
            fixed: i.fixed,
        }
    }
}

impl From<ItemFile> for PlanItem {
    fn from(i: ItemFile) -> Self {
        PlanItem {
            column: i.column,
            weight: i.weight,
            direction: i.direction.map(Into::into),
            rule: i.rule.into(),
            fixed: i.fixed,
        }
    }
}

impl From<&Plan> for PlanFile {
    fn from(p: &Plan) -> Self {
        PlanFile {
            id: p.id.0,
            name: p.name.clone(),
            month: p.month.clone(),
            group: p.group.clone(),
            items: p.items.iter().map(Into::into).collect(),
            grading: (&p.grading).into(),
        }
    }
}

impl From<PlanFile> for Plan {
    fn from(p: PlanFile) -> Self {
        Plan {
            id: Id(p.id),
            name: p.name,
            month: p.month,
            group: p.group,
            items: p.items.into_iter().map(Into::into).collect(),
            grading: p.grading.into(),
        }
    }
}
