// Package markup is the one escaping seam between Pattern Explorer and
// go-app's prerenderer: everything go-app writes as HTML on the server and
// in the static export passes through Escape, and the only way the app
// hands go-app HTML of its own is Raw.
//
// Why a pass over go-app's output rather than a patched copy of go-app or
// pre-escaped strings: go-app v10.1.11 writes every attribute value with
// strconv.Quote (pkg/app/node.go, encodeHTMLAttribute), so a `"` in a value
// comes out as `\"`, which HTML reads as the end of the value. Pre-escaping
// what we hand it cannot work everywhere: go-app puts the page title both
// in og:title (an attribute) and in <title> (text it escapes itself), and
// it builds og:url from the request path, which we never see. A vendored,
// patched go-app would fix the encoder but put two megabytes of someone
// else's code in the repository, to be re-patched at every upgrade. The
// pass needs neither: go-app's output is regular — text escaped with
// html.EscapeString, tags as `<name`, then ` attr` or ` attr="Go literal"`,
// then `>` — so Escape reads each value back with strconv.Unquote and
// writes it again as HTML escapes it, whatever the value holds and
// whichever code (ours or go-app's head) set it. The one thing go-app
// writes verbatim, app.Raw, is marked by Raw so that Escape copies it
// untouched; Raw content is HTML the app built and escaped itself (the
// compiler's goldmark output, the search results). Anything else that does
// not read as go-app's output is an error, so the pass fails closed.
package markup

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// rawOpen and rawClose mark where go-app writes a Raw value verbatim. They
// are comments, so a page missed by Escape still reads as HTML.
const (
	rawOpen  = "<!--goapp-raw-->"
	rawClose = "<!--/goapp-raw-->"
)

// Raw is app.Raw for HTML the app built itself, already escaped: a single
// root element. On the server it is marked for Escape; in the browser it is
// app.Raw unchanged.
func Raw(html string) app.UI {
	if app.IsClient {
		return app.Raw(html)
	}
	html = strings.NewReplacer(rawOpen, "", rawClose, "").Replace(html)
	return app.Raw(rawOpen + html + rawClose)
}
