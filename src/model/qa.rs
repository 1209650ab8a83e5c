//! QA (质检) staffing: three ways to size the team, its role split and cost.
//!
//! Owns the arithmetic only; every result carries the numbers that produced it
//! so the UI can show the working. Never touches a browser.
//!
//! ## Ratio method (the seed's rule of thumb)
//! 1. Total `T = ⌈agents × qa_per ÷ agents_per⌉` in integer arithmetic
//!    (default 10 per 150; 0 agents → 0).
//! 2. [`split_roles`] divides `T` among the roles: a leadership role appears
//!    once `T ≥ from_total` (defaults: QA lead 主管 from 10, QA group leader
//!    组长 from 5) and is staffed with `max(1, ⌊base × T ÷ base_total⌋)`, where
//!    `base_total` is the sum of all base counts (10 by default). Leaders never
//!    take more than `T`; later leadership roles give way first.
//! 3. The rest goes to the specialist roles in proportion to their base counts
//!    (3 : 2 : 3 by default) by largest remainder; equal remainders go to the
//!    earlier role, so the split is deterministic.
//!
//! 150 agents → `T = 10` → 1 / 1 / 3 / 2 / 3, exactly the seed's team.
//!
//! ## Workload method
//! `reviews = chats_per_day × workdays × sample_share` per agent per month (or a
//! fixed number of reviews); `minutes = agents × (reviews × minutes_per_review
//! + coaching_minutes)`; `capacity = productive_hours × 60 × workdays` per QA;
//! `FTE = minutes ÷ capacity`; headcount `⌈FTE⌉`.
//!
//! ## Statistical method (Cochran)
//! Per agent per month, `N = chats_per_day × workdays`,
//! `n₀ = z²·p(1−p) ÷ e²`, `n = n₀ ÷ (1 + (n₀ − 1) ÷ N)`, reviews `⌈n⌉`, then
//! FTE through the workload formula. `z` is the customary table value
//! (90 % → 1.645, 95 % → 1.96, 99 % → 2.576), so 95 %/±5 %/p = 0.5 gives
//! n₀ = 384.16 → 385 and, for N = 1,000, 277.7 → 278. The margin the current
//! sample achieves is `e = z·√(p(1−p)·(N − r) ÷ (r·(N − 1)))`.
//!
//! ## Recommendation
//! If the current sampling already achieves the target margin, the workload
//! method is recommended (it staffs the plan you run); otherwise the
//! statistical method (it staffs the precision you asked for). The ratio
//! method is the industry cross-check.

use crate::i18n::Msg;

/// A role's name: built in (translated) or typed by the user.
#[derive(Clone, Debug, PartialEq)]
pub enum RoleName {
    Builtin(Msg),
    Custom(String),
}

/// One QA role.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub name: RoleName,
    /// Headcount of this role in the base team (the seed's 10-person team).
    pub base: u32,
    /// Leadership roles appear only from `from_total` QA staff on.
    pub leadership: bool,
    /// Smallest QA total at which a leadership role is staffed.
    pub from_total: u32,
    /// Monthly cost of one person in this role, in yuan.
    pub salary: f64,
}

/// Statistical confidence level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    C90,
    C95,
    C99,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::C90, Confidence::C95, Confidence::C99];

    /// The customary two-sided z value.
    pub fn z(self) -> f64 {
        match self {
            Confidence::C90 => 1.645,
            Confidence::C95 => 1.96,
            Confidence::C99 => 2.576,
        }
    }

    /// The level in percent.
    pub fn percent(self) -> u32 {
        match self {
            Confidence::C90 => 90,
            Confidence::C95 => 95,
            Confidence::C99 => 99,
        }
    }
}

/// How many chats each agent gets reviewed per month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sampling {
    /// A share of each agent's chats (0.03 = 3 %).
    Share(f64),
    /// A fixed number of reviews per agent per month.
    Reviews(f64),
}

/// Where the number of agents comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgentSource {
    /// Everyone in the current team table.
    Team,
    /// One group (售前, 售后…) of the current team table.
    Group(String),
    /// The number typed in `QaParams::agents`.
    Manual,
    /// The headcount the chat staffing plan (`QaParams::staffing`) needs.
    Staffing,
}

/// Every input of the QA workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct QaParams {
    pub source: AgentSource,
    /// Agents to staff for when `source` is `Manual` (and what
    /// [`size_team`] uses; resolve the source with [`QaParams::resolved`]).
    pub agents: u32,
    /// Ratio: `qa_per` QA staff per `agents_per` agents.
    pub qa_per: u32,
    pub agents_per: u32,
    pub roles: Vec<Role>,
    pub chats_per_day: f64,
    pub workdays: f64,
    pub sampling: Sampling,
    pub minutes_per_review: f64,
    /// Coaching minutes per agent per month.
    pub coaching_minutes: f64,
    /// Productive hours per QA per day.
    pub productive_hours: f64,
    pub confidence: Confidence,
    /// Target margin of error (0.10 = ±10 %).
    pub margin: f64,
    /// Expected proportion (0.5 is the most conservative).
    pub p: f64,
    /// Chat staffing inputs (since #19; older files get the defaults).
    pub staffing: super::staffing::StaffingParams,
    /// QA score noise inputs (since #19).
    pub noise: super::qa_noise::NoiseParams,
    /// QA findings (质检记录) and how they score (since #19).
    pub findings: Vec<super::findings::Finding>,
    pub findings_scoring: super::findings::Scoring,
}

impl Default for QaParams {
    fn default() -> Self {
        let role = |name, base, leadership, from_total, salary| Role {
            name: RoleName::Builtin(name),
            base,
            leadership,
            from_total,
            salary,
        };
        QaParams {
            source: AgentSource::Team,
            agents: 150,
            qa_per: 10,
            agents_per: 150,
            roles: vec![
                role(Msg::QaRoleLead, 1, true, 10, 12_000.0),
                role(Msg::QaRoleGroupLeader, 1, true, 5, 9_000.0),
                role(Msg::QaRoleSpecialist, 3, false, 0, 6_500.0),
                role(Msg::QaRoleAfterSales, 2, false, 0, 6_500.0),
                role(Msg::QaRoleOtherTeams, 3, false, 0, 6_000.0),
            ],
            chats_per_day: 100.0,
            workdays: 22.0,
            sampling: Sampling::Share(0.03),
            minutes_per_review: 5.0,
            coaching_minutes: 60.0,
            productive_hours: 6.5,
            confidence: Confidence::C90,
            margin: 0.10,
            p: 0.5,
            staffing: super::staffing::StaffingParams::default(),
            noise: super::qa_noise::NoiseParams::default(),
            findings: Vec::new(),
            findings_scoring: super::findings::Scoring::default(),
        }
    }
}

/// An input problem: which field and why.
#[derive(Clone, Debug, PartialEq)]
pub struct QaProblem {
    pub field: QaField,
    pub msg: Msg,
}

/// The inputs that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QaField {
    Agents,
    QaPer,
    AgentsPer,
    Roles,
    RoleBase(usize),
    RoleSalary(usize),
    ChatsPerDay,
    Workdays,
    Sampling,
    MinutesPerReview,
    Coaching,
    ProductiveHours,
    Margin,
    P,
    Staffing(super::staffing::StaffField),
    Noise(super::qa_noise::NoiseField),
    Findings,
}

/// Largest values accepted: beyond them an input is a typo, not a plan.
pub const MAX_AGENTS: u32 = 100_000;
const MAX_CHATS_PER_DAY: f64 = 5_000.0;

impl QaParams {
    /// Every problem with the inputs; empty when they can be used.
    pub fn validate(&self) -> Vec<QaProblem> {
        let mut out = Vec::new();
        let mut bad = |field, ok: bool, msg| {
            if !ok {
                out.push(QaProblem { field, msg });
            }
        };
        let pos = |v: f64| v.is_finite() && v > 0.0;
        bad(QaField::Agents, self.agents <= MAX_AGENTS, Msg::QaErrAgents);
        bad(
            QaField::QaPer,
            self.qa_per >= 1 && self.qa_per <= 1_000,
            Msg::QaErrRatio,
        );
        bad(
            QaField::AgentsPer,
            self.agents_per >= 1 && self.agents_per <= 100_000,
            Msg::QaErrRatio,
        );
        bad(
            QaField::Roles,
            self.roles.iter().any(|r| !r.leadership && r.base > 0),
            Msg::QaErrNoSpecialist,
        );
        for (i, r) in self.roles.iter().enumerate() {
            bad(QaField::RoleBase(i), r.base <= 1_000, Msg::QaErrRoleBase);
            bad(
                QaField::RoleSalary(i),
                r.salary.is_finite() && (0.0..=1_000_000.0).contains(&r.salary),
                Msg::QaErrSalary,
            );
        }
        bad(
            QaField::ChatsPerDay,
            pos(self.chats_per_day) && self.chats_per_day <= MAX_CHATS_PER_DAY,
            Msg::QaErrChats,
        );
        bad(
            QaField::Workdays,
            pos(self.workdays) && self.workdays <= 31.0,
            Msg::QaErrWorkdays,
        );
        let sampling_ok = match self.sampling {
            Sampling::Share(s) => pos(s) && s <= 1.0,
            Sampling::Reviews(r) => pos(r) && r <= self.chats_per_day * self.workdays,
        };
        bad(QaField::Sampling, sampling_ok, Msg::QaErrSampling);
        bad(
            QaField::MinutesPerReview,
            pos(self.minutes_per_review) && self.minutes_per_review <= 240.0,
            Msg::QaErrMinutes,
        );
        bad(
            QaField::Coaching,
            self.coaching_minutes.is_finite() && (0.0..=10_000.0).contains(&self.coaching_minutes),
            Msg::QaErrCoaching,
        );
        bad(
            QaField::ProductiveHours,
            pos(self.productive_hours) && self.productive_hours <= 16.0,
            Msg::QaErrHours,
        );
        bad(
            QaField::Margin,
            self.margin.is_finite() && self.margin >= 0.005 && self.margin <= 0.5,
            Msg::QaErrMargin,
        );
        bad(
            QaField::P,
            self.p.is_finite() && self.p > 0.0 && self.p < 1.0,
            Msg::QaErrP,
        );
        for sp in self.staffing.validate() {
            out.push(QaProblem {
                field: QaField::Staffing(sp.field),
                msg: sp.msg,
            });
        }
        let deduction_ok = |d: f64| d.is_finite() && (0.0..=1_000.0).contains(&d);
        if self.findings.len() > 100_000 || self.findings.iter().any(|f| !deduction_ok(f.deduction))
        {
            out.push(QaProblem {
                field: QaField::Findings,
                msg: Msg::FindErrDeduction,
            });
        }
        for (f, msg) in self.noise.validate() {
            out.push(QaProblem {
                field: QaField::Noise(f),
                msg,
            });
        }
        out
    }

    /// These inputs with `agents` taken from `table` as `source` says.
    pub fn resolved(&self, table: &super::Table) -> QaParams {
        let agents = match &self.source {
            AgentSource::Manual => self.agents,
            AgentSource::Staffing => super::staffing::plan(&self.staffing).headcount,
            AgentSource::Team => u32::try_from(table.len()).unwrap_or(u32::MAX),
            AgentSource::Group(g) => table
                .groups()
                .into_iter()
                .find(|(name, _)| name == g)
                .map(|(_, n)| u32::try_from(n).unwrap_or(u32::MAX))
                .unwrap_or(0),
        };
        QaParams {
            agents,
            ..self.clone()
        }
    }

    /// Chats per agent per month.
    pub fn chats_per_month(&self) -> f64 {
        self.chats_per_day * self.workdays
    }

    /// Reviews per agent per month under the current sampling plan.
    pub fn current_reviews(&self) -> f64 {
        match self.sampling {
            Sampling::Share(s) => self.chats_per_month() * s,
            Sampling::Reviews(r) => r,
        }
    }

    /// QA minutes available per QA person per month.
    pub fn capacity_minutes(&self) -> f64 {
        self.productive_hours * 60.0 * self.workdays
    }
}

/// The ratio method's total for `agents`: `⌈agents × qa_per ÷ agents_per⌉`.
pub fn ratio_total(agents: u32, qa_per: u32, agents_per: u32) -> u32 {
    if agents_per == 0 {
        return 0;
    }
    let num = u64::from(agents) * u64::from(qa_per);
    let t = num.div_ceil(u64::from(agents_per));
    u32::try_from(t).unwrap_or(u32::MAX)
}

/// Splits `total` QA staff among `roles` by the rule in the module docs.
pub fn split_roles(total: u32, roles: &[Role]) -> Vec<u32> {
    let mut counts = vec![0u32; roles.len()];
    let base_total: u32 = roles.iter().map(|r| r.base).sum();
    if total == 0 || base_total == 0 {
        return counts;
    }
    // Leadership first, in role order, never more than the total.
    let mut left = total;
    for (c, r) in counts.iter_mut().zip(roles) {
        if r.leadership && r.base > 0 && total >= r.from_total {
            let want = (u64::from(r.base) * u64::from(total) / u64::from(base_total)).max(1);
            let n = u32::try_from(want).unwrap_or(u32::MAX).min(left);
            *c = n;
            left -= n;
        }
    }
    // Specialists by largest remainder over their base counts.
    let spec_base: u64 = roles
        .iter()
        .filter(|r| !r.leadership)
        .map(|r| u64::from(r.base))
        .sum();
    if spec_base == 0 {
        return counts;
    }
    let mut given = 0u64;
    let mut rema: Vec<(u64, usize)> = Vec::new();
    for (i, (c, r)) in counts.iter_mut().zip(roles).enumerate() {
        if r.leadership {
            continue;
        }
        let exact = u64::from(r.base) * u64::from(left);
        let floor = exact / spec_base;
        *c = u32::try_from(floor).unwrap_or(u32::MAX);
        given += floor;
        rema.push((exact % spec_base, i));
    }
    // Larger remainder first; equal remainders keep role order.
    crate::model::order::sort_by(&mut rema, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut extra = u64::from(left).saturating_sub(given);
    for (_, i) in rema {
        if extra == 0 {
            break;
        }
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
            extra -= 1;
        }
    }
    counts
}

/// Cochran's sample size before rounding: `n₀` and, with the finite
/// population `population`, `n`.
pub fn cochran(z: f64, p: f64, margin: f64, population: Option<f64>) -> (f64, f64) {
    let n0 = z * z * p * (1.0 - p) / (margin * margin);
    let n = match population {
        Some(pop) if pop >= 1.0 => n0 / (1.0 + (n0 - 1.0) / pop),
        _ => n0,
    };
    (n0, n)
}

/// The margin of error `r` reviews achieve out of `population` chats.
pub fn achieved_margin(z: f64, p: f64, reviews: f64, population: f64) -> f64 {
    if reviews <= 0.0 {
        return f64::INFINITY;
    }
    if population <= 1.0 || reviews >= population {
        return 0.0;
    }
    z * (p * (1.0 - p) * (population - reviews) / (reviews * (population - 1.0))).sqrt()
}

/// The result of one method.
#[derive(Clone, Debug, PartialEq)]
pub struct MethodResult {
    /// Full-time equivalents before rounding (the ratio method's exact quotient).
    pub fte: f64,
    /// Headcount: `⌈fte⌉` (for the ratio method, the rounded-up total).
    pub headcount: u32,
    /// Per-role headcount, in role order.
    pub split: Vec<u32>,
    /// Monthly cost of that team.
    pub cost: f64,
}

/// Workload arithmetic for the UI.
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    pub reviews_per_agent: f64,
    pub minutes_per_agent: f64,
    pub total_minutes: f64,
    pub capacity: f64,
}

/// Statistical arithmetic for the UI.
#[derive(Clone, Debug, PartialEq)]
pub struct Statistical {
    pub z: f64,
    pub population: f64,
    pub n0: f64,
    pub n: f64,
    /// `⌈n⌉` reviews per agent per month (never more than the population).
    pub reviews: f64,
    /// Margin achieved by the current sampling plan.
    pub achieved_margin: f64,
}

/// Which method the comparison recommends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recommended {
    Workload,
    Statistical,
}

/// Everything the QA workspace shows.
#[derive(Clone, Debug, PartialEq)]
pub struct QaReport {
    pub ratio: MethodResult,
    pub workload: MethodResult,
    pub workload_detail: Workload,
    pub statistical: MethodResult,
    pub statistical_detail: Statistical,
    pub recommended: Recommended,
}

impl QaReport {
    /// The recommended method's result.
    pub fn recommended_result(&self) -> &MethodResult {
        match self.recommended {
            Recommended::Workload => &self.workload,
            Recommended::Statistical => &self.statistical,
        }
    }
}

fn cost_of(split: &[u32], roles: &[Role]) -> f64 {
    split
        .iter()
        .zip(roles)
        .map(|(n, r)| f64::from(*n) * r.salary)
        .sum()
}

fn method(fte: f64, headcount: u32, roles: &[Role]) -> MethodResult {
    let split = split_roles(headcount, roles);
    let cost = cost_of(&split, roles);
    MethodResult {
        fte,
        headcount,
        split,
        cost,
    }
}

/// `⌈x⌉` as a headcount; tiny float noise above a whole number does not add a
/// person (7.000000000001 → 7).
fn ceil_count(x: f64) -> u32 {
    if !x.is_finite() || x <= 0.0 {
        return 0;
    }
    let r = super::round::round_dp(x, 9);
    // Saturating float-to-int conversion is the intent for absurd inputs.
    r.ceil() as u32
}

/// Sizes the QA team for `p.agents` agents. Call [`QaParams::validate`] first;
/// with invalid inputs the numbers are still finite but meaningless.
pub fn size_team(p: &QaParams) -> QaReport {
    report_for(p, p.agents)
}

/// The report for a team of `agents` with the other inputs of `p` (for curves).
pub fn report_for(p: &QaParams, agents: u32) -> QaReport {
    let a = f64::from(agents);
    let total = ratio_total(agents, p.qa_per, p.agents_per);
    let ratio_fte = if p.agents_per == 0 {
        0.0
    } else {
        a * f64::from(p.qa_per) / f64::from(p.agents_per)
    };
    let ratio = method(ratio_fte, total, &p.roles);

    let capacity = p.capacity_minutes();
    let fte_for = |reviews: f64| -> (f64, f64, f64) {
        let per_agent = reviews * p.minutes_per_review + p.coaching_minutes;
        let minutes = a * per_agent;
        let fte = if capacity > 0.0 {
            minutes / capacity
        } else {
            0.0
        };
        (per_agent, minutes, fte)
    };

    let reviews = p.current_reviews();
    let (per_agent, minutes, wl_fte) = fte_for(reviews);
    let workload = method(wl_fte, ceil_count(wl_fte), &p.roles);

    let z = p.confidence.z();
    let population = p.chats_per_month();
    let (n0, n) = cochran(z, p.p, p.margin, Some(population));
    let needed = ceil_count(n).min(ceil_count(population)) as f64;
    let (_, _, st_fte) = fte_for(needed);
    let statistical = method(st_fte, ceil_count(st_fte), &p.roles);
    let achieved = achieved_margin(z, p.p, reviews, population);
    let recommended = if achieved <= p.margin + 1e-12 {
        Recommended::Workload
    } else {
        Recommended::Statistical
    };
    QaReport {
        ratio,
        workload,
        workload_detail: Workload {
            reviews_per_agent: reviews,
            minutes_per_agent: per_agent,
            total_minutes: minutes,
            capacity,
        },
        statistical,
        statistical_detail: Statistical {
            z,
            population,
            n0,
            n,
            reviews: needed,
            achieved_margin: achieved,
        },
        recommended,
    }
}

/// Headcount by each method for team sizes `0, step, 2·step, … ≤ max`:
/// `(agents, ratio, workload, statistical)`.
pub fn curve(p: &QaParams, max: u32, step: u32) -> Vec<(u32, u32, u32, u32)> {
    let step = step.max(1);
    (0..=max / step)
        .map(|i| {
            let a = i * step;
            let r = report_for(p, a);
            (
                a,
                r.ratio.headcount,
                r.workload.headcount,
                r.statistical.headcount,
            )
        })
        .collect()
}
