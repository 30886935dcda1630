# Run `make help` for the list of targets.
SHELL := /bin/bash
GO ?= go
BIN := bin
SIM_ADDR ?= 127.0.0.1:8081
PROXY_ADDR ?= 127.0.0.1:8080
ADMIN_ADDR ?= 127.0.0.1:8082
FORWARD_ADDR ?= 127.0.0.1:8443
BENCH_OUT ?= bench/out

.PHONY: help build run test test-go test-deps bench bench-proxy accuracy accuracy-independent lint fuzz clean

help: ## List the targets.
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## Build bin/proxy and bin/dingtalk-sim.
	$(GO) build -o $(BIN)/proxy ./cmd/proxy
	$(GO) build -o $(BIN)/dingtalk-sim ./cmd/dingtalk-sim

run: build ## Start the DingTalk simulator and the proxy with policies/demo.yaml (Ctrl-C stops both).
	SIM_ADDR=$(SIM_ADDR) PROXY_ADDR=$(PROXY_ADDR) ADMIN_ADDR=$(ADMIN_ADDR) FORWARD_ADDR=$(FORWARD_ADDR) ./scripts/demo.sh

test: test-deps lint test-go ## Everything the tests need, then gofmt/vet and go test -race ./...

test-deps: ## Install what the tests need (the official DingTalk Node SDK, Chromium for the dashboard test).
	./scripts/test-deps.sh

test-go:
	$(GO) test -race -count=1 ./...

lint: ## gofmt and go vet.
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

bench: ## Go benchmarks of the engine, vault and audit; results in bench/out/bench.txt.
	@mkdir -p $(BENCH_OUT)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1s ./internal/... ./bench/... | tee $(BENCH_OUT)/bench.txt

bench-proxy: build ## Load test: simulator direct vs plain ReverseProxy vs this proxy, 4 KiB/64 KiB, c=1/32.
	@mkdir -p $(BENCH_OUT)
	$(GO) run ./bench/load -out $(BENCH_OUT)/proxy.txt

accuracy: build ## Recall and precision per PII type on a generated, labelled DingTalk corpus.
	@rm -rf $(BENCH_OUT)/corpus && mkdir -p $(BENCH_OUT)
	$(GO) run ./bench/corpusgen -seed 1 -n 3000 -out $(BENCH_OUT)/corpus
	$(BIN)/proxy scan $(BENCH_OUT)/corpus/*.json > $(BENCH_OUT)/findings.jsonl
	$(GO) run ./bench/accuracy -truth $(BENCH_OUT)/corpus/truth.jsonl -found $(BENCH_OUT)/findings.jsonl

accuracy-independent: build ## The same on six corpora from generators written apart from ours (needs python3, node and npm).
	INDEP_OUT=$(BENCH_OUT)/independent/users python3 bench/independent/users/gen.py
	INDEP_OUT=$(BENCH_OUT)/independent/users PROXY=$(BIN)/proxy python3 bench/independent/users/score.py
	INDEP_OUT=$(BENCH_OUT)/independent/forms python3 bench/independent/forms/gen.py
	INDEP_OUT=$(BENCH_OUT)/independent/forms PROXY=$(BIN)/proxy python3 bench/independent/forms/score.py
	INDEP_OUT=$(BENCH_OUT)/independent/events python3 bench/independent/events/gen.py
	INDEP_OUT=$(BENCH_OUT)/independent/events PROXY=$(BIN)/proxy python3 bench/independent/score.py
	INDEP_OUT=$(BENCH_OUT)/independent/apps python3 bench/independent/apps/gen.py
	INDEP_OUT=$(BENCH_OUT)/independent/apps PROXY=$(BIN)/proxy python3 bench/independent/score.py
	cd bench/independent/faker && npm ci --silent --no-audit --no-fund
	INDEP_OUT=$(BENCH_OUT)/independent/faker node bench/independent/faker/gen.mjs
	INDEP_OUT=$(BENCH_OUT)/independent/faker PROXY=$(BIN)/proxy python3 bench/independent/score.py
	INDEP_OUT=$(BENCH_OUT)/independent/vectors python3 bench/independent/vectors/gen.py
	INDEP_OUT=$(BENCH_OUT)/independent/vectors PROXY=$(BIN)/proxy python3 bench/independent/score.py

fuzz: ## Run every fuzz target briefly (FUZZTIME, default 10s each).
	./scripts/fuzz.sh $${FUZZTIME:-10s}

clean: ## Remove build output and demo state.
	rm -rf $(BIN) var/demo $(BENCH_OUT)
