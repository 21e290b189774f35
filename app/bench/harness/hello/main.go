// Command hello is go-app's hello world, served the way Pattern Explorer
// is (app/server: precompressed twins, the same headers) but with go-app's
// own loader and nothing else: make bench scores it with Lighthouse beside
// the app, as the floor of a go-app PWA's performance on the machine
// (app/bench, lighthouse.go).
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello is the whole app: one heading.
type hello struct{ app.Compo }

// Render draws the heading.
func (h *hello) Render() app.UI { return app.H1().Text("Hello, world") }

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	serve()
}
