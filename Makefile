# Thin wrappers over build.go, the one entry point for building.
CONTENT ?= content
GO ?= go
N ?= 10
# make dev: PORT= (default 8000, on localhost only) and EDITOR_URL=, e.g.
# EDITOR_URL='vscode://file/{path}:{line}' to open errors in your editor.
PORT ?= 8000
EDITOR_URL ?=
# make run / static: SITE= the public address (https://example.org/explorer),
# TITLE= the site's name, BASE= a prefix when the host is not known.
SITE ?=
TITLE ?=
BASE ?=
SITEFLAGS = -site '$(SITE)' -title '$(TITLE)' -base '$(BASE)'

.PHONY: build run dev test static soak bench loadtest check

build:
	$(GO) run build.go build -content $(CONTENT) $(SITEFLAGS)

run:
	$(GO) run build.go run -content $(CONTENT) $(SITEFLAGS)

dev:
	$(GO) run build.go dev -content $(CONTENT) -addr localhost:$(PORT) -editor '$(EDITOR_URL)'

test:
	$(GO) run build.go test -content $(CONTENT)

static:
	$(GO) run build.go static -content $(CONTENT) $(SITEFLAGS)

soak:
	$(GO) run build.go soak -content $(CONTENT) -n $(N)

bench:
	$(GO) run build.go bench -content $(CONTENT)

loadtest:
	$(GO) run build.go loadtest -content $(CONTENT)

check:
	$(GO) run build.go check -content $(CONTENT)
