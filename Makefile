# Thin wrappers over build.go, the one entry point for building.
CONTENT ?= content
GO ?= go

.PHONY: build run test static bench loadtest check

build:
	$(GO) run build.go build -content $(CONTENT)

run:
	$(GO) run build.go run -content $(CONTENT)

test:
	$(GO) run build.go test -content $(CONTENT)

static:
	$(GO) run build.go static -content $(CONTENT)

bench:
	$(GO) run build.go bench -content $(CONTENT)

loadtest:
	$(GO) run build.go loadtest -content $(CONTENT)

check:
	$(GO) run build.go check -content $(CONTENT)
