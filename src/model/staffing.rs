//! Chat staffing (人力测算): from inquiries per hour to agents, FTE and cost,
//! by Erlang C with concurrency.
//!
//! Owns the arithmetic only; every result carries the numbers that produced
//! it so the UI can show the working. Never touches a browser.
//!
//! ## Per hour
//! 1. Effective handle time `h = AHT ÷ f(c)`, where `f(c)` is the efficiency
//!    factor for `c` concurrent chats (default 1, 1.7, 2.5, 2.9, 3.5 for 1–5;
//!    editable): an agent holding three chats at once finishes one every
//!    `AHT ÷ 2.5` seconds on average.
//! 2. Traffic `A = inquiries × h ÷ 3600` Erlangs (after the what-if scale).
//! 3. Agents `N`: the smallest `N > A` whose service level
//!    `SL(t) = 1 − P_w·e^{−(N−A)t/h}` reaches the target (or whose average
//!    wait `ASA = P_w·h ÷ (N − A)` is at most the target), and whose occupancy
//!    `A ÷ N` is at most the cap. An hour without inquiries needs 0.
//! 4. `FTE = N ÷ (1 − shrinkage)`.
//!
//! `P_w` (Erlang C) comes from the Erlang B recursion
//! `B(0) = 1, B(k) = A·B(k−1) ÷ (k + A·B(k−1))` and `C = N·B ÷ (N − A(1 − B))`,
//! in f64 with no powers or factorials: every step is a ratio in [0, 1], so a
//! thousand Erlangs and a thousand agents neither overflow nor underflow. The
//! search for `N` carries `B` forward one agent at a time, so it costs `O(N)`.
//!
//! ## The day and the week
//! One row of 24 hours is a typical day (repeated 7 times a week); 7 rows are
//! a week, Monday first. The roster needed is
//! `⌈max(peak FTE, agent-hours per week ÷ (shift hours × workdays per week) ÷ (1 − shrinkage))⌉`:
//! the peak hour must be covered at once, and every agent-hour must be worked
//! by someone. Both are lower bounds for any real shift plan, so the larger
//! one is. Cost is that headcount × the monthly salary per FTE.

use crate::i18n::Msg;

/// Hours in a day.
pub const HOURS: usize = 24;
/// Most agents the search staffs in one hour; beyond it an input is a typo.
pub const MAX_SEATS: u32 = 50_000;
/// The industry's efficiency factors for 1–5 concurrent chats.
pub const DEFAULT_EFFICIENCY: [f64; 5] = [1.0, 1.7, 2.5, 2.9, 3.5];

/// A typical e-commerce chat day, share of the day's inquiries per hour
/// (0–23). An illustrative shape, not a measured one: quiet nights, a
/// morning rise from 9:00, a lunch dip, an afternoon plateau and the evening
/// peak at 20:00–22:00 that Taobao shops see. Sums to 1.
pub const STANDARD_CURVE: [f64; HOURS] = [
    0.012, 0.006, 0.003, 0.002, 0.002, 0.003, 0.008, 0.020, 0.040, 0.062, 0.068, 0.062, 0.048,
    0.055, 0.062, 0.063, 0.060, 0.055, 0.050, 0.058, 0.072, 0.075, 0.068, 0.046,
];

/// The response target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// `share` of chats get a first response within `seconds` (80 % in 30 s).
    ServiceLevel { share: f64, seconds: f64 },
    /// The average wait for the first response is at most `seconds`.
    AverageWait { seconds: f64 },
}

/// Every input of the staffing panel.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffingParams {
    /// Inquiries per hour of day: one row of 24 (a typical day) or seven
    /// (a week, Monday first).
    pub days: Vec<Vec<f64>>,
    /// Average handle time of one chat, in seconds.
    pub aht: f64,
    /// Chats an agent handles at once (1 … `efficiency.len()`).
    pub concurrency: u32,
    /// Efficiency factor for 1, 2, … concurrent chats.
    pub efficiency: Vec<f64>,
    pub target: Target,
    /// Share of paid time not available for chats (breaks, training, leave).
    pub shrinkage: f64,
    /// Highest occupancy allowed (0.85 = agents busy at most 85 % of the hour).
    pub max_occupancy: f64,
    /// Paid hours per shift.
    pub shift_hours: f64,
    /// Days each agent works per week.
    pub workdays_per_week: f64,
    /// What-if multiplier of every hour's inquiries (3 for 双十一).
    pub scale: f64,
    /// Monthly cost of one agent (FTE), in yuan.
    pub salary: f64,
}

impl Default for StaffingParams {
    fn default() -> Self {
        StaffingParams {
            days: vec![standard_day(3_000.0)],
            aht: 360.0,
            concurrency: 3,
            efficiency: DEFAULT_EFFICIENCY.to_vec(),
            target: Target::ServiceLevel {
                share: 0.8,
                seconds: 30.0,
            },
            shrinkage: 0.30,
            max_occupancy: 0.85,
            shift_hours: 8.0,
            workdays_per_week: 5.0,
            scale: 1.0,
            salary: 6_000.0,
        }
    }
}

/// A day of `total` inquiries spread by [`STANDARD_CURVE`], to whole inquiries
/// (largest remainder, so the hours add up to the rounded total).
pub fn standard_day(total: f64) -> Vec<f64> {
    if !total.is_finite() || total <= 0.0 {
        return vec![0.0; HOURS];
    }
    let total = total.round();
    let exact: Vec<f64> = STANDARD_CURVE.iter().map(|s| s * total).collect();
    let mut out: Vec<f64> = exact.iter().map(|v| v.floor()).collect();
    let mut left = total - out.iter().sum::<f64>();
    let order = crate::model::order::stable_order(HOURS, &|a, b| {
        let ra = exact.get(a).copied().unwrap_or(0.0) - out.get(a).copied().unwrap_or(0.0);
        let rb = exact.get(b).copied().unwrap_or(0.0) - out.get(b).copied().unwrap_or(0.0);
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for i in order {
        if left < 0.5 {
            break;
        }
        if let Some(v) = out.get_mut(i) {
            *v += 1.0;
            left -= 1.0;
        }
    }
    out
}

/// The inputs that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StaffField {
    Days,
    /// Hour `1` of day `0`.
    Volume(usize, usize),
    Aht,
    Concurrency,
    Efficiency(usize),
    Target,
    Shrinkage,
    MaxOccupancy,
    ShiftHours,
    Workdays,
    Scale,
    Salary,
}

/// An input problem: which field and why.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffProblem {
    pub field: StaffField,
    pub msg: Msg,
}

impl StaffingParams {
    /// Every problem with the inputs; empty when they can be used.
    pub fn validate(&self) -> Vec<StaffProblem> {
        let mut out = Vec::new();
        let mut bad = |field, ok: bool, msg| {
            if !ok {
                out.push(StaffProblem { field, msg });
            }
        };
        let pos = |v: f64| v.is_finite() && v > 0.0;
        bad(
            StaffField::Days,
            (1..=7).contains(&self.days.len()) && self.days.iter().all(|d| d.len() == HOURS),
            Msg::StaffErrDays,
        );
        for (d, day) in self.days.iter().enumerate() {
            for (h, v) in day.iter().enumerate() {
                bad(
                    StaffField::Volume(d, h),
                    v.is_finite() && (0.0..=1e7).contains(v),
                    Msg::StaffErrVolume,
                );
            }
        }
        bad(
            StaffField::Aht,
            pos(self.aht) && self.aht <= 7_200.0,
            Msg::StaffErrAht,
        );
        bad(
            StaffField::Concurrency,
            self.concurrency >= 1
                && usize::try_from(self.concurrency).is_ok_and(|c| c <= self.efficiency.len()),
            Msg::StaffErrConcurrency,
        );
        for (i, f) in self.efficiency.iter().enumerate() {
            bad(
                StaffField::Efficiency(i),
                pos(*f) && *f <= 20.0,
                Msg::StaffErrEfficiency,
            );
        }
        match self.target {
            Target::ServiceLevel { share, seconds } => {
                bad(
                    StaffField::Target,
                    share.is_finite() && share > 0.0,
                    Msg::StaffErrShare,
                );
                bad(
                    StaffField::Target,
                    share.is_nan() || share < 1.0,
                    Msg::StaffErrUnreachable,
                );
                bad(
                    StaffField::Target,
                    seconds.is_finite() && (0.0..=3_600.0).contains(&seconds),
                    Msg::StaffErrSeconds,
                );
            }
            Target::AverageWait { seconds } => {
                bad(
                    StaffField::Target,
                    !(seconds.is_finite() && seconds <= 0.0),
                    Msg::StaffErrAsaZero,
                );
                bad(
                    StaffField::Target,
                    seconds.is_finite() && seconds <= 3_600.0,
                    Msg::StaffErrSeconds,
                );
            }
        }
        bad(
            StaffField::Shrinkage,
            self.shrinkage.is_finite() && (0.0..=0.9).contains(&self.shrinkage),
            Msg::StaffErrShrinkage,
        );
        bad(
            StaffField::MaxOccupancy,
            self.max_occupancy.is_finite()
                && self.max_occupancy >= 0.05
                && self.max_occupancy <= 1.0,
            Msg::StaffErrOccupancy,
        );
        bad(
            StaffField::ShiftHours,
            pos(self.shift_hours) && self.shift_hours <= 24.0,
            Msg::StaffErrShift,
        );
        bad(
            StaffField::Workdays,
            pos(self.workdays_per_week) && self.workdays_per_week <= 7.0,
            Msg::StaffErrWorkdays,
        );
        bad(
            StaffField::Scale,
            pos(self.scale) && self.scale <= 100.0,
            Msg::StaffErrScale,
        );
        bad(
            StaffField::Salary,
            self.salary.is_finite() && (0.0..=1_000_000.0).contains(&self.salary),
            Msg::StaffErrSalary,
        );
        out
    }

    /// The efficiency factor of the chosen concurrency (1 when out of range).
    pub fn factor(&self) -> f64 {
        usize::try_from(self.concurrency)
            .ok()
            .and_then(|c| c.checked_sub(1))
            .and_then(|i| self.efficiency.get(i))
            .copied()
            .filter(|f| f.is_finite() && *f > 0.0)
            .unwrap_or(1.0)
    }

    /// Handle time per chat after concurrency, in seconds.
    pub fn effective_aht(&self) -> f64 {
        self.aht / self.factor()
    }

    /// Every day's total inquiries (before the what-if scale).
    pub fn daily_totals(&self) -> Vec<f64> {
        self.days.iter().map(|d| d.iter().sum()).collect()
    }
}

/// Erlang B: the blocking probability of `a` Erlangs offered to `n` servers,
/// by the stable recursion in the module docs.
pub fn erlang_b(a: f64, n: u32) -> f64 {
    let mut b = 1.0;
    for k in 1..=n {
        b = a * b / (f64::from(k) + a * b);
    }
    b
}

/// Erlang C from Erlang B for the same `a` and `n`: the probability that a
/// chat waits. 1 when `n ≤ a` (the queue never settles).
pub fn c_from_b(a: f64, n: u32, b: f64) -> f64 {
    let nf = f64::from(n);
    if nf <= a {
        return 1.0;
    }
    let c = nf * b / (nf - a * (1.0 - b));
    c.clamp(0.0, 1.0)
}

/// Erlang C: the probability that a chat has to wait, `a` Erlangs, `n` agents.
pub fn erlang_c(a: f64, n: u32) -> f64 {
    if a <= 0.0 {
        return 0.0;
    }
    c_from_b(a, n, erlang_b(a, n))
}

/// Share of chats answered within `t` seconds: `1 − P_w·e^{−(N−A)t/h}`.
pub fn service_level_with(pw: f64, a: f64, n: u32, h: f64, t: f64) -> f64 {
    let gap = f64::from(n) - a;
    if gap <= 0.0 {
        return 0.0;
    }
    if h <= 0.0 {
        return 1.0;
    }
    (1.0 - pw * (-gap * t / h).exp()).clamp(0.0, 1.0)
}

/// Service level for `a` Erlangs, `n` agents, handle time `h`, target `t` seconds.
pub fn service_level(a: f64, n: u32, h: f64, t: f64) -> f64 {
    service_level_with(erlang_c(a, n), a, n, h, t)
}

/// Average wait before an answer: `P_w·h ÷ (N − A)` (infinite when `N ≤ A`).
pub fn asa_with(pw: f64, a: f64, n: u32, h: f64) -> f64 {
    let gap = f64::from(n) - a;
    if gap <= 0.0 {
        return f64::INFINITY;
    }
    pw * h / gap
}

/// Average wait for `a` Erlangs, `n` agents, handle time `h`.
pub fn asa(a: f64, n: u32, h: f64) -> f64 {
    asa_with(erlang_c(a, n), a, n, h)
}

/// What set an hour's headcount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// No inquiries: nobody needed.
    Idle,
    /// The response target.
    Target,
    /// The occupancy cap needed more agents than the target.
    Occupancy,
}

/// The agents one hour needs and what they achieve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Staffed {
    pub agents: u32,
    pub p_wait: f64,
    pub service_level: f64,
    pub asa: f64,
    pub occupancy: f64,
    pub binding: Binding,
}

/// The smallest staffing of `a` Erlangs at handle time `h` that meets
/// `target` and the occupancy cap; `None` above [`MAX_SEATS`].
pub fn agents_for(a: f64, h: f64, target: Target, max_occ: f64) -> Option<Staffed> {
    if a.is_nan() || a <= 0.0 {
        return Some(Staffed {
            agents: 0,
            p_wait: 0.0,
            service_level: 1.0,
            asa: 0.0,
            occupancy: 0.0,
            binding: Binding::Idle,
        });
    }
    if !a.is_finite() || a >= f64::from(MAX_SEATS) {
        return None;
    }
    // The occupancy cap alone needs ⌈A ÷ cap⌉ agents (and always more than A).
    let by_cap = if max_occ > 0.0 {
        let x = super::round::round_dp(a / max_occ, 9).ceil();
        if x >= f64::from(MAX_SEATS) {
            return None;
        }
        x as u32
    } else {
        return None;
    };
    let meets = |sl: f64, w: f64| match target {
        Target::ServiceLevel { share, .. } => sl >= share,
        Target::AverageWait { seconds } => w <= seconds,
    };
    let t = match target {
        Target::ServiceLevel { seconds, .. } => seconds,
        Target::AverageWait { .. } => 0.0,
    };
    let mut b = 1.0;
    let mut first_target = None;
    for n in 1..=MAX_SEATS {
        b = a * b / (f64::from(n) + a * b);
        if f64::from(n) <= a {
            continue;
        }
        let pw = c_from_b(a, n, b);
        let sl = service_level_with(pw, a, n, h, t);
        let w = asa_with(pw, a, n, h);
        if first_target.is_none() && meets(sl, w) {
            first_target = Some(n);
        }
        if first_target.is_some() && n >= by_cap {
            let binding = if first_target == Some(n) {
                Binding::Target
            } else {
                Binding::Occupancy
            };
            return Some(Staffed {
                agents: n,
                p_wait: pw,
                service_level: sl,
                asa: w,
                occupancy: a / f64::from(n),
                binding,
            });
        }
    }
    None
}

/// One hour of the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HourResult {
    pub day: usize,
    pub hour: usize,
    /// Inquiries after the what-if scale.
    pub volume: f64,
    /// Erlangs.
    pub traffic: f64,
    /// `None` when no headcount up to [`MAX_SEATS`] serves the hour.
    pub staffed: Option<Staffed>,
    /// `agents ÷ (1 − shrinkage)`.
    pub fte: f64,
}

/// A problem found while staffing (not an input error: the rest still computes).
#[derive(Clone, Debug, PartialEq)]
pub enum StaffNotice {
    /// No headcount up to [`MAX_SEATS`] serves this hour at the occupancy cap.
    Unserved {
        day: usize,
        hour: usize,
        traffic: f64,
    },
    /// Every hour is zero: nothing to staff.
    NoVolume,
}

/// Everything the staffing panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffingReport {
    /// Effective handle time per chat, seconds.
    pub effective_aht: f64,
    pub factor: f64,
    /// Per day, 24 hours each.
    pub days: Vec<Vec<HourResult>>,
    /// The busiest hour by agents: (day, hour, agents).
    pub peak: Option<(usize, usize, u32)>,
    /// FTE of the peak hour.
    pub peak_fte: f64,
    /// Agent-hours in a week (a typical day counts 7 times).
    pub agent_hours_week: f64,
    /// `agent_hours_week ÷ (shift hours × workdays per week) ÷ (1 − shrinkage)`.
    pub roster_fte: f64,
    /// `⌈max(peak_fte, roster_fte)⌉`.
    pub headcount: u32,
    /// `headcount × salary` per month.
    pub cost: f64,
    pub notices: Vec<StaffNotice>,
}

fn ceil_count(x: f64) -> u32 {
    if !x.is_finite() || x <= 0.0 {
        return 0;
    }
    let r = super::round::round_dp(x, 9);
    // Saturating float-to-int conversion is the intent for absurd inputs.
    r.ceil() as u32
}

/// Staffs every hour of `p`. Call [`StaffingParams::validate`] first; with
/// invalid inputs the numbers are finite but meaningless.
pub fn plan(p: &StaffingParams) -> StaffingReport {
    let factor = p.factor();
    let h = p.effective_aht();
    let keep = (1.0 - p.shrinkage).max(0.05);
    let mut notices = Vec::new();
    let mut days = Vec::with_capacity(p.days.len());
    let mut peak: Option<(usize, usize, u32)> = None;
    let mut hours_sum = 0.0;
    let mut unserved = Vec::new();
    for (d, day) in p.days.iter().enumerate() {
        let mut row = Vec::with_capacity(HOURS);
        for (hr, v) in day.iter().enumerate() {
            let volume = v * p.scale;
            let traffic = volume * h / 3600.0;
            let staffed = agents_for(traffic, h, p.target, p.max_occupancy);
            let agents = staffed.map(|s| s.agents).unwrap_or(0);
            if staffed.is_none() {
                unserved.push((d, hr, traffic));
            }
            if agents > 0 && peak.is_none_or(|(_, _, a)| agents > a) {
                peak = Some((d, hr, agents));
            }
            hours_sum += f64::from(agents);
            row.push(HourResult {
                day: d,
                hour: hr,
                volume,
                traffic,
                staffed,
                fte: f64::from(agents) / keep,
            });
        }
        days.push(row);
    }
    for (day, hour, traffic) in unserved {
        notices.push(StaffNotice::Unserved { day, hour, traffic });
    }
    if p.days.iter().flatten().all(|v| *v <= 0.0) {
        notices.push(StaffNotice::NoVolume);
    }
    let weeks_factor = if p.days.len() == 1 { 7.0 } else { 1.0 };
    let agent_hours_week = hours_sum * weeks_factor;
    let peak_fte = f64::from(peak.map(|x| x.2).unwrap_or(0)) / keep;
    let roster_fte = if p.shift_hours > 0.0 && p.workdays_per_week > 0.0 {
        agent_hours_week / (p.shift_hours * p.workdays_per_week) / keep
    } else {
        0.0
    };
    let headcount = ceil_count(peak_fte.max(roster_fte));
    StaffingReport {
        effective_aht: h,
        factor,
        days,
        peak,
        peak_fte,
        agent_hours_week,
        roster_fte,
        headcount,
        cost: f64::from(headcount) * p.salary,
        notices,
    }
}

/// How the plan compares with the team in the data.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamCheck {
    pub team: u32,
    /// `headcount − team` (negative: spare agents).
    pub gap: i64,
    /// Hours whose traffic exceeds what the whole team could carry at the cap
    /// after shrinkage: `(day, hour, traffic, capacity)`.
    pub beyond: Vec<(usize, usize, f64, f64)>,
}

/// Compares `report` with a team of `team` agents.
pub fn check_team(p: &StaffingParams, report: &StaffingReport, team: u32) -> TeamCheck {
    let capacity = f64::from(team) * (1.0 - p.shrinkage) * p.max_occupancy;
    let beyond = report
        .days
        .iter()
        .flatten()
        .filter(|h| h.traffic > capacity + 1e-9)
        .map(|h| (h.day, h.hour, h.traffic, capacity))
        .collect();
    TeamCheck {
        team,
        gap: i64::from(report.headcount) - i64::from(team),
        beyond,
    }
}

/// Reads hour-of-day labels as a 分时接待 export writes them: `0`, `08`,
/// `0点`, `8时`, `08:00`, `08:00-09:00`, `8:00~9:00`, `00-01`. `None` when the
/// text is not an hour of 0–23.
pub fn parse_hour(label: &str) -> Option<usize> {
    let t = label.trim();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = t.get(digits.len()..).unwrap_or("").trim();
    let ok_rest = rest.is_empty()
        || rest.starts_with(':')
        || rest.starts_with('：')
        || rest.starts_with('点')
        || rest.starts_with('时')
        || rest.starts_with('-')
        || rest.starts_with('~')
        || rest.starts_with('～')
        || rest.starts_with('—')
        || rest.starts_with('至');
    if !ok_rest {
        return None;
    }
    let h: usize = digits.parse().ok()?;
    (h < HOURS).then_some(h)
}
