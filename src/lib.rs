//! # KPI Sandbox (客服绩效沙盘) — architecture
//!
//! ## Bird's-eye view
//! A customer-service manager brings the team's metrics (pasted, or the
//! platforms' own exports, day files rolled up to the month), edits them in
//! a spreadsheet-like grid, builds weighted KPI plans, simulates bonus
//! payouts and sizes the QA team. Everything runs in
//! the browser as WebAssembly; no data leaves the machine.
//!
//! The crate is split so that everything that computes is plain Rust:
//!
//! ```text
//!   ui (yew, web-sys; wasm32 only)  ──commands──▶  model::Workbook::apply
//!        │  ▲                                         │
//!        │  └────────── plain query results ◀─────────┘
//!        └──text/bytes──▶  io (paste/CSV → Table + diagnostics)  ──▶ model
//!   i18n: the one text table (zh/en), used by all three layers
//! ```
//!
//! ## Code map
//! - [`i18n`]: every visible string, as a [`i18n::Msg`] key with Chinese and
//!   English text. The core stores keys plus arguments in its diagnostics; the
//!   UI translates when rendering.
//! - [`model`]: the headless domain core.
//!   - `unit`: units, directions, **the** value parser (`46%`, `1分20秒`,
//!     `¥1,234.50`, `1.2万`, missing markers) and display formatting.
//!   - `metric`: the metric dictionary (Chinese/English names, every
//!     platform's header spellings, unit, direction, how a month rolls up
//!     from days), unit hints in headers, `店铺:客服` names and the agent key
//!     used for matching, and what the importer remembers.
//!   - `rollup`: day files → the month, per agent (sums, ratios recomputed
//!     from their counts, means weighted by 接待人数, days present).
//!   - `table`: the team table, stored column by column (typed columns,
//!     cells; invalid input kept as text with a reason), sort orders.
//!   - `workbook/`: the state (the current month's table, other months, QA
//!     inputs, plans, payout models, scenarios) — `command` (the
//!     [`model::Command`]s: cell and column edits, imports, and intents for
//!     plans, payout models and scenarios by id: `AddPlan`, `CopyPlan {id}`,
//!     `EditPayoutModel {id, edit}`, `MergeShared`…), `steps`, `months`,
//!     `collections` (one generic list change per intent) and `history`
//!     (undo/redo). `Workbook::dispatch` returns what the UI should select
//!     next; `Workbook::table_for_plan` is the one answer to "which table
//!     does this plan score".
//!   - `id`: stable ids (one per-workbook counter, never reused) and the one
//!     naming rule for new and copied plans, models and scenarios
//!     (`name (2)`, a copy for next month named with its month).
//!   - `session`: the app state (workbook, selections by id, language,
//!     notices, what-if shifts) and its one reducer, headless and tested
//!     natively; `ui::state` wraps it for Yew.
//!   - `stats`: the one mean, standard deviation and inclusive percentile;
//!     `order`: the one sort (see the invariant below).
//!   - `payout`: bonus payout models (target × 绩效系数 by steps, grade or
//!     curve; a pool split by base × score with floors and caps solved
//!     exactly; marginal or retroactive commission; gates; pro-rating; one
//!     rounding), totals, the budget solver, scenario comparison and what-if
//!     shifts. One evaluation (`payout::Compiled::evaluate`) serves them all;
//!     each part (coefficient, commission tiers, gate, pro-rating, rounding)
//!     is defined once in `payout/parts.rs` with its Excel formula beside its
//!     evaluation. Worked examples: `docs/PAYOUTS.md`.
//!   - `paysheet`: a layer over `payout::Compiled::evaluate` — it consumes
//!     the evaluation's per-agent result and adds pay lines in a documented
//!     order (bonus → 红线 → earnings → deductions, each capped → floor → one
//!     rounding); `paysheet::statement` assembles an agent's statement from
//!     the same results (`docs/PAYSHEET.md`).
//!   - `forecast/`: the Monte Carlo cost forecast and the pay-cliff scan on
//!     the plan's compiled form (`plan::CompiledPlan`, the same code
//!     `plan::score` runs); `rng` (xoshiro256** with `jump`: month `m` draws
//!     from the seed's stream jumped `m` times; ziggurat normals on `libm`,
//!     so a seed gives the same bits natively and in wasm), `parts` (the
//!     specs that travel to workers, partial results merged by month index,
//!     `split`), `joint` (correlations from ≥ 3 months of history or the
//!     user's value, Cholesky, shrunk toward independence when not valid),
//!     `recompute` (formula columns the plan or model reads, recomputed each
//!     month by the formula engine from the drawn inputs over the drawn
//!     team, on a cut-down copy of the table). The kernel allocates nothing
//!     per month: `plan::Scratch` and `payout::PayScratch` are reused; rank,
//!     percentile and forced grades take one value-bucket sort
//!     (`plan::rules::sort_keyed`) and one pass.
//!   - `qa`: QA (质检) staffing — the ratio rule with its documented role
//!     split, the workload and Cochran methods, the recommendation, cost and
//!     the headcount curve.
//!   - `staffing`: chat staffing by Erlang C with concurrency (Erlang B
//!     recursion, occupancy cap, FTE, roster, cost, team check); `qa_noise`:
//!     Student-t intervals of QA scores, overlaps across ranks and
//!     boundaries, samples to separate, noise carried through a plan and a
//!     payout model; `findings`: QA findings rolled up to 质检得分 and 红线.
//!   - `round`: decimal rounding half away from zero, as spreadsheets do.
//!   - `range`: grid ranges in view coordinates (status-bar count, sum and
//!     average; fill down; clear; find); `Command::SetRange` is the one
//!     command for block writes (a paste into a range, a fill, a clear).
//!   - `plan/`: KPI plans (items, weights, seven scoring rules, grades by
//!     thresholds or forced distribution), validation against the seed's
//!     weight rules, scoring with an explanation of every point, "what is
//!     needed for the next grade", templates. Each rule kind is defined once
//!     (`plan/rules/`: own-value kinds in `own.rs`, team kinds in `team.rs`)
//!     — points, explanation, Excel formula, checks, words — and compiled
//!     once per plan (`plan/engine.rs`, `CompiledPlan`) into the kernel that
//!     `plan::score`, the forecast, the cliff scan and the .xlsx writer use.
//!   - `formula`: formula columns — `lexer`, `parser` (Pratt, Excel
//!     precedence), `ast` (printable; print → parse round-trips), `value`
//!     (errors as values, Excel coercions), `functions`, `calc` (compile,
//!     cycles, cached aggregates, incremental recalc, renames) and `graph`
//!     (the compiled columns, their readers and the evaluation order, kept
//!     edit by edit). Operator chains of any length are one flat node. The
//!     language is documented in `docs/FORMULAS.md`.
//!   - `plan_fit`: plans that fit the data — templates built for the table
//!     at hand, rule numbers from a column's values, why a plan scores
//!     nobody, one naming rule for new plans.
//!   - `months`: across months — `History` lines up agents (by confirmed
//!     spelling) and metrics (by dictionary id, else header) with gaps,
//!     joins and leaves; `trends` (changes against the previous month held,
//!     team mean/spread, movers, 面谈 list); `lmdi` (exact split of 客服销售额
//!     into 询单人数 × 询单转化率 × 客单价 × (1 − 退款率), zeros by the limit
//!     rule); `rotation` (weak spots, next month's plan, announcement);
//!     `talent` (top 20 %, 末位, tiers, stages, probation).
//! - [`io`]: headless text/bytes → model. `decode` detects a file's encoding
//!   (BOM, UTF-8, else GB18030 through an injected decoder) and refuses
//!   non-text files; `delimited` splits pasted/CSV text with Excel's quoting
//!   (the `csv` crate); `import` finds the header row below titles, maps
//!   headers (dictionary, remembered mappings, unit hints), parses values,
//!   drops summary rows and reports diagnostics (`docs/IMPORT.md`); `join`
//!   plans adding a second source's columns to a month by agent; `scenario/` is the versioned saved format
//!   (autosave; version 3), a compatibility boundary with its own file types
//!   (`scenario/file/`: plans, payout models, QA inputs, settings, months,
//!   cells, scenarios by plan/model id) converted to and from the model's
//!   types, messages saved by frozen codes (`tests/fixtures/saved/codes.txt`)
//!   and path-located problems, migrating version 2 (`migrate.rs`; frozen
//!   v2 files and links made at 9a4a729 and v3 ones made at 0e5aaf7 in
//!   `tests/fixtures/saved/`, which must keep opening); model types keep
//!   serde only for the messages sent to workers; `share` puts it (or only the plans, or an
//!   anonymised copy) into a URL fragment (zlib + strict base64url);
//!   `library` keeps the index of named workbooks saved in the browser and
//!   reads/writes the whole library as one file;
//!   `xlsx` reads `.xlsx` workbooks (zip directory + SpreadsheetML values
//!   and number formats, deflate from miniz_oxide) into rows for the importer; `xlsx_write`
//!   writes the workbook as .xlsx with live formulas for scores and payouts; `months_export` writes trends as CSV and xlsx; `export` writes CSV (BOM, units, injection
//!   neutralised); `demo` embeds the demo team;
//!   `synthetic` builds the 10,000-agent benchmark team; `clipboard`
//!   writes and reads TSV ranges (injection-safe, as Excel/WPS paste them); `sheets` reads
//!   `.xls`/`.ods` (calamine) into `xlsx::Sheet` rows and defines the
//!   page↔worker reply text; `hourly` (分时接待 → 24 hours) and `findings`
//!   (findings and per-chat scores from a paste).
//! - `src/bin/worker.rs` (+ `worker/compute.rs`): the Web Worker (Trunk
//!   `data-type="worker"`): reads `.xls`/`.ods` (the only binary linking
//!   calamine) and runs forecast parts, cliff-scan parts and the budget
//!   solver, and merges a forecast's parts into its result (`mc-result`);
//!   the page starts 1–8 of them (`navigator.hardwareConcurrency`). It is
//!   built for speed (Cargo profile `worker`: opt-level 3, wasm-opt -O3),
//!   the page for size (opt-level "z").
//! - `ui` (wasm32 only): the Yew app — `app` (shell, tabs, language switch),
//!   `lazy` (each workspace but 数据 behind a `#[wasm_split]` point, and
//!   what 数据 opens on demand — the .xlsx exporter, the import preview, the
//!   library and share panels (`components::lazy_panel`), the `#bench`
//!   benchmarks: with the `split` feature each is a chunk fetched on first
//!   use or in the background once the page is idle; a failed fetch is
//!   said in the user's language, with a retry for workspaces),
//!   `state` (the Yew wrapper of `model::session`), `store` + `idb` (the
//!   autosave and the library in IndexedDB, one transaction per write, a
//!   migration from localStorage that deletes an old key only after its
//!   copy reads back equal, localStorage with a notice where IndexedDB is
//!   unavailable; autosave at idle time, announced to other tabs on a
//!   BroadcastChannel), `format` (money, percentages, moves with units), `components/` (`start`: the first-steps checklist, which reads
//!   the workbook and only switches tabs or undoes; `data` + `grid/`: the data
//!   workspace; `import`: paste, files (several at once: day files),
//!   drag-and-drop; `import_preview`: the preview with its fixes (header
//!   row, metric and unit per column, shop prefix, days, join); `plan`: the plan editor; `scores`: scores, why, histogram and
//!   plan comparison; `payout/`: the 奖金 workspace (model editor, totals and
//!   solver, what-if, forecast, cliffs, scenarios); `trends/`: the 趋势
//!   workspace (months summary, small multiples, 面谈 list, LMDI waterfall,
//!   team targets, next month's rotating plan and its announcement, talent
//!   view); `qa`: the QA workspace (with the `staffing`, `qa_noise` and
//!   `findings` panels); `paysheet/`: the pay-lines editor, the 绩效工资表
//!   and the statements with their print host; `update`: the "new version"
//!   bar of the service worker; `storage`: what the library and autosave
//!   use; `worker` (in `ui`): starts the Web Worker on first
//!   use, restarts it after it dies, never lets a worker failure touch state;
//!   `fields`: validated number inputs;
//!   `chart`: inline SVG charts; `formula_bar`: the formula bar and the
//!   add-formula panel), `worker_compute` (the pool of compute workers, results merged
//!   in month order), `jobs` (long work in workers, or in ~30 ms page slices
//!   when a worker cannot start, with progress and
//!   stop), `browser` (storage, navigator), `bench` (the
//!   in-browser measurement at `#bench`), and the panic hook.
//!
//! ## Invariants
//! - **`model` and `io` never import a browser crate** (yew, web-sys, gloo,
//!   js-sys, wasm-bindgen). `tests/tidy.rs` fails the build if one appears.
//! - **The UI changes state only through `Workbook::apply`/`dispatch`, `undo` and
//!   `redo`.** Each command is validated, applied and recorded in one place,
//!   so undo never diverges from what happened; a rejected command changes
//!   nothing.
//! - **Parsing never fails as a whole.** Import returns a table plus
//!   diagnostics with source row/column; a cell that does not parse keeps its
//!   text and the reason. An unusable input yields an empty table and an
//!   error; the UI keeps its previous state.
//! - **Formula columns are always up to date**: every step the workbook
//!   applies, undoes or redoes is followed by a recalculation (incremental
//!   for a cell edit), and a formula is validated before it is stored.
//! - **Imports and grid edits parse values with the same function**
//!   (`model::unit::parse_value`); stored values are canonical (percent as a
//!   fraction, durations in seconds, money in yuan).
//! - **Saved files are a boundary**: only `io::scenario` reads or writes
//!   them, through its own file types (a model rename is a compile error in
//!   a conversion, not a silent format change); a file with any problem
//!   changes nothing, and numbers round-trip bit for bit.
//! - **Every export takes the user's language**: sheet names, headers,
//!   notes, number formats (`0.0" s"` / `0.0"秒"`) and anonymised names
//!   (Agent 01 / 客服01); a column is named by its metric in that language
//!   (`xlsx_write::column_label`, shared with the UI); `tests/export_lang.rs`
//!   fails on any CJK in an English export outside the user's data.
//! - **A formula column in a forecast is recomputed from its drawn inputs**
//!   each month (over the drawn team), never drawn itself, unless it cannot
//!   compile (`forecast::recompute`, `CvSource::Formula`).
//! - **The page never holds a forecast's per-agent pays when workers run
//!   it**: one worker merges the parts and computes the result
//!   (`mc-result`, one flat `Float64Array` reply; `ui::jobs`).
//! - **Sorting goes through `model::order`** (`sort_by`, `sort_by_key`,
//!   `sort`, `sort_f64`, `stable_order`): one shared copy of the sort code
//!   with the standard stable sort's results; a direct `sort_by` costs ≈ 5 KB
//!   of wasm per call site, kept only on benchmarked hot paths
//!   (`Table::sorted_order`, the pool split, the kernel's `sort_keyed`).
//! - **Charts are drawn in units of the width they get on screen**
//!   (`chart::chart_width`), so their text keeps its CSS size on a phone.
//! - **No panics in non-test code**: clippy denies `unwrap`, `expect`,
//!   `panic!` and slice indexing outside tests; a panic hook still shows a
//!   banner if one happens, and so does a trap the hook never sees (out of
//!   memory, a JS stack overflow: the window's `error` and
//!   `unhandledrejection` events), whose reload link opens the autosave.
//! - **Deterministic**: no clock, locale or OS randomness in the core; they
//!   come in as arguments. Scores are never rounded in the core (display
//!   rounds), so the same input gives the same bits. Money is rounded once,
//!   per agent, by the payout model's rule; totals are exact sums in fen.
//!   Random draws come from a seed the user sees.
//! - **Every formula the .xlsx writer can emit is recomputed by LibreOffice**
//!   in `make test-sheets` and must equal the model's own value.
//! - **Each scoring rule kind and each payout part is defined once**: scores,
//!   explanations, the forecast and cliff kernel and the Excel formulas come
//!   from the same definition, so they agree by construction.
//! - **Plans, payout models and scenarios are referenced by `Id`, never by
//!   name**; components dispatch intents only, and the workbook names new
//!   and copied items and says what to select.
//! - **A forecast's result is bit-identical for a seed whatever the number of
//!   workers and chunk sizes** (one stream per month; partials merge by
//!   month index; a native test compares 1, 2, 3 and 8 workers).
//! - **Incremental formula recalculation equals a full one bit for bit**
//!   after any edit sequence (a property test): only rows whose values
//!   changed are followed, sorted copies are patched, sums are never
//!   updated by subtraction.
//! - **English text holds no Chinese** (a native test of the table; an e2e
//!   walk of every workspace in English outside user data).
//! - **A formula's tree is only as deep as its nesting** (≤ 64 levels);
//!   operator chains of any length are flat, so no input deepens recursion.
//! - **`Calc` after any sequence of edits equals `formula::compile(table)`
//!   from scratch** (a property test holds it).
//! - **Across-months views store nothing of their own**: they are
//!   recomputed from the workbook's months whenever the revision changes;
//!   only the user's settings (confirmed matches, targets, talent rules) are
//!   stored, via `SetMonthsSettings`.
//! - **The offline cache never serves a stale name**: `sw.js` is written at
//!   build time (`scripts/sw-precache.mjs`, the last post-build step) from
//!   every file of `dist/` with its content hash; a new build is offered and
//!   taken only on the user's click.
//! - **The first load carries the shell and 数据 only**: the page's release
//!   build has the `split` feature, and the post-build hook
//!   (`scripts/split.mjs`, after Trunk) cuts cargo's output, which keeps the
//!   linker's relocations (`build.rs`: page binary only), with
//!   `wasm-split-cli` into the page, one chunk per other workspace and a
//!   loader, then runs wasm-bindgen and wasm-opt itself; all files carry the
//!   build's hash. Code reachable from the page stays in it; only what a
//!   workspace alone reaches moves. Native and wasm-bindgen tests build
//!   without the feature: one binary, every workspace at once.
//! - **Nothing of the worker is fetched by the page before a `.xls`/`.ods` is opened**;
//!   (the service worker's offline precache takes it in the background
//!   after the page is up, so .xls opens offline too); its file names are
//!   content-hashed by `scripts/postbuild.mjs` and read from
//!   `<meta name="kpi-worker">`.
//! - **Staffing, noise and findings inputs live in `QaParams`** and change
//!   only through `Command::SetQa`; new saved fields carry serde defaults.
//! - **No network**: the page loads its own files with relative URLs and
//!   requests nothing afterwards (CSP `connect-src 'self'`, tested end to end).

pub mod i18n;
pub mod io;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod ui;
