package search

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/compiler"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// Thresholds of TestJudged, set just under the measured values: a change
// that makes the search worse on our corpus fails the test.
const (
	minPrecisionAt1 = 0.96
	minMRR          = 0.97
	minAcceptAt3    = 0.96
)

// judged is one line of testdata/judged.tsv.
type judged struct {
	line   int
	query  string
	first  string
	accept []string
	kind   string
}

// readJudged reads testdata/judged.tsv.
func readJudged(t *testing.T) []judged {
	t.Helper()
	f, err := os.Open("testdata/judged.tsv")
	if err != nil {
		t.Fatalf("open judged set: %v", err)
	}
	defer f.Close()
	var out []judged
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("testdata/judged.tsv:%d: %d columns, want 4", n, len(cols))
		}
		j := judged{line: n, query: cols[0], first: cols[1], accept: strings.Split(cols[2], ","), kind: cols[3]}
		if !slices.Contains(j.accept, j.first) {
			t.Fatalf("testdata/judged.tsv:%d: %s is not among the acceptable %v", n, j.first, j.accept)
		}
		out = append(out, j)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read judged set: %v", err)
	}
	return out
}

// compileContent compiles the project's content with our vocabulary.
func compileContent(t testing.TB) *corpus.Corpus {
	t.Helper()
	c, _, err := compiler.Compile(os.DirFS("../../content"), compiler.Options{Dir: "content", Vocabulary: Vocabulary})
	if err != nil {
		t.Fatalf("compile content: %v", err)
	}
	return c
}

// TestJudged runs the judged queries on our corpus and reports precision at
// 1 (the expected first result is first), the mean reciprocal rank of the
// expected first result among the first 10 hits, and accept@3 (the share of
// the acceptable results, up to 3, found in the top 3).
func TestJudged(t *testing.T) {
	c := compileContent(t)
	ix := New(c)
	qs := readJudged(t)
	if len(qs) < 40 {
		t.Fatalf("judged set has %d queries, want at least 40", len(qs))
	}
	var p1, mrr, acc float64
	byKind := map[string][2]int{}
	for _, j := range qs {
		for _, s := range append([]string{j.first}, j.accept...) {
			if c.Lookup(s) < 0 {
				t.Fatalf("testdata/judged.tsv:%d: no document %q", j.line, s)
			}
		}
		res := ix.Query(j.query, 10)
		var got []string
		for _, h := range res.Hits {
			got = append(got, c.Docs[h.Doc].Slug)
		}
		k := byKind[j.kind]
		k[1]++
		if r := slices.Index(got, j.first); r >= 0 {
			mrr += 1 / float64(r+1)
			if r == 0 {
				p1++
				k[0]++
			}
		}
		byKind[j.kind] = k
		top := got[:min(3, len(got))]
		var ok int
		for _, s := range top {
			if slices.Contains(j.accept, s) {
				ok++
			}
		}
		acc += float64(ok) / float64(min(3, len(j.accept)))
		switch {
		case len(got) == 0 || got[0] != j.first:
			t.Logf("miss %q (%s): want %s first, got %v", j.query, j.kind, j.first, top)
		case ok < min(3, len(j.accept)):
			t.Logf("top 3 of %q (%s): got %v, acceptable %v", j.query, j.kind, top, j.accept)
		}
	}
	n := float64(len(qs))
	p1, mrr, acc = p1/n, mrr/n, acc/n
	for kind, k := range byKind {
		t.Logf("%-20s %d/%d first", kind, k[0], k[1])
	}
	t.Logf("%d queries: precision@1 %.3f, MRR %.3f, accept@3 %.3f", len(qs), p1, mrr, acc)
	if p1 < minPrecisionAt1 || mrr < minMRR || acc < minAcceptAt3 {
		t.Errorf("precision@1 %.3f, MRR %.3f, accept@3 %.3f; want at least %.2f, %.2f, %.2f",
			p1, mrr, acc, minPrecisionAt1, minMRR, minAcceptAt3)
	}
}
