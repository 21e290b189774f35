// Command wasm is the demo app's program, built for GOOS=js GOARCH=wasm by
// the graph package's browser test.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/graph/internal/demo"
)

func main() {
	demo.Routes()
	app.RunWhenOnBrowser()
}
