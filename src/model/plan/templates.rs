//! Built-in plan templates and the copy to the next month.

use super::{Grading, Plan, PlanItem, Rule};

/// Built-in plan templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    PreSales,
    AfterSales,
}

/// A template plan named `name` for `month`, from the seed material: 售前
/// weighs conversion (fixed), sales, first response, reply rate and
/// satisfaction; 售后 weighs satisfaction (fixed), refund rate, bad reviews,
/// QA score and average response.
pub fn template(t: Template, name: &str, month: &str) -> Plan {
    let items = match t {
        Template::PreSales => vec![
            PlanItem::new(
                "询单转化率",
                40.0,
                Rule::bands(&[(0.45, 100.0), (0.40, 80.0), (0.35, 60.0)], 0.0),
                true,
            ),
            PlanItem::new("客服销售额", 20.0, Rule::Relative { cap: 120.0 }, false),
            PlanItem::new(
                "首次响应时间",
                15.0,
                Rule::bands(&[(35.0, 100.0), (45.0, 80.0), (55.0, 60.0)], 0.0),
                false,
            ),
            PlanItem::new(
                "回复率",
                10.0,
                Rule::Linear {
                    zero_at: 0.9,
                    full_at: 1.0,
                    stretch: None,
                    cap: 100.0,
                },
                false,
            ),
            PlanItem::new(
                "客户满意度",
                15.0,
                Rule::Ratio {
                    target: 0.95,
                    floor: 0.0,
                    cap: 110.0,
                },
                false,
            ),
        ],
        Template::AfterSales => vec![
            PlanItem::new(
                "客户满意度",
                30.0,
                Rule::Ratio {
                    target: 0.95,
                    floor: 0.0,
                    cap: 110.0,
                },
                true,
            ),
            PlanItem::new(
                "退款率",
                20.0,
                Rule::Ratio {
                    target: 0.05,
                    floor: 0.0,
                    cap: 120.0,
                },
                false,
            ),
            PlanItem::new(
                "中差评数",
                15.0,
                Rule::bands(&[(0.0, 100.0), (1.0, 80.0), (3.0, 60.0)], 0.0),
                false,
            ),
            PlanItem::new(
                "质检得分",
                25.0,
                Rule::Linear {
                    zero_at: 60.0,
                    full_at: 95.0,
                    stretch: None,
                    cap: 100.0,
                },
                false,
            ),
            PlanItem::new(
                "平均响应时间",
                10.0,
                Rule::bands(&[(40.0, 100.0), (50.0, 80.0), (60.0, 60.0)], 0.0),
                false,
            ),
        ],
    };
    Plan {
        id: Default::default(),
        name: name.into(),
        month: month.into(),
        group: Some(match t {
            Template::PreSales => "售前".into(),
            Template::AfterSales => "售后".into(),
        }),
        items,
        grading: Grading::default_thresholds(),
    }
}

impl Plan {
    /// The next month's plan: same items (fixed ones marked so), month + 1,
    /// and a name that says which month it is for (`售前方案 2026-11` →
    /// `售前方案 2026-12`; a name without a month gets it appended), so it is
    /// never taken for this month's plan.
    pub fn copy_to_next_month(&self) -> Plan {
        let next = next_month(&self.month);
        let base = self.name.trim();
        let base = base
            .strip_suffix(self.month.as_str())
            .map(|b| b.trim_end_matches([' ', '·', '-', '_']).trim_end())
            .unwrap_or(base);
        Plan {
            name: format!("{base} {next}"),
            month: next,
            ..self.clone()
        }
    }
}

/// `"2026-11"` → `"2026-12"`, `"2026-12"` → `"2027-01"`; anything else unchanged.
pub fn next_month(m: &str) -> String {
    let Some((y, mo)) = m.split_once('-') else {
        return m.to_string();
    };
    match (y.parse::<i32>(), mo.parse::<u32>()) {
        (Ok(y), Ok(mo)) if (1..=12).contains(&mo) => {
            if mo == 12 {
                format!("{:04}-01", y + 1)
            } else {
                format!("{y:04}-{:02}", mo + 1)
            }
        }
        _ => m.to_string(),
    }
}
