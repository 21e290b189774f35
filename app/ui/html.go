package ui

import (
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/markup"
)

// rawHTML wraps HTML rendered at build time (already sanitised by the
// compiler) in one element, as app.Raw requires. Its links to the app's
// routes get the root prefix, like every other link.
func rawHTML(class, html string) app.UI {
	if p := rootPrefix(); p != "" {
		html = strings.ReplaceAll(html, `href="/`, `href="`+p+`/`)
	}
	return markup.Raw(`<div class="` + class + `">` + html + `</div>`)
}

// rootPrefix is the URL prefix the app is served under, "" at the root of
// its host ("/explorer" for a static export under a sub-path); go-app
// passes it to the app and sets it on the server.
func rootPrefix() string {
	return strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
}

// href returns the URL of an app path ("/patterns/booth") on this host.
func href(path string) string {
	return rootPrefix() + path
}

func lower(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// slugify turns a label into a CSS-safe name.
func slugify(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// joinList joins names as "a, b and c".
func joinList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
