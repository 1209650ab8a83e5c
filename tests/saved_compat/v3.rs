// The workbook the version-3 fixtures hold, written out as literals: the
// expectation of `tests/saved_compat.rs`. A copy of
// `scripts/saved_v3_data.rs` (the generator's input, which stays as it was
// at 0e5aaf7), kept apart so that model changes edit this one only.

use kpi_sandbox::i18n::Msg;
use kpi_sandbox::model::findings::{Finding, Scoring};
use kpi_sandbox::model::formula::ErrorKind;
use kpi_sandbox::model::id::Id;
use kpi_sandbox::model::metric::{HeaderMapping, ImportMemory};
use kpi_sandbox::model::months::{talent, MetricKey, MonthsSettings};
use kpi_sandbox::model::payout::{
    CoefStep, Coefficient, Component, GradeCoef, PayGate, PayoutModel, Prorate, Scenario, Tier,
    TierMode,
};
use kpi_sandbox::model::paysheet::{
    Cmp, Condition, Floor, LabelAmount, LineCalc, LineKind, PayLine, PayLines, Veto, VetoScope,
};
use kpi_sandbox::model::plan::{Band, GradeShare, GradeThreshold, Grading, Plan, PlanItem, Rule};
use kpi_sandbox::model::qa::{AgentSource, Confidence, QaParams, Role, RoleName, Sampling};
use kpi_sandbox::model::qa_noise::NoiseParams;
use kpi_sandbox::model::staffing::{StaffingParams, Target};
use kpi_sandbox::model::{Cell, Column, Direction, MetricId, Table, Unit};

fn s(x: &str) -> String {
    x.to_string()
}

fn col(name: &str, metric: Option<MetricId>, unit: Unit, direction: Direction) -> Column {
    Column {
        name: s(name),
        metric,
        unit,
        direction,
        formula: None,
    }
}

pub fn november() -> Table {
    let mut columns = vec![
        col(
            "客服昵称",
            Some(MetricId::Agent),
            Unit::Text,
            Direction::Neutral,
        ),
        col(
            "分组",
            Some(MetricId::Group),
            Unit::Text,
            Direction::Neutral,
        ),
        col(
            "询单人数",
            Some(MetricId::Inquiries),
            Unit::Count,
            Direction::Higher,
        ),
        col(
            "询单转化率",
            Some(MetricId::Conversion),
            Unit::Percent,
            Direction::Higher,
        ),
        col(
            "客服销售额",
            Some(MetricId::Sales),
            Unit::Money,
            Direction::Higher,
        ),
        col(
            "平均响应时长",
            Some(MetricId::AvgResponse),
            Unit::Seconds,
            Direction::Lower,
        ),
        col("出勤天数", None, Unit::Days, Direction::Higher),
        col("职级", None, Unit::Text, Direction::Neutral),
        col("红线", None, Unit::Text, Direction::Neutral),
        col("达标", None, Unit::Text, Direction::Neutral),
    ];
    columns.push(Column {
        formula: Some(s("=[询单人数]*2")),
        ..col("双倍询单", None, Unit::Number, Direction::Neutral)
    });
    let t = |x: &str| Cell::Text(s(x));
    let n = Cell::Number;
    let rows = vec![
        vec![
            t("小雨"),
            t("售前"),
            n(900.0),
            n(0.415),
            n(123456.78),
            n(25.5),
            n(22.0),
            t("P2"),
            t("无"),
            Cell::Bool(true),
            Cell::Empty,
        ],
        vec![
            t("阿杰"),
            t("售前"),
            n(750.0),
            n(0.38),
            n(98000.0),
            n(31.0),
            n(20.0),
            t("P1"),
            t("辱骂客户"),
            Cell::Bool(false),
            Cell::Empty,
        ],
        vec![
            t("Amy"),
            t("售后"),
            Cell::Invalid {
                raw: s("约300"),
                problem: Msg::ErrNotANumber,
            },
            n(0.2),
            n(45678.9),
            Cell::Invalid {
                raw: s("1分x秒"),
                problem: Msg::ErrBadDuration,
            },
            Cell::Invalid {
                raw: s("-3"),
                problem: Msg::ErrNegative,
            },
            t("P3"),
            Cell::Empty,
            Cell::Error(ErrorKind::Div0),
            Cell::Empty,
        ],
        vec![
            t("老王"),
            t("售后"),
            n(0.1 + 0.2),
            n(1.0 / 3.0),
            Cell::Invalid {
                raw: s("1e999"),
                problem: Msg::ErrNotFinite,
            },
            n(12.0),
            Cell::Empty,
            t("P2"),
            Cell::Empty,
            Cell::Error(ErrorKind::NA),
            Cell::Empty,
        ],
    ];
    Table::from_rows(columns, rows)
}

pub fn october() -> Table {
    let columns = vec![
        col(
            "客服昵称",
            Some(MetricId::Agent),
            Unit::Text,
            Direction::Neutral,
        ),
        col(
            "分组",
            Some(MetricId::Group),
            Unit::Text,
            Direction::Neutral,
        ),
        col(
            "询单转化率",
            Some(MetricId::Conversion),
            Unit::Percent,
            Direction::Higher,
        ),
    ];
    let rows = vec![
        vec![
            Cell::Text(s("小雨")),
            Cell::Text(s("售前")),
            Cell::Number(0.4),
        ],
        vec![
            Cell::Text(s("AMY")),
            Cell::Text(s("售后")),
            Cell::Number(0.25),
        ],
    ];
    Table::from_rows(columns, rows)
}

pub fn day() -> Table {
    let columns = vec![
        col(
            "客服昵称",
            Some(MetricId::Agent),
            Unit::Text,
            Direction::Neutral,
        ),
        col(
            "询单人数",
            Some(MetricId::Inquiries),
            Unit::Count,
            Direction::Higher,
        ),
    ];
    let rows = vec![vec![Cell::Text(s("小雨")), Cell::Number(41.0)]];
    Table::from_rows(columns, rows)
}

fn item(
    column: &str,
    weight: f64,
    direction: Option<Direction>,
    rule: Rule,
    fixed: bool,
) -> PlanItem {
    PlanItem {
        column: s(column),
        weight,
        direction,
        rule,
        fixed,
    }
}

pub fn plans() -> Vec<Plan> {
    vec![
        Plan {
            id: Id(1),
            name: s("售前考核方案"),
            month: s("2026-11"),
            group: Some(s("售前")),
            items: vec![
                item(
                    "询单转化率",
                    30.0,
                    None,
                    Rule::Bands {
                        bands: vec![
                            Band {
                                threshold: 0.45,
                                points: 100.0,
                            },
                            Band {
                                threshold: 0.4,
                                points: 80.0,
                            },
                        ],
                        otherwise: 10.0,
                    },
                    true,
                ),
                item(
                    "客服销售额",
                    25.0,
                    None,
                    Rule::Ratio {
                        target: 100000.0,
                        floor: 20.0,
                        cap: 120.0,
                    },
                    false,
                ),
                item(
                    "平均响应时长",
                    20.0,
                    Some(Direction::Lower),
                    Rule::Linear {
                        zero_at: 60.0,
                        full_at: 20.0,
                        stretch: Some((10.0, 110.0)),
                        cap: 110.0,
                    },
                    false,
                ),
                item("询单人数", 15.0, None, Rule::Relative { cap: 130.0 }, false),
                item(
                    "出勤天数",
                    10.0,
                    Some(Direction::Higher),
                    Rule::Gate {
                        threshold: 18.0,
                        zero_total: true,
                    },
                    false,
                ),
            ],
            grading: Grading::Thresholds(vec![
                GradeThreshold {
                    label: s("S"),
                    min: 95.0,
                },
                GradeThreshold {
                    label: s("A"),
                    min: 80.0,
                },
                GradeThreshold {
                    label: s("B"),
                    min: 0.0,
                },
            ]),
        },
        Plan {
            id: Id(2),
            name: s("全员排名方案"),
            month: s("2026-11"),
            group: None,
            items: vec![
                item("客服销售额", 50.0, None, Rule::Rank, false),
                item("询单转化率", 50.0, None, Rule::Percentile, true),
            ],
            grading: Grading::Forced(vec![
                GradeShare {
                    label: s("优"),
                    share: 0.2,
                },
                GradeShare {
                    label: s("良"),
                    share: 0.7,
                },
                GradeShare {
                    label: s("差"),
                    share: 0.1,
                },
            ]),
        },
        Plan {
            id: Id(3),
            name: s("售前考核方案 · 2026-12"),
            month: s("2026-12"),
            group: Some(s("售前")),
            items: vec![item(
                "询单转化率",
                100.0,
                None,
                Rule::Linear {
                    zero_at: 0.2,
                    full_at: 0.5,
                    stretch: None,
                    cap: 100.0,
                },
                true,
            )],
            grading: Grading::Thresholds(vec![GradeThreshold {
                label: s("合格"),
                min: 0.0,
            }]),
        },
    ]
}

pub fn payouts() -> Vec<PayoutModel> {
    let la = |label: &str, amount: f64| LabelAmount {
        label: s(label),
        amount,
    };
    vec![
        PayoutModel {
            id: Id(4),
            name: s("月度绩效奖金"),
            components: vec![
                Component::Target {
                    base: 1000.0,
                    coef: Coefficient::ScoreTable {
                        steps: vec![
                            CoefStep {
                                min: 95.0,
                                coef: 1.5,
                            },
                            CoefStep {
                                min: 60.0,
                                coef: 0.8,
                            },
                        ],
                        otherwise: 0.0,
                    },
                },
                Component::Target {
                    base: 500.0,
                    coef: Coefficient::GradeTable(vec![
                        GradeCoef {
                            grade: s("S"),
                            coef: 1.2,
                        },
                        GradeCoef {
                            grade: s("A"),
                            coef: 1.0,
                        },
                    ]),
                },
                Component::Target {
                    base: 300.0,
                    coef: Coefficient::Curve {
                        threshold: 60.0,
                        start: 0.5,
                        slope: 0.025,
                        cap: 1.5,
                    },
                },
            ],
            gates: vec![
                PayGate {
                    column: s("出勤天数"),
                    threshold: 18.0,
                    fail_below: true,
                    cut: 1.0,
                },
                PayGate {
                    column: s("平均响应时长"),
                    threshold: 60.0,
                    fail_below: false,
                    cut: 0.5,
                },
            ],
            prorate: Some(Prorate {
                column: s("出勤天数"),
                full_days: 22.0,
            }),
            rounding: 10.0,
            budget: Some(20000.0),
            lines: PayLines {
                items: vec![
                    PayLine {
                        name: s("底薪"),
                        kind: LineKind::Fixed,
                        calc: LineCalc::Flat { amount: 3000.0 },
                        cap: None,
                    },
                    PayLine {
                        name: s("岗位工资"),
                        kind: LineKind::Fixed,
                        calc: LineCalc::ByLabel {
                            column: s("职级"),
                            amounts: vec![la("P1", 200.0), la("P2", 400.0)],
                            otherwise: 100.0,
                        },
                        cap: None,
                    },
                    PayLine {
                        name: s("餐补"),
                        kind: LineKind::Allowance,
                        calc: LineCalc::PerUnit {
                            column: s("出勤天数"),
                            rate: 15.0,
                            above: 0.0,
                        },
                        cap: Some(300.0),
                    },
                    PayLine {
                        name: s("全勤奖"),
                        kind: LineKind::Allowance,
                        calc: LineCalc::IfAll {
                            amount: 200.0,
                            conditions: vec![
                                Condition {
                                    column: s("出勤天数"),
                                    cmp: Cmp::Ge,
                                    value: 22.0,
                                },
                                Condition {
                                    column: s("询单人数"),
                                    cmp: Cmp::Gt,
                                    value: 0.0,
                                },
                                Condition {
                                    column: s("平均响应时长"),
                                    cmp: Cmp::Le,
                                    value: 30.0,
                                },
                                Condition {
                                    column: s("询单转化率"),
                                    cmp: Cmp::Lt,
                                    value: 1.0,
                                },
                                Condition {
                                    column: s("出勤天数"),
                                    cmp: Cmp::Eq,
                                    value: 22.0,
                                },
                            ],
                        },
                        cap: None,
                    },
                    PayLine {
                        name: s("大促奖"),
                        kind: LineKind::Award,
                        calc: LineCalc::ByAgent {
                            amounts: vec![la("小雨", 500.0)],
                        },
                        cap: None,
                    },
                    PayLine {
                        name: s("响应扣款"),
                        kind: LineKind::Deduction,
                        calc: LineCalc::BelowLine {
                            column: s("询单转化率"),
                            line: 0.4,
                            rate: 1000.0,
                        },
                        cap: Some(200.0),
                    },
                    PayLine {
                        name: s("提成"),
                        kind: LineKind::Award,
                        calc: LineCalc::Column {
                            column: s("客服销售额"),
                        },
                        cap: Some(1000.0),
                    },
                ],
                vetoes: vec![
                    Veto {
                        name: s("红线"),
                        column: s("红线"),
                        findings: vec![s("辱骂客户"), s("泄露信息")],
                        scope: VetoScope::Bonus,
                    },
                    Veto {
                        name: s("任何红线"),
                        column: s("红线"),
                        findings: Vec::new(),
                        scope: VetoScope::Variable,
                    },
                ],
                floor: Floor::Variable,
                rounding: 1.0,
            },
        },
        PayoutModel {
            id: Id(5),
            name: s("销售提成"),
            components: vec![
                Component::Commission {
                    column: s("客服销售额"),
                    tiers: vec![
                        Tier {
                            from: 0.0,
                            rate: 0.005,
                        },
                        Tier {
                            from: 80000.0,
                            rate: 0.01,
                        },
                    ],
                    mode: TierMode::Marginal,
                    multiplier: 1.0,
                },
                Component::Commission {
                    column: s("客服销售额"),
                    tiers: vec![Tier {
                        from: 0.0,
                        rate: 0.001,
                    }],
                    mode: TierMode::Retroactive,
                    multiplier: 0.5,
                },
            ],
            gates: Vec::new(),
            prorate: None,
            rounding: 0.01,
            budget: None,
            lines: PayLines {
                items: Vec::new(),
                vetoes: Vec::new(),
                floor: Floor::Total,
                rounding: 0.01,
            },
        },
        PayoutModel {
            id: Id(6),
            name: s("奖金池"),
            components: vec![
                Component::Pool {
                    amount: 10000.0,
                    base_column: Some(s("出勤天数")),
                    floor: 100.0,
                    cap: Some(3000.0),
                },
                Component::Pool {
                    amount: 2000.0,
                    base_column: None,
                    floor: 0.0,
                    cap: None,
                },
            ],
            gates: Vec::new(),
            prorate: None,
            rounding: 100.0,
            budget: Some(12000.0),
            lines: PayLines {
                items: Vec::new(),
                vetoes: Vec::new(),
                floor: Floor::None,
                rounding: 10.0,
            },
        },
    ]
}

pub fn scenarios() -> Vec<Scenario> {
    let sc = |id: u32, name: &str, month: &str, plan: u32, payout: u32| Scenario {
        id: Id(id),
        name: s(name),
        month: s(month),
        plan: Id(plan),
        payout: Id(payout),
    };
    vec![
        sc(7, "现行", "2026-11", 1, 4),
        sc(8, "提成", "2026-11", 2, 5),
        // Its plan was removed: it still opens.
        sc(9, "旧方案", "2026-10", 0, 6),
    ]
}

pub fn qa() -> QaParams {
    let role = |name: RoleName, base: u32, leadership: bool, from_total: u32, salary: f64| Role {
        name,
        base,
        leadership,
        from_total,
        salary,
    };
    QaParams {
        source: AgentSource::Group(s("售前")),
        agents: 120,
        qa_per: 8,
        agents_per: 100,
        roles: vec![
            role(RoleName::Builtin(Msg::QaRoleLead), 1, true, 10, 12500.0),
            role(
                RoleName::Builtin(Msg::QaRoleGroupLeader),
                1,
                true,
                5,
                9000.0,
            ),
            role(
                RoleName::Builtin(Msg::QaRoleSpecialist),
                3,
                false,
                0,
                6500.0,
            ),
            role(
                RoleName::Builtin(Msg::QaRoleAfterSales),
                2,
                false,
                0,
                6400.0,
            ),
            role(
                RoleName::Builtin(Msg::QaRoleOtherTeams),
                3,
                false,
                0,
                6000.0,
            ),
            role(RoleName::Custom(s("培训师")), 1, false, 0, 7000.0),
        ],
        chats_per_day: 95.5,
        workdays: 21.75,
        sampling: Sampling::Reviews(20.0),
        minutes_per_review: 4.5,
        coaching_minutes: 45.0,
        productive_hours: 6.0,
        confidence: Confidence::C99,
        margin: 0.05,
        p: 0.3,
        staffing: StaffingParams {
            days: vec![
                (0..24).map(|h| f64::from(h * 10)).collect(),
                (0..24).map(|h| f64::from(300 - h * 5)).collect(),
            ],
            aht: 300.0,
            concurrency: 2,
            efficiency: vec![1.0, 0.9],
            target: Target::AverageWait { seconds: 20.0 },
            shrinkage: 0.25,
            max_occupancy: 0.9,
            shift_hours: 7.5,
            workdays_per_week: 5.5,
            scale: 3.0,
            salary: 6500.0,
        },
        noise: NoiseParams {
            confidence: Confidence::C90,
            score_column: s("质检分"),
            samples_column: s("抽检数"),
            samples: 8.0,
            sd_column: s("标准差"),
            sd: 7.5,
            bands: vec![92.0, 85.0, 70.0],
            chat_scores: vec![(s("小雨"), 96.0), (s("阿杰"), 81.5)],
        },
        findings: vec![
            Finding {
                agent: s("小雨"),
                date: s("2026-11-03"),
                item: s("态度"),
                deduction: 2.0,
                red_line: false,
            },
            Finding {
                agent: s("阿杰"),
                date: s("2026-11-12"),
                item: s("辱骂客户"),
                deduction: 20.0,
                red_line: true,
            },
        ],
        findings_scoring: Scoring::Sheet(vec![(s("态度"), 30.0), (s("专业"), 70.0)]),
    }
}

pub fn months_settings() -> MonthsSettings {
    MonthsSettings {
        aliases: vec![(s("AMY"), s("Amy"))],
        targets: vec![
            (MetricKey::Known(MetricId::Sales), 1200000.0),
            (MetricKey::Custom(s("加班时长")), 40.0),
            (MetricKey::Score, 85.0),
            (MetricKey::Pay, 30000.0),
        ],
        talent: talent::Settings {
            k: 3,
            n: 5,
            top_share: 0.25,
            bottom_share: 0.15,
            bottom_months: 3,
            probation_months: 2.0,
            specialist_months: 4.0,
            elite_months: 8.0,
            elite_score: 88.0,
            senior_months: 18.0,
            senior_score: 92.5,
        },
    }
}

pub fn memory() -> ImportMemory {
    ImportMemory {
        mappings: vec![
            HeaderMapping {
                header: s("成交额(元)"),
                metric: Some(MetricId::Sales),
                unit: Unit::Money,
            },
            HeaderMapping {
                header: s("加班时长"),
                metric: None,
                unit: Unit::Number,
            },
        ],
        drop_shop: Some(true),
    }
}
