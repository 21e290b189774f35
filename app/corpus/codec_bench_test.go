package corpus_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// benchCorpus builds a corpus of n patterns shaped like a compiled one:
// five sections of rendered HTML and text, aliases, a variant, five links,
// and a vocabulary.
func benchCorpus(n int) *corpus.Corpus {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "abcdefghijklmnopqrstuvwxyz"
		b := make([]byte, 3+r.IntN(7))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		return string(b)
	}
	text := func(words int) string {
		ws := make([]string, words)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	c := &corpus.Corpus{Version: "bench", Blocks: []string{"Budget", "Code", "Presentation", "Social", "Writing"}}
	for i := range n {
		d := corpus.Doc{Slug: fmt.Sprintf("p%05d", i), Title: text(2), Tags: []string{"devrel"}, Blocks: []string{"Code"}, Aliases: []string{text(1), text(2)}}
		for _, label := range []string{"Problem", "Context", "Solution", "Consequences"} {
			t := text(60)
			d.Sections = append(d.Sections, corpus.Section{Label: label, HTML: "<p>" + t + "</p>", Text: t})
		}
		d.Variants = []corpus.Variant{{Names: []string{text(2)}, HTML: "<p>" + text(20) + "</p>", Text: text(20)}}
		for range 5 {
			d.Links = append(d.Links, corpus.Link{Target: fmt.Sprintf("p%05d", r.IntN(n))})
		}
		d.Backlinks = []int32{int32(r.IntN(n)), int32(r.IntN(n))}
		d.X, d.Y = r.Float32(), r.Float32()
		c.Docs = append(c.Docs, d)
	}
	for i := range 5 * n {
		c.Words = append(c.Words, corpus.Word{Text: fmt.Sprintf("w%06d", i), Docs: []int32{int32(i % n), int32((i + 7) % n)}})
	}
	return c
}

// BenchmarkDecode compares our codec with encoding/gob and encoding/json on
// the same corpus: the app decodes it once at start, in WASM.
func BenchmarkDecode(b *testing.B) {
	for _, n := range []int{40, 1000, 10000} {
		c := benchCorpus(n)
		ours := corpus.Encode(c)
		var gb bytes.Buffer
		if err := gob.NewEncoder(&gb).Encode(c); err != nil {
			b.Fatal(err)
		}
		js, err := json.Marshal(c)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("ours/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(ours)))
			for b.Loop() {
				if _, err := corpus.Decode(ours); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("gob/%d", n), func(b *testing.B) {
			b.SetBytes(int64(gb.Len()))
			for b.Loop() {
				var out corpus.Corpus
				if err := gob.NewDecoder(bytes.NewReader(gb.Bytes())).Decode(&out); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("json/%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(js)))
			for b.Loop() {
				var out corpus.Corpus
				if err := json.Unmarshal(js, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDecodeStringShares checks that a corpus decoded from an artifact held
// in a string (as the binary embeds it) shares the artifact's bytes rather
// than copying each text, so that the server and the WASM hold the corpus
// once, and that Decode's corpus does not change when its input does.
func TestDecodeStringShares(t *testing.T) {
	b := corpus.Encode(benchCorpus(500))
	s := string(b)
	allocated := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	var shared *corpus.Corpus
	n := allocated(func() {
		var err error
		if shared, err = corpus.DecodeString(s); err != nil {
			t.Fatal(err)
		}
	})
	if n > uint64(len(s))/2 {
		t.Errorf("decoding an artifact of %d bytes from a string allocated %d bytes: its texts were copied", len(s), n)
	}
	copied, err := corpus.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(shared, copied) {
		t.Fatal("DecodeString and Decode disagree")
	}
	title := copied.Docs[0].Title
	for i := range b {
		b[i] = 'x'
	}
	if copied.Docs[0].Title != title {
		t.Errorf("Decode's corpus changed with its input: title %q, was %q", copied.Docs[0].Title, title)
	}
}
