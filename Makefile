# KPI Sandbox — the two commands are `make serve` and `make test`.
# Every target installs what it needs first (scripts/setup.sh is idempotent:
# seconds on a warm machine, ~15 min on a cold one).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
WASM := wasm32-unknown-unknown

# Bundle budget: gzip of the wasm module + JS, in KB. `make test` fails above it.
# Issue 9 started it at 900 KB; lowered to 300 KB when the app measured 141.5 KB
# (Yew shell + grid + importer); raised to 350 KB when plans, scores, formulas,
# QA and import brought it to 292 KB; raised to 400 KB when the saved format
# (serde_json with float_roundtrip, +82 KB gzip, of which float_roundtrip 9 KB)
# brought it to 377 KB. Lower it when XLSX and charts load lazily.
# Raised to 500 KB when the 奖金 workspace (payout editor, forecast, cliffs,
# scenarios: +97 KB gzip, mostly html! code of the editor) brought it to 485 KB;
# making the editor's callbacks non-generic saved nothing, and opt-level "s"
# would cost +78 KB for ~10 % speed in the forecast.
# Raised to 530 KB for share links (miniz_oxide deflate/inflate, +25 KB gzip;
# the browser's CompressionStream would be free but async and not testable
# natively) at 514.6 KB.
# Raised to 545 KB for the workbook library and the .xlsx reader (a zip +
# SpreadsheetML reader on the deflate code already here: +8 KB, where calamine
# would cost ≈ 450 KB) at 535 KB.
# Raised to 560 KB for the .xlsx export (SpreadsheetML with live formulas,
# written on the same deflate code: +13 KB, where rust_xlsxwriter would cost
# ≈ 150 KB) at 553 KB.
# Raised to 570 KB for .xls/.ods through the Web Worker at 562.5 KB (+8.5 KB
# gzip on the page, measured against 553.9 KB: ≈ 5 KB of worker plumbing and
# reading its sheets, ≈ 2 KB of the new messages in two languages, 0.3 KB for
# title rows above the header; calamine itself, ≈ 300 KB, is only in the worker).
# Raise it only on purpose, with the reason.
# Raised to 900 KB on 2026-12-01 at 891.5 KB, on purpose: the 趋势 workspace
# (+76 KB), chat staffing with QA noise and findings (+67 KB, statrs 13 KB of
# it), the pay sheet and statements (+63 KB), the import preview with column
# fixes, day files and join plus the platform dictionary (+46 KB), the grid's
# ranges, find and status bar with the update bar (≈ +20 KB) and the worker
# glue (+9 KB). calamine is not in the page (worker only, own budget below).
# Issue 16 asks for ≤ 555 KB: loading each workspace's code on first use is
# the way back down.
# Lowered to 835 KB on 2026-12-01 at 825.2 KB (from 891.5 KB): the message
# keys' Serialize/Deserialize written by hand over a name table instead of
# serde's derive, which matched ≈ 1,500 key names as bytes, as str and as an
# index (≈ 220 KB of raw code, ≈ 67 KB gzip).
# Raised to 890 KB on 2026-12-02 at 883.8 KB, on purpose, when the session's
# branches met: IndexedDB storage with the migration, fallback and library
# export/import (≈ +20 KB, measured on its branch), the forecast/cliff/solver
# worker pool with its page fallback and joint draws (≈ +20 KB: the page keeps
# the kernel for the fallback), the first-steps checklist and English
# completeness (≈ +10 KB), stable ids, intents and the native session
# reducer. Issue 16's ≤ 555 KB is still open: it needs each workspace's code
# loaded on first use, which Trunk + Yew do not split today.
# Lowered to 870 KB on 2026-12-02 at 863.0 KB (from 885.5 KB; 2,241.0 KB raw
# from 2,385.4 KB): sorts outside the formula, payout, forecast and plan-engine
# code go through model::order's one index sort behind `&dyn Fn` (ties by
# index: the same order as the stable sort) instead of a driftsort copy per
# call site (≈ 45 of ≈ 67 copies gone, ≈ 145 KB raw). The grid's column sort
# keeps its own copy (≈ 1 KB gzip): through `&dyn Fn` its benchmark went from
# 0.43 to 1.17 ms. About 21 copies remain in the folders above (≈ 70 KB raw,
# ≈ 10 KB gzip). wasm-opt `--converge` measured −0.4 KB gzip for twice the
# time: not used.
# Raised to 875 KB on 2026-12-02 at 869.4 KB when the session's branches met
# (the sorts of the folders above moved to model::order too): exports in the
# user's language and phone-width charts, the saved format's own file types,
# the forecast kernel's scratch buffers and formula recomputation, and the
# page's side of the worker-side merge (≈ +6 KB together).
# Lowered to 640 KB on 2026-12-02 at 608.1 KB (613.0 KB once merged with the
# formula engine's column-at-a-time path; from 869.0 KB): the page is
# split (scripts/split.mjs, src/ui/lazy.rs) — 方案, 成绩, 奖金, 趋势 and 质检
# load their code on first use (or in the background once the page is idle),
# and so does the English text table (627.1 KB before it moved), so the
# first load carries the shell, 数据 (grid, import), the saved format and
# the Chinese texts.
# Lowered to 555 KB (issue 16's bound) on 2026-12-02 at 541.7 KB: what 数据
# opens on demand loads on first use too — the .xlsx exporter, the import
# preview, the library, and the in-browser benchmarks (`#bench`, which
# alone carried ≈ 40 KB: the synthetic team and a forecast); 529.0 KB once
# the share panel (making a link: the deflate) followed.
SIZE_BUDGET_KB ?= 555
# The chunks (split-*.wasm), each fetched on first use or in the background
# once the page is idle: 315.2 KB gzip when the page was first split (295.6
# KB of them the workspaces'); 428.5 KB since 数据's on-demand code (export,
# import preview, library, share panel) and the benchmarks (never fetched in
# normal use) are chunks too.
CHUNKS_BUDGET_KB ?= 450
# The Web Worker's files (worker-*.js/.wasm: calamine for .xls/.ods), fetched
# only when such a file is first opened, have their own budget. Started at
# 350 KB when it measured 309 KB gzip (calamine's BIFF, ODF, zip, codepages);
# 425 KB since it also computes forecasts, cliff scans and the solver (#16:
# the plan kernel, payouts and serde_json's readers): 407 KB measured.
# 490 KB since the forecast recomputes formula columns from drawn inputs
# (#16: the formula engine — parser, functions, incremental calc — now in
# the worker too, +61 KB) and one worker merges the months and computes the
# result: 470.7 KB measured. The page does not load it before first use.
# 600 KB since the worker is built for speed (Cargo profile `worker`:
# opt-level 3, wasm-opt -O3) instead of size: 574.3 KB measured (+104 KB);
# the 10,000 × 500 forecast on 2 workers went from 599–611 ms to 449–686 ms,
# on 1 worker from 980–1,014 to 702–716 ms (tests/bench/forecast_workers.mjs).
WORKER_BUDGET_KB ?= 600

.PHONY: fuzz serve dist test setup setup-browser lint test-native test-sheets test-web build-release e2e size bench serve-dist fmt clean

## serve: install what is missing, then serve the app with its demo team on http://127.0.0.1:8080
serve: setup
	trunk serve --offline

## dist: the deployable static site in dist/ (relative URLs: any host, any sub-path)
dist: setup build-release
	@echo "dist/ is ready: copy it to any static host (e.g. GitHub Pages)."

## test: every tier, stopping at the first failure
test: setup-browser lint test-native test-sheets test-web build-release e2e size
	@echo "make test: all tiers passed"

setup:
	bash scripts/setup.sh build

setup-browser:
	bash scripts/setup.sh all

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --test sheets -- -D warnings
	cargo clippy --target $(WASM) --all-targets -- -D warnings
	cargo clippy --target $(WASM) --bin kpi-sandbox --features split -- -D warnings

test-native:
	cargo test

## test-sheets: LibreOffice recomputes exported workbooks and a formula corpus; any unexplained difference fails
test-sheets:
	@command -v soffice >/dev/null || { echo "test-sheets: LibreOffice (soffice) is missing; run 'bash scripts/setup.sh all' (installs libreoffice-calc-nogui)" >&2; exit 1; }
	cargo test --test sheets

test-web:
	cargo test --target $(WASM) --test web

build-release:
	trunk build --release --offline

e2e:
	node --test --test-concurrency=1 tests/e2e/

size:
	bash scripts/size-report.sh dist $(SIZE_BUDGET_KB) $(WORKER_BUDGET_KB) $(CHUNKS_BUDGET_KB)

## bench: native benchmarks of the core, then the same work in Chromium (figures in BENCHMARKS.md)
bench: setup-browser
	cargo bench --bench core
	trunk build --release --offline
	node tests/bench/browser.mjs
	node tests/bench/responsive.mjs
	node tests/bench/forecast_workers.mjs
	node tests/bench/startup.mjs

## fuzz: run each fuzz target for FUZZ_SECONDS (nightly toolchain + cargo-fuzz)
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := import decode formula scenario share xlsx
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  cargo +nightly fuzz run $$t fuzz/corpus/$$t fuzz/seeds/$$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|Done|crash|panicked|SUMMARY' ; \
	done

## serve-dist: serve the built dist/ as a static host would, on http://127.0.0.1:8081/
serve-dist:
	node tests/e2e/serve.mjs

fmt:
	cargo fmt --all

clean:
	cargo clean
	rm -rf dist screenshots/*.png
