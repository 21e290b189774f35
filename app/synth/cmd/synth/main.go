// Command synth writes a synthetic pattern language to a folder, for
// `make run CONTENT=dir`, `go run build.go check -content dir` and load or
// benchmark runs:
//
//	go run ./app/synth/cmd/synth -n 10000 -seed 1 /tmp/synth10k
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/devrel-patterns/explorer/app/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of patterns")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same files")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: synth [-n N] [-seed S] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := synth.Write(dir, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d patterns and an introduction (seed %d)\n", dir, *n, *seed)
}
