//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/site"
)

// serve runs the server: the go-app handler for pages, the assets of
// root/web, until SIGINT or SIGTERM.
func serve(c *corpus.Corpus, args []string) error {
	fs := flag.NewFlagSet("explorer", flag.ContinueOnError)
	addr := fs.String("addr", defaultAddr(), "listen address (or set PORT)")
	root := fs.String("root", ".", "folder that holds web/")
	if err := fs.Parse(args); err != nil {
		return err
	}
	h, err := site.New(c, *root)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: *addr, Handler: h}
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	slog.Info("serving", "url", fmt.Sprintf("http://localhost%s", *addr))
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return nil
}

func defaultAddr() string {
	if p := os.Getenv("PORT"); p != "" {
		return ":" + p
	}
	return ":8000"
}
