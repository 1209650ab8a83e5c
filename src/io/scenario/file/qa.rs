//! The QA workspace's inputs as saved: roles (built-in names by stable
//! code), sampling, chat staffing, score noise and findings.

use super::codes::{role_code, role_of};
use super::common::file_enum;
use crate::i18n::Msg;
use crate::io::scenario::{problem, FileProblem};
use crate::model::findings::{Finding, Scoring};
use crate::model::qa::{AgentSource, Confidence, QaParams, Role, RoleName, Sampling};
use crate::model::qa_noise::NoiseParams;
use crate::model::staffing::{StaffingParams, Target};
use serde::{Deserialize, Serialize};

/// Every input of the QA workspace (`qa`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct QaFile {
    source: AgentSourceFile,
    agents: u32,
    qa_per: u32,
    agents_per: u32,
    roles: Vec<RoleFile>,
    chats_per_day: f64,
    workdays: f64,
    sampling: SamplingFile,
    minutes_per_review: f64,
    coaching_minutes: f64,
    productive_hours: f64,
    confidence: ConfidenceFile,
    margin: f64,
    p: f64,
    /// Since #19; absent: the defaults.
    #[serde(default)]
    staffing: StaffingFile,
    #[serde(default)]
    noise: NoiseFile,
    #[serde(default)]
    findings: Vec<FindingFile>,
    #[serde(default)]
    findings_scoring: ScoringFile,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum AgentSourceFile {
    Team,
    Group(String),
    Manual,
    Staffing,
}

/// A role's name: a built-in one by its code (`codes::ROLE_CODES`), or
/// the user's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum RoleNameFile {
    Builtin(String),
    Custom(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct RoleFile {
    name: RoleNameFile,
    base: u32,
    leadership: bool,
    from_total: u32,
    salary: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum SamplingFile {
    Share(f64),
    Reviews(f64),
}

file_enum! {
    /// A confidence level.
    ConfidenceFile <=> Confidence {
        "C90" => C90,
        "C95" => C95,
        "C99" => C99,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum TargetFile {
    ServiceLevel { share: f64, seconds: f64 },
    AverageWait { seconds: f64 },
}

/// The chat staffing inputs; a field left out takes the default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct StaffingFile {
    days: Vec<Vec<f64>>,
    aht: f64,
    concurrency: u32,
    efficiency: Vec<f64>,
    target: TargetFile,
    shrinkage: f64,
    max_occupancy: f64,
    shift_hours: f64,
    workdays_per_week: f64,
    scale: f64,
    salary: f64,
}

impl Default for StaffingFile {
    fn default() -> Self {
        (&StaffingParams::default()).into()
    }
}

/// The QA score noise inputs; a field left out takes the default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct NoiseFile {
    confidence: ConfidenceFile,
    score_column: String,
    samples_column: String,
    samples: f64,
    sd_column: String,
    sd: f64,
    bands: Vec<f64>,
    chat_scores: Vec<(String, f64)>,
}

impl Default for NoiseFile {
    fn default() -> Self {
        (&NoiseParams::default()).into()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct FindingFile {
    agent: String,
    date: String,
    item: String,
    deduction: f64,
    red_line: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum ScoringFile {
    Deductions { start: f64 },
    Sheet(Vec<(String, f64)>),
}

impl Default for ScoringFile {
    fn default() -> Self {
        (&Scoring::default()).into()
    }
}

impl From<&Scoring> for ScoringFile {
    fn from(s: &Scoring) -> Self {
        match s {
            Scoring::Deductions { start } => ScoringFile::Deductions { start: *start },
            Scoring::Sheet(v) => ScoringFile::Sheet(v.clone()),
        }
    }
}

impl From<ScoringFile> for Scoring {
    fn from(s: ScoringFile) -> Self {
        match s {
            ScoringFile::Deductions { start } => Scoring::Deductions { start },
            ScoringFile::Sheet(v) => Scoring::Sheet(v),
        }
    }
}

impl From<&StaffingParams> for StaffingFile {
    fn from(s: &StaffingParams) -> Self {
        StaffingFile {
            days: s.days.clone(),
            aht: s.aht,
            concurrency: s.concurrency,
            efficiency: s.efficiency.clone(),
            target: match s.target {
                Target::ServiceLevel { share, seconds } => {
                    TargetFile::ServiceLevel { share, seconds }
                }
                Target::AverageWait { seconds } => TargetFile::AverageWait { seconds },
            },
            shrinkage: s.shrinkage,
            max_occupancy: s.max_occupancy,
            shift_hours: s.shift_hours,
            workdays_per_week: s.workdays_per_week,
            scale: s.scale,
            salary: s.salary,
        }
    }
}

impl From<StaffingFile> for StaffingParams {
    fn from(s: StaffingFile) -> Self {
        StaffingParams {
            days: s.days,
            aht: s.aht,
            concurrency: s.concurrency,
            efficiency: s.efficiency,
            target: match s.target {
                TargetFile::ServiceLevel { share, seconds } => {
                    Target::ServiceLevel { share, seconds }
                }
                TargetFile::AverageWait { seconds } => Target::AverageWait { seconds },
            },
            shrinkage: s.shrinkage,
            max_occupancy: s.max_occupancy,
            shift_hours: s.shift_hours,
            workdays_per_week: s.workdays_per_week,
            scale: s.scale,
            salary: s.salary,
        }
    }
}

impl From<&NoiseParams> for NoiseFile {
    fn from(n: &NoiseParams) -> Self {
        NoiseFile {
            confidence: n.confidence.into(),
            score_column: n.score_column.clone(),
            samples_column: n.samples_column.clone(),
            samples: n.samples,
            sd_column: n.sd_column.clone(),
            sd: n.sd,
            bands: n.bands.clone(),
            chat_scores: n.chat_scores.clone(),
        }
    }
}

impl From<NoiseFile> for NoiseParams {
    fn from(n: NoiseFile) -> Self {
        NoiseParams {
            confidence: n.confidence.into(),
            score_column: n.score_column,
            samples_column: n.samples_column,
            samples: n.samples,
            sd_column: n.sd_column,
            sd: n.sd,
            bands: n.bands,
            chat_scores: n.chat_scores,
        }
    }
}

impl From<&QaParams> for QaFile {
    fn from(q: &QaParams) -> Self {
        QaFile {
            source: match &q.source {
                AgentSource::Team => AgentSourceFile::Team,
                AgentSource::Group(g) => AgentSourceFile::Group(g.clone()),
                AgentSource::Manual => AgentSourceFile::Manual,
                AgentSource::Staffing => AgentSourceFile::Staffing,
            },
            agents: q.agents,
            qa_per: q.qa_per,
            agents_per: q.agents_per,
            roles: q
                .roles
                .iter()
                .map(|r| RoleFile {
                    name: match &r.name {
                        // A message without a frozen code is saved as its
                        // Chinese text, a custom name (none is built in so far).
                        RoleName::Builtin(m) => match role_code(*m) {
                            Some(c) => RoleNameFile::Builtin(c.to_string()),
                            None => RoleNameFile::Custom(m.t(crate::i18n::Lang::Zh).to_string()),
                        },
                        RoleName::Custom(s) => RoleNameFile::Custom(s.clone()),
                    },
                    base: r.base,
                    leadership: r.leadership,
                    from_total: r.from_total,
                    salary: r.salary,
                })
                .collect(),
            chats_per_day: q.chats_per_day,
            workdays: q.workdays,
            sampling: match q.sampling {
                Sampling::Share(v) => SamplingFile::Share(v),
                Sampling::Reviews(v) => SamplingFile::Reviews(v),
            },
            minutes_per_review: q.minutes_per_review,
            coaching_minutes: q.coaching_minutes,
            productive_hours: q.productive_hours,
            confidence: q.confidence.into(),
            margin: q.margin,
            p: q.p,
            staffing: (&q.staffing).into(),
            noise: (&q.noise).into(),
            findings: q
                .findings
                .iter()
                .map(|f| FindingFile {
                    agent: f.agent.clone(),
                    date: f.date.clone(),
                    item: f.item.clone(),
                    deduction: f.deduction,
                    red_line: f.red_line,
                })
                .collect(),
            findings_scoring: (&q.findings_scoring).into(),
        }
    }
}

/// A role code that names no built-in role is a problem at its path
/// (`qa.roles[2].name`); everything else converts as it is.
impl TryFrom<QaFile> for QaParams {
    type Error = Vec<FileProblem>;

    fn try_from(q: QaFile) -> Result<Self, Self::Error> {
        let mut problems = Vec::new();
        let mut roles = Vec::with_capacity(q.roles.len());
        for (i, r) in q.roles.into_iter().enumerate() {
            let name = match r.name {
                RoleNameFile::Builtin(code) => match role_of(&code) {
                    Some(m) => RoleName::Builtin(m),
                    None => {
                        problems.push(problem(
                            format!("qa.roles[{i}].name"),
                            Msg::FileErrRoleCode,
                            vec![code.clone()],
                        ));
                        RoleName::Custom(code)
                    }
                },
                RoleNameFile::Custom(s) => RoleName::Custom(s),
            };
            roles.push(Role {
                name,
                base: r.base,
                leadership: r.leadership,
                from_total: r.from_total,
                salary: r.salary,
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(QaParams {
            source: match q.source {
                AgentSourceFile::Team => AgentSource::Team,
                AgentSourceFile::Group(g) => AgentSource::Group(g),
                AgentSourceFile::Manual => AgentSource::Manual,
                AgentSourceFile::Staffing => AgentSource::Staffing,
            },
            agents: q.agents,
            qa_per: q.qa_per,
            agents_per: q.agents_per,
            roles,
            chats_per_day: q.chats_per_day,
            workdays: q.workdays,
            sampling: match q.sampling {
                SamplingFile::Share(v) => Sampling::Share(v),
                SamplingFile::Reviews(v) => Sampling::Reviews(v),
            },
            minutes_per_review: q.minutes_per_review,
            coaching_minutes: q.coaching_minutes,
            productive_hours: q.productive_hours,
            confidence: q.confidence.into(),
            margin: q.margin,
            p: q.p,
            staffing: q.staffing.into(),
            noise: q.noise.into(),
            findings: q
                .findings
                .into_iter()
                .map(|f| Finding {
                    agent: f.agent,
                    date: f.date,
                    item: f.item,
                    deduction: f.deduction,
                    red_line: f.red_line,
                })
                .collect(),
            findings_scoring: q.findings_scoring.into(),
        })
    }
}
