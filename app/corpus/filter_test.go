package corpus

import (
	"net/url"
	"testing"
)

// A filter is written into the graph's address and read back from it, and
// lets through exactly the patterns of its category, block and tag.
func TestFilterRoundTrip(t *testing.T) {
	c := &Corpus{}
	tests := []struct {
		f    Filter
		mark string
		want string
	}{
		{Filter{}, "", "/graph"},
		{Filter{}, "booth", "/graph#booth"},
		{Filter{Block: "Social"}, "", "/graph?block=Social"},
		{Filter{Category: "events/in person", Block: "Social & Fun", Tag: "a=b"}, "events/booth",
			"/graph?block=Social+%26+Fun&category=events%2Fin+person&tag=a%3Db#events/booth"},
	}
	for _, tt := range tests {
		got := GraphPathFor(tt.f, tt.mark)
		if got != tt.want {
			t.Errorf("GraphPathFor(%+v, %q) = %q, want %q", tt.f, tt.mark, got, tt.want)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Fatal(err)
		}
		if r := c.Route(u); r.Kind != RouteGraph || r.Filter != tt.f || u.Fragment != tt.mark {
			t.Errorf("Route(%q) = %+v #%s, want the graph with %+v #%s", got, r, u.Fragment, tt.f, tt.mark)
		}
	}
	if GraphPathOf("booth") != GraphPathFor(Filter{}, "booth") {
		t.Error("GraphPathOf is not the unfiltered GraphPathFor")
	}
}

func TestFilterMatches(t *testing.T) {
	d := &Doc{Category: "events", Blocks: []string{"Social", "Budget"}, Tags: []string{"devrel"}}
	tests := []struct {
		f    Filter
		want bool
	}{
		{Filter{}, true},
		{Filter{Block: "Budget"}, true},
		{Filter{Block: "Code"}, false},
		{Filter{Category: "events", Tag: "devrel"}, true},
		{Filter{Category: "online"}, false},
		{Filter{Tag: "dev"}, false},
	}
	for _, tt := range tests {
		if got := tt.f.Matches(d); got != tt.want {
			t.Errorf("%+v.Matches = %v, want %v", tt.f, got, tt.want)
		}
	}
	f := Filter{}.With(FilterBlock, "Social").With(FilterTag, "devrel")
	if f.Get(FilterBlock) != "Social" || f.Get(FilterTag) != "devrel" || f.Get(FilterCategory) != "" || f.IsZero() {
		t.Errorf("With/Get = %+v", f)
	}
	if !f.With(FilterBlock, "").With(FilterTag, "").IsZero() {
		t.Error("clearing every field leaves a filter")
	}
}
