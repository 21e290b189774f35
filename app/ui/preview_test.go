package ui

import (
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// TestPreviewTarget: a preview knows what a link's address points at — a
// pattern, or an entry of a page — and nothing else: not another site, a
// page without an anchor, an anchor that opens no entry or a view.
func TestPreviewTarget(t *testing.T) {
	c := testCorpus()
	c.Docs[1].Entries = []corpus.Entry{{Term: "DevRel", Anchor: "devrel", Text: "DevRel: us."}}
	p := newPreview(c)
	const host = "booth.example:8080"
	tests := []struct {
		addr   string
		ok     bool
		doc    int
		anchor string
	}{
		{"http://booth.example:8080/patterns/swag", true, 3, ""},
		{"http://booth.example:8080/patterns/swag#solution", true, 3, ""},
		{"http://booth.example:8080/pages/glossary#devrel", true, 1, "devrel"},
		{"http://booth.example:8080/pages/glossary", false, 0, ""},
		{"http://booth.example:8080/pages/glossary#nothing", false, 0, ""},
		{"http://booth.example:8080/patterns/podcast", false, 0, ""},
		{"http://booth.example:8080/graph#swag", false, 0, ""},
		{"http://elsewhere.example/patterns/swag", false, 0, ""},
		{"mailto:team@booth.example", false, 0, ""},
	}
	for _, tt := range tests {
		doc, anchor, ok := p.target(tt.addr, host)
		if ok != tt.ok || (ok && (doc != tt.doc || anchor != tt.anchor)) {
			t.Errorf("target(%s) = %d, %q, %v; want %d, %q, %v", tt.addr, doc, anchor, ok, tt.doc, tt.anchor, tt.ok)
		}
	}
}
