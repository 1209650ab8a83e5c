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
        // No Serialize/Deserialize: saved files hold stable codes
        // (`io::scenario::file::codes`), never these names, and serde's
        // derive for an enum of this many keys cost ≈ 200 KB of wasm.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The key's name (the variant name), for messages and tests;
            /// saved files use the codes of `io::scenario::file::codes`.
            pub fn name(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key)),* }
            }

            /// The text in `lang`, placeholders unfilled.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Zh => self.zh(),
                    Lang::En => english(self),
                }
            }

            /// The Chinese text.
            pub fn zh(self) -> &'static str {
                match self { $(Msg::$key => $zh),* }
            }

            /// The English text (through [`Msg::text`]: in the page's split
            /// build this table is a chunk of its own).
            pub fn en(self) -> &'static str {
                match self { $(Msg::$key => $en),* }
            }
        }
    };
}

/// The English table, in the one-binary build (native, tests, the worker).
#[cfg(not(feature = "split"))]
fn english(m: Msg) -> &'static str {
    m.en()
}

/// In the page's split build (#16 size) the English table is a chunk of its
/// own (`ui::lazy`), fetched before the first English render, on the first
/// switch to English, or in the background; it is installed here once
/// fetched. Until then (or if it cannot be fetched) a text falls back to
/// Chinese, never to nothing.
#[cfg(feature = "split")]
static ENGLISH: std::sync::OnceLock<fn(Msg) -> &'static str> = std::sync::OnceLock::new();

#[cfg(feature = "split")]
fn english(m: Msg) -> &'static str {
    match ENGLISH.get() {
        Some(en) => en(m),
        None => m.zh(),
    }
}

/// Installs the English table fetched by `ui::lazy` (split build only).
#[cfg(feature = "split")]
pub fn install_english(en: fn(Msg) -> &'static str) {
    let _ = ENGLISH.set(en);
}

/// Whether texts in `lang` can be shown as written.
pub fn ready(lang: Lang) -> bool {
    #[cfg(feature = "split")]
    if lang == Lang::En {
        return ENGLISH.get().is_some();
    }
    let _ = lang;
    true
}

/// English nouns that follow a count in the table's texts, plural → singular.
const PLURALS: &[(&str, &str)] = &[
    ("agents", "agent"),
    ("notes", "note"),
    ("columns", "column"),
    ("files", "file"),
    ("rows", "row"),
    ("findings", "finding"),
    ("months", "month"),
    ("plans", "plan"),
    ("hours", "hour"),
    ("pages", "page"),
    ("problems", "problem"),
    ("cells", "cell"),
    ("levels", "level"),
    ("arguments", "argument"),
    ("characters", "character"),
    ("points", "point"),
    ("days", "day"),
    ("vetoes", "veto"),
    ("parts", "part"),
    ("gates", "gate"),
    ("reviews", "review"),
    ("chats", "chat"),
    ("items", "item"),
    ("payout models", "payout model"),
    ("percentage points", "percentage point"),
];

/// "1 notes" → "1 note": a lone 1 (not 11, 2.1 or 1,001) before a plural noun.
fn singular_after_one(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("1 ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let prev = before
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back());
        let lone = !prev.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',');
        let tail = after.get(2..).unwrap_or("");
        let hit = PLURALS.iter().find(|(p, _)| {
            tail.starts_with(p)
                && !tail
                    .get(p.len()..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_alphanumeric)
        });
        match hit {
            Some((p, one)) if lone => {
                out.push_str("1 ");
                out.push_str(one);
                rest = tail.get(p.len()..).unwrap_or("");
            }
            _ => {
                out.push_str("1 ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Msg {
    /// The text in `lang` with `{0}`, `{1}`… replaced by `args`.
    pub fn fill(self, lang: Lang, args: &[String]) -> String {
        let mut out = self.text(lang).to_string();
        for (i, a) in args.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), a);
        }
        if lang == Lang::En && args.iter().any(|a| a == "1") {
            out = singular_after_one(&out);
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
    TeamData => "团队数据", "Team data";
    AgentsCount => "{0} 名客服 · {1} 列", "{0} agents · {1} columns";
    GridLabel => "团队月度数据", "Team monthly metrics";
    GridHelp => "方向键移动 · Shift+方向键/拖动选择区域 · Ctrl+C/V 复制粘贴 · Ctrl+D 向下填充 · Ctrl+F 查找 · Enter/F2 编辑 · 直接输入即替换 · Esc 取消 · 点击表头排序",
        "Arrows move · Shift+arrows or drag select a range · Ctrl+C/V copy and paste · Ctrl+D fills down · Ctrl+F finds · Enter/F2 edits · typing replaces · Esc cancels · click a header to sort";
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
        "\"{0}\" is not a duration; write 32, 32s, 80s or 00:01:20";
    ErrNegative => "「{0}」为负数，此列不允许负值", "\"{0}\" is negative; this column does not allow negative values";
    ErrFormulaCellReadOnly => "公式列的单元格由公式计算，不能直接修改；请在公式栏修改公式", "Cells of a formula column are computed; change the formula in the formula bar instead";
    ErrColumnNameEmpty => "列名不能为空", "The column name cannot be empty";
    ErrColumnNameTaken => "已有名为「{0}」的列", "There is already a column named \"{0}\"";
    ErrAgentColumnKept => "客服昵称列不能删除", "The agent column cannot be removed";
    ErrNotDataColumn => "只有数据列可以更改指标和单位", "Only data columns can change metric and unit";
    FileErrJson => "文件不是有效的 JSON：{0}", "The file is not valid JSON: {0}";
    FileErrNotOurs => "这不是客服绩效沙盘保存的文件", "This file was not saved by KPI Sandbox";
    FileErrFuture => "文件版本 {0} 比本程序支持的版本 {1} 新，请使用新版打开", "The file is version {0}, newer than this app's {1}; open it with a newer version";
    FileErrVersion => "文件缺少有效的版本号", "The file has no valid version";
    FileErrShape => "文件内容不完整或格式不对：{0}", "The file is incomplete or malformed: {0}";
    FileErrRowWidth => "该行有 {0} 个单元格，应为 {1} 个", "This row has {0} cells; it should have {1}";
    FileProblemAt => "{0}：{1}", "{0}: {1}";
    AutosaveRestored => "已恢复上次未完成的工作（自动保存）", "Your previous work was restored (autosave)";
    AutosaveBroken => "自动保存的数据无法恢复（{0}），已另存备份并载入演示数据", "The autosave could not be restored ({0}); it was kept as a backup and the demo team was loaded";
    AutosaveFailed => "自动保存失败：{0}（浏览器存储空间可能已满）", "Autosave failed: {0} (the browser's storage may be full)";
    ErrMonthEmpty => "请填写月份（如 2026-11）", "Enter a month (such as 2026-11)";
    ErrNoSuchMonth => "没有 {0} 月的数据", "There is no data for {0}";
    ErrNoSuchPlan => "该考核方案不存在", "There is no such plan";
    ErrNotFormulaColumn => "这一列不是公式列", "This column is not a formula column";
    ErrCellOutOfRange => "单元格不存在（第 {0} 行，第 {1} 列）", "No such cell (row {0}, column {1})";
    // ---- keys for import (#13): add new ones right below this line ----
    WarnRowAboveHeader => "第 {0} 行在表头之上（标题或说明），已跳过：{1}", "Row {0} above the header (a title or notes) was skipped: {1}";
    WarnRowsAboveHeader => "第 {0}–{1} 行在表头之上（标题或说明），已跳过：{2}", "Rows {0}–{1} above the header (a title or notes) were skipped: {2}";
    WarnHintIgnored => "「{0}」的单位提示（{1}）与该指标的单位不符，按指标的单位读取", "The unit hint in “{0}” ({1}) does not fit the metric's unit; the metric's unit was used";
    WarnHintClock => "「{0}」标为秒，但数值写成时长（如 {1}）：按 分:秒 读取，{1} 读作 {2} 秒", "“{0}” says seconds, but values are written as clock times (such as {1}): read as minutes:seconds, so {1} is {2} s";
    WarnSecondsAsDays => "「{0}」的数值都小于 0.01 秒：可能是以“天”为单位保存的时间，请检查或更改该列的单位", "Every value of “{0}” is below 0.01 s: these may be times stored as fractions of a day; check the column or change its unit";
    ImpHeaderRow => "表头行", "Header row";
    ImpHeaderRowOption => "第 {0} 行：{1}", "Row {0}: {1}";
    ImpHeaderTaken => "表头取自第 {0} 行", "Header taken from row {0}";
    ImpShopPrefix => "客服名带店铺前缀（{0}）", "Agent names carry a shop prefix ({0})";
    ImpDropShop => "去掉店铺前缀（用于匹配和显示）", "Drop the shop prefix (for matching and display)";
    ImpMapMetric => "「{0}」对应的指标", "Metric for “{0}”";
    ImpMapUnit => "「{0}」的单位", "Unit of “{0}”";
    ImpCustomChoice => "自定义列", "Custom column";
    ImpMappedDictionary => "按指标词典", "from the metric dictionary";
    ImpMappedRemembered => "按之前的手动映射", "as you mapped it before";
    ImpMappedCustom => "未识别，作为自定义列", "not recognised: a custom column";
    ImpHintShown => "单位提示：{0}", "unit hint: {0}";
    ImpForgetMappings => "清除记住的列映射（{0} 项）", "Forget remembered column mappings ({0})";
    ImpMappingsForgotten => "已清除记住的列映射", "Remembered column mappings forgotten";
    ImpPeriod => "数据日期：{0} 至 {1}", "Data dates: {0} to {1}";
    ImpModeLabel => "导入方式", "How to import";
    ImpModeMonth => "作为一个月的数据（替换该月）", "As a month's data (replaces that month)";
    ImpModeJoin => "按客服合并列到当前月份", "Add its columns to the current month, matched by agent";
    ImpDays => "{0} 个日文件汇总为 {1} 月：{2}", "{0} day files rolled up to {1}: {2}";
    ImpDaysOne => "1 个日文件汇总为 {0} 月：{1}", "1 day file rolled up to {0}: {1}";
    ImpAsDay => "作为 {0} 月中的一天（{1}），与该月已导入的日文件合计", "As one day ({1}) of {0}, rolled up with that month's day files";
    ImpDaysMissing => "缺少的日期：{0}", "Days missing: {0}";
    ImpDaysAbsent => "部分日期缺席的客服：{0}", "Agents absent on some days: {0}";
    ImpDaysAbsentOne => "{0}（{1}/{2} 天）", "{0} ({1} of {2} days)";
    ImpDaysReplaced => "日期 {0} 已导入过：用新文件替换，不重复计算", "{0} was imported before: the new file replaces it (not counted twice)";
    ImpDaysKept => "该月已导入的日文件：{0} 个，与本次合计", "Day files already in this month: {0}, rolled up with these";
    ImpDaysRule => "汇总规则：人数和金额求和；转化率、客单价等按人数重算；响应时间和满意率按接待人数加权；出勤天数 = 出现的天数", "Roll-up: counts and amounts are summed; conversion, AOV and other rates are recomputed from their counts; response times and satisfaction are weighted by customers served; days worked = days present";
    ImpErrMixedMonths => "这些日文件属于不同月份（{0}）：请每次只导入同一个月的文件", "These day files are from different months ({0}): import one month's files at a time";
    ImpErrNoDate => "无法确定「{0}」的日期：文件名或标题中没有日期（如 2026-10-01）", "Could not tell the date of “{0}”: no date (such as 2026-10-01) in its name or title";
    ImpErrDayRejected => "「{0}」无法导入：{1}", "“{0}” could not be imported: {1}";
    WarnDayAgentHeader => "「{0}」的客服列是「{1}」，其他文件是「{2}」：请确认是同一种账号", "“{0}” names agents by “{1}”, the other files by “{2}”: check they are the same accounts";
    WarnDayNoOverlap => "「{0}」中的客服与其他日期的文件没有一个相同", "No agent in “{0}” appears in the other days' files";
    WarnDayInvalidCells => "汇总时跳过了 {0} 个无法读取的单元格", "{0} unreadable cells were left out of the roll-up";
    ImpFilesCount => "{0} 个文件", "{0} files";
    JoinMatched => "匹配 {0} 名客服", "{0} agents matched";
    JoinUnmatched => "当前月份中找不到的客服（不会导入）：{0}", "Not found in the current month (not imported): {0}";
    JoinMissing => "当前月份中没有出现在该表的客服：{0}", "In the current month but not in this sheet: {0}";
    JoinAmbiguous => "「{0}」可匹配多名客服：{1}", "“{0}” could be several agents: {1}";
    JoinFixLabel => "「{0}」对应当前月份的", "“{0}” is, in the current month,";
    JoinNoMatchChoice => "（不导入）", "(do not import)";
    JoinColumnsNew => "新增列：{0}", "New columns: {0}";
    JoinColumnsReplaced => "替换已有列的数值：{0}", "Replaces the values of: {0}";
    JoinConfirm => "合并 {0} 列", "Add {0} columns";
    JoinErrDuplicates => "该表中有重复的客服，无法按客服合并：{0}", "This sheet lists some agents twice, so it cannot be matched by agent: {0}";
    JoinErrNothing => "该表除客服列外没有可合并的列", "This sheet has no columns to add besides the agent column";
    JoinErrNoMonth => "当前月份没有客服，无法合并：请先导入团队数据", "The current month has no agents to match: import the team data first";
    JoinErrNoMatch => "该表中的客服与当前月份一个也没有匹配上", "No agent of this sheet matches the current month";
    JoinDone => "已合并 {0} 列（{1} 名客服）", "Added {0} columns ({1} agents)";
    InvalidCellTitle => "无法解析：{0}", "Could not parse: {0}";
    // Import diagnostics (io).
    ErrEmptyInput => "内容为空：没有可导入的数据", "The input is empty: nothing to import";
    ErrNoHeader => "找不到表头行", "No header row was found";
    ErrNoAgentColumn => "找不到客服昵称列（如「客服昵称」「旺旺」「账户名」「Agent」）；表头是：{0}。可在预览中选择另一行作为表头",
        "No agent column was found (such as Agent, or the nickname or account column of a Chinese export); the header reads: {0}. Pick another header row in the preview";
    WarnRaggedRow => "第 {0} 行有 {1} 个单元格，表头有 {2} 个", "Row {0} has {1} cells; the header has {2}";
    WarnSummaryRowDropped => "第 {0} 行「{1}」是汇总行，已忽略", "Row {0} (\"{1}\") is a summary row and was dropped";
    WarnDuplicateAgent => "客服「{0}」出现了不止一次（第 {1} 行）", "Agent \"{0}\" appears more than once (row {1})";
    WarnBlankAgent => "第 {0} 行没有客服昵称，已忽略", "Row {0} has no agent name and was dropped";
    ImpErrTooLarge => "文件过大（{0} MB），上限为 {1} MB", "The file is too large ({0} MB); the limit is {1} MB";
    ImpErrXls => "不支持旧版 .xls 文件：请在 Excel 或 WPS 中「另存为」.xlsx 或 CSV（UTF-8）后再打开", "Old .xls files are not supported: in Excel or WPS, use Save As .xlsx or CSV (UTF-8), then open that";
    ImpErrXlsx => "这是一个压缩包，不是表格文件：请打开 .xlsx、.csv 或 .txt", "This is a zip archive, not a sheet: open an .xlsx, .csv or .txt file";
    ImpErrXlsxCorrupt => "无法读取该 .xlsx 文件，文件可能已损坏或未下载完整（{0}）。请在 Excel/WPS 中打开并重新保存，或复制表格后粘贴", "This .xlsx file cannot be read; it may be damaged or incomplete ({0}). Open and save it again in Excel/WPS, or copy the range and paste it";
    ImpErrXlsxPassword => "该 .xlsx 文件有密码保护，无法读取：请在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存，再打开", "This .xlsx file is password-protected: remove the password in Excel/WPS (File → Info → Protect Workbook), save, and open it again";
    ImpErrXlsb => "不支持二进制工作簿 .xlsb：请在 Excel 中另存为 .xlsx 或 CSV", "Binary workbooks (.xlsb) are not supported: save as .xlsx or CSV in Excel";
    ImpErrXlsxEmpty => "工作簿中没有工作表", "The workbook has no sheets";
    ImpDelimSheet => "Excel/WPS 工作簿（.xlsx）", "Excel/WPS workbook (.xlsx)";
    ImpSheet => "工作表", "Sheet";
    ImpReading => "正在读取…", "Reading…";
    ImpSheetOption => "{0}（{1} 行）", "{0} ({1} rows)";
    ImpErrBinary => "「{0}」不是文本表格（可能是图片或二进制文件）", "\"{0}\" is not a text table (it looks like an image or binary file)";
    ImpErrEncoding => "无法识别文件编码，请另存为 UTF-8 编码的 CSV", "The file's encoding could not be recognised; save it as UTF-8 CSV";
    ImpErrTooManyColumns => "列数过多（{0} 列），上限为 {1} 列", "Too many columns ({0}); the limit is {1}";
    ImpErrSingleCell => "只粘贴了一个单元格「{0}」：请连同表头一起复制整个表格区域", "Only one cell was pasted (“{0}”): copy the whole range, header row included";
    ImpErrNoRows => "只有表头，没有客服数据行", "There is a header row but no agent rows";
    ImpErrAllInvalid => "所有数值都无法识别，请检查是否选错了列或文件", "No value could be read; check the range or file";
    WarnUnbalancedQuote => "第 {0} 行有未闭合的引号 \"，其后的内容被并入了一个单元格；请检查原表", "Row {0} opens a quote \" that never closes, so what follows was merged into one cell; check the source";
    ImpErrRead => "读取文件失败", "The file could not be read";
    MonthLabel => "月份", "Month";
    MonthCurrent => "{0}（当前）", "{0} (current)";
    ImpAsMonth => "导入为月份", "Import as month";
    ImpMonthHint => "填当前月份则替换当前数据；填其他月份则新增一个月，当前月份的数据保留", "The current month replaces its data; another month adds a month and keeps the current one";
    ScoresMonthFallback => "方案月份 {0} 没有数据，以下按当前月份 {1} 的数据计算。", "There is no data for the plan's month {0}; scores below use the current month {1}.";
    ScoresMonth => "数据月份：{0}", "Data month: {0}";
    ExportCsv => "导出 CSV", "Export CSV";
    ExportScoresCsv => "导出成绩 CSV", "Export scores CSV";
    SaveWorkbook => "保存工作簿文件", "Save workbook file";
    FileTeamData => "团队数据", "team-data";
    FileScores => "成绩", "scores";
    FileWorkbook => "客服绩效沙盘", "kpi-sandbox";
    DownloadFailed => "下载失败：{0}", "Download failed: {0}";
    WbPreview => "工作簿文件：{0} 个月份（当前 {1}），{2} 个考核方案", "Workbook file: {0} months (current {1}), {2} plans";
    WbReplaceWarning => "打开后将替换当前的全部数据、方案和质检设置（可以撤销）。", "Opening replaces all current data, plans and QA inputs (you can undo).";
    WbOpen => "打开此工作簿", "Open this workbook";
    WbRefused => "文件有 {0} 处问题，未做任何改动：", "The file has {0} problems; nothing was changed:";
    ImpPasteButton => "粘贴数据", "Paste data";
    ImpOpenFile => "打开文件", "Open file";
    ImpRestoreDemo => "恢复演示数据", "Restore the demo team";
    ImpHint => "在 Excel/WPS 中复制表格后直接按 Ctrl+V，或把 CSV 文件拖到这里", "Copy a range in Excel/WPS and press Ctrl+V here, or drop a CSV file here";
    ImpPasteLabel => "粘贴区（手机、平板可用）", "Paste area (for touch devices)";
    ImpPastePlaceholder => "把从 Excel、WPS、赤兔或千牛复制的表格粘贴到这里", "Paste a range copied from Excel, WPS, Chitu or Qianniu here";
    ImpPreviewButton => "预览", "Preview";
    ImpPreviewTitle => "导入预览：{0}", "Import preview: {0}";
    ImpSourcePaste => "粘贴的内容", "pasted text";
    ImpEncoding => "编码：{0}", "Encoding: {0}";
    ImpDelimiter => "分隔符：{0}", "Delimiter: {0}";
    ImpDelimTab => "制表符（从表格复制）", "tab (copied from a spreadsheet)";
    ImpDelimComma => "逗号（CSV）", "comma (CSV)";
    ImpDelimSemicolon => "分号", "semicolon";
    ImpRows => "{0} 名客服，{1} 列", "{0} agents, {1} columns";
    // ---- keys for worker (#16): add new ones right below this line ----
    ImpErrXlsCorrupt => "无法读取该 .xls 文件，文件可能已损坏或未下载完整（{0}）。请在 Excel/WPS 中打开并另存为 .xlsx，或复制表格后粘贴", "This .xls file cannot be read; it may be damaged or incomplete ({0}). Open it in Excel/WPS and save it as .xlsx, or copy the range and paste it";
    ImpErrXlsPassword => "该 .xls 文件有密码保护（已加密），无法读取：请在 Excel/WPS 中取消密码后另存为 .xlsx，再打开", "This .xls file is password-protected (encrypted): remove the password in Excel/WPS, save it as .xlsx, and open that";
    ImpErrOdsCorrupt => "无法读取该 .ods 文件，文件可能已损坏或未下载完整（{0}）。请在 LibreOffice/WPS 中打开并另存为 .xlsx，或复制表格后粘贴", "This .ods file cannot be read; it may be damaged or incomplete ({0}). Open it in LibreOffice/WPS and save it as .xlsx, or copy the range and paste it";
    ImpErrOdsPassword => "该 .ods 文件有密码保护，无法读取：请在 LibreOffice/WPS 中取消密码后另存为 .xlsx，再打开", "This .ods file is password-protected: remove the password in LibreOffice/WPS, save it as .xlsx, and open that";
    WorkerStartFailed => "无法启动表格读取程序（{0}），该文件未被读取，现有数据没有改动。请将文件另存为 .xlsx 或 CSV 后再打开", "The sheet reader could not start ({0}); the file was not read and nothing was changed. Save the file as .xlsx or CSV and open that instead";
    WorkerDied => "表格读取程序意外停止（{0}），现有数据没有改动。可以再试一次，或将文件另存为 .xlsx 或 CSV 后再打开", "The sheet reader stopped unexpectedly ({0}); nothing was changed. Try again, or save the file as .xlsx or CSV and open that instead";
    ImpDropped => "已忽略汇总行：{0}", "Summary rows dropped: {0}";
    ImpProblems => "{0} 条提示", "{0} notes";
    ImpColumns => "列的识别结果", "How columns were recognised";
    ImpConfirm => "确认导入 {0} 名客服", "Import {0} agents";
    ImpCancel => "取消", "Cancel";
    ImpNothingChanged => "当前数据没有任何改动。", "Nothing was changed.";
    UnitRatioName => "比值", "ratio";
    ColumnMetric => "对应指标", "Metric";
    ColumnCustom => "（自定义列）", "(custom column)";
    AddRow => "添加一行", "Add a row";
    RemoveRow => "删除第 {0} 行", "Remove row {0}";
    UnitTextName => "文本", "text";
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
    // Formulas (公式).
    FxErrExpected => "此处应为 {0}", "Expected {0} here";
    FxErrTooDeep => "公式嵌套太深：括号、函数、正负号和 % 最多嵌套 {0} 层", "The formula is nested too deeply: brackets, functions, signs and % nest at most {0} levels";
    FxErrArrayItem => "数组常量只能包含数字、文本或 TRUE/FALSE，如 {0,60,70}", "An array constant holds numbers, text or TRUE/FALSE, like {0,60,70}";
    FxErrUnexpectedEnd => "公式不完整", "The formula is incomplete";
    FxErrEmptyRef => "[ ] 中缺少列名", "A column name is missing inside [ ]";
    FxErrBadNumber => "「{0}」不是有效数字", "\"{0}\" is not a valid number";
    FxErrUnclosedText => "文本缺少结尾的引号 \"", "The text is missing its closing quote \"";
    FxErrUnclosedRef => "列名缺少结尾的 ]", "The column name is missing its closing ]";
    FxErrUnexpected => "此处不应出现「{0}」", "\"{0}\" is not expected here";
    FxErrEmpty => "公式为空", "The formula is empty";
    FxErrArity => "函数 {0} 需要 {1} 个参数，这里有 {2} 个", "{0} takes {1} arguments; this call has {2}";
    FxUnknownColumn => "找不到列「{0}」{1}", "There is no column \"{0}\"{1}";
    FxUnknownFunction => "未知函数 {0}{1}", "Unknown function {0}{1}";
    FxDidYouMean => "，是不是「{0}」？", "; did you mean \"{0}\"?";
    FxCycle => "循环引用：{0}", "Circular reference: {0}";
    FxExplainDiv0 => "除数为 0（或对空列求平均）", "division by zero (or an average of nothing)";
    FxExplainValue => "值的类型不对（如文本参与运算）", "a value of the wrong type (such as text in arithmetic)";
    FxExplainName => "公式中有未知的列名或函数名", "an unknown column or function name in the formula";
    FxExplainNA => "查找不到对应的值", "the lookup found no value";
    FxExplainNum => "数值超出范围（如负数开方、溢出）", "a number out of range (a root of a negative, overflow)";
    FxExplainCycle => "公式直接或间接引用了自己", "the formula refers to itself, directly or through other columns";
    FxSuggestions => "可选的列名和函数", "Column and function suggestions";
    ColumnName => "列名", "Column name";
    ColumnUnit => "单位", "Unit";
    UnitNumberName => "数值", "number";
    FormulaLabel => "公式", "Formula";
    FormulaApply => "应用", "Apply";
    AddColumn => "添加列", "Add column";
    // ---- keys for spreadsheet oracle (#14): add new ones right below this line ----
    AddFormulaColumn => "新增公式列", "New formula column";
    RemoveColumn => "删除此列", "Remove this column";
    InputColumnHint => "数据列：在表格中直接修改数值；可在此更改对应指标和单位（数值按原文重新识别）。", "A data column: edit values in the grid; change its metric and unit here (values are read again from their text).";
    FormulaHelp => "像 Excel 一样写公式：[列名] 引用本行的值，在 SUM、AVERAGE、RANK.EQ 等函数中引用整列；[@列名] 总是本行。例：=[询单人数]*[询单转化率]，=RANK.EQ([@客单价],[客单价])，=LOOKUP([询单转化率],{0,0.35,0.4,0.45},{0,60,80,100})。",
        "Write formulas as in Excel: [column] is this row's value, and the whole column inside SUM, AVERAGE, RANK.EQ and the like; [@column] is always this row. E.g. =[Inquiries]*[Conversion rate], =RANK.EQ([@AOV],[AOV]), =LOOKUP([Conversion rate],{0,0.35,0.4,0.45},{0,60,80,100}).";
    FxBuiltinSales => "客服销售额(公式)", "Sales (formula)";
    FxBuiltinConversion => "询单转化率(公式)", "Conversion rate (formula)";
    FxBuiltinAov => "客单价(公式)", "AOV (formula)";
    FormulaColumnTitle => "公式列：{0}", "Formula column: {0}";
    FxSyntaxAt => "第 {0} 个字符处：{1}", "At character {0}: {1}";
    // KPI plans (考核方案).
    PlanErrItemCount => "考核项须为 1–12 项（现有 {0} 项）", "A plan needs 1–12 items (it has {0})";
    PlanErrWeightSum => "权重合计须为 100%（现为 {0}%）", "Weights must sum to 100 % (they sum to {0} %)";
    PlanErrWeightMin => "第 {0} 项权重 {1}% 低于 5%", "Item {0}: weight {1} % is below 5 %";
    PlanErrWeightStep => "第 {0} 项权重 {1}% 不是 5% 的整数倍", "Item {0}: weight {1} % is not a multiple of 5 %";
    PlanErrNoColumn => "第 {0} 项：找不到列「{1}」", "Item {0}: there is no column \"{1}\"";
    PlanWarnMissing => "第 {0} 项「{1}」有 {2} 名客服缺少数据，按 0 分计", "Item {0} ({1}): {2} agents have no value and score 0 points";
    PlanWarnDuplicate => "第 {0} 项与前面的考核项重复考核「{1}」", "Item {0} measures {1} again";
    PlanWarnItemCount => "通常方案有 3–8 项（现有 {0} 项）", "Plans usually have 3–8 items (this one has {0})";
    PlanErrGrades => "至少需要一个等级", "At least one grade is needed";
    PlanErrShares => "强制分布的比例合计须为 100%（现为 {0}%）", "Forced-distribution shares must sum to 100 % (they sum to {0} %)";
    PlanErrTarget => "第 {0} 项的目标值须为大于 0 的数", "Item {0}: the target must be a number above 0";
    PlanErrCap => "第 {0} 项的封顶/保底设置无效（保底不能高于封顶）", "Item {0}: invalid cap or floor (the floor cannot exceed the cap)";
    PlanErrLinear => "第 {0} 项：0 分点与 100 分点不能相同，挑战点须在 100 分点之外", "Item {0}: the 0-point and 100-point values must differ, and the stretch point must lie beyond the 100-point value";
    PlanErrBands => "第 {0} 项：分档表至少需要一档，且各档为有效数字", "Item {0}: the band table needs at least one band of valid numbers";
    TabPlan => "考核方案", "Plan";
    TabScores => "成绩", "Scores";
    TplPreSales => "售前考核方案", "Pre-sales plan";
    TplAfterSales => "售后考核方案", "After-sales plan";
    PlanTitle => "考核方案", "KPI plan";
    PlanSelect => "当前方案", "Plan";
    PlanAddPreSales => "售前模板", "Pre-sales template";
    PlanAddAfterSales => "售后模板", "After-sales template";
    PlanAddBlank => "空白方案", "Blank plan";
    PlanBlankName => "新方案", "New plan";
    PlanDuplicate => "复制方案", "Duplicate plan";
    PlanNextMonth => "复制到下月", "Copy to next month";
    PlanRemove => "删除方案", "Remove plan";
    PlanName => "方案名称", "Plan name";
    PlanMonth => "考核月份", "Month";
    PlanGroup => "适用分组", "Group";
    PlanGroupAll => "全部客服", "Everyone";
    PlanValid => "方案符合权重规则：合计 100%，每项 ≥ 5% 且为 5% 的倍数。", "The plan follows the weight rules: 100 % in all, each item ≥ 5 % and a multiple of 5 %.";
    PlanInvalid => "方案不符合规则（仍会计算，结果标记为无效）：", "The plan breaks the rules (it still computes; results are marked invalid):";
    PlanWeightSum => "权重合计 {0}%", "Weights sum to {0} %";
    PlanItems => "考核项", "Items";
    PlanColItem => "序号", "No.";
    PlanColColumn => "考核指标", "Measure";
    PlanColWeight => "权重 %", "Weight %";
    PlanColDirection => "方向", "Direction";
    PlanColRule => "计分规则", "Scoring rule";
    PlanColParams => "参数", "Parameters";
    PlanColFixed => "固定项", "Fixed";
    PlanFixedHint => "固定项在「复制到下月」时保留；其余为轮换项", "Fixed items stay when copying to next month; the others rotate";
    PlanDirAuto => "按指标（{0}）", "Auto: {0}";
    PlanAddItem => "添加考核项", "Add item";
    PlanMoveUp => "上移第 {0} 项", "Move item {0} up";
    PlanMoveDown => "下移第 {0} 项", "Move item {0} down";
    PlanCopyItem => "复制第 {0} 项", "Copy item {0}";
    CopyShort => "复制", "Copy";
    // ---- keys for formula engine (#14): add new ones right below this line ----
    PlanRemoveItem => "删除第 {0} 项", "Remove item {0}";
    PlanItemLabel => "第 {0} 项 {1}", "Item {0} {1}";
    RuleRatio => "目标达成率", "Ratio to target";
    RuleLinear => "线性区间", "Linear";
    RuleBands => "分档", "Bands";
    RuleRelative => "对比团队平均", "Vs team average";
    RuleRank => "团队排名", "Rank in team";
    RulePercentile => "百分位", "Percentile";
    RuleGate => "达标门槛", "Pass/fail gate";
    ParamTarget => "目标", "Target";
    ParamFloor => "保底分", "Floor";
    ParamCap => "封顶分", "Cap";
    ParamZeroAt => "0 分值", "0 points at";
    ParamFullAt => "100 分值", "100 points at";
    ParamStretchAt => "挑战值", "Stretch at";
    ParamStretchPoints => "挑战分", "Stretch points";
    ParamThreshold => "门槛", "Threshold";
    ParamOtherwise => "未达标得分", "Otherwise";
    ParamPoints => "得分", "Points";
    ParamZeroTotal => "未通过则总分清零", "Failing zeroes the whole score";
    ParamAddBand => "加一档", "Add band";
    ParamRemoveBand => "删除此档", "Remove band";
    ParamNone => "无需参数", "No parameters";
    GradingTitle => "等级", "Grades";
    GradingMode => "评级方式", "Grading";
    GradingThresholds => "按分数线", "By thresholds";
    GradingForced => "强制分布", "Forced distribution";
    GradeLabel => "等级", "Grade";
    GradeMin => "最低分", "Minimum";
    GradeShare => "比例 %", "Share %";
    GradeAdd => "添加等级", "Add grade";
    GradeRemove => "删除等级 {0}", "Remove grade {0}";
    GradeTieRule => "同分同等级：与更靠前者同分的客服取较好的等级。", "Equal totals share a grade: an agent tied with a better-placed one gets the better grade.";
    NoPlans => "还没有考核方案。请在「考核方案」中从模板新建。", "There is no plan yet. Create one from a template in the Plan workspace.";
    ScoresTitle => "成绩", "Scores";
    ScoresCompare => "对比方案", "Compare with";
    ScoresCompareNone => "不对比", "No comparison";
    ScoresFilter => "分组筛选", "Filter by group";
    ScoresInvalid => "该方案不符合权重规则，成绩仅供试算。", "This plan breaks the weight rules; scores are for trying out only.";
    ColRank => "排名", "Rank";
    ColAgent => "客服", "Agent";
    ColGroup => "分组", "Group";
    ColRaw => "原始值", "Value";
    ColPoints => "得分", "Points";
    ColWeighted => "加权", "Weighted";
    ColTotal => "总分", "Total";
    ColGrade => "等级", "Grade";
    ColTotalB => "对比方案总分", "Total (B)";
    ColDelta => "变化", "Change";
    ColRankB => "排名 A→B", "Rank A→B";
    ColGradeB => "等级 A→B", "Grade A→B";
    RowAverage => "团队平均", "Team average";
    CompareSummary => "{0} 人等级变化：{1} 人升级，{2} 人降级。", "Grade changes for {0} agents: {1} up, {2} down.";
    HistTitle => "总分分布", "Distribution of totals";
    HistBin => "分数段", "Range";
    HistCount => "人数", "Agents";
    WhyTitle => "为什么是这个分数：{0}", "Why this score: {0}";
    WhyHint => "点击客服查看每一分的来历。", "Click an agent to see where every point comes from.";
    WhyTotal => "总分 {0} = 各项加权分之和；第 {1} 名，等级 {2}", "Total {0} = the sum of weighted points; rank {1}, grade {2}";
    // ---- keys for staffing and QA noise (#19): add new ones right below this line ----
    NoisePayWarn => "{0} 名客服的奖金在质检抽样误差（{1}% 置信度）之内就会跨档或变化：差别可能只是运气", "{0} agents' pay changes within the QA sampling error ({1} % confidence): the difference may be luck";
    NoisePayRow => "{0}：{1}（质检得分取区间两端时 {2} – {3}）", "{0}: {1} ({2} – {3} with the QA score at either end of its interval)";
    StaffFile => "或选择分时接待文件（.xlsx/.csv）", "or pick the hourly reception file (.xlsx/.csv)";
    NoisePasteChats => "粘贴每通会话的质检得分（客服、得分两列）", "Paste per-chat QA scores (agent and score columns)";
    NoisePasteRead => "读取会话得分", "Read the chat scores";
    NoiseChatsLoaded => "已载入 {0} 通会话得分（{1} 名客服）：这些客服按各自的抽检数和标准差计算区间", "{0} chat scores loaded ({1} agents): their intervals use their own sample count and sd";
    NoiseChatsSkipped => "{0} 行未读取（第 {1} 行…）", "{0} rows not read (row {1}…)";
    NoiseChatsNone => "没有找到「客服」和「得分」两列", "No agent and score columns found";
    NoiseChatsClear => "清除会话得分", "Clear the chat scores";
    FindErrDeduction => "扣分须为 0 到 1,000 之间的数（最多 10 万条记录）", "A deduction must be between 0 and 1,000 (at most 100,000 findings)";
    FindTitle => "质检记录（扣分明细）", "QA findings";
    FindIntro => "粘贴或导入每条质检记录（客服、日期、质检项、扣分、是否红线），按月汇总成质检得分（100 分起扣，或按质检项满分表）和红线标记，写入团队数据后可用于考核方案和奖金门槛。", "Paste or import findings (agent, date, item, deduction, red line); they roll up by month to a QA score (100 minus deductions, or an item sheet) and a red-line flag, written into the team data for plans and payout gates.";
    FindPaste => "粘贴质检记录（含表头：客服、日期、质检项、扣分、是否红线）", "Paste findings (with headers: agent, date, item, deduction, red line)";
    FindRead => "读取质检记录", "Read the findings";
    FindReadDone => "读取 {0} 条记录；本月 {1} 名客服有扣分，{2} 名触犯红线", "Read {0} findings; this month {1} agents have deductions, {2} crossed a red line";
    FindMissing => "没有找到「客服」和「扣分」表头", "No agent and deduction headers found";
    FindSkipped => "第 {0} 行未读取：{1}", "Row {0} not read: {1}";
    FindSkipNoAgent => "缺少客服", "no agent";
    FindSkipDeduction => "扣分「{0}」不是数字", "deduction \"{0}\" is not a number";
    FindSkipRedLine => "红线「{0}」应为 是/否", "red line \"{0}\" should be yes or no";
    FindUnknown => "团队数据中没有这些客服（记录已保留，未计分）：{0}", "These agents are not in the team data (kept, not scored): {0}";
    FindOtherMonths => "{0} 条记录不属于 {1}，未计入", "{0} findings are not from {1} and were not counted";
    FindWrite => "写入团队数据（质检得分、红线两列）", "Write into the team data (QA score and red-line columns)";
    FindColFindings => "记录数", "Findings";
    FindColDeducted => "扣分合计", "Deducted";
    FindColRedLine => "红线", "Red line";
    FindScoring => "计分方式", "Scoring";
    FindScoringDeduct => "100 分起扣", "100 minus deductions";
    FindScoringSheet => "质检项满分表", "Item sheet";
    FindSheet => "质检项满分（如 服务态度=30, 专业度=40, 流程=30）", "Item maximums (e.g. attitude=30, expertise=40, process=30)";
    FindYes => "是", "yes";
    StaffErrDays => "分时数据须为 1 天或 7 天（周一至周日），每天 24 个时段", "Hourly data must be 1 day or 7 days (Monday first), 24 hours each";
    StaffErrVolume => "咨询量须为 0 或正数（不超过 1,000 万）", "Inquiries must be 0 or a positive number (at most 10 million)";
    StaffErrAht => "平均处理时长须大于 0 秒、不超过 7,200 秒", "Average handle time must be above 0 and at most 7,200 seconds";
    StaffErrConcurrency => "并发数须为 1 到效率系数表档数之间的整数", "Concurrency must be a whole number from 1 to the number of efficiency factors";
    StaffErrEfficiency => "效率系数须大于 0、不超过 20", "An efficiency factor must be above 0 and at most 20";
    StaffErrShare => "服务水平目标须大于 0%", "The service-level target must be above 0 %";
    StaffErrUnreachable => "目标无法达到：排队模型中总有咨询可能等待，100% 在时限内响应需要无限多客服；请设为 100% 以下（如 80%、90%）", "Unreachable target: in a queue some chat may always wait, so 100 % within the limit needs infinitely many agents; use less than 100 % (such as 80 % or 90 %)";
    StaffErrSeconds => "响应时限须在 0 到 3,600 秒之间", "The response time must be between 0 and 3,600 seconds";
    StaffErrAsaZero => "目标无法达到：平均等待 0 秒需要无限多客服；请设为大于 0 秒", "Unreachable target: an average wait of 0 s needs infinitely many agents; use more than 0 seconds";
    StaffErrShrinkage => "损耗率须在 0% 到 90% 之间", "Shrinkage must be between 0 % and 90 %";
    StaffErrOccupancy => "最高占用率须在 5% 到 100% 之间", "The occupancy cap must be between 5 % and 100 %";
    StaffErrShift => "班次时长须大于 0、不超过 24 小时", "Shift length must be above 0 and at most 24 hours";
    StaffErrWorkdays => "每周上班天数须大于 0、不超过 7", "Workdays per week must be above 0 and at most 7";
    StaffErrScale => "咨询量倍数须大于 0、不超过 100", "The volume multiplier must be above 0 and at most 100";
    StaffErrSalary => "人均月成本须在 0 到 1,000,000 元之间", "Monthly cost per FTE must be between 0 and 1,000,000";
    StaffNoticeUnserved => "{0}：话务量 {1} 爱尔兰，在 {3}% 最高占用率下超过 {2} 名客服也接不住（请检查咨询量和处理时长）", "{0}: {1} Erlangs cannot be served by {2} agents at the {3} % occupancy cap (check the volume and handle time)";
    StaffNoticeNoVolume => "所有时段咨询量都是 0：无需排班", "Every hour has 0 inquiries: nothing to staff";
    StaffTitle => "客服人力测算（Erlang C）", "Chat staffing (Erlang C)";
    StaffIntro => "从分时咨询量、平均处理时长、并发数和响应目标，逐小时算出需要几名客服在线，再按损耗率折算全职人数（FTE）与成本；结果可直接作为质检测算的客服人数。",
        "From inquiries per hour, handle time, concurrency and the response target, find the agents needed online each hour, then FTE after shrinkage and cost; the result can feed the QA sizing below.";
    StaffInputMode => "咨询量录入", "Volume input";
    StaffModeHourly => "逐小时录入", "Hour by hour";
    StaffModeDaily => "日总量 × 标准曲线", "Daily total × standard curve";
    StaffDailyTotal => "每日咨询总量", "Inquiries per day";
    StaffWeek => "按周（7 天）", "A week (7 days)";
    StaffHour => "时段", "Hour";
    StaffVolumeAt => "{0} 咨询量", "Inquiries at {0}";
    StaffPaste => "粘贴赤兔「分时接待」表（时段 + 咨询人数两列，或整张表）", "Paste Chitu's hourly reception sheet (hour + inquiries columns, or the whole sheet)";
    StaffPasteApply => "读取粘贴的分时数据", "Read the pasted hours";
    StaffPasteRead => "已读取 {0} 个时段（列「{1}」）", "Read {0} hours (column \"{1}\")";
    StaffPasteNone => "没有找到 0–23 时段和咨询量：请粘贴带「时段」和「咨询人数」（或接待人数）表头的表格", "No hours 0–23 with inquiries found: paste a table with an hour column and consultations (or customers served)";
    StaffPasteSkipped => "跳过第 {0} 行：{1}", "Row {0} skipped: {1}";
    StaffPasteMissing => "缺少时段：{0}（按 0 计）", "Hours missing: {0} (taken as 0)";
    StaffAht => "平均处理时长（秒/会话）", "Average handle time (s per chat)";
    StaffConcurrency => "并发数（同时接待）", "Concurrency (chats at once)";
    StaffEfficiency => "并发效率系数", "Concurrency efficiency factors";
    StaffEfficiencyAt => "{0} 个并发的效率系数", "Efficiency factor for {0} chats";
    StaffTargetMode => "响应目标", "Response target";
    StaffTargetSl => "服务水平", "Service level";
    StaffTargetAsa => "平均首响等待", "Average wait";
    StaffShare => "目标比例", "Target share";
    StaffSeconds => "响应时限（秒）", "Within (seconds)";
    StaffAsaSeconds => "平均等待不超过（秒）", "Average wait at most (s)";
    StaffShrinkage => "损耗率（休息、培训、请假）", "Shrinkage (breaks, training, leave)";
    StaffMaxOcc => "最高占用率", "Occupancy cap";
    StaffShift => "班次时长（小时）", "Shift length (hours)";
    StaffWorkdays => "每人每周上班天数", "Workdays per agent per week";
    StaffSalary => "人均月成本（元/FTE）", "Monthly cost per FTE (¥)";
    StaffWhatIf => "大促推演", "Peak-season what-if";
    StaffScale => "咨询量倍数", "Volume multiplier";
    StaffScaleX => "×{0}", "×{0}";
    StaffWorkingAht => "有效处理时长 = {0} ÷ {1}（{2} 并发）= {3} 秒", "Effective handle time = {0} ÷ {1} ({2} chats at once) = {3} s";
    StaffWorkingTraffic => "话务量 = 咨询量 × {0} ÷ 3600（爱尔兰）", "Traffic = inquiries × {0} ÷ 3600 (Erlangs)";
    StaffWorkingPeak => "高峰 {0}：{1} 名客服在线 → FTE = {1} ÷ (1 − {2}) = {3}", "Peak {0}: {1} agents online → FTE = {1} ÷ (1 − {2}) = {3}";
    StaffWorkingRoster => "每周在线工时 {0} 小时 ÷ ({1} 小时 × {2} 天) ÷ (1 − {3}) = {4} FTE", "Agent-hours per week {0} ÷ ({1} h × {2} days) ÷ (1 − {3}) = {4} FTE";
    StaffWorkingHeadcount => "所需客服 = ⌈max({0}, {1})⌉ = {2} 人；月成本 {2} × {3} = {4}", "Agents needed = ⌈max({0}, {1})⌉ = {2}; monthly cost {2} × {3} = {4}";
    StaffHeadcount => "所需客服", "Agents needed";
    StaffPeakLabel => "高峰时段", "Peak hour";
    StaffPeakFte => "高峰 FTE", "Peak FTE";
    StaffCost => "月人力成本", "Monthly cost";
    StaffTeamShort => "团队数据中有 {0} 名客服，测算需要 {2} 人：缺 {1} 人", "The team data has {0} agents; the plan needs {2}: {1} short";
    StaffTeamOk => "团队数据中有 {0} 名客服，满足测算的 {1} 人（富余 {2} 人）", "The team data has {0} agents, enough for the plan's {1} ({2} spare)";
    StaffBeyondTeam => "{0}：话务量 {1} 爱尔兰，超过全队 {2} 人在损耗和 {3}% 占用率上限下能承接的 {4} 爱尔兰", "{0}: {1} Erlangs exceed the {4} Erlangs the whole team of {2} can carry after shrinkage at the {3} % occupancy cap";
    StaffColTraffic => "话务量（爱尔兰）", "Traffic (Erlangs)";
    StaffColAgents => "在线客服", "Agents online";
    StaffColSl => "服务水平", "Service level";
    StaffColAsa => "平均等待（秒）", "Average wait (s)";
    StaffColOcc => "占用率", "Occupancy";
    StaffColFte => "FTE", "FTE";
    StaffColBinding => "约束", "Set by";
    StaffBindTarget => "响应目标", "target";
    StaffBindOcc => "占用率上限", "occupancy cap";
    StaffBindIdle => "无咨询", "no inquiries";
    StaffChartTitle => "每小时所需在线客服", "Agents needed online by hour";
    StaffTableView => "逐小时明细（表格）", "Hour by hour (table)";
    StaffHeatTitle => "一周热力图（在线客服）", "The week as a heat map (agents online)";
    StaffDay => "星期", "Day";
    StaffUse => "用测算人数做质检测算", "Use the staffing result for QA sizing";
    QaSourceStaffing => "人力测算：{0} 人", "Chat staffing: {0}";
    StaffChain => "咨询 {0} 次/天 → 客服 {1} 人 → 质检 {2} 人（{6}）→ 月成本 {3}（客服 {4} + 质检 {5}）", "Inquiries {0}/day → agents {1} → QA {2} ({6}) → monthly cost {3} (agents {4} + QA {5})";
    DayMon => "周一", "Mon";
    DayTue => "周二", "Tue";
    DayWed => "周三", "Wed";
    DayThu => "周四", "Thu";
    DayFri => "周五", "Fri";
    DaySat => "周六", "Sat";
    DaySun => "周日", "Sun";
    NoiseTitle => "质检得分的误差（置信区间）", "QA scores and their noise (confidence intervals)";
    NoiseIntro => "质检得分只来自每人每月抽检的几通会话，本身有抽样误差。区间重叠的两名客服，排名、等级或奖金档的差别可能只是运气。", "A QA score rests on a few sampled chats per agent per month, so it has a sampling error. When two agents' intervals overlap, a rank, grade or pay step between them may be luck.";
    NoiseScoreCol => "质检得分列", "QA score column";
    NoiseSamplesCol => "抽检量列", "Samples column";
    NoiseSdCol => "单通得分标准差列", "Per-chat sd column";
    NoiseFixed => "（统一数值）", "(same for all)";
    NoiseSamples => "每人抽检会话数", "Sampled chats per agent";
    NoiseSd => "单通得分标准差（分）", "Per-chat score sd (points)";
    NoiseBands => "等级分界（分，逗号分隔）", "Grade boundaries (points, comma-separated)";
    NoiseNoColumn => "团队数据中没有质检得分列：请导入含「质检得分」的数据，或在上面选择一列", "The team data has no QA score column: import data with a QA score or pick a column above";
    NoiseColAgent => "客服", "Agent";
    NoiseColScore => "质检得分", "QA score";
    NoiseColN => "抽检数", "Samples";
    NoiseColSd => "标准差", "sd";
    NoiseColInterval => "{0}% 置信区间", "{0} % interval";
    NoiseColMargin => "Cochran 误差（当前抽检）", "Cochran margin (current sampling)";
    NoiseNoInterval => "样本不足 2，无法给出区间", "fewer than 2 samples: no interval";
    NoiseOverlapBoundary => "{0}（{1}）与 {2}（{3}）被等级分界分开，但区间重叠（相差 {4} 分）；每人抽检约 {5} 通才能区分", "{0} ({1}) and {2} ({3}) fall on two sides of a grade boundary, but their intervals overlap ({4} points apart); about {5} samples per agent would separate them";
    NoiseOverlapNever => "{0}（{1}）与 {2}（{3}）被等级分界分开，但得分相同或几乎相同，多抽检也分不开", "{0} ({1}) and {2} ({3}) fall on two sides of a grade boundary, but their scores are (nearly) equal: no sample count separates them";
    NoiseRankSummary => "排名相邻的 {0} 对客服中有 {1} 对区间重叠：这些名次差别在误差之内", "{1} of {0} neighbouring pairs in the ranking have overlapping intervals: those rank differences are within the noise";
    NoiseNoIntervalList => "无法给出区间（抽检少于 2 通）：{0}", "No interval (fewer than 2 samples): {0}";
    NoiseErrSamples => "抽检数须为 0 或正数", "Samples must be 0 or a positive number";
    NoiseErrSd => "标准差须为 0 到 1,000 之间", "The sd must be between 0 and 1,000";
    NoiseErrBands => "等级分界须为数字，最多 12 个", "Grade boundaries must be numbers, at most 12";
    NoiseScoresWarn => "本方案含质检得分项：质检的抽样误差（{0}% 置信度，每人 {1} 通抽检）足以让下面这些等级分界两侧客服的总分互换", "This plan scores the QA score: its sampling error ({0} % confidence, {1} samples each) is enough to swap the totals of these agents on either side of a grade boundary";
    NoiseScoresPair => "{0}（{1}，质检 {2}）与 {3}（{4}，质检 {5}）：含质检误差的总分区间重叠；约需每人 {6} 通抽检才能分开", "{0} ({1}, QA {2}) and {3} ({4}, QA {5}): their totals overlap once the QA error is included; about {6} samples each would separate them";
    WhyGated => "未通过清零门槛，总分为 0", "A failed gate zeroes the whole score";
    WhyNext => "距离 {0} 级还差 {1} 分。", "{1} points short of grade {0}.";
    WhyNextItem => "仅靠「{0}」：需达到 {1}", "With {0} alone: reach {1}";
    WhyTop => "已是最高等级。", "Already at the top grade.";
    WhyClose => "关闭", "Close";
    ExMissing => "缺少数据，按 0 分计", "No value: 0 points";
    ExRatio => "{0} ÷ 目标 {1} × 100 = {2}", "{0} ÷ target {1} × 100 = {2}";
    ExRatioLower => "(2 − {0} ÷ 目标 {1}) × 100 = {2}", "(2 − {0} ÷ target {1}) × 100 = {2}";
    ExClamp => "，按保底 {0} / 封顶 {1} 取 {2}", ", kept within floor {0} / cap {1}: {2}";
    ExLinear => "{0}；{1} → {2}", "{0}; {1} → {2}";
    ExBand => "{0} {1} {2} → {3} 分", "{0} {1} {2} → {3} points";
    ExBandNone => "{0} 未达任何档 → {1} 分", "{0} reaches no band → {1} points";
    ExRelative => "{0} ÷ 团队平均 {1} × 100 = {2}", "{0} ÷ team average {1} × 100 = {2}";
    ExRelativeLower => "(2 − {0} ÷ 团队平均 {1}) × 100 = {2}", "(2 − {0} ÷ team average {1}) × 100 = {2}";
    ExRank => "第 {0} 名 / 共 {1} 人：100 × ({1} − {0}) ÷ ({1} − 1) = {2}", "Rank {0} of {1}: 100 × ({1} − {0}) ÷ ({1} − 1) = {2}";
    ExPercentile => "{0} 人不如 / 共 {1} 人：100 × {0} ÷ ({1} − 1) = {2}", "{0} of {1} are worse: 100 × {0} ÷ ({1} − 1) = {2}";
    ExGatePass => "门槛 {0} {1}：{2} 通过 → 100 分", "Gate {0} {1}: {2} passes → 100 points";
    ExGateFail => "门槛 {0} {1}：{2} 未通过 → 0 分", "Gate {0} {1}: {2} fails → 0 points";
    TabQa => "质检", "QA";
    QaTitle => "质检团队测算", "QA staffing";
    QaIntro => "用三种方法测算需要多少质检人员：行业经验比例、实际工作量、统计抽样精度；并估算月成本。",
        "Size the QA team three ways — the industry ratio, the actual workload, and statistical precision — and see what it costs.";
    QaAgentsTitle => "团队规模", "Team size";
    QaAgentsSource => "人数来源", "Source";
    QaSourceAll => "团队数据：全部（{0} 人）", "Team data: everyone ({0})";
    QaSourceGroup => "团队数据：{0}（{1} 人）", "Team data: {0} ({1})";
    QaSourceManual => "手动输入", "Typed in";
    QaAgentsLabel => "客服人数", "Number of agents";
    QaRatioTitle => "比例法（行业经验）", "Ratio method (rule of thumb)";
    QaRatioQa => "质检人数", "QA staff";
    QaRatioPer => "对应客服人数", "per this many agents";
    QaRatioExplain => "质检总数 = ⌈{0} × {1} ÷ {2}⌉ = ⌈{3}⌉ = {4} 人", "QA total = ⌈{0} × {1} ÷ {2}⌉ = ⌈{3}⌉ = {4} people";
    QaRolesTitle => "岗位、基准人数与月薪", "Roles, base counts and salaries";
    QaRoleName => "岗位", "Role";
    QaRoleBase => "基准人数", "Base count";
    QaRoleLeadership => "管理岗", "Leadership";
    QaRoleFrom => "质检总数达到几人时设立", "Staffed from a QA total of";
    QaRoleSalary => "月薪（元）", "Monthly salary (¥)";
    QaAddRole => "添加岗位", "Add role";
    QaRemoveRole => "删除岗位「{0}」", "Remove role {0}";
    QaNewRole => "新岗位", "New role";
    QaSplitRule => "分配规则：管理岗在质检总数达到设立门槛后，按 基准人数 × 总数 ÷ 基准总数 向下取整配置（至少 1 人）；其余名额按非管理岗的基准人数比例，以最大余数法分配（余数相同时靠前的岗位优先）。",
        "Split rule: a leadership role, once the QA total reaches its threshold, gets ⌊base × total ÷ sum of bases⌋ people (at least 1); the remaining seats go to the other roles in proportion to their base counts by largest remainder (ties to the earlier role).";
    QaWorkloadTitle => "工作量法", "Workload method";
    QaChatsPerDay => "每名客服每天接待量", "Chats per agent per day";
    QaWorkdays => "每月工作日", "Workdays per month";
    QaSamplingMode => "抽检方式", "Sampling";
    QaSampleShare => "按比例抽检", "A share of chats";
    QaSampleReviews => "每人每月固定次数", "Fixed reviews per agent";
    QaShare => "抽检比例", "Sampled share";
    QaReviews => "每人每月抽检次数", "Reviews per agent per month";
    QaMinutesPerReview => "每次质检用时（分钟）", "Minutes per review";
    QaCoaching => "每名客服每月辅导（分钟）", "Coaching minutes per agent per month";
    QaProductiveHours => "质检每天有效工时（小时）", "Productive hours per QA per day";
    QaWlReviewsShare => "每人每月抽检 = {0} × {1} × {2} = {3} 次", "Reviews per agent per month = {0} × {1} × {2} = {3}";
    QaWlReviewsFixed => "每人每月抽检 = {0} 次（固定）", "Reviews per agent per month = {0} (fixed)";
    QaWlPerAgent => "每名客服每月质检耗时 = {0} × {1} + {2} = {3} 分钟", "QA minutes per agent per month = {0} × {1} + {2} = {3}";
    QaWlTotal => "每月总工作量 = {0} × {1} = {2} 分钟", "Total per month = {0} × {1} = {2} minutes";
    QaWlCapacity => "每名质检每月产能 = {0} × 60 × {1} = {2} 分钟", "Capacity per QA per month = {0} × 60 × {1} = {2} minutes";
    QaWlFte => "折合全职 = {0} ÷ {1} = {2} → {3} 人", "FTE = {0} ÷ {1} = {2} → headcount {3}";
    QaStatTitle => "统计抽样法（Cochran 公式）", "Statistical method (Cochran)";
    // ---- keys for pay sheet (#17): add new ones right below this line ----
    PsPrintProgress => "正在打印第 {0}–{1} 份，共 {2} 份", "Printing statements {0}–{1} of {2}";
    PsPrintNext => "打印下一批（第 {0}–{1} 份）", "Print the next batch ({0}–{1})";
    StmNextLineUnpriced => "「{0}」由 {1} 改为 {2}，可达到 {3} 级", "{0} from {1} to {2} reaches grade {3}";
    PsTitle => "绩效工资表", "Pay sheet";
    PsHelp => "底薪到应发合计：绩效奖金来自上面的奖金方案，再按顺序计算红线、固定工资和补贴、扣款（各自封顶）、封底，最后一次取整。", "From base pay to gross pay: the bonus is the payout model's above; then red lines, fixed pay and allowances, deductions (each capped), the floor and one rounding, in this order.";
    PsLinesTitle => "工资项（底薪、补贴、奖励、扣款、红线）", "Pay lines (base pay, allowances, awards, deductions, red lines)";
    PsAddLabel => "添加：", "Add:";
    PsPresetBase => "底薪", "Base pay";
    PsPresetFull => "全勤奖", "Full attendance";
    PsPresetMeal => "餐补", "Meal allowance";
    PsPresetAward => "奖励", "Award";
    PsPresetQa => "质检扣款", "QA deduction";
    PsPresetLate => "迟到扣款", "Lateness deduction";
    PsPresetVeto => "红线", "Red line";
    PsKindFixed => "固定工资", "Fixed pay";
    PsKindAllowance => "补贴", "Allowance";
    PsKindAward => "奖励", "Award";
    PsKindDeduction => "扣款", "Deduction";
    PsCalcFlat => "固定金额", "Fixed amount";
    PsCalcColumn => "取列值", "Column value";
    PsCalcByLabel => "按标签（职级）", "By label (level)";
    PsCalcPerUnit => "数量 × 单价", "Count × rate";
    PsCalcBelowLine => "低于基准线 × 每分", "Below a line × per point";
    PsCalcIfAll => "满足条件发放", "If conditions hold";
    PsCalcByAgent => "按名单", "By list of agents";
    PsName => "名称", "Name";
    PsKind => "类型", "Kind";
    PsCalc => "计算方式", "How";
    PsColumn => "列", "Column";
    PsAmount => "金额（元）", "Amount (¥)";
    PsRate => "单价（元）", "Rate (¥)";
    PsAbove => "超过此数才计", "Counted above";
    PsLineAt => "基准线", "Line";
    PsCap => "月上限（可空）", "Monthly cap (optional)";
    PsOtherwise => "其他标签（元）", "Other labels (¥)";
    PsLabels => "标签=金额（用、分隔）", "label=amount (separated by commas)";
    PsAgents => "客服=金额（用、分隔）", "agent=amount (separated by commas)";
    PsConditions => "条件（如 出勤天数>=22、事假天数=0）", "Conditions (e.g. Days worked>=22, Leave days=0)";
    PsListError => "无法识别「{0}」", "Cannot read “{0}”";
    PsDelete => "删除", "Delete";
    PsVetoFindings => "红线项（用、分隔；留空 = 任何标记）", "Findings (separated by commas; empty = any flag)";
    PsScope => "否决范围", "Scope";
    PsScopeBonus => "清零绩效奖金", "Zero the bonus";
    PsScopeVariable => "清零全部浮动工资", "Zero all variable pay";
    PsFloor => "扣款封底", "Deduction floor";
    PsFloorTotal => "应发合计不低于 0", "Total at least 0";
    PsFloorVariable => "最多扣完浮动工资", "At most the variable pay";
    PsFloorNone => "不封底", "No floor";
    PsRounding => "应发合计取整到", "Round the total to";
    PsFilter => "筛选客服", "Filter agents";
    PsCsv => "工资表 CSV", "Pay sheet CSV";
    PsXlsx => "工资表 Excel", "Pay sheet Excel";
    PsStmXlsx => "个人明细 Excel（每人一页）", "Statements Excel (a sheet each)";
    PsStmCsv => "个人明细 CSV", "Statements CSV";
    PsAnon => "导出时匿名（客服01…）", "Anonymise exports (agents numbered 01, 02…)";
    PsPrintSheet => "打印工资表", "Print pay sheet";
    PsPrintShown => "打印筛选出的个人明细（{0} 人）", "Print the statements shown ({0})";
    PsPrintOne => "打印此人明细", "Print this statement";
    PsPaperWarn => "将打印 {0} 页（每人一页）。数量较多，请确认纸张和打印机。继续吗？", "This prints {0} pages (one per agent). Check paper and printer. Continue?";
    PsStmTitle => "个人绩效明细：{0}", "Statement: {0}";
    PsClickHint => "点击单元格查看该客服明细中的对应行", "Click a cell to see that line on the agent's statement";
    PsNoLines => "尚未添加工资项：工资表只含绩效奖金。", "No pay lines yet: the sheet holds the bonus only.";
    PsClose => "关闭", "Close";
    PsCount => "{0} 人，应发合计 {1}，人均 {2}", "{0} agents, gross pay {1}, average {2}";
    StmTitle => "个人绩效明细　{0}　{1}", "Performance statement · {0} · {1}";
    StmPlanLine => "考核方案：{0}　奖金方案：{1}", "Plan: {0} · payout model: {1}";
    StmColSelf => "本人", "You";
    StmColTeam => "团队平均", "Team average";
    StmColItem => "项目", "Item";
    StmColAmount => "金额（元）", "Amount (¥)";
    StmColReason => "说明", "Basis";
    StmTotalLine => "总分 {0}，排名 {1}/{2}，等级 {3}", "Total {0}, rank {1} of {2}, grade {3}";
    StmCoefLine => "绩效系数 {0}（{1}）", "Coefficient {0} ({1})";
    StmCoefStep => "得分 {0} ≥ {1}", "score {0} ≥ {1}";
    StmCoefOtherwise => "得分 {0} 低于所有档位", "score {0} below every step";
    StmCoefGrade => "等级 {0}", "grade {0}";
    StmCoefCurve => "{0} + {1} × (得分 {2} − {3})，上限 {4}", "{0} + {1} × (score {2} − {3}), at most {4}";
    StmCoefNone => "本方案不按系数计算", "this model uses no coefficient";
    StmBonusReason => "各部分 {0}，门槛系数 {1}，出勤折算 {2}，取整到 {3} 元", "parts {0}, gate factor {1}, days factor {2}, rounded to ¥{3}";
    StmBonusVetoed => "触发红线「{0}」（{1}），绩效奖金 {2} 元清零", "red line “{0}” ({1}): the bonus of ¥{2} is zeroed";
    StmFlat => "固定金额", "fixed amount";
    StmColumn => "按「{0}」：{1}", "from {0}: {1}";
    StmByLabel => "{0}「{1}」", "{0} “{1}”";
    StmPerUnit => "{0} {1} × {2} 元", "{0} {1} × ¥{2}";
    StmPerUnitAbove => "（{0} {1} − {2}）× {3} 元", "({0} {1} − {2}) × ¥{3}";
    StmBelowLine => "（{0} − {1} {2}）× {3} 元", "({0} − {1} {2}) × ¥{3}";
    StmCondMet => "满足条件：{0}", "conditions met: {0}";
    StmCondUnmet => "未满足条件：{0}", "conditions not met: {0}";
    StmByAgent => "按名单发放", "paid by list";
    StmMissing => "无数据", "no data";
    StmCapped => "，封顶（原 {0} 元）", ", capped (was ¥{0})";
    StmVetoed => "，红线清零", ", zeroed by the red line";
    StmFloored => "扣款 {0} 元超出可扣金额，实扣 {1} 元", "deductions of ¥{0} exceed what can be deducted; ¥{1} taken";
    StmNextTitle => "怎样可以多拿", "What would have paid more";
    StmNextLine => "「{0}」由 {1} 改为 {2}，可达到 {3} 级，应发合计多 {4} 元", "{0} from {1} to {2} reaches grade {3}: ¥{4} more";
    StmNextNoOption => "差 {0} 分达到 {1} 级；没有单项指标能单独补足", "{0} points short of grade {1}; no single measure closes the gap alone";
    StmTop => "已是最高等级", "Already at the top grade";
    StmPrevLine => "上月（{0}）：总分 {1}，等级 {2}，绩效奖金 {3} 元，应发合计 {4} 元", "Last month ({0}): total {1}, grade {2}, bonus ¥{3}, gross pay ¥{4}";
    StmSign => "本人签字：__________　　日期：__________", "Signature: __________    Date: __________";
    FileStatements => "个人绩效明细", "statements";
    FilePaySheet => "工资表", "pay sheet";
    SheetColBonus => "绩效奖金", "Performance bonus";
    SheetColFixed => "固定工资小计", "Fixed pay";
    SheetColVariable => "浮动工资小计", "Variable pay";
    SheetColDeductions => "扣款合计", "Deductions";
    SheetColTotal => "应发合计", "Gross pay";
    SheetColVeto => "红线", "Red line";
    SheetColVetoScope => "否决范围（1=奖金，2=全部浮动）", "Veto scope (1 = bonus, 2 = all variable)";
    SheetColNote => "备注", "Notes";
    SheetRowTotal => "合计", "Total";
    SheetRowMean => "平均", "Average";
    SheetTitle => "{0} 绩效工资表　考核方案：{1}　奖金方案：{2}", "Pay sheet {0} · plan: {1} · payout model: {2}";
    SheetSignature => "制表：__________　　审核：__________　　批准：__________", "Prepared by: __________    Checked by: __________    Approved by: __________";
    SheetNoteFloored => "扣款 {0} 元超出可扣金额，只扣 {1} 元", "deductions of ¥{0} exceed what can be deducted; ¥{1} taken";
    SheetNoteVeto => "触发红线「{0}」（{1}）", "red line “{0}” ({1})";
    SheetNoteCapped => "「{0}」封顶 {1} 元", "{0} capped at ¥{1}";
    SheetXlsxNoteByAgent => "「{0}」：「{1}」按客服名单发放，以数值写出。", "“{0}”: {1} is paid by a list of agents and is written as values.";
    SheetErrTooMany => "工资项和红线各最多 {0} 个", "At most {0} pay lines and {0} vetoes";
    SheetErrNoName => "第 {0} 个工资项没有名称", "Pay line {0} has no name";
    SheetErrLine => "第 {0} 个工资项「{1}」的数值无效（金额、单价和上限须为非负数）", "Pay line {0} “{1}” has an invalid number (amounts, rates and caps must be non-negative)";
    SheetErrTextCell => "{0}：「{1}」不是数字（{2}），按 0 计", "{0}: {1} is not a number ({2}); counted as 0";
    SheetErrNegativeCell => "{0}：「{1}」为负数（{2}），按 0 计", "{0}: {1} is negative ({2}); counted as 0";
    SheetWarnUnknownLabel => "{0}：「{1}」的「{2}」不在对照表中，按 {3} 元计", "{0}: {1} “{2}” is not in the table; paid ¥{3}";
    SheetWarnUnknownFlag => "{0}：红线列「{1}」的「{2}」不是已列出的红线项，未否决，请核对", "{0}: {2} in the red-line column {1} is not a listed finding; no veto applied — please check";
    SheetWarnAbsent => "「{0}」列出的 {1} 不在本月名单中，未发放", "{0} lists {1}, who are not in this month; nothing paid to them";
    SheetWarnFloored => "{0}：扣款 {1} 元超过可扣金额，只扣 {2} 元（应发合计不低于 0）", "{0}: deductions of ¥{1} exceed what can be deducted; only ¥{2} taken (the total stays at or above 0)";
    SheetWarnNegative => "{0}：应发合计为负数（{1} 元）", "{0}: the total is negative (¥{1})";
    SheetWarnMissing => "「{0}」：{1} 名客服没有数值，按 0 计（或条件不满足）", "{0}: {1} agents have no value; counted as 0 (or the condition is not met)";
    SheetMoreCells => "另有 {0} 处单元格问题未列出", "{0} more cell problems not listed";
    QaConfidence => "置信度", "Confidence";
    QaMargin => "误差范围（±）", "Margin of error (±)";
    QaP => "预期比例 p", "Expected proportion p";
    QaStPopulation => "每名客服每月接待 N = {0} × {1} = {2}", "Chats per agent per month N = {0} × {1} = {2}";
    QaStN0 => "n₀ = z² × p × (1 − p) ÷ e² = {0}² × {1} × {2} ÷ {3}² = {4}", "n₀ = z² × p × (1 − p) ÷ e² = {0}² × {1} × {2} ÷ {3}² = {4}";
    QaStN => "n = n₀ ÷ (1 + (n₀ − 1) ÷ N) = {0} → 每人每月抽检 {1} 次", "n = n₀ ÷ (1 + (n₀ − 1) ÷ N) = {0} → {1} reviews per agent per month";
    QaStFte => "折合全职 = {0} × ({1} × {2} + {3}) ÷ {4} = {5} → {6} 人", "FTE = {0} × ({1} × {2} + {3}) ÷ {4} = {5} → headcount {6}";
    QaStAchieved => "当前抽检方案（每人每月 {0} 次）实际误差范围：±{1}（目标 ±{2}）", "The current plan ({0} reviews per agent per month) achieves ±{1} (target ±{2})";
    QaCompareTitle => "三种方法对比", "The three methods compared";
    QaColMethod => "方法", "Method";
    QaColFte => "折合全职", "FTE";
    QaColHeadcount => "人数", "Headcount";
    QaColSplit => "岗位分配", "Role split";
    QaColCost => "月成本", "Monthly cost";
    QaColCostPerAgent => "每名客服分摊", "Per agent";
    QaMethodRatio => "比例法", "Ratio";
    QaMethodWorkload => "工作量法", "Workload";
    QaMethodStat => "统计抽样法", "Statistical";
    QaRecommended => "推荐", "Recommended";
    QaReasonWorkload => "推荐工作量法：{0} 人。当前抽检方案已达到目标精度（±{1} ≤ ±{2}），按实际工作量配置即可。行业经验比例为 {3} 人，可作对照。",
        "Recommended: workload method, headcount {0}. The current sampling already meets the target precision (±{1} ≤ ±{2}), so staff for its workload. The industry ratio gives {3} for comparison.";
    QaReasonStat => "推荐统计抽样法：{0} 人。当前抽检方案误差为 ±{1}，达不到目标 ±{2}；要达到目标，每人每月需抽检 {3} 次。行业经验比例为 {4} 人，可作对照。",
        "Recommended: statistical method, headcount {0}. The current sampling achieves only ±{1} against a target of ±{2}; reaching it takes {3} reviews per agent per month. The industry ratio gives {4} for comparison.";
    QaCurveTitle => "不同团队规模所需质检人数（0–500 名客服）", "QA headcount by team size (0–500 agents)";
    QaCurveTable => "表格视图", "Table view";
    QaCurveAgents => "客服人数", "Agents";
    QaNotANumber => "请输入数字", "Enter a number";
    PayErrNoComponent => "奖金方案至少需要一个组成部分", "A payout model needs at least one part";
    PayErrTooMany => "组成部分和门槛各最多 {0} 个", "At most {0} parts and {0} gates";
    PayErrRounding => "取整单位须为 0.01、1、10 或 100 元（现为 {0}）", "Rounding must be ¥0.01, ¥1, ¥10 or ¥100 (it is {0})";
    PayErrNegative => "金额不能为负数或非数字", "Amounts cannot be negative or not a number";
    PayErrComponent => "第 {0} 个组成部分的数值无效（须为非负数，提成比例不超过 100%，至少一档）", "Part {0} has an invalid number (must be non-negative, rates at most 100 %, at least one tier)";
    PayErrCapBelowFloor => "第 {0} 个组成部分的上限低于下限", "Part {0} has a cap below its floor";
    PayErrGate => "第 {0} 个门槛无效（扣减比例须在 0–100% 之间）", "Gate {0} is invalid (the cut must be 0–100 %)";
    PayErrProrate => "满勤天数须大于 0", "Full-month days must be above 0";
    PayErrNoColumn => "找不到列「{0}」", "Column “{0}” not found";
    PayWarnMissing => "{1} 名客服缺少「{0}」，按不适用处理", "{1} agents have no {0}; it does not apply to them";
    PayErrEmptyPlan => "考核方案没有考核项，得分全为 0", "The plan has no items, so every score is 0";
    PayWarnFloors => "保底合计超过奖金池，奖金池按人平分", "Floors add up to more than the pool, so the pool is split equally";
    PayWarnPoolUnspent => "所有人都达到封顶，奖金池有剩余未发放", "Everyone reaches the cap, so part of the pool stays unpaid";
    PaySolveBelowRest => "其他部分已发 {0} 元，超出预算", "The other parts already pay ¥{0}, above the budget";
    LinkErrNotLink => "这不是客服绩效沙盘的分享链接", "This is not a KPI Sandbox share link";
    LinkErrFuture => "链接来自更新版本的程序（链接版本 {0}，本程序支持 {1}），请使用最新版本打开", "The link is from a newer version (link version {0}, this app reads {1}); open it with the latest version";
    LinkErrDamaged => "链接不完整或被改动（可能在聊天软件中被截断），请让对方重新复制完整链接", "The link is incomplete or altered (a chat app may have cut it); ask for the whole link again";
    LinkErrCorrupt => "链接数据已损坏（校验失败），无法打开", "The link's data is damaged (checksum failed) and cannot be opened";
    LinkErrContent => "链接内容无效：{0}", "The link's content is invalid: {0}";
    ShareTitle => "分享链接", "Share link";
    ShareHelp => "内容压缩后放在链接的 # 之后：浏览器不会把它发送给任何服务器。对方打开链接时会先看到内容摘要，确认后才替换本地工作。", "The content is compressed into the part of the link after #, which browsers never send to any server. Whoever opens it first sees what it holds and confirms before it replaces their work.";
    ShareScopeAll => "全部（所有月份数据、考核方案、奖金方案、场景）", "Everything (all months, plans, payout models, scenarios)";
    ShareScopePlans => "仅考核方案和奖金方案（不含客服数据）", "Plans and payout models only (no team data)";
    ShareScopeAnon => "全部，客服姓名替换为 客服01、客服02…（删除其他文字列）", "Everything, agents renamed to numbers (other text columns removed)";
    ShareLength => "链接长度 {0} 个字符", "Link length: {0} characters";
    ShareTooLong => "超过 {0} 个字符，微信、钉钉、QQ 等聊天软件可能截断或无法识别；建议改为“仅方案”或发送工作簿文件。", "Over {0} characters: chat apps such as WeChat, DingTalk and QQ may cut it or not make it clickable; share plans only, or send the workbook file.";
    ShareCopy => "复制链接", "Copy link";
    ShareCopied => "已复制到剪贴板", "Copied to the clipboard";
    ShareCopyFailed => "无法写入剪贴板，请手动选中链接复制", "Could not write to the clipboard; select the link and copy it";
    ShareButton => "分享链接…", "Share link…";
    ShareClose => "关闭", "Close";
    LinkOpenTitle => "打开分享链接", "Open a shared link";
    LinkHoldsWorkbook => "链接包含工作簿：{0} 个月份（当前 {1}），{2} 名客服，{3} 个考核方案，{4} 个奖金方案，{5} 个场景。打开将替换当前工作（可撤销）。", "The link holds a workbook: months {0} (current {1}), agents {2}, plans {3}, payout models {4}, scenarios {5}. Opening it replaces your current work (undoable).";
    LinkHoldsPlans => "链接包含 {0} 个考核方案和 {1} 个奖金方案（无客服数据）。打开将把它们加入当前工作簿（可撤销）。", "The link holds {0} plans and {1} payout models (no team data). Opening adds them to your workbook (undoable).";
    // ---- keys for months (#18): add new ones right below this line ----
    MoScore => "总分", "Score";
    MoPay => "奖金", "Pay";
    TabTrends => "趋势", "Trends";
    MoErrSettings => "趋势设置无效（名称合并、目标或梯队规则有误）", "The trends settings are not valid (a name match, target or tier rule is wrong)";
    MoTargetsTitle => "团队月度目标", "Monthly team targets";
    MoTargetsHelp => "团队数值：数量和金额取合计，其余取平均。留空表示无目标。", "Team figure: counts and money add up, the rest are averaged. Leave empty for no target.";
    MoTarget => "目标", "Target";
    MoDone => "完成度", "Done";
    MoShareOfTeam => "占团队比例（最高者或所选客服）", "Share of the team (largest, or the chosen agent)";
    MoAgent => "查看", "Show";
    MoTeam => "团队", "Team";
    MoMonth => "月份", "Month";
    MoMetric => "指标", "Metric";
    MoValue => "数值", "Value";
    MoChange => "变化", "Change";
    MoShare => "变化幅度", "Change %";
    MoBefore => "上月", "Before";
    MoNow => "本月", "Now";
    MoNeedTwo => "趋势需要至少两个月的数据（当前 {0} 个月）。在“数据”中导入另一个月即可。", "Trends need at least two months of data (now {0}). Import another month in Data.";
    MoPlanForScore => "评分方案", "Plan for scores";
    MoExportCsv => "导出趋势 CSV", "Export trends CSV";
    MoExportXlsx => "导出趋势 Excel", "Export trends Excel";
    MoFileTrends => "趋势", "trends";
    MoHeld => "已有月份：{0}", "Months held: {0}";
    MoGap => "{0} 与 {1} 之间缺少 {2}：变化按上一个已有月份（{0}）计算。", "{2} missing between {0} and {1}: changes are against the previous month held ({0}).";
    MoJoined => "本月新加入：{0}", "Joined this month: {0}";
    MoLeft => "本月已离开：{0}", "Left this month: {0}";
    MoDuplicates => "同一月份重复的客服（只计第一行）：{0}", "Same agent twice in a month (the first row counts): {0}";
    MoMatchAsk => "“{0}”和“{1}”是同一个人吗？", "Are “{0}” and “{1}” the same person?";
    MoMatchYes => "是，合并", "Yes, merge";
    MoMatchDone => "已合并：“{0}” → “{1}”", "Merged: “{0}” → “{1}”";
    MoMatchUndo => "取消合并", "Undo merge";
    MoChartsTitle => "各指标趋势：{0}", "Every metric across months: {0}";
    MoChartsHelp => "线为团队平均（选择客服时为该客服），阴影为团队最低到最高；横轴按日历月，缺失的月份留空。", "The line is the team mean (or the chosen agent), the shade the team's lowest to highest; months are spaced by calendar, missing months leave a gap.";
    MoTableView => "表格视图", "Table view";
    MoTalkTitle => "面谈名单：{0} 对比 {1}", "Talk-to list: {0} against {1}";
    MoTalkMetric => "观察指标", "Watched metric";
    MoTalkDrop => "下降至少（数值）", "Fell by at least (amount)";
    MoTalkShare => "或下降至少（幅度）", "or by at least (share)";
    MoTalkHelp => "满足任一条件即列入；“下降”按指标方向判断（响应时间变长也算下降）。同时列出下降 5% 以上的其他指标。", "Either condition lists the agent; a fall follows the metric's direction (a longer response time is a fall). Other metrics that fell by 5 % or more are listed too.";
    MoTalkNone => "没有客服达到面谈条件。", "No agent meets the talk-to conditions.";
    MoAlsoFell => "其他下降项", "What else fell";
    MoMoversTitle => "各指标进步和退步最大的客服", "Largest improvers and decliners per metric";
    MoImproved => "进步最大", "Improved most";
    MoWorsened => "退步最大", "Worsened most";
    MoLmdiTitle => "客服销售额变化分解", "Why sales changed";
    MoLmdiHead => "客服销售额为什么变化：{0}，{1} → {2}", "Why sales changed: {0}, {1} → {2}";
    MoLmdiHelp => "按 客服销售额 = 询单人数 × 询单转化率 × 客单价 × (1 − 退款率) 用 LMDI 精确分解：各因素贡献之和正好等于变化。", "By Sales = Inquiries × Conversion rate × AOV × (1 − Refund rate), split exactly with LMDI: the four contributions add up to the change.";
    MoLmdiFromZero => "上月销售额为 0（因为 {0} 为 0）：本月的销售额全部归于 {0}。", "Sales were 0 last month (because {0} was 0): this month's sales are all {0}'s.";
    MoLmdiToZero => "本月销售额为 0（因为 {0} 为 0）：下降全部归于 {0}。", "Sales are 0 this month (because {0} is 0): the fall is all {0}'s.";
    MoLmdiBothZero => "两个月销售额都为 0，没有变化可分解。", "Sales were 0 in both months: nothing to split.";
    MoLmdiMissing => "无法分解：缺少 {0}。", "Cannot split: {0} missing.";
    MoLmdiInvalid => "无法分解：{0} 的数值不可能（为负或退款率超过 100%）。", "Cannot split: {0} impossible (negative, or refunds above 100 %).";
    MoLmdiNotBoth => "{0} 不是两个月都在，无法比较。", "{0} is not in both months: nothing to compare.";
    MoLmdiLeftOut => "未计入团队分解（不是两个月都在，或缺少因素）：{0}", "Left out of the team split (not in both months, or a factor missing): {0}";
    MoLmdiIdentityGap => "注意：表中的客服销售额为 {0}，按公式计算为 {1}；分解按公式进行。", "Note: the table's sales are {0}, the identity gives {1}; the split follows the identity.";
    MoNextTitle => "下月考核方案（{0}）：由“{1}”轮换", "Next month's plan ({0}): rotated from “{1}”";
    MoNextHelp => "固定项保留；其余项目轮换为团队最弱的指标（对比目标、团队历史或方案本身的得分）。修改一个轮换项的权重时，其他轮换项按 5% 的步长重新分配。", "Fixed items stay; the others rotate to the team's weakest metrics (against targets, team history or the plan's own points). Changing a rotating weight re-shares the others in steps of 5 %.";
    MoWeakTitle => "团队弱项", "Team weak spots";
    MoShort => "差距", "Short by";
    MoReason => "原因", "Why";
    MoWeakTarget => "团队 {0}，目标 {1}", "team {0}, target {1}";
    MoWeakHistory => "本月团队平均 {0}，之前 {1}", "team mean {0} now, {1} before";
    MoWeakPlan => "本方案平均得分 {0}", "average points {0} under this plan";
    MoWeakNone => "未发现差距", "no shortfall";
    MoProposal => "建议方案：{0}", "Proposal: {0}";
    MoFixed => "固定", "fixed";
    MoRotating => "轮换", "rotating";
    MoWeightsOk => "权重符合规则（每项至少 5%、5% 的倍数、合计 100%）", "Weights follow the rules (each ≥ 5 %, multiples of 5 %, sum 100 %)";
    MoCreate => "创建 {0} 方案", "Create the {0} plan";
    MoCreated => "已创建方案“{0}”（见“考核方案”）", "Plan “{0}” created (see Plan)";
    MoReset => "恢复建议", "Back to the proposal";
    MoPrint => "打印公告", "Print the announcement";
    MoAnnTitle => "{0} 考核项目和占比", "KPI items and weights for {0}";
    MoAnnIntro => "自 {0} 起执行考核方案“{1}”：", "From {0} the plan “{1}” applies:";
    MoAnnKind => "类型", "Kind";
    MoAnnFoot => "生效月份：{0}。转化率等固定项每月不变，其余项目每月轮换。", "Effective month: {0}. Fixed items stay every month; the others rotate monthly.";
    MoTalentTitle => "梯队：前 20% 与末位", "Talent: the top 20 % and the bottom";
    MoTalentHelp => "二八法则：了解并保证前 20% 的薪酬满意；淡季可对连续末位者末位淘汰。试用期内的客服不参与排名。", "The 20/80 rule: know the top 20 % and keep their pay satisfying; in the slow season replace those at the bottom month after month. Agents in probation are not ranked.";
    MoTalK => "至少 k 个月", "At least k months";
    MoTalN => "最近 n 个月", "Of the last n months";
    MoTalTop => "前列比例", "Top share";
    MoTalBottom => "末位比例", "Bottom share";
    MoTalM => "连续 m 个月末位", "Bottom m months in a row";
    MoTalProbation => "试用期（月）", "Probation (months)";
    MoTierRules => "梯队规则", "Tier rules";
    MoTalSpecMonths => "专员：入职满（月）", "Specialist from (months)";
    MoTalEliteMonths => "精英：入职满（月）", "Elite from (months)";
    MoTalEliteScore => "精英：平均分至少", "Elite: average at least";
    MoTalSeniorMonths => "资深：入职满（月）", "Senior from (months)";
    MoTalSeniorScore => "资深：平均分至少", "Senior: average at least";
    MoTopList => "稳定前 20%（最近 {1} 个月中至少 {0} 个月）：", "Consistent top 20 % ({0} of the last {1} months): ";
    MoBottomList => "末位候选（连续 {0} 个月）：", "Bottom candidates ({0} months in a row): ";
    MoProbationList => "试用期（不参与排名）：", "In probation (not ranked): ";
    MoNobody => "无", "none";
    MoNoHire => "没有入职日期列（如“入职日期”）：无法计算司龄、梯队和试用期。", "No hire-date column (such as Hire date): tenure, tiers and probation cannot be worked out.";
    MoTenure => "司龄（月）", "Tenure (months)";
    MoStage => "成长阶段（月）", "Growth stage (months)";
    MoTier => "梯队", "Tier";
    MoTierNew => "新人", "Newcomer";
    MoTierSpecialist => "专员", "Specialist";
    MoTierElite => "精英", "Elite";
    MoTierSenior => "资深", "Senior";
    MoProbation => "试用期", "Probation";
    MoAvgScore => "平均分", "Average score";
    MoTopMonths => "前 20% 月份", "Top-fifth months";
    MoBottomMonths => "连续末位月份", "Bottom months in a row";
    LinkOpen => "打开", "Open";
    LinkCancel => "不打开", "Don't open";
    LinkOpened => "已打开分享链接", "Opened the shared link";
    LibErrNameEmpty => "请输入名称", "Enter a name";
    LibErrNameTaken => "已有同名工作簿；请换个名称，或在列表中选择“覆盖保存”", "A workbook has this name; choose another, or use “Overwrite” in the list";
    LibErrFull => "工作簿库已满（最多 50 个），请先删除不用的", "The library is full (50 workbooks); delete some first";
    LibErrMissing => "该工作簿已不存在（可能在其他标签页中被删除）", "That workbook no longer exists (perhaps deleted in another tab)";
    LibErrDamaged => "该工作簿的数据已损坏，无法打开：{0}", "That workbook's data is damaged and cannot be opened: {0}";
    LibErrStorage => "浏览器拒绝保存（存储空间已满或被禁用）：{0}。请删除库中不用的工作簿，或改用“保存工作簿文件”。", "The browser refused to store it (storage full or blocked): {0}. Delete workbooks you no longer need, or use “Save workbook file”.";
    LibButton => "工作簿库…", "Library…";
    LibTitle => "工作簿库（保存在本浏览器中）", "Library (kept in this browser)";
    LibHelp => "为当前工作簿起个名字保存，之后可随时打开、重命名或删除。打开会替换当前工作（可撤销）。", "Save the current workbook under a name; open, rename or delete it later. Opening replaces your current work (undoable).";
    LibName => "名称", "Name";
    LibSaveAs => "另存为", "Save as";
    LibEmpty => "库中还没有工作簿。", "The library is empty.";
    LibColSaved => "保存时间", "Saved";
    LibColWhat => "内容", "Contents";
    LibWhat => "{0} 个月份（当前 {1}），{2} 名客服，{3} 个方案", "{0} month(s) (current {1}), {2} agents, {3} plan(s)";
    LibOpen => "打开", "Open";
    LibOverwrite => "覆盖保存", "Overwrite";
    LibRename => "重命名", "Rename";
    LibDelete => "删除", "Delete";
    InsertDataColumn => "+ 在右侧插入一列", "+ Insert a column to the right";
    NewColumnName => "新列", "New column";
    LibRenameOk => "保存名称", "Save name";
    LibConfirmDelete => "确认删除", "Confirm delete";
    LibSaved => "已保存到工作簿库：{0}", "Saved to the library: {0}";
    LibOpened => "已打开：{0}", "Opened: {0}";
    LibDeleted => "已删除：{0}", "Deleted: {0}";
    TabPay => "奖金", "Payouts";
    PayModel => "奖金方案", "Payout model";
    PayModelName => "方案名称", "Model name";
    PayDefaultName => "月度绩效奖金", "Monthly bonus";
    PayNew => "新建奖金方案", "New payout model";
    PayCopy => "复制", "Copy";
    PayDelete => "删除", "Delete";
    PayNoModels => "还没有奖金方案。新建一个，即可看到每人奖金与总成本。", "No payout model yet. Create one to see each agent's pay and the total cost.";
    PayTarget => "目标奖金 × 绩效系数", "Target bonus × coefficient";
    PayPool => "奖金池", "Bonus pool";
    PayCommission => "销售提成", "Sales commission";
    PayAddTarget => "+ 目标奖金 × 绩效系数", "+ Target bonus × coefficient";
    PayAddPool => "+ 奖金池", "+ Bonus pool";
    PayAddCommission => "+ 销售提成", "+ Sales commission";
    PayRemovePart => "删除", "Remove";
    PayRemoveStep => "删除此档", "Remove this step";
    PayBase => "目标奖金", "Target bonus";
    PayCoef => "绩效系数", "Coefficient";
    PayCoefBy => "系数依据", "Coefficient from";
    PayCoefTable => "按得分分档", "Score steps";
    PayCoefGrade => "按等级", "Grade";
    PayCoefCurve => "按得分曲线（门槛、斜率、封顶）", "Score curve (threshold, slope, cap)";
    PayStepMin => "得分不低于", "Score at least";
    PayPointsSuffix => "分", "pts";
    PayOtherwise => "其余系数", "Otherwise";
    PayAddStep => "+ 加一档", "+ Add a step";
    PayGradeCoef => "{0} 级系数", "Grade {0}";
    PayCurveThreshold => "门槛分（低于此分系数为 0）", "Threshold (coefficient 0 below)";
    PayCurveStart => "门槛处系数", "Coefficient at threshold";
    // ---- keys for first hour (#15): add new ones right below this line ----
    ListSep => "、", ", ";
    LabelColon => "：", ": ";
    WithNote => "{0}（{1}）", "{0} ({1})";
    OriginalHeader => "原始表头：{0}", "Original header: {0}";
    UnitCountItems => "条", "count";
    StartTitle => "上手步骤", "First steps";
    StartProgress => "已完成 {0}/{1}", "{0} of {1} done";
    StartUndo => "退回上一步", "Step back";
    StartHide => "收起步骤", "Hide the steps";
    StartShow => "显示上手步骤", "Show the first steps";
    StartDone => "已完成", "done";
    StartTodo => "待办", "to do";
    StartProblem => "需要处理", "needs attention";
    StartData => "团队数据", "Team data";
    StartDataDemo => "正在使用演示团队（{0} 名虚构客服）：粘贴或导入自己的数据即可替换（可撤销）", "Using the demo team ({0} fictional agents): paste or import your own data to replace it (undoable)";
    StartDataOwn => "你的数据：{1}，{0} 名客服", "Your data: {0} agents in {1}";
    StartBringData => "导入我的数据", "Bring my data";
    StartOpenData => "去数据页", "Go to Data";
    StartColumns => "核对列的含义", "Check the columns";
    StartColumnsAll => "{0} 列都已识别为指标", "All {0} columns recognised as metrics";
    StartColumnsSome => "{0} 列已识别；自定义列：{1}（可在导入预览中改成指标）", "{0} columns recognised; custom: {1} (the import preview can map them to metrics)";
    StartCheck => "核对映射", "Review the mapping";
    StartPlan => "考核方案", "Plan";
    StartPlanValid => "「{0}」：{1} 个考核项，符合规则", "“{0}”: {1} items, valid";
    StartPlanInvalid => "「{0}」不符合规则：请在方案页修正", "“{0}” breaks the rules: fix it in Plan";
    StartPickPlan => "选择或新建方案", "Pick or build a plan";
    StartScores => "成绩", "Scores";
    StartScored => "{1} 名客服中 {0} 名已评分", "{0} of {1} agents scored";
    StartScoredGroup => "{1} 名客服中 {0} 名已评分（方案只考核「{2}」分组）", "{0} of {1} agents scored (the plan covers the group “{2}”)";
    StartSee => "前往查看", "Take me there";
    StartPay => "奖金", "Pay";
    StartPaid => "按「{2}」共 {0}，{1} 人", "{0} in total for {1} agents, by “{2}”";
    StartPayWaits => "有成绩后才能计算奖金", "Pay follows once agents have scores";
    ImpReplacesDemo => "当前月份 {0} 是演示团队（{1} 名虚构客服）：导入到该月会替换它们；可以撤销。", "The current month {0} holds the demo team ({1} fictional agents): importing into it replaces them; Undo brings them back.";
    ImpReplacesTeam => "导入到当前月份 {0} 会替换该月现有的 {1} 名客服；可以撤销。", "Importing into the current month {0} replaces its {1} agents; Undo brings them back.";
    PlanFixedExplained => "勾选「固定项」的考核项在「复制到下月」时原样保留（通常是主考核项）；未勾选的是轮换项，下月可以换成别的指标。", "Items ticked “Fixed” stay as they are when the plan is copied to next month (usually the main item); the others rotate and can be swapped for other metrics next month.";
    FitNoGroup => "数据中没有「{0}」分组：方案适用于全部客服", "The data has no group “{0}”: the plan covers every agent";
    FitReplaced => "表中没有「{0}」，已换成「{1}」", "The table has no {0}; {1} is used instead";
    FitDropped => "表中没有「{0}」，也没有可替代的指标：已去掉，权重并入固定项", "The table has no {0} and nothing to replace it: left out, its weight added to the fixed item";
    FitNothing => "表中没有模板能用的指标：请手动添加考核项", "The table has none of the template's metrics: add items by hand";
    FitAppliedWith => "已按当前数据建立方案「{0}」：{1}", "Plan “{0}” was built for the current data: {1}";
    WhyEmptyNoAgents => "当前月份没有客服数据：请先导入或粘贴团队数据", "This month has no agents: import or paste the team's data first";
    WhyEmptyNoItems => "方案还没有考核项：请添加考核项", "The plan has no items yet: add one";
    WhyEmptyNoGroupColumn => "方案只考核「{0}」分组，但数据中没有分组列", "The plan scores only the group “{0}”, but the data has no group column";
    WhyEmptyNoGroup => "方案只考核「{0}」分组，但数据中没有该分组（现有：{1}）", "The plan scores only the group “{0}”, which the data does not have (it has: {1})";
    WhyEmptyFixGroup => "改为考核全部客服", "Score every agent instead";
    WhyItemNoColumn => "表中没有「{0}」列：该项得 0 分", "The table has no column “{0}”: this item scores 0";
    WhyItemNoValues => "「{0}」列没有任何数值：该项得 0 分", "The column “{0}” has no values: this item scores 0";
    PayCurveSlope => "每分增加", "Per point above";
    PayCurveCap => "系数封顶", "Coefficient cap";
    PayPoolAmount => "奖金池金额", "Pool amount";
    PayPoolBase => "分配基数列", "Base column";
    PayPoolBaseNone => "无（按得分分配）", "None (by score alone)";
    PayFloor => "每人保底", "Floor per agent";
    PayCap => "每人封顶（可空）", "Cap per agent (optional)";
    PayCommissionColumn => "提成依据列", "Sales column";
    PayTierMode => "阶梯方式", "Tier mode";
    PayMarginal => "超额累进（各段按各自比例）", "Marginal (each slice at its rate)";
    PayRetroactive => "全额累进（达档后全部按该比例）", "Retroactive (reached rate on all)";
    PayMultiplier => "提成倍数", "Multiplier";
    PayTierFrom => "销售额从", "Sales from";
    PayTierRate => "提成比例", "Rate";
    PayAddTier => "+ 加一档", "+ Add a tier";
    PayGates => "门槛扣减", "Gates";
    PayNoGates => "没有门槛：所有人按规则全额发放。", "No gates: everyone is paid by the rules.";
    PayAddGate => "+ 加门槛", "+ Add a gate";
    PayGateColumn => "指标", "Metric";
    PayGateWhen => "不达标条件", "Fails when";
    PayGateBelow => "低于", "below";
    PayGateAbove => "高于", "above";
    PayGateThreshold => "门槛值", "Threshold";
    PayGateCut => "扣减比例（100% 为清零）", "Cut (100 % zeroes it)";
    PayGateFactor => "门槛系数", "Gate factor";
    PayProrate => "按出勤折算", "Pro-rating by days worked";
    PayProrateOn => "奖金 × 出勤天数 ÷ 满勤天数（最多 100%）", "Pay × days worked ÷ full month (at most 100 %)";
    PayDaysColumn => "出勤天数列", "Days column";
    PayFullDays => "满勤天数", "Full-month days";
    PayDaysFactor => "出勤折算", "Days factor";
    PayRounding => "取整（四舍五入，最后一步）", "Rounding (half up, last step)";
    PayRoundTo => "到 {0} 元", "to ¥{0}";
    PayBudget => "本月预算（可空）", "Monthly budget (optional)";
    PayMissingColumn => "「{0}」（不在表中）", "“{0}” (not in the table)";
    PayTotal => "奖金总额", "Total payout";
    PayMean => "人均", "Average";
    PayMedian => "中位数", "Median";
    PayMinMax => "最低 – 最高", "Min – max";
    PayTop20 => "前 20% 人员奖金占比", "Top 20 %'s share of pay";
    PayUnderBudget => "预算 {0}，剩余 {1}", "Budget {0}: {1} left";
    PayOverBudget => "预算 {0}，超出 {1}", "Budget {0}: over by {1}";
    PaySolveBase => "按预算反推第 {0} 部分的目标奖金", "Solve part {0}'s target bonus for the budget";
    PaySolvePool => "按预算反推第 {0} 部分的奖金池", "Solve part {0}'s pool for the budget";
    PaySolveMultiplier => "按预算反推第 {0} 部分的提成倍数", "Solve part {0}'s multiplier for the budget";
    PaySolveNoBudget => "请先填写本月预算", "Enter the monthly budget first";
    PaySolved => "已设为 {0}：总额 {1}，不超预算（再多一点即为 {2}）", "Set to {0}: total {1}, within budget (a little more gives {2})";
    PayChartTitle => "每人奖金", "Pay per agent";
    PayChartTop => "图中显示奖金最高的 {0} 人（共 {1} 人），下表列出全部。", "The chart shows the top {0} of {1} agents; the table lists everyone.";
    PayTableTitle => "每人奖金明细", "Pay per agent, in detail";
    PayGross => "取整前", "Before rounding";
    PayPay => "实发奖金", "Pay";
    ExportPayoutsCsv => "导出奖金 CSV", "Export payouts CSV";
    FilePayouts => "奖金", "payouts";
    ExportXlsx => "导出 Excel 工作簿", "Export Excel workbook";
    XlsxNotes => "说明", "Notes";
    XlsxNotesHead => "成绩和奖金工作表中的得分、系数、提成、门槛、出勤折算、取整和合计都是 Excel 公式（已存计算结果），在 Excel、WPS 或 LibreOffice 中修改数值会重新计算。以下内容以数值写出：", "Points, totals, coefficients, commission, gates, days, rounding and totals in the score and payout sheets are Excel formulas (with their results stored); change a value in Excel, WPS or LibreOffice and they recompute. Written as values:";
    XlsxNoteForced => "「{0}」：按比例强制分布的等级没有对应的 Excel 公式，以数值写出。", "“{0}”: grades by forced distribution have no faithful Excel formula and are written as values.";
    XlsxNotePool => "「{0}」：奖金池按（基数 × 得分）分配并设保底和封顶，反复再分配的结果没有简单的 Excel 公式，以数值写出。", "“{0}”: a pool split by base × score with floors and caps, redistributed until stable, has no simple Excel formula and is written as values.";
    XlsxNoteFormulaColumns => "「{0}」：本程序的公式列以计算结果写出（其公式写在列名中的引用格式与 Excel 不同）。", "“{0}”: this app's formula columns are written as their results (their reference syntax differs from Excel's).";
    // ---- keys for offline and grid (#20): add new ones right below this line ----
    StorageLocal => "工作簿库和自动保存占用 {0}（localStorage，上限约 5 MB）。", "The library and autosave take {0} (localStorage, about 5 MB at most).";
    StorageUsed => "本站的浏览器存储（IndexedDB 与离线缓存）：已用 {0}，约还可用 {1}。", "This site's browser storage (IndexedDB and offline cache): {0} used, about {1} free.";
    StorageUnknown => "本机浏览器没有提供存储用量。", "This browser does not report its storage use.";
    StoragePersisted => "已设为持久保存：空间紧张时浏览器不会自动清除。", "Kept persistently: the browser will not clear it when space runs low.";
    StorageNotPersisted => "未持久保存：磁盘空间紧张时浏览器可能清除这些数据（请另存工作簿文件备份）。", "Not persistent: the browser may clear this data when the disk runs low (keep a workbook file as a backup).";
    StoragePersistAsk => "申请持久保存", "Ask to keep it";
    OtherTabSaved => "另一个标签页保存了这份工作簿。为免互相覆盖，本页的改动不再自动保存：刷新本页可载入那边的版本，或先用“保存工作簿文件”留下本页的版本。", "Another tab saved this workbook. So that neither overwrites the other, this tab no longer autosaves: reload to get that version, or keep this one with “Save workbook file” first.";
    UpdateReady => "新版本可用，刷新后使用（数据已自动保存）", "A new version is available; refresh to use it (your data is saved)";
    UpdateReload => "刷新", "Refresh";
    UpdateLater => "稍后", "Later";
    GridCursorLabel => "表格当前单元格：直接输入即编辑，Shift+方向键选择区域", "Current cell: type to edit, Shift+arrows select a range";
    StatusAverage => "平均值：{0}", "Average: {0}";
    StatusCount => "计数：{0}", "Count: {0}";
    StatusSum => "求和：{0}", "Sum: {0}";
    FindLabel => "查找", "Find";
    FindPlaceholder => "客服姓名或数值，Enter 下一个", "Agent or value, Enter for next";
    FindHits => "第 {0} 个，共 {1} 个", "{0} of {1}";
    FindNone => "没有找到“{0}”", "No match for “{0}”";
    FindClose => "关闭查找", "Close find";
    PasteAddRows => "粘贴的内容有 {0} 行，从当前行起只剩 {1} 行。要在表格末尾添加 {2} 名客服吗？（取消则只粘贴放得下的部分）", "The pasted block has {0} rows; {1} fit from here. Add {2} agents at the end? (Cancel pastes only what fits.)";
    PasteColumnsDropped => "已粘贴；超出最后一列的 {0} 列没有粘贴", "Pasted; {0} columns past the last one were left out";
    RowsShown => "显示前 {0} 行，共 {1} 行（导出 CSV 含全部）", "Showing the first {0} of {1} rows (CSV export has all)";
    RowsMore => "再显示 {0} 行", "Show {0} more";
    RowsAll => "全部显示", "Show all";
    FileQa => "质检人员配置", "qa-staffing";
    FileCompare => "方案对比", "comparison";
    WhatIfTitle => "假设分析", "What if";
    WhatIfHelp => "临时调整某项指标（全体或某位客服），得分和奖金立即重算；原始数据不变，点“还原”即恢复。", "Move a metric for everyone or one agent; scores and pay follow at once. The data itself is untouched; Reset restores it.";
    WhatIfDelta => "调整量", "Change";
    WhatIfPp => "个百分点", "percentage points";
    WhatIfEveryone => "全体客服", "Everyone";
    WhatIfApply => "应用调整", "Apply";
    WhatIfReset => "还原", "Reset";
    WhatIfActive => "正在显示假设分析结果（数据未修改）", "Showing what-if results (the data is unchanged)";
    WhatIfBefore => "调整前", "Before";
    McTitle => "下月成本预测（蒙特卡洛）", "Next month's cost forecast (Monte Carlo)";
    McHelp => "按当前数值上下波动模拟多个月份：每项指标 = 当前值 × (1 + 波动系数 × 标准正态)。有 3 个及以上月份数据时，波动系数由历史估计，否则用你设定的值。同一随机种子结果完全相同。", "Simulates many months around the current values: each metric = current × (1 + variation × a standard normal draw). With 3 or more monthly tables the variation is estimated from them, otherwise your value is used. The same seed gives the same result.";
    McMonthsLabel => "模拟月数", "Months to simulate";
    McSeed => "随机种子", "Seed";
    McDefaultCv => "默认波动系数", "Default variation (%)";
    McColMetric => "指标", "Metric";
    McColCv => "波动系数", "Variation (%)";
    McColSource => "来源", "Source";
    McFromHistory => "由 {0} 个月的数据估计", "Estimated from {0} months";
    McFromDefault => "你设定的默认值（历史不足 3 个月）", "Your default (fewer than 3 months)";
    McHeld => "保持当前值", "Held at current value";
    McRun => "开始模拟", "Run forecast";
    McCancel => "停止", "Stop";
    McProgress => "已完成 {0} / {1}", "{0} of {1} done";
    McDone => "共模拟 {0} 个月", "{0} months simulated";
    McMean => "平均", "Mean";
    McOverBudget => "超预算概率", "Chance over budget";
    McHistTitle => "奖金总额分布", "Distribution of the total payout";
    McBin => "总额区间", "Total";
    McMonths => "月数", "Months";
    McVarTitle => "所用波动系数", "Variability used";
    McAgentTitle => "每人奖金区间（基于 {0} 个模拟月）", "Pay range per agent (from {0} simulated months)";
    CliffTitle => "奖金断崖检测", "Pay cliffs";
    CliffHelp => "逐人把每项指标上下移动一小步（百分比指标 1 个百分点，秒/天/分 1 个单位，其余 1%），其他人不变；列出奖金变化超过设定比例的位置及原因。", "Moves each metric of each agent one small step up and down (1 percentage point for shares, 1 unit for seconds, days and points, 1 % otherwise) with everyone else held, and lists where pay changes by more than the set share, and why.";
    CliffShare => "变化超过", "Change above";
    CliffRun => "开始检测", "Find cliffs";
    CliffNone => "没有发现超过 {0} 的断崖。", "No cliff above {0}.";
    CliffMove => "移动", "Move";
    CliffPay => "奖金", "Pay";
    CliffCause => "原因", "Cause";
    CliffStepPp => "{0}{1} 个百分点", "{0}{1} percentage points";
    CliffStepRel => "{0}{1}%", "{0}{1} %";
    CliffCauseItem => "「{0}」得分 {1} → {2}", "{0}: {1} → {2} points";
    CliffCauseGrade => "等级 {0} → {1}", "grade {0} → {1}";
    CliffCauseTier => "第 {0} 部分提成跨档", "part {0}: commission tier";
    CliffCauseGate => "门槛「{0}」", "gate on {0}";
    ScnTitle => "方案场景与对比", "Scenarios and comparison";
    ScnHelp => "场景 = 数据月份 + 考核方案 + 奖金方案。保存多个场景，任选两个逐人对比。", "A scenario is a data month + a KPI plan + a payout model. Save several, and compare any two agent by agent.";
    ScnName => "场景名称", "Scenario name";
    ScnSave => "保存当前为场景", "Save current as scenario";
    ScnEmpty => "还没有保存的场景。", "No saved scenarios yet.";
    ScnA => "场景 A", "Scenario A";
    ScnB => "场景 B", "Scenario B";
    ScnNoPlan => "所用考核方案已删除", "its plan was removed";
    ScnNoModel => "所用奖金方案已删除", "its payout model was removed";
    ScnSummary => "A 总额 {0}，B 总额 {1}，变化 {2}；{3} 人增加，{4} 人减少，{5} 人不变。", "A pays {0}, B pays {1}, change {2}; {3} gain, {4} lose, {5} unchanged.";
    ScnChartTitle => "每人奖金变化（B − A）", "Change per agent (B − A)";
    PaySolveNoEffect => "调整该数值不改变总额（例如所有人得分为 0）", "Changing this number does not change the total (e.g. every score is 0)";
    // ---- keys for rule engine (#14 engine): add new ones right below this line ----
    // (end of the rule engine keys)
    //
    // ---- keys for stable ids and intents (#14 ids): add new ones right below this line ----
    ErrNoSuchModel => "该奖金方案不存在", "There is no such payout model";
    ErrNoSuchScenario => "该情景不存在", "There is no such scenario";
    ErrNameTaken => "名称「{0}」已被使用", "The name “{0}” is already taken";
    ErrNameEmpty => "名称不能为空", "A name cannot be empty";
    PayGateMissedAll => "{0} 未达标，奖金清零", "{0} missed: pay zeroed";
    PayGateMissedCut => "{0} 未达标，扣减 {1}", "{0} missed: cut {1}";
    FmtDays => "{0} 天", "{0} days";
    FmtDay => "{0} 天", "{0} day";
    FmtPoints => "{0} 分", "{0} pts";
    // (end of the stable ids and intents keys)
    //
    // ---- keys for forecast in workers (#16 montecarlo): add new ones right below this line ----
    CalcFallback => "后台计算程序无法启动（{0}），改在本页分段计算，页面仍可操作，只是会慢一些", "The background workers could not start ({0}); computing on this page in slices instead: it stays usable, only slower";
    CalcDied => "后台计算程序意外停止（{0}），已停止计算，之前的结果保留。可以再试一次", "A background worker stopped unexpectedly ({0}); the run was stopped and the previous result kept. Try again";
    McTooMany => "模拟月数最多 {0} 个，请减少月数", "At most {0} months can be simulated; ask for fewer";
    McWorkers => "用 {0} 个后台线程计算", "Computed on {0} background workers";
    McCorrIndependent => "各指标独立抽样（无相关）", "Metrics drawn independently (no correlation)";
    McCorrUsed => "指标间相关系数：{0}", "Correlations between metrics: {0}";
    McCorrFromHistory => "（来自 {0} 个月的历史数据）", "(from {0} months of history)";
    McCorrUser => "（用户设定）", "(user-set)";
    McCorrLabel => "指标间相关系数（历史不足 3 个月时使用）", "Correlation between metrics (used when history has fewer than 3 months)";
    SolveStopped => "求解程序意外停止（{0}），预算未求解，现有数据没有改动", "The solver stopped unexpectedly ({0}); nothing was solved or changed";
    // (end of the forecast in workers keys)
    //
    // ---- keys for speed and bundle (#16 speed): add new ones right below this line ----
    // (end of the speed and bundle keys)
    //
    // ---- keys for forecast kernel (#16 kernel): add new ones right below this line ----
    McRecomputed => "按公式由抽样的输入重算", "Recomputed from drawn inputs";
    McRecomputedLine => "公式列逐月由抽样的输入重算，不单独抽样：{0}", "Formula columns recomputed each month from drawn inputs, not drawn themselves: {0}";
    // (end of the forecast kernel keys)
    //
    // ---- keys for main thread and edits (#16 responsive): add new ones right below this line ----
    // (end of the main thread and edits keys)
    //
    // ---- keys for bundle size (#16 size): add new ones right below this line ----
    WorkspaceLoading => "正在加载此工作区…", "Loading this workspace…";
    WorkspaceLoadFailed => "此工作区的程序未能加载（可能离线或文件缺失）。表格和其他工作区不受影响。", "This workspace's code could not be loaded (offline, or a file is missing). The workbook and the other workspaces are unaffected.";
    WorkspaceLoadRetry => "重试", "Retry";
    LanguageLoadFailed => "英文界面的文字未能加载（可能离线或文件缺失），界面仍为中文。", "The English texts could not be loaded (offline, or a file is missing); the page stays in Chinese.";
    PartLoadFailed => "此功能的程序未能加载（可能离线或文件缺失），请稍后重试。表格不受影响。", "The code of this feature could not be loaded (offline, or a file is missing); try again later. The workbook is unaffected.";
    PartLoading => "正在加载…", "Loading…";
    // (end of the bundle size keys)
    //
    // ---- keys for English and phone polish (#15 polish): add new ones right below this line ----
    AnonAgent => "客服{0}", "Agent {0}";
    StartColumnsList => "查看每列的对应（看过即算核对）", "See how each column maps (opening it counts as checked)";
    StartColumnsUncheck => "还没核对完", "Not checked yet";
    StartColumnsWaits => "导入自己的数据并在预览中确认后核对", "Import your own data and confirm its preview to check";
    StartColumnCustom => "{0} → 自定义列", "{0} → custom column";
    StartColumnMapped => "{0} → {1}（{2}）", "{0} → {1} ({2})";
    // (end of the English and phone polish keys)
    //
    // ---- keys for saved file types (#14 saved): add new ones right below this line ----
    FileErrRoleCode => "未知的内置质检岗位代码“{0}”", "Unknown built-in QA role code “{0}”";
    // (end of the saved file types keys)
    //
    // ---- keys for storage (#20 storage): add new ones right below this line ----
    LibImportNotLibrary => "这不是工作簿库文件（应为本应用“导出整个库”得到的 .json 文件）；库未改动。", "This is not a library file (expected the .json from “Export the whole library”); the library is unchanged.";
    LibImportNewer => "该库文件由更新版本的本应用生成（版本 {0}），请先更新本应用；库未改动。", "This library file comes from a newer version of the app (version {0}); update the app first. The library is unchanged.";
    LibImportShape => "库文件内容不完整或格式不对（{0}）；库未改动。", "The library file is incomplete or malformed ({0}); the library is unchanged.";
    LibImportDamaged => "库文件中的工作簿“{0}”已损坏（{1}），整个文件未导入；库未改动。", "The workbook “{0}” in the library file is damaged ({1}), so nothing was imported; the library is unchanged.";
    LibImportFull => "导入后将超过 {0} 个工作簿，未导入；请先删除不用的，库未改动。", "Importing would take the library over {0} workbooks, so nothing was imported; delete some first. The library is unchanged.";
    LibImported => "已导入 {0} 个工作簿。{1}", "Imported {0} workbook(s). {1}";
    LibImportRenamed => "同名的已改名：{0}。", "Renamed where the name was taken: {0}.";
    LibImportSame => "库中已有相同内容，跳过：{0}。", "Already in the library with the same content, skipped: {0}.";
    LibExport => "导出整个库", "Export the whole library";
    LibImport => "导入库文件…", "Import a library file…";
    LibExported => "已导出 {0} 个工作簿到一个文件。{1}", "Exported {0} workbook(s) to one file. {1}";
    LibExportMissing => "数据缺失、未能导出：{0}。", "Missing data, not exported: {0}.";
    LibLoading => "正在读取工作簿库…", "Reading the library…";
    StorageIdb => "工作簿库和自动保存保存在本浏览器的 IndexedDB 中（不会上传）。", "The library and autosave are kept in this browser's IndexedDB (never uploaded).";
    StorageFallback => "本浏览器无法使用 IndexedDB（可能是隐私模式或被禁用），工作簿库和自动保存改存在 localStorage 中，上限约 5 MB。请定期“导出整个库”或保存工作簿文件备份。", "IndexedDB is not available in this browser (a private window, or blocked), so the library and autosave are kept in localStorage, about 5 MB at most. Export the library or save workbook files as backups now and then.";
    StorageMigrated => "已把 {0} 项旧数据（工作簿库和自动保存）从 localStorage 移入 IndexedDB，并核对无误。", "Moved {0} stored item(s) (library and autosave) from localStorage into IndexedDB and checked them.";
    StorageMigrateFailed => "未能把旧数据移入 IndexedDB（{0}），本次继续使用 localStorage，旧数据原样保留。", "Could not move the stored data into IndexedDB ({0}); this session keeps using localStorage, and the old data stays as it was.";
    StoragePersistWhy => "持久保存可防止浏览器在磁盘空间紧张时清除工作簿库；首次保存到库时会向浏览器申请一次。", "Persistent storage stops the browser clearing the library when the disk runs low; the app asks for it once, on the first save into the library.";
    StoragePersistDenied => "浏览器未同意持久保存（它按自己的规则决定，例如安装为应用后更容易同意）。", "The browser did not grant persistent storage (it decides by its own rules; installing the app often helps).";
    // (end of the storage keys)
    //
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
    fn one_takes_the_singular_in_english() {
        let cases = [
            (Msg::ImpProblems, vec!["1"], "1 note"),
            (Msg::ImpProblems, vec!["2"], "2 notes"),
            (Msg::ImpProblems, vec!["11"], "11 notes"),
            (Msg::ImpRows, vec!["1", "1"], "1 agent, 1 column"),
            (Msg::ImpRows, vec!["21", "1"], "21 agents, 1 column"),
            (
                Msg::CompareSummary,
                vec!["1", "1", "0"],
                "Grade changes for 1 agent: 1 up, 0 down.",
            ),
        ];
        for (m, args, want) in cases {
            let args: Vec<String> = args.into_iter().map(String::from).collect();
            assert_eq!(m.fill(Lang::En, &args), want, "{m:?}");
        }
        assert_eq!(
            Msg::ImpProblems.fill(Lang::Zh, &["1".into()]),
            Msg::ImpProblems.text(Lang::Zh).replace("{0}", "1")
        );
    }

    /// English text holds no Chinese: no ideographs, no CJK punctuation
    /// (、。「」) and no full-width forms (：，（）) — #15 found them inside
    /// English sentences.
    #[test]
    fn english_has_no_chinese() {
        let cjk = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
        for m in Msg::ALL {
            let en = m.text(Lang::En);
            assert!(!en.chars().any(cjk), "{m:?} English holds Chinese: {en}");
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
