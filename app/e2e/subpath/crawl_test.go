//go:build !wasm

package subpath

import (
	"bytes"
	"image/png"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// page is what the crawl read of one HTML page.
type page struct {
	refs []string          // every href and src, and a meta refresh's URL, as written
	meta map[string]string // <meta property|name> → content, and "canonical"
}

// readPage parses an HTML page for its references and its head's tags.
func readPage(t *testing.T, body []byte) page {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	p := page{meta: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				if a.Key == "href" || a.Key == "src" {
					p.refs = append(p.refs, a.Val)
				}
			}
			switch {
			case n.Data == "meta" && strings.EqualFold(attrs["http-equiv"], "refresh"):
				if _, u, ok := strings.Cut(attrs["content"], "url="); ok {
					p.refs = append(p.refs, u)
				}
			case n.Data == "meta" && attrs["property"] != "":
				p.meta[attrs["property"]] = attrs["content"]
			case n.Data == "meta" && attrs["name"] != "":
				p.meta[attrs["name"]] = attrs["content"]
			case n.Data == "link" && attrs["rel"] == "canonical":
				p.meta["canonical"] = attrs["href"]
			}
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(doc)
	return p
}

// TestCrawlExport crawls the export, as a crawler or a reader without
// JavaScript would, from its home and from every HTML file it wrote (the
// forwarding pages of old addresses, 404.html), served by a plain file
// server under /explorer/: every href and src of every page answers 200; every page's
// link preview, read as a chat app reads it, is absolute, agrees with the
// canonical link, and shows a share card that exists and is 1200×630.
func TestCrawlExport(t *testing.T) {
	srv, out := exported(t)
	public, _ := url.Parse(publicAddress + "/")
	local, _ := url.Parse(srv.URL + "/")
	// toLocal maps an address of the public site onto the test server.
	toLocal := func(u *url.URL) *url.URL {
		if u.Host == public.Host {
			v := *u
			v.Scheme, v.Host = local.Scheme, local.Host
			return &v
		}
		return u
	}
	get := func(u *url.URL) (int, string, []byte) {
		res, err := http.Get(u.String())
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Content-Type"), b
	}
	home := local.ResolveReference(&url.URL{Path: theCorpus.Site.Path(corpus.HomePath)})
	queue := []*url.URL{home}
	seen := map[string]bool{home.String(): true}
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(out, p)
			u := local.ResolveReference(&url.URL{Path: theCorpus.Site.Path(filepath.ToSlash(rel))})
			if !seen[u.String()] {
				seen[u.String()] = true
				queue = append(queue, u)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	pages, refs, previews := 0, 0, 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		status, ctype, body := get(u)
		if status != http.StatusOK {
			t.Errorf("GET %s: status %d", u.Path, status)
			continue
		}
		if !strings.HasPrefix(ctype, "text/html") {
			continue
		}
		pages++
		p := readPage(t, body)
		for _, ref := range p.refs {
			r, err := u.Parse(ref)
			if err != nil {
				t.Errorf("%s: reference %q: %v", u.Path, ref, err)
				continue
			}
			r = toLocal(r)
			if r.Host != local.Host || r.Scheme != local.Scheme {
				continue // another site
			}
			refs++
			r.Fragment = ""
			if !seen[r.String()] {
				seen[r.String()] = true
				queue = append(queue, r)
			}
		}
		if _, forwarding := p.meta["og:title"]; forwarding {
			previews++
			checkPreview(t, u.Path, p.meta, func(abs string) (int, []byte) {
				v, err := url.Parse(abs)
				if err != nil {
					return 0, nil
				}
				status, _, b := get(toLocal(v))
				return status, b
			})
		}
	}
	// Every route is a page of the crawl (twice: x.html and x/index.html,
	// and the app's own address x/), with a preview, and so is 404.html.
	if min := len(theCorpus.Docs) + 4; pages < min || previews < min {
		t.Errorf("crawled %d pages, %d with a preview, %d references; want every route (%d) reached", pages, previews, refs, min)
	}
	t.Logf("crawled %d pages, %d references, %d previews: 0 broken", pages, refs, previews)
}

// checkPreview checks a page's link-preview tags as a chat app reads
// them: absolute https addresses on the public site, og:url the canonical
// link, and an image that exists, is a PNG of the size the tags state.
func checkPreview(t *testing.T, path string, meta map[string]string, fetch func(string) (int, []byte)) {
	t.Helper()
	canonical := meta["canonical"]
	for _, key := range []string{"og:title", "og:description", "og:site_name", "og:type", "twitter:card", "og:image:alt"} {
		if strings.TrimSpace(meta[key]) == "" {
			t.Errorf("%s: no %s", path, key)
		}
	}
	if path != theCorpus.Site.Path(corpus.NotFoundPath) && !strings.HasSuffix(path, "/404.html") {
		if !strings.HasPrefix(canonical, publicAddress+"/") {
			t.Errorf("%s: canonical link %q is not on %s", path, canonical, publicAddress)
		}
		if meta["og:url"] != canonical {
			t.Errorf("%s: og:url %q, canonical %q", path, meta["og:url"], canonical)
		}
	}
	if meta["twitter:card"] != "summary_large_image" {
		t.Errorf("%s: twitter:card %q", path, meta["twitter:card"])
	}
	if strings.Contains(path, "/patterns/") && meta["og:type"] != "article" {
		t.Errorf("%s: og:type %q, want article", path, meta["og:type"])
	}
	img := meta["og:image"]
	if !strings.HasPrefix(img, publicAddress+"/web/cards/") || !strings.HasSuffix(img, ".png") {
		t.Errorf("%s: og:image %q is not a share card on %s", path, img, publicAddress)
		return
	}
	status, b := fetch(img)
	if status != http.StatusOK {
		t.Errorf("%s: og:image %s answers %d", path, img, status)
		return
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("%s: og:image %s: %v, %dx%d, want a 1200x630 PNG", path, img, err, cfg.Width, cfg.Height)
	}
	if meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" {
		t.Errorf("%s: og:image size tags %q×%q", path, meta["og:image:width"], meta["og:image:height"])
	}
}
