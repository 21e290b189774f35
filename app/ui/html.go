package ui

import (
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/markup"
)

// rawHTML wraps HTML rendered at build time (already sanitised by the
// compiler, its links already on the site's prefix) in one element, as
// app.Raw requires.
func rawHTML(class, html string) app.UI {
	return markup.Raw(`<div class="` + class + `">` + html + `</div>`)
}

// href returns the address of an app path ("/patterns/booth") on the
// corpus's site, with its prefix.
func href(c *corpus.Corpus, path string) string {
	return c.Site.Path(path)
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
