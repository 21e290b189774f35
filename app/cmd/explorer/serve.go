//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/server"
	"github.com/devrel-patterns/explorer/app/site"
)

// serve runs the server (the go-app handler for pages, the assets of
// root/web) until SIGINT or SIGTERM, or with -export writes the static
// site.
func serve(c *corpus.Corpus, args []string) error { return serveTo(c, args, os.Stderr) }

// serveTo is serve with the server's log written to logs. It says it
// serves only once it listens.
func serveTo(c *corpus.Corpus, args []string, logs io.Writer) error {
	fs := flag.NewFlagSet("explorer", flag.ContinueOnError)
	addr := fs.String("addr", defaultAddr(), "listen address (or set PORT)")
	root := fs.String("root", ".", "folder that holds web/")
	export := fs.String("export", "", "write a static site to this folder instead of serving")
	content := fs.String("content", "", "with -export: the content folder, which the export never writes in, over or around")
	if err := fs.Parse(args); err != nil {
		return err
	}
	exporting := false
	fs.Visit(func(f *flag.Flag) { exporting = exporting || f.Name == "export" })
	if exporting { // an empty -export is Export's error, never a server
		if err := site.Export(c, *root, *export, *content); err != nil {
			return err
		}
		slog.Info("static site written", "folder", *export, "prefix", c.Site.Prefix, "origin", c.Site.Origin, "routes", len(c.Docs)+3)
		return nil
	}
	// One line a request: batched, so that logging does not cost a write
	// a request under load.
	buffered := server.NewLogBuffer(logs)
	defer buffered.Close()
	logger := slog.New(slog.NewTextHandler(buffered, nil))
	// The LAN addresses let the app's QR codes, shown on localhost, name
	// an address a visitor's phone can open.
	lan, err := site.LANAddrs(*addr)
	if err != nil {
		logger.Warn("no LAN addresses for QR codes", "err", err)
	}
	h, err := site.NewWith(c, site.Options{Root: *root, LAN: lan}, logger)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	logger.Info("serving "+c.Site.Name, "url", "http://"+displayAddr(*addr)+c.Site.Path(corpus.HomePath), "patterns", len(c.Patterns()))
	for _, a := range lan {
		logger.Info("phones on this network can open", "url", "http://"+a)
	}
	// What setting up left behind goes back to the system (for 5,000
	// patterns it halves the memory of an idle server), and garbage may
	// not grow the heap far past what the server holds.
	if limit := server.SetMemoryLimit(0); limit > 0 {
		logger.Info("memory limit", "MiB", limit>>20)
	}
	return server.Serve(ctx, ln, h, logger)
}

// displayAddr turns a listen address into one a person can open.
func displayAddr(addr string) string {
	if strings.HasPrefix(addr, ":") {
		return "localhost" + addr
	}
	return addr
}

func defaultAddr() string {
	if p := os.Getenv("PORT"); p != "" {
		return ":" + p
	}
	return ":8000"
}
