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
        "\"{0}\" is not a duration; write 32, 32秒, 1分20秒, 00:01:20 or 32s";
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
        "No agent column was found (such as 客服昵称, 旺旺, 账户名 or Agent); the header reads: {0}. Pick another header row in the preview";
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
    FxErrTooDeep => "公式嵌套太深", "The formula is nested too deeply";
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
        "Write formulas as in Excel: [column] is this row's value, and the whole column inside SUM, AVERAGE, RANK.EQ and the like; [@column] is always this row. E.g. =[询单人数]*[询单转化率], =RANK.EQ([@客单价],[客单价]), =LOOKUP([询单转化率],{0,0.35,0.4,0.45},{0,60,80,100}).";
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
    PlanCopySuffix => "（副本）", " (copy)";
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
    PlanDirAuto => "按指标（{0}）", "From the metric ({0})";
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
    CompareSummary => "{0} 人等级变化：{1} 人升级，{2} 人降级。", "{0} agents change grade: {1} up, {2} down.";
    HistTitle => "总分分布", "Distribution of totals";
    HistBin => "分数段", "Range";
    HistCount => "人数", "Agents";
    WhyTitle => "为什么是这个分数：{0}", "Why this score: {0}";
    WhyHint => "点击客服查看每一分的来历。", "Click an agent to see where every point comes from.";
    WhyTotal => "总分 {0} = 各项加权分之和；第 {1} 名，等级 {2}", "Total {0} = the sum of weighted points; rank {1}, grade {2}";
    // ---- keys for staffing and QA noise (#19): add new ones right below this line ----
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
        "Size the QA (质检) team three ways — the industry ratio, the actual workload, and statistical precision — and see what it costs.";
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
    ShareScopeAnon => "全部，客服姓名替换为 客服01、客服02…（删除其他文字列）", "Everything, agents renamed 客服01, 客服02… (other text columns removed)";
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
    PayCopyName => "{0}（副本）", "{0} (copy)";
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
    PayTop20 => "前 20% 人员占比", "Share of top 20 %";
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
    StorageUsed => "其他浏览器存储（离线缓存）：已用 {0}，约还可用 {1}。", "Other browser storage (offline cache): {0} used, about {1} free.";
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
    WhatIfPp => "个百分点", "pp";
    WhatIfEveryone => "全体客服", "Everyone";
    WhatIfApply => "应用调整", "Apply";
    WhatIfReset => "还原", "Reset";
    WhatIfActive => "正在显示假设分析结果（数据未修改）", "Showing what-if results (the data is unchanged)";
    WhatIfBefore => "调整前", "Before";
    McTitle => "下月成本预测（蒙特卡洛）", "Next month's cost forecast (Monte Carlo)";
    McHelp => "按当前数值上下波动模拟多个月份：每项指标 = 当前值 × (1 + 波动系数 × 标准正态)。有 3 个及以上月份数据时，波动系数由历史估计，否则用你设定的值。同一随机种子结果完全相同。", "Simulates many months around the current values: each metric = current × (1 + cv × standard normal). With 3 or more monthly tables the cv is estimated from them, otherwise your value is used. The same seed gives the same result.";
    McMonthsLabel => "模拟月数", "Months to simulate";
    McSeed => "随机种子", "Seed";
    McDefaultCv => "默认波动系数", "Default cv";
    McColMetric => "指标", "Metric";
    McColCv => "波动系数", "cv";
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
    CliffHelp => "逐人把每项指标上下移动一小步（百分比指标 1 个百分点，秒/天/分 1 个单位，其余 1%），其他人不变；列出奖金变化超过设定比例的位置及原因。", "Moves each metric of each agent one small step up and down (1 pp for shares, 1 unit for seconds, days and points, 1 % otherwise) with everyone else held, and lists where pay changes by more than the set share, and why.";
    CliffShare => "变化超过", "Change above";
    CliffRun => "开始检测", "Find cliffs";
    CliffNone => "没有发现超过 {0} 的断崖。", "No cliff above {0}.";
    CliffMove => "移动", "Move";
    CliffPay => "奖金", "Pay";
    CliffCause => "原因", "Cause";
    CliffStepPp => "{0}{1} 个百分点", "{0}{1} pp";
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
    ScnNoPlan => "找不到考核方案「{0}」", "No plan named “{0}”";
    ScnNoModel => "找不到奖金方案「{0}」", "No payout model named “{0}”";
    ScnSummary => "A 总额 {0}，B 总额 {1}，变化 {2}；{3} 人增加，{4} 人减少，{5} 人不变。", "A pays {0}, B pays {1}, change {2}; {3} gain, {4} lose, {5} unchanged.";
    ScnChartTitle => "每人奖金变化（B − A）", "Change per agent (B − A)";
    PaySolveNoEffect => "调整该数值不改变总额（例如所有人得分为 0）", "Changing this number does not change the total (e.g. every score is 0)";
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
