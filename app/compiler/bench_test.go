package compiler

import (
	"sync"
	"testing"
	"testing/fstest"
)

// benchSeed fixes the synthetic corpora, so every run measures the same
// input.
const benchSeed = 1

var (
	benchMu  sync.Mutex
	benchFSs = map[int]fstest.MapFS{}
)

// benchFS returns the synthetic folder of n patterns, generated once.
func benchFS(n int) fstest.MapFS {
	benchMu.Lock()
	defer benchMu.Unlock()
	if fsys, ok := benchFSs[n]; ok {
		return fsys
	}
	fsys := synthFS(n, benchSeed)
	benchFSs[n] = fsys
	return fsys
}

// benchCompile compiles n synthetic patterns per iteration: "bare" without
// layout and vocabulary, "build" with them, as build.go compiles. The
// folder is generated before the timer starts.
//
// Peak memory is best measured on the whole build-time check, e.g.
//
//	go run ./app/synth/cmd/synth -n 10000 /tmp/synth10k
//	go build -o /tmp/check build.go
//	/usr/bin/time -v /tmp/check check -content /tmp/synth10k
func benchCompile(b *testing.B, n int) {
	fsys := benchFS(n)
	for _, bb := range []struct {
		name string
		opts Options
	}{
		{name: "bare", opts: Options{Dir: "content"}},
		{name: "build", opts: buildOptions()},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Compile(fsys, bb.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCompile1000(b *testing.B) { benchCompile(b, 1000) }

func BenchmarkCompile10000(b *testing.B) { benchCompile(b, 10000) }
