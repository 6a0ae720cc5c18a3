.PHONY: install dev demo test lint bench eval diagnosis-model diagnosis-eval

install:
	./scripts/setup

dev:
	./scripts/setup --dev

demo: install
	.venv/bin/coach draft --account examples/acme-dental.json --today 2026-11-21 \
	  --message "Our budget was cut for next year, we need to reduce our seats by 30%."

test: dev
	.venv/bin/pytest

lint:
	.venv/bin/ruff check coach api tests
	.venv/bin/mypy

eval:
	.venv/bin/coach eval --report reports/eval.html -o reports/eval.json

bench:
	.venv/bin/python benchmarks/speed.py
	.venv/bin/python benchmarks/retrieval.py --quick
	.venv/bin/python benchmarks/draft.py
	.venv/bin/python benchmarks/api_load.py
	.venv/bin/python benchmarks/llm_overhead.py
	.venv/bin/python benchmarks/portfolio.py
	.venv/bin/python benchmarks/baseline_minilm.py

# Rebuild the diagnosis heads (fixed seed; prints training time and cross-validated / dev figures).
diagnosis-model:
	.venv/bin/coach diagnosis train

# Aggregate diagnosis figures on the held-out set (never trained or tuned on).
diagnosis-eval:
	.venv/bin/coach diagnosis eval --items evals/heldout/diagnosis.yaml
