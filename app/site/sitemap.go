//go:build !wasm

package site

import (
	"encoding/xml"
	"strings"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// sitemap lists every route of a corpus's site with its absolute address
// (sitemaps.org), and a document's date as its last change; nil when the
// site's origin is not known, since a sitemap holds absolute addresses
// only.
func sitemap(c *corpus.Corpus) ([]byte, error) {
	if c.Site.Origin == "" {
		return nil, nil
	}
	type entry struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	}
	set := struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		URLs    []entry  `xml:"url"`
	}{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range []string{corpus.HomePath, corpus.GraphPath} {
		set.URLs = append(set.URLs, entry{Loc: c.Site.URL(p)})
	}
	for i := range c.Docs {
		d := &c.Docs[i]
		set.URLs = append(set.URLs, entry{Loc: c.Site.URL(d.Path()), LastMod: d.Date})
	}
	b, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

// robots lets every crawler in and names the sitemap when there is one.
func robots(c *corpus.Corpus) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if c.Site.Origin != "" {
		b.WriteString("Sitemap: " + c.Site.URL("/sitemap.xml") + "\n")
	}
	return []byte(b.String())
}
