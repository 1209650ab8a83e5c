//! The one table of user-visible text, in Chinese (default) and English.
//!
//! Every string the app shows comes from here: UI labels and the messages the
//! headless core attaches to diagnostics (the core stores a [`Msg`] key plus
//! arguments; the UI translates at render time, so switching language
//! re-translates messages already on screen). This module is plain data and
//! never touches a browser crate, so its completeness is tested natively.
//!
//! Placeholders are `{0}`, `{1}`… and are filled by [`Msg::fill`].

use serde::{Deserialize, Serialize};

/// A display language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// 简体中文, the default for browsers that prefer any Chinese locale.
    #[default]
    Zh,
    /// English, the default otherwise.
    En,
}

impl Lang {
    /// Both languages, in switch order.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// BCP 47 tag for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a stored tag (`"zh"`, `"zh-CN"`, `"en"`…); anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") {
            Some(Lang::Zh)
        } else if t == "en" || t.starts_with("en-") || t.starts_with("en_") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The default language for a browser's preference list (`navigator.languages`):
    /// Chinese when the first language the app supports is Chinese, English otherwise.
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A key of the text table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text in `lang`, placeholders unfilled.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Zh => match self { $(Msg::$key => $zh),* },
                    Lang::En => match self { $(Msg::$key => $en),* },
                }
            }
        }
    };
}

impl Msg {
    /// The text in `lang` with `{0}`, `{1}`… replaced by `args`.
    pub fn fill(self, lang: Lang, args: &[String]) -> String {
        let mut out = self.text(lang).to_string();
        for (i, a) in args.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), a);
        }
        out
    }

    /// Shorthand for `text`.
    pub fn t(self, lang: Lang) -> &'static str {
        self.text(lang)
    }
}

messages! {
    AppTitle => "客服绩效沙盘", "KPI Sandbox";
    AppTagline => "客服 KPI、绩效与奖金推演 · 数据只在本机浏览器中处理",
        "Customer-service KPIs, scores and bonuses · your data never leaves this browser";
    LanguageLabel => "语言", "Language";
    MainTabsLabel => "工作区", "Workspaces";
    TabData => "数据", "Data";
    DemoTeamName => "演示团队（虚构数据）", "Demo team (fictional data)";
    AgentsCount => "{0} 名客服 · {1} 列", "{0} agents · {1} columns";
    GridLabel => "团队月度数据", "Team monthly metrics";
    GridHelp => "方向键移动 · Enter/F2 编辑 · 直接输入即替换 · Esc 取消 · 点击表头排序",
        "Arrows move · Enter/F2 edits · typing replaces · Esc cancels · click a header to sort";
    RowNumber => "序号", "No.";
    SortAscending => "升序", "ascending";
    SortDescending => "降序", "descending";
    SortBy => "按「{0}」排序", "Sort by {0}";
    EditCell => "编辑单元格", "Edit cell";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    UndoHint => "撤销 (Ctrl+Z)", "Undo (Ctrl+Z)";
    RedoHint => "重做 (Ctrl+Shift+Z / Ctrl+Y)", "Redo (Ctrl+Shift+Z / Ctrl+Y)";
    CellEdited => "已修改 {0} 的「{1}」", "Changed {1} of {0}";
    NothingToUndo => "没有可撤销的操作", "Nothing to undo";
    NothingToRedo => "没有可重做的操作", "Nothing to redo";
    Dismiss => "关闭", "Dismiss";
    CrashTitle => "程序出错了", "Something went wrong";
    CrashBody => "页面遇到内部错误已停止运行。您的数据仍在本机；请刷新页面继续。错误信息：",
        "The page hit an internal error and stopped. Your data stays on this machine; reload to continue. Details:";
    Reload => "刷新页面", "Reload";
    MissingValue => "缺失", "missing";
    UnitPercent => "%", "%";
    UnitSeconds => "秒", "s";
    UnitYuan => "元", "¥";
    UnitDays => "天", "days";
    UnitPoints => "分", "pts";
    UnitCount => "人", "count";
    DirectionHigher => "越高越好", "higher is better";
    DirectionLower => "越低越好", "lower is better";
    CustomColumn => "自定义列", "custom column";
    // Value-parsing diagnostics (shared by imports and grid edits).
    ErrNotANumber => "「{0}」不是数字", "\"{0}\" is not a number";
    ErrNotFinite => "「{0}」不是有限数值（如 NaN、无穷大）", "\"{0}\" is not a finite number (NaN, infinity)";
    ErrBadDuration => "「{0}」不是时长；可写 32、32秒、1分20秒、00:01:20 或 32s",
        "\"{0}\" is not a duration; write 32, 32秒, 1分20秒, 00:01:20 or 32s";
    ErrNegative => "「{0}」为负数，此列不允许负值", "\"{0}\" is negative; this column does not allow negative values";
    ErrPercentRange => "「{0}」超出 0–100% 的合理范围", "\"{0}\" is outside the plausible 0–100% range";
    ErrEditNotAllowed => "该单元格不可编辑", "This cell cannot be edited";
    ErrCellOutOfRange => "单元格不存在（第 {0} 行，第 {1} 列）", "No such cell (row {0}, column {1})";
    InvalidCellTitle => "无法解析：{0}", "Could not parse: {0}";
    // Import diagnostics (io).
    ErrEmptyInput => "内容为空：没有可导入的数据", "The input is empty: nothing to import";
    ErrNoHeader => "找不到表头行", "No header row was found";
    ErrNoAgentColumn => "找不到客服昵称列（如「客服昵称」「旺旺」「Agent」）",
        "No agent column was found (such as 客服昵称, 旺旺 or Agent)";
    WarnRaggedRow => "第 {0} 行有 {1} 个单元格，表头有 {2} 个", "Row {0} has {1} cells; the header has {2}";
    WarnSummaryRowDropped => "第 {0} 行「{1}」是汇总行，已忽略", "Row {0} (\"{1}\") is a summary row and was dropped";
    WarnDuplicateAgent => "客服「{0}」出现了不止一次（第 {1} 行）", "Agent \"{0}\" appears more than once (row {1})";
    WarnBlankAgent => "第 {0} 行没有客服昵称，已忽略", "Row {0} has no agent name and was dropped";
    ErrCsvSyntax => "第 {0} 行无法按表格解析：{1}", "Row {0} could not be split into cells: {1}";
    // QA staffing (质检).
    QaRoleLead => "质检主管", "QA lead";
    QaRoleGroupLeader => "质检组长", "QA group leader";
    QaRoleSpecialist => "质检专员", "QA specialist";
    QaRoleAfterSales => "售后质检专员", "After-sales QA specialist";
    QaRoleOtherTeams => "其他团队质检", "QA for other teams";
    QaErrAgents => "客服人数须是 0 到 100,000 之间的整数", "Agents must be a whole number from 0 to 100,000";
    QaErrRatio => "比例须是 1 到 100,000 之间的整数", "The ratio needs whole numbers from 1 to 100,000";
    QaErrNoSpecialist => "至少需要一个基准人数大于 0 的非管理岗位，才能分配质检专员",
        "At least one non-leadership role with a base count above 0 is needed to place specialists";
    QaErrRoleBase => "基准人数须是 0 到 1,000 之间的整数", "Base count must be a whole number from 0 to 1,000";
    QaErrSalary => "月薪须在 0 到 1,000,000 元之间", "Monthly salary must be between ¥0 and ¥1,000,000";
    QaErrChats => "每人每天接待量须大于 0 且不超过 5,000", "Chats per agent per day must be above 0 and at most 5,000";
    QaErrWorkdays => "每月工作日须大于 0 且不超过 31", "Workdays per month must be above 0 and at most 31";
    QaErrSampling => "抽检比例须在 0–100% 之间（大于 0），抽检次数须大于 0 且不超过月接待量",
        "The sample share must be above 0 and at most 100 %; reviews must be above 0 and at most the month's chats";
    QaErrMinutes => "每次质检用时须大于 0 且不超过 240 分钟", "Minutes per review must be above 0 and at most 240";
    QaErrCoaching => "辅导时长须在 0 到 10,000 分钟之间", "Coaching minutes must be between 0 and 10,000";
    QaErrHours => "每天有效工时须大于 0 且不超过 16 小时", "Productive hours must be above 0 and at most 16";
    QaErrMargin => "误差范围须在 ±0.5% 到 ±50% 之间", "The margin must be between ±0.5 % and ±50 %";
    QaErrP => "预期比例须在 0 和 100% 之间（不含两端）", "The expected proportion must be strictly between 0 and 100 %";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for m in Msg::ALL {
            assert!(!m.text(Lang::Zh).trim().is_empty(), "{m:?} zh empty");
            assert!(!m.text(Lang::En).trim().is_empty(), "{m:?} en empty");
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        for m in Msg::ALL {
            for i in 0..4 {
                let p = format!("{{{i}}}");
                assert_eq!(
                    m.text(Lang::Zh).contains(&p),
                    m.text(Lang::En).contains(&p),
                    "{m:?} placeholder {p}"
                );
            }
        }
    }

    #[test]
    fn browser_preferences_pick_the_language() {
        let cases: &[(&[&str], Lang)] = &[
            (&["zh-CN", "en"], Lang::Zh),
            (&["zh-TW"], Lang::Zh),
            (&["en-US", "zh-CN"], Lang::En),
            (&["fr-FR", "zh-CN"], Lang::Zh),
            (&["fr-FR"], Lang::En),
            (&[], Lang::En),
        ];
        for (prefs, want) in cases {
            assert_eq!(
                Lang::from_preferences(prefs.iter().copied()),
                *want,
                "{prefs:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            Msg::AgentsCount.fill(Lang::Zh, &["30".into(), "19".into()]),
            "30 名客服 · 19 列"
        );
        assert_eq!(
            Msg::AgentsCount.fill(Lang::En, &["30".into(), "19".into()]),
            "30 agents · 19 columns"
        );
    }
}
