package corpus

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to Decode: it must not panic, must
// refuse with ErrFormat what it cannot read, and whatever it accepts must
// encode to bytes that decode to the same corpus.
func FuzzDecode(f *testing.F) {
	enc := Encode(sample())
	f.Add(enc)
	f.Add(enc[:len(enc)/2])
	f.Add(Encode(&Corpus{}))
	f.Add(Encode(&Corpus{Docs: []Doc{{Slug: "x", Backlinks: []int32{0}}}, Edges: []Edge{{From: 0, To: 0}}}))
	f.Add([]byte(magic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Decode(b)
		if err != nil {
			if c != nil {
				t.Errorf("a corpus and an error")
			}
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		again := Encode(c)
		c2, err := Decode(again)
		if err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !bytes.Equal(Encode(c2), again) {
			t.Errorf("encoding is not stable")
		}
	})
}
