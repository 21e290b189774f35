package corpus

import (
	"net/url"
	"strings"
	"testing"
)

func TestParseSite(t *testing.T) {
	tests := []struct {
		name, addr     string
		origin, prefix string
		bad            bool
	}{
		{name: "root", addr: "https://example.org", origin: "https://example.org"},
		{name: "root slash", addr: "https://example.org/", origin: "https://example.org"},
		{name: "prefix", addr: "https://Example.org/explorer/", origin: "https://example.org", prefix: "/explorer"},
		{name: "port and deep prefix", addr: "http://host:8080/a/b", origin: "http://host:8080", prefix: "/a/b"},
		{name: "no scheme", addr: "example.org/explorer", bad: true},
		{name: "other scheme", addr: "ftp://example.org", bad: true},
		{name: "javascript", addr: "javascript:alert(1)", bad: true},
		{name: "query", addr: "https://example.org/?x=1", bad: true},
		{name: "fragment", addr: "https://example.org/#x", bad: true},
		{name: "user", addr: "https://u:p@example.org/", bad: true},
		{name: "dot dot", addr: "https://example.org/a/../b", bad: true},
		{name: "quote in prefix", addr: `https://example.org/a"b`, bad: true},
		{name: "double slash", addr: "https://example.org/a//b", bad: true},
		{name: "empty", addr: "", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSite(tt.addr)
			if tt.bad {
				if err == nil {
					t.Fatalf("ParseSite(%q) = %+v, want an error", tt.addr, s)
				}
				return
			}
			if err != nil || s.Origin != tt.origin || s.Prefix != tt.prefix {
				t.Fatalf("ParseSite(%q) = %+v, %v; want origin %q prefix %q", tt.addr, s, err, tt.origin, tt.prefix)
			}
		})
	}
}

func TestSitePathAndURL(t *testing.T) {
	s := Site{Origin: "https://example.org", Prefix: "/explorer"}
	tests := []struct{ name, path, href, abs string }{
		{name: "home", path: HomePath, href: "/explorer/", abs: "https://example.org/explorer/"},
		{name: "pattern", path: DocPath(KindPattern, "booth"), href: "/explorer/patterns/booth", abs: "https://example.org/explorer/patterns/booth"},
		{name: "anchor", path: At(DocPath(KindPattern, "booth"), "solution"), href: "/explorer/patterns/booth#solution", abs: "https://example.org/explorer/patterns/booth#solution"},
		{name: "query", path: SearchPathOf("a b&c"), href: "/explorer/search?q=a+b%26c", abs: "https://example.org/explorer/search?q=a+b%26c"},
		{name: "escaped path", path: DocPath(KindPattern, "a b/ü"), href: "/explorer/patterns/a b/ü", abs: "https://example.org/explorer/patterns/a%20b/%C3%BC"},
		{name: "card", path: CardPath("events/booth"), href: "/explorer/web/cards/patterns/events/booth.png", abs: "https://example.org/explorer/web/cards/patterns/events/booth.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Path(tt.path); got != tt.href {
				t.Errorf("Path(%q) = %q, want %q", tt.path, got, tt.href)
			}
			if got := s.URL(tt.path); got != tt.abs {
				t.Errorf("URL(%q) = %q, want %q", tt.path, got, tt.abs)
			}
			if got := (Site{Prefix: "/explorer"}).URL(tt.path); got != "" {
				t.Errorf("URL without an origin = %q, want none", got)
			}
		})
	}
	if got := (Site{}).Path(HomePath); got != "/" {
		t.Errorf("root site's home = %q, want /", got)
	}
	if got := (Site{Origin: "https://a.example"}).On("http://b.example").Origin; got != "https://a.example" {
		t.Errorf("a known origin was replaced by %q", got)
	}
}

func TestSiteLocal(t *testing.T) {
	s := Site{Prefix: "/explorer"}
	tests := []struct {
		name, addr, want string
		ok               bool
	}{
		{name: "home", addr: "/explorer", want: "/", ok: true},
		{name: "home slash", addr: "/explorer/", want: "/", ok: true},
		{name: "pattern", addr: "/explorer/patterns/booth", want: "/patterns/booth", ok: true},
		{name: "outside", addr: "/patterns/booth"},
		{name: "lookalike", addr: "/explorers/patterns/booth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := s.Local(tt.addr)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Local(%q) = %q, %v; want %q, %v", tt.addr, got, ok, tt.want, tt.ok)
			}
		})
	}
	if got, ok := (Site{}).Local("/patterns/booth"); !ok || got != "/patterns/booth" {
		t.Errorf("a root site's Local = %q, %v", got, ok)
	}
}

func TestRoute(t *testing.T) {
	c := sample()
	tests := []struct {
		name string
		addr string
		kind RouteKind
		doc  int
		to   string
	}{
		{name: "home", addr: "/", kind: RouteHome},
		{name: "pattern", addr: "/patterns/events/booth", kind: RoutePattern},
		{name: "pattern slash", addr: "/patterns/events/booth/", kind: RoutePattern},
		{name: "page", addr: "/pages/glossary", kind: RoutePage, doc: 1},
		{name: "page as pattern", addr: "/patterns/glossary", kind: RouteNotFound},
		{name: "graph", addr: "/graph", kind: RouteGraph},
		{name: "legacy", addr: "/glossary.html#term", kind: RouteLegacy, doc: 1, to: "/pages/glossary#term"},
		{name: "legacy folder index", addr: "/events/booth/index.html", kind: RouteLegacy, to: "/patterns/events/booth"},
		{name: "legacy folder", addr: "/events/booth/", kind: RouteLegacy, to: "/patterns/events/booth"},
		{name: "unknown", addr: "/nope", kind: RouteNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(tt.addr)
			if err != nil {
				t.Fatal(err)
			}
			r := c.Route(u)
			if r.Kind != tt.kind || r.Doc != tt.doc || r.To != tt.to {
				t.Errorf("Route(%q) = %+v, want kind %d doc %d to %q", tt.addr, r, tt.kind, tt.doc, tt.to)
			}
		})
	}
}

func TestAnchorOf(t *testing.T) {
	tests := []struct{ name, label, want string }{
		{name: "word", label: "Solution", want: "solution"},
		{name: "words", label: "Known Uses", want: "known-uses"},
		{name: "punctuation runs", label: "  Brown Bag / Lunch-n-Learn!! ", want: "brown-bag-lunch-n-learn"},
		{name: "letters kept", label: "Événement Ünïcode", want: "événement-ünïcode"},
		{name: "markup is not kept", label: `"><script>x</script>`, want: "script-x-script"},
		{name: "nothing", label: "—", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AnchorOf(tt.label); got != tt.want {
				t.Errorf("AnchorOf(%q) = %q, want %q", tt.label, got, tt.want)
			}
		})
	}
	if got := VariantAnchorOf("Brown Bag"); got != "variant-brown-bag" {
		t.Errorf("VariantAnchorOf = %q", got)
	}
}

func TestAnchorsOf(t *testing.T) {
	d := &Doc{
		Anchors:  []string{"term"},
		Sections: []Section{{Label: "Problem"}, {Label: "Solution"}, {Label: "Solution"}, {Label: "Code"}, {Label: "Term"}, {Label: "¿?"}, {Label: "Variants"}},
		Variants: []Variant{{Names: []string{"Brown Bag", "Lunch"}}, {Names: []string{"Brown bag"}}, {}},
	}
	AnchorsOf(d)
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Anchor)
	}
	for _, v := range d.Variants {
		got = append(got, v.Anchor)
	}
	want := []string{"problem", "solution", "solution-2", "section-code", "term-2", "section-6", "variants",
		"variant-brown-bag", "variant-brown-bag-2", "variant-3"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("anchors = %q, want %q", got, want)
	}
}

func TestIsLoopbackHost(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST": true, "app.localhost": true, "127.0.0.1": true, "127.1.2.3": true,
		"[::1]": true, "::1": true, "localhost.": true,
		"192.168.1.20": false, "10.0.0.5": false, "patterns.example.org": false, "": false, "[fe80::1]": false,
	} {
		if got := IsLoopbackHost(host); got != want {
			t.Errorf("IsLoopbackHost(%q) = %v, want %v", host, got, want)
		}
	}
}
