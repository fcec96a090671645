# Parallax: targets are the documentation of how to work on the project.
GO        ?= go
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
ADDR      ?= 127.0.0.1:8080
# The app's WebAssembly is built without inlining, except in the engine's aligner and
# go-diff, where speed matters: inlined copies compress badly, and this keeps the whole
# app under its 2 MB (brotli) download budget (measured: 2.02 MB -> 1.92 MB). Framing and
# blind mode run as fast without it under WebAssembly (framing the seeds 30-33 ms either
# way) and are 6 KB smaller. The runtime was inlined until the smaller engine replies
# (result-wire.go) took the app over budget: not inlining it saves 39 KB (brotli
# 1,986,273 -> 1,946,936 bytes) and costs the worker about 14% (the seeds aligned without
# word diffs in 82 ms against 72, medians of five alternating runs under Node on a busy
# host) and first visits' longest main-thread task about as much (medians of seven
# 180-186 ms against 137-172 on a host x1.3-1.7 slower than the reference machine).
WASM_GCFLAGS := -gcflags=all=-l -gcflags=parallax/compare= -gcflags=github.com/sergi/go-diff/...=

.PHONY: build run test vet test-native test-wasm test-browser axe screenshot bench bench-wasm eval fuzz golden load clean

## build: the browser app (web/app.wasm, with .br and .gz copies to serve) and the native binary (bin/parallax)
build:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=-s $(WASM_GCFLAGS) -o web/app.wasm ./cmd/parallax
	$(GO) build -o bin/parallax ./cmd/parallax
	./bin/parallax compress web/app.wasm

## run: build, then serve the app on the seed demo
run: build
	./bin/parallax serve --addr $(ADDR)

## test: everything: vet (native and wasm), race tests, engine tests under WebAssembly, browser tests
test: vet test-native test-wasm test-browser

vet:
	$(GO) vet ./...
	$(GO) vet -tags browser ./cmd/parallax/
	GOOS=js GOARCH=wasm $(GO) vet ./...

test-native:
	$(GO) test -race -count=1 ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" ./compare/...

## test-browser: end-to-end tests of the app in headless Chromium (skip without Chromium, fail if CI=true)
test-browser: build
	@$(MAKE) --no-print-directory axe || echo "make: axe-core could not be fetched from npm: TestBrowserAccessibility will say so"
	PARALLAX_AXE=$(AXE) $(GO) test -tags browser -count=1 -v -timeout 30m -run '^TestBrowser' ./cmd/parallax/

## axe: fetch axe-core, the accessibility checker TestBrowserAccessibility runs in the page, from npm into .cache/ (checked against its SHA-256; not part of the app)
AXE_VERSION := 4.14.1
AXE_SHA256 := e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
AXE := $(CURDIR)/.cache/axe-core-$(AXE_VERSION)/axe.min.js
axe: $(AXE)
$(AXE):
	mkdir -p $(dir $(AXE))
	curl -sSfL --retry 3 -o $(dir $(AXE))axe.tgz https://registry.npmjs.org/axe-core/-/axe-core-$(AXE_VERSION).tgz
	echo "$(AXE_SHA256)  $(dir $(AXE))axe.tgz" | sha256sum -c --quiet
	tar -xzf $(dir $(AXE))axe.tgz -C $(dir $(AXE)) --strip-components=1 package/axe.min.js package/LICENSE
	rm $(dir $(AXE))axe.tgz

## screenshot: rewrite the README's screenshots: web/screenshot.png (the seed demo's aligned view), screenshot-framing.png (a claim's framing), screenshot-blind.png (blind mode), screenshot-presenter.png (the presenter view)
screenshot: build
	$(GO) test -tags browser -count=1 -run '^TestBrowser(Demo|Framing|BlindMode|Presenter)$$' ./cmd/parallax/ -args -screenshot=$(CURDIR)/web/screenshot.png -screenshot-framing=$(CURDIR)/web/screenshot-framing.png -screenshot-blind=$(CURDIR)/web/screenshot-blind.png -screenshot-presenter=$(CURDIR)/web/screenshot-presenter.png

## bench: engine benchmarks, natively, on one core
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -cpu=1 ./compare/...

## bench-wasm: the seed benchmark under WebAssembly (Node)
bench-wasm:
	GOOS=js GOARCH=wasm $(GO) test -run='^$$' -bench=Seeds -benchmem -exec="$(WASM_EXEC)" ./compare/

## load: parallax serve under 200 connections on loopback for LOADTIME (app files and link imports from a local test site); prints requests/s, p99, memory
LOADTIME ?= 30s
load: build
	$(GO) test -tags load -count=1 -v -run '^TestLoad$$' ./cmd/parallax/ -args -duration=$(LOADTIME)

## eval: alignment quality on ../shared/gold and ../shared/bench
eval:
	$(GO) run ./cmd/parallax eval

## fuzz: run each fuzz target for a while (FUZZTIME=30s)
# Each target as name,package[,extra flags]. (FuzzExtract minimizes whole pages, which
# could take the default 60 s: 5 s is enough.)
FUZZTIME ?= 30s
FUZZ_TARGETS := \
	FuzzClean,./compare/ FuzzSplit,./compare/ FuzzAlign,./compare/ FuzzWords,./compare/ \
	FuzzQuotes,./compare/framing/ FuzzNumbers,./compare/framing/ FuzzCompare,./compare/framing/ \
	FuzzMask,./compare/blind/ \
	FuzzChunkHTML,./app/ FuzzTagWriter,./app/ \
	FuzzDecode,./app/workspace/ FuzzWriteHTML,./app/workspace/ FuzzParseFragment,./app/workspace/ \
	FuzzCheckURL,./cmd/parallax/fetch/ FuzzExtract,./cmd/parallax/fetch/,-fuzzminimizetime=5s
# Go 1.26's fuzzer can stop a run at -fuzztime with "context deadline exceeded" and no
# failing input (go.dev/issue/75804, fixed in Go 1.27): such a run is reported and the
# next target runs. A run fails the target when it writes a reproducer to testdata/fuzz/,
# or fails any other way.
fuzz:
	@log=$$(mktemp); failed=""; \
	for spec in $(FUZZ_TARGETS); do \
		name=$${spec%%,*}; rest=$${spec#*,}; pkg=$${rest%%,*}; extra=""; \
		case $$rest in *,*) extra=$${rest#*,};; esac; \
		before=$$(ls $$pkg/testdata/fuzz/$$name 2>/dev/null | wc -l); \
		echo "$(GO) test -run='^$$' -fuzz='^$$name\$$' -fuzztime=$(FUZZTIME) $$extra $$pkg"; \
		$(GO) test -run='^$$' -fuzz="^$$name\$$" -fuzztime=$(FUZZTIME) $$extra $$pkg > $$log 2>&1; rc=$$?; \
		tail -n 4 $$log; \
		if [ $$rc -ne 0 ]; then \
			after=$$(ls $$pkg/testdata/fuzz/$$name 2>/dev/null | wc -l); \
			if [ "$$after" = "$$before" ] && tail -n 5 $$log | grep -q 'context deadline exceeded'; then \
				echo "$$name: stopped by Go's fuzzer at the time limit with no failing input (go.dev/issue/75804): not a finding"; \
			else cat $$log; failed="$$failed $$name"; fi; \
		fi; \
	done; rm -f $$log; \
	if [ -n "$$failed" ]; then echo "make fuzz: failed:$$failed (reproducers under each package's testdata/fuzz/)"; exit 1; fi

## golden: rewrite golden files under testdata/ after a deliberate change
golden:
	$(GO) test ./compare/... -update
	$(GO) test ./app/workspace/ -run Golden -update

clean:
	rm -rf bin web/app.wasm web/app.wasm.gz web/app.wasm.br
