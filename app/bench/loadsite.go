//go:build !wasm

package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/loadtest"
	"github.com/devrel-patterns/explorer/app/server"
	"github.com/devrel-patterns/explorer/app/site"
	"github.com/devrel-patterns/explorer/app/ui"
)

// DefaultLoadDuration is how long LoadTest loads the server when given 0.
const DefaultLoadDuration = 15 * time.Second

// loadPatterns is how many pattern pages a load test requests.
const loadPatterns = 3

// LoadPaths are the paths a load test requests for c: the home page, a few
// pattern pages and the WASM.
func LoadPaths(c *corpus.Corpus) []string {
	paths := []string{"/"}
	for _, i := range c.Patterns() {
		if len(paths) > loadPatterns {
			break
		}
		paths = append(paths, c.Docs[i].Path())
	}
	return append(paths, "/web/app.wasm")
}

// LoadTest serves the app for c, whose built assets are in root/web, from
// this process on a free loopback port, loads it for d (at most a minute)
// with 64 clients asking for brotli, and returns the report with the
// process's heap before and after. It registers the app's routes for c
// (ui.Register), so a process runs it for one corpus only.
func LoadTest(ctx context.Context, c *corpus.Corpus, root string, d time.Duration) (loadtest.Report, error) {
	if d <= 0 {
		d = DefaultLoadDuration
	}
	d = min(d, loadtest.MaxDuration)
	ui.Register(c)
	logger := slog.New(slog.DiscardHandler)
	h, err := site.New(c, root, logger)
	if err != nil {
		return loadtest.Report{}, fmt.Errorf("load test: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return loadtest.Report{}, fmt.Errorf("load test: %w", err)
	}
	sctx, stop := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() { served <- server.Serve(sctx, ln, h, logger) }()
	rep, err := loadtest.Run(ctx, loadtest.Options{
		BaseURL:  "http://" + ln.Addr().String(),
		Paths:    LoadPaths(c),
		Clients:  loadtest.DefaultClients,
		Duration: d,
		Header:   http.Header{"Accept-Encoding": {"br"}},
		Memory:   loadtest.HeapInuse,
	})
	stop()
	if serr := <-served; serr != nil && !errors.Is(serr, context.Canceled) {
		err = errors.Join(err, fmt.Errorf("load test server: %w", serr))
	}
	if err != nil {
		return rep, fmt.Errorf("load test: %w", err)
	}
	return rep, nil
}
