# Summit — the two commands: `make run` and `make test`. Everything they need is installed
# here (npm ci; Debian packages via apt-get when missing), so a fresh clone works.

GO      ?= go
NPM     ?= npm
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PGRUN   := bin/pgrun
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: run build test test-go test-fuzz test-frontend test-e2e bench lint deps frontend-deps system-deps chromium clean

## run: build everything, start a project-local PostgreSQL unless DATABASE_URL is set, migrate, load demo data, serve on :8080
run: build
	./bin/summit dev

## build: the self-contained binary bin/summit with the SPA embedded
build: frontend-build
	$(GO) build -trimpath -ldflags "-s -w -X main.version=$(VERSION)" -o bin/summit ./cmd/summit

frontend-build: frontend-deps
	cd frontend && $(NPM) run build

## test: every check — lint, Go unit and integration tests on real PostgreSQL, Vitest, browser end-to-end tests
## The Go tests, the fuzz runs and the browser tests share one throwaway cluster and run at the same
## time: the browser tests mostly wait on pages, so the cores stay busy (each target's output is
## printed whole when it ends).
test: lint test-frontend build chromium $(PGRUN)
	$(PGRUN) -- $(MAKE) --no-print-directory -j3 --output-sync=target test-go test-fuzz test-e2e-inner

## test-go: Go tests (with DATABASE_URL set they share that server; else each package starts its own)
test-go:
	$(GO) test -race -count=1 ./...

## test-fuzz: a short run of each fuzz target (JSON binding, plan import); a finding fails the run
## and is saved under testdata/fuzz/ so it is replayed by every later `go test`.
FUZZTIME ?= 15s
test-fuzz:
	$(GO) test ./handlers -run '^$$' -fuzz '^FuzzBindJSON$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s -parallel 1
	$(GO) test ./handlers/sheet -run '^$$' -fuzz '^FuzzReadSheet$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s -parallel 1

test-frontend: frontend-deps
	cd frontend && $(NPM) run typecheck && $(NPM) test

## test-e2e: only the browser tests
test-e2e: build chromium $(PGRUN)
	$(PGRUN) -- $(MAKE) --no-print-directory test-e2e-inner

test-e2e-inner:
	cd frontend && SUMMIT_E2E_SHARDS=2 $(NPM) run e2e

## bench: the load test (issue 12) — a throwaway PostgreSQL seeded with the demo plus BENCH_SIZES deals
## (one fresh database each), `summit serve` on a loopback port, the main endpoints driven by 1 and 16
## closed-loop users; prints p50 / p99 / rps / errors / statements per request / peak RSS, the growth
## between the sizes and the budgets met or missed (markdown, also in bin/bench.md). Not part of `make test`.
BENCH_SIZES    ?= 1000,10000
BENCH_USERS    ?= 1,16
BENCH_DURATION ?= 10s
BENCH_REQUESTS ?= 2000
BENCH_FLAGS    ?=
bench: build $(PGRUN)
	$(GO) build -o bin/summit-bench ./cmd/summit-bench
	$(PGRUN) -- bin/summit-bench -summit bin/summit -sizes $(BENCH_SIZES) -users $(BENCH_USERS) \
		-duration $(BENCH_DURATION) -requests $(BENCH_REQUESTS) $(BENCH_FLAGS)

## lint: gofmt, go vet, staticcheck (a `tool` in go.mod), go.mod/go.sum tidy, ESLint (typescript-eslint,
## React hooks rules, feature import boundaries), every Node that package.json's engines admits accepted by
## every locked package, and the generated API types current with openapi.yaml
lint: frontend-deps
	@unformatted="$$(gofmt -l $$(git ls-files '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	@$(GO) mod tidy -diff >/dev/null || { $(GO) mod tidy -diff; echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }
	cd frontend && $(NPM) run --silent lint
	cd frontend && node check-engines.js
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	(cd frontend && ./node_modules/.bin/openapi-typescript ../handlers/openapi.yaml -o "$$tmp/api-schema.ts" >/dev/null 2>&1) || { echo "openapi-typescript failed on handlers/openapi.yaml"; exit 1; }; \
	if ! diff -u frontend/src/lib/api-schema.ts "$$tmp/api-schema.ts" >"$$tmp/diff"; then \
		head -40 "$$tmp/diff"; echo "frontend/src/lib/api-schema.ts is not what handlers/openapi.yaml generates: run npm run gen:api (in frontend/)"; exit 1; \
	fi
	@! git grep -nIE '\.\./shared' -- . || (echo "the files above point outside the repository" >&2; false)

$(PGRUN): system-deps $(wildcard cmd/pgrun/*.go repository/pgcluster/*.go)
	$(GO) build -o $(PGRUN) ./cmd/pgrun

deps: frontend-deps system-deps

# npm ci only when the lock file changed since the last install.
frontend-deps: frontend/node_modules/.installed
frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	touch $@

# PostgreSQL server binaries (initdb, pg_ctl) for the local and test clusters.
system-deps:
	@if [ -z "$$DATABASE_URL" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null; then \
		echo "Installing PostgreSQL server binaries…"; \
		$(APT_GET) update -q && $(APT_GET) install -y -q postgresql; \
	fi

# Debian's Chromium for the browser tests (Playwright's own download is not used).
chromium:
	@if ! command -v chromium >/dev/null; then \
		echo "Installing Chromium…"; \
		$(APT_GET) update -q && $(APT_GET) install -y -q chromium; \
	fi

clean:
	rm -rf bin frontend/dist/spa frontend/node_modules/.installed
