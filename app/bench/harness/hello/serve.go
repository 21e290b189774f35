//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/server"
)

// serve serves the hello world on -addr, its WASM from -root/web.
func serve() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on")
	root := flag.String("root", ".", "folder that holds web/app.wasm")
	flag.Parse()
	h, err := server.New(server.Config{
		Root: *root,
		App: &app.Handler{
			Name:                    "Hello",
			Description:             "go-app's hello world",
			WasmContentLengthHeader: server.UncompressedLengthHeader,
		},
	})
	if err == nil {
		err = server.Run(context.Background(), *addr, h, slog.New(slog.NewTextHandler(os.Stderr, nil)))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}
