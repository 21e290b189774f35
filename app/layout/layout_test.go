package layout

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// randomGraph returns a graph of n nodes where each node links to about
// perNode others chosen by a seeded generator.
func randomGraph(n, perNode int, seed uint64) [][2]int32 {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	edges := make([][2]int32, 0, n*perNode)
	for u := range n {
		for range perNode {
			v := rng.IntN(n)
			if v != u {
				edges = append(edges, [2]int32{int32(u), int32(v)})
			}
		}
	}
	return edges
}

// clusteredGraph returns groups of size nodes, densely linked inside each
// group, with a single link from each group to the next.
func clusteredGraph(groups, size int) (int, [][2]int32) {
	var edges [][2]int32
	for g := range groups {
		base := g * size
		for i := range size {
			for j := i + 1; j < size; j += 2 {
				edges = append(edges, [2]int32{int32(base + i), int32(base + j)})
			}
		}
		if g > 0 {
			edges = append(edges, [2]int32{int32(base), int32(base - size)})
		}
	}
	return groups * size, edges
}

func hashPoints(pts []Point) string {
	h := sha256.New()
	var b [8]byte
	for _, p := range pts {
		binary.LittleEndian.PutUint32(b[:4], math.Float32bits(p.X))
		binary.LittleEndian.PutUint32(b[4:], math.Float32bits(p.Y))
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func dist(a, b Point) float64 {
	dx := float64(a.X - b.X)
	dy := float64(a.Y - b.Y)
	return math.Sqrt(dx*dx + dy*dy)
}

func TestComputeDeterministic(t *testing.T) {
	cluN, cluE := clusteredGraph(6, 7)
	tests := []struct {
		name  string
		n     int
		edges [][2]int32
		opts  Options
	}{
		{name: "empty graph", n: 0},
		{name: "single node", n: 1},
		{name: "no edges", n: 30},
		{name: "random 200", n: 200, edges: randomGraph(200, 3, 1)},
		{name: "clusters", n: cluN, edges: cluE},
		{name: "custom seed", n: 50, edges: randomGraph(50, 2, 2), opts: Options{Seed: 42, Iterations: 50}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Compute(tt.n, tt.edges, tt.opts)
			b := Compute(tt.n, tt.edges, tt.opts)
			if len(a) != tt.n {
				t.Fatalf("got %d points, want %d", len(a), tt.n)
			}
			if hashPoints(a) != hashPoints(b) {
				t.Fatal("two runs on the same input differ")
			}
		})
	}
}

// TestComputeGolden pins the output for a fixed input, so a change of
// platform (amd64, arm64, wasm) or of Go version that changed the bytes is
// noticed. If the algorithm is changed on purpose, update the hash.
func TestComputeGolden(t *testing.T) {
	tests := []struct {
		name string
		n    int
		per  int
		want string
	}{
		{name: "random 100", n: 100, per: 3, want: "b87a93fb84a3a3158cc2b3b4a5f01a611d0b2a36656f6b92e820287ce0a5769c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := hashPoints(Compute(tt.n, randomGraph(tt.n, tt.per, 7), Options{}))
			if got != tt.want {
				t.Errorf("hash = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestComputeBounds(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		edges  [][2]int32
		margin float32
	}{
		{name: "single node is centred", n: 1},
		{name: "two linked nodes", n: 2, edges: [][2]int32{{0, 1}}},
		{name: "random 500", n: 500, edges: randomGraph(500, 5, 3)},
		{name: "wide margin", n: 100, edges: randomGraph(100, 2, 4), margin: 0.2},
		{name: "invalid edges are ignored", n: 10, edges: [][2]int32{{0, 0}, {-1, 3}, {2, 10}, {4, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pts := Compute(tt.n, tt.edges, Options{Margin: tt.margin})
			m := tt.margin
			if m == 0 {
				m = 0.05
			}
			const eps = 1e-5
			for i, p := range pts {
				if p.X < m-eps || p.X > 1-m+eps || p.Y < m-eps || p.Y > 1-m+eps {
					t.Errorf("point %d = %v is outside [%v, %v]", i, p, m, 1-m)
				}
			}
			if tt.n == 1 && pts[0] != (Point{0.5, 0.5}) {
				t.Errorf("single node at %v, want the centre", pts[0])
			}
		})
	}
}

func TestComputeNeighboursCloser(t *testing.T) {
	cluN, cluE := clusteredGraph(8, 8)
	tests := []struct {
		name  string
		n     int
		edges [][2]int32
		// ratio is the largest accepted mean edge length over the mean
		// distance of random pairs.
		ratio float64
	}{
		{name: "clusters", n: cluN, edges: cluE, ratio: 0.5},
		{name: "sparse random", n: 300, edges: randomGraph(300, 1, 5), ratio: 0.6},
		{name: "denser random", n: 1000, edges: randomGraph(1000, 5, 6), ratio: 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pts := Compute(tt.n, tt.edges, Options{})
			var edgeSum float64
			for _, e := range tt.edges {
				edgeSum += dist(pts[e[0]], pts[e[1]])
			}
			edgeMean := edgeSum / float64(len(tt.edges))
			rng := rand.New(rand.NewPCG(9, 9))
			var pairSum float64
			const pairs = 5000
			for range pairs {
				pairSum += dist(pts[rng.IntN(tt.n)], pts[rng.IntN(tt.n)])
			}
			pairMean := pairSum / pairs
			if r := edgeMean / pairMean; r > tt.ratio {
				t.Errorf("mean edge length %.4f over mean pair distance %.4f = %.3f, want <= %.2f",
					edgeMean, pairMean, r, tt.ratio)
			}
		})
	}
}

func TestComputeNoOverlap(t *testing.T) {
	star := [][2]int32{}
	for i := 1; i < 40; i++ {
		star = append(star, [2]int32{0, int32(i)})
	}
	cluN, cluE := clusteredGraph(5, 8)
	tests := []struct {
		name  string
		n     int
		edges [][2]int32
	}{
		{name: "star of 40", n: 40, edges: star},
		{name: "clusters of 40", n: cluN, edges: cluE},
		{name: "40 without edges", n: 40},
		{name: "complete graph of 40", n: 40, edges: complete(40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pts := Compute(tt.n, tt.edges, Options{})
			// With 40 nodes in a 0.9-wide square an even spread leaves
			// about 0.14 between nodes; ask for at least a fifth of that.
			const minWant = 0.025
			minGot := math.Inf(1)
			for i := range pts {
				for j := i + 1; j < len(pts); j++ {
					minGot = math.Min(minGot, dist(pts[i], pts[j]))
				}
			}
			if minGot < minWant {
				t.Errorf("closest pair at %.4f, want >= %.3f", minGot, minWant)
			}
		})
	}
}

func complete(n int) [][2]int32 {
	var edges [][2]int32
	for i := range n {
		for j := i + 1; j < n; j++ {
			edges = append(edges, [2]int32{int32(i), int32(j)})
		}
	}
	return edges
}

func TestComputeDisconnectedStayClose(t *testing.T) {
	tests := []struct {
		name     string
		linked   int
		isolated int
	}{
		{name: "few isolated", linked: 60, isolated: 5},
		{name: "many isolated", linked: 100, isolated: 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.linked + tt.isolated
			edges := randomGraph(tt.linked, 2, 11)
			pts := Compute(n, edges, Options{})
			// The linked part must keep a good share of the square:
			// isolated nodes drifting far would squeeze it.
			minX, maxX := math.Inf(1), math.Inf(-1)
			minY, maxY := math.Inf(1), math.Inf(-1)
			for _, p := range pts[:tt.linked] {
				minX = math.Min(minX, float64(p.X))
				maxX = math.Max(maxX, float64(p.X))
				minY = math.Min(minY, float64(p.Y))
				maxY = math.Max(maxY, float64(p.Y))
			}
			if w := math.Max(maxX-minX, maxY-minY); w < 0.5 {
				t.Errorf("linked part spans %.3f, want >= 0.5", w)
			}
			// And isolated nodes are not all pushed into the corners.
			centre := Point{0.5, 0.5}
			for i, p := range pts[tt.linked:] {
				if d := dist(p, centre); d > 0.64 {
					t.Errorf("isolated node %d at %.3f from the centre", i, d)
				}
			}
		})
	}
}

func benchmarkLayout(b *testing.B, n int) {
	edges := randomGraph(n, 5, 1)
	b.ReportAllocs()
	for b.Loop() {
		Compute(n, edges, Options{})
	}
}

// BenchmarkLayout1000 lays out 1,000 nodes with about 5 edges each.
func BenchmarkLayout1000(b *testing.B) { benchmarkLayout(b, 1000) }

// BenchmarkLayout10000 lays out 10,000 nodes with about 5 edges each.
func BenchmarkLayout10000(b *testing.B) { benchmarkLayout(b, 10000) }

func TestAssign(t *testing.T) {
	tests := []struct {
		name string
		c    *corpus.Corpus
	}{
		{name: "nil corpus"},
		{name: "empty corpus", c: &corpus.Corpus{}},
		{
			name: "patterns and a page",
			c: &corpus.Corpus{
				Docs: []corpus.Doc{
					{Slug: "a"},
					{Slug: "b"},
					{Slug: "glossary", Kind: corpus.KindPage, X: 0.3, Y: 0.3},
					{Slug: "c"},
				},
				Edges: []corpus.Edge{{From: 0, To: 1}, {From: 1, To: 3}, {From: 2, To: 0}, {From: 9, To: 0}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Assign(tt.c, Options{})
			if tt.c == nil {
				return
			}
			for _, d := range tt.c.Docs {
				if d.Kind == corpus.KindPage {
					if d.X != 0 || d.Y != 0 {
						t.Errorf("page %s at (%v, %v), want (0, 0)", d.Slug, d.X, d.Y)
					}
					continue
				}
				if d.X <= 0 || d.X >= 1 || d.Y <= 0 || d.Y >= 1 {
					t.Errorf("pattern %s at (%v, %v), want inside (0, 1)", d.Slug, d.X, d.Y)
				}
			}
		})
	}
}

func TestFunc(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		edges []corpus.Edge
	}{
		{name: "empty", n: 0},
		{name: "chain", n: 4, edges: []corpus.Edge{{From: 0, To: 1}, {From: 1, To: 2}, {From: 2, To: 3}}},
		{name: "bad edges", n: 2, edges: []corpus.Edge{{From: 0, To: 5}, {From: -1, To: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Func(Options{})(tt.n, tt.edges)
			pairs := make([][2]int32, len(tt.edges))
			for k, e := range tt.edges {
				pairs[k] = [2]int32{e.From, e.To}
			}
			want := Compute(tt.n, pairs, Options{})
			if len(got) != len(want) {
				t.Fatalf("%d positions, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != [2]float32{want[i].X, want[i].Y} {
					t.Errorf("node %d at %v, want %v", i, got[i], want[i])
				}
			}
		})
	}
}
