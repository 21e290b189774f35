// Package layout computes a deterministic force-directed layout of a graph at
// build time: Fruchterman–Reingold forces with a Barnes–Hut quadtree for the
// repulsion, linear gravity toward the centre, a stiff spring that keeps
// isolated nodes and small components at the rim of the largest component
// instead of drifting away, and a final pass that pushes overlapping nodes
// apart.
//
// The same input always gives the same output, bit for bit: the start
// positions come from a PCG generator with a fixed seed, the work is done in
// one goroutine in index order, nothing depends on map iteration order, and
// every product that is added to something else is rounded explicitly so the
// compiler cannot fuse it into an FMA instruction on architectures that have
// one.
package layout

import (
	"math"
	"math/rand/v2"
)

// Point is a node position, each coordinate in [0, 1].
type Point struct {
	X, Y float32
}

// Options tunes Compute. The zero value selects the defaults for every field.
type Options struct {
	// Iterations is the number of force iterations; 0 picks a number from
	// the graph size (300 for small graphs down to 120 for 10,000 nodes).
	Iterations int
	// Seed seeds the generator of the start positions; 0 uses a fixed seed.
	Seed uint64
	// Margin is the empty border left on each side of the unit square, in
	// [0, 0.45]; 0 means 0.05.
	Margin float32
	// Gravity pulls every node toward the centre in proportion to its
	// distance; 0 means 0.25. Larger values give a rounder, denser layout.
	Gravity float64
	// Theta is the Barnes–Hut opening angle: larger is faster and coarser;
	// 0 means 0.9.
	Theta float64
	// MinDistance is the smallest distance the final pass keeps between two
	// nodes, in units of the ideal edge length; 0 means 0.5.
	MinDistance float64
}

// DefaultSeed is the seed used when Options.Seed is 0.
const DefaultSeed uint64 = 0x9e3779b97f4a7c15

func (o Options) withDefaults(n int) Options {
	if o.Iterations <= 0 {
		switch {
		case n <= 1000:
			o.Iterations = 300
		case n >= 10000:
			o.Iterations = 120
		default:
			// From 300 at 1,000 nodes down to 120 at 10,000.
			o.Iterations = 300 - (n-1000)*180/9000
		}
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.Margin <= 0 || o.Margin > 0.45 || o.Margin != o.Margin {
		o.Margin = 0.05
	}
	if !(o.Gravity > 0) || math.IsInf(o.Gravity, 0) {
		o.Gravity = 0.25
	}
	if !(o.Theta > 0) || math.IsInf(o.Theta, 0) {
		o.Theta = 0.9
	}
	if !(o.MinDistance > 0) || math.IsInf(o.MinDistance, 0) {
		o.MinDistance = 0.5
	}
	return o
}

// Compute lays out n nodes joined by edges, given as pairs of node indices.
// Edges are treated as undirected; self-loops and pairs with an index out of
// [0, n) are ignored. The result has n points inside the unit square less
// the margin, with the layout scaled uniformly and centred.
func Compute(n int, edges [][2]int32, opts Options) []Point {
	if n <= 0 {
		return nil
	}
	opts = opts.withDefaults(n)
	s := newSimulation(n, edges, opts)
	s.run()
	s.separate()
	return s.normalise()
}

// simulation holds the working state of one layout run.
type simulation struct {
	n      int
	opts   Options
	x, y   []float64 // positions
	dx, dy []float64 // displacement of the current iteration
	edges  []int32   // flattened valid edges: u0, v0, u1, v1, ...
	tree   quadtree
	stack  []int32
	// main marks the nodes of the largest connected component.
	main     []bool
	mainSize int
}

func newSimulation(n int, edges [][2]int32, opts Options) *simulation {
	s := &simulation{
		n:    n,
		opts: opts,
		x:    make([]float64, n),
		y:    make([]float64, n),
		dx:   make([]float64, n),
		dy:   make([]float64, n),
	}
	for _, e := range edges {
		u, v := e[0], e[1]
		if u == v || u < 0 || v < 0 || int(u) >= n || int(v) >= n {
			continue
		}
		s.edges = append(s.edges, u, v)
	}
	s.findMain()

	// Start uniformly in a square holding about one node per unit area,
	// centred on the origin.
	side := math.Sqrt(float64(n))
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0xda3e39cb94b95bdb))
	for i := range n {
		s.x[i] = float64(rng.Float64()*side) - float64(side/2)
		s.y[i] = float64(rng.Float64()*side) - float64(side/2)
	}
	return s
}

// rimFactor sets the rim radius, when the graph has no edges, as a multiple
// of the nodes' RMS distance to the centre; rimStiffness sets how hard nodes
// beyond the rim are pulled back.
const (
	rimFactor    = 1.5
	rimStiffness = 10.0
)

// rim returns the centre and radius of the disc holding the main component,
// beyond which the other nodes are pulled back, and the stiffness of that
// pull. Without a rim, isolated nodes and small components float where the
// repulsion of the whole graph equals the gravity, far outside the main
// component, which its edges hold tighter.
func (s *simulation) rim() (cx, cy, radius, stiffness float64) {
	if s.mainSize >= 2 {
		for i := range s.n {
			if s.main[i] {
				cx += s.x[i]
				cy += s.y[i]
			}
		}
		cx /= float64(s.mainSize)
		cy /= float64(s.mainSize)
		var max2 float64
		for i := range s.n {
			if s.main[i] {
				ex, ey := s.x[i]-cx, s.y[i]-cy
				max2 = math.Max(max2, float64(ex*ex)+float64(ey*ey))
			}
		}
		radius = math.Sqrt(max2)
	} else {
		var r2 float64
		for i := range s.n {
			r2 += float64(s.x[i]*s.x[i]) + float64(s.y[i]*s.y[i])
		}
		radius = float64(rimFactor * math.Sqrt(r2/float64(s.n)))
	}
	if radius > 0 {
		stiffness = float64(rimStiffness*float64(s.n)) / float64(radius*radius)
	}
	return cx, cy, radius, stiffness
}

// findMain marks the nodes of the largest connected component (the one
// with the lowest node index among equals). When no component has two
// nodes, no node is marked, so the rim applies to every node.
func (s *simulation) findMain() {
	parent := make([]int32, s.n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(v int32) int32 {
		for parent[v] != v {
			parent[v] = parent[parent[v]]
			v = parent[v]
		}
		return v
	}
	for e := 0; e < len(s.edges); e += 2 {
		a, b := find(s.edges[e]), find(s.edges[e+1])
		if a != b {
			parent[max(a, b)] = min(a, b)
		}
	}
	size := make([]int32, s.n)
	best := int32(-1)
	for i := range s.n {
		r := find(int32(i))
		size[r]++
	}
	for i := range s.n {
		if best < 0 || size[i] > size[best] {
			best = int32(i)
		}
	}
	s.main = make([]bool, s.n)
	if size[best] < 2 {
		return
	}
	s.mainSize = int(size[best])
	for i := range s.n {
		s.main[i] = find(int32(i)) == best
	}
}

// run performs the force iterations with a linearly decreasing temperature
// that caps how far a node moves in one step.
func (s *simulation) run() {
	const k = 1.0 // ideal edge length
	iters := s.opts.Iterations
	t0 := math.Max(0.1*math.Sqrt(float64(s.n)), 1)
	tMin := 0.01
	gravity := s.opts.Gravity
	theta2 := float64(s.opts.Theta * s.opts.Theta)

	for it := range iters {
		temp := float64(t0*float64(1-float64(it)/float64(iters))) + tMin
		clear(s.dx)
		clear(s.dy)

		// Repulsion, k²/d between every pair, through the quadtree.
		s.tree.build(s.x, s.y)
		for i := range s.n {
			fx, fy := s.repulsion(int32(i), theta2)
			s.dx[i] = fx
			s.dy[i] = fy
		}

		// Attraction, d²/k along each edge.
		for e := 0; e < len(s.edges); e += 2 {
			u, v := s.edges[e], s.edges[e+1]
			ex := s.x[u] - s.x[v]
			ey := s.y[u] - s.y[v]
			d := math.Sqrt(float64(ex*ex) + float64(ey*ey))
			f := d / k
			fx := float64(ex * f)
			fy := float64(ey * f)
			s.dx[u] -= fx
			s.dy[u] -= fy
			s.dx[v] += fx
			s.dy[v] += fy
		}

		rx, ry, rim, stiff := s.rim()

		// Gravity toward the origin, then the capped move.
		for i := range s.n {
			fx := s.dx[i] - float64(gravity*s.x[i])
			fy := s.dy[i] - float64(gravity*s.y[i])
			if !s.main[i] {
				ex, ey := s.x[i]-rx, s.y[i]-ry
				if d := math.Sqrt(float64(ex*ex) + float64(ey*ey)); d > rim {
					f := float64(stiff*(d-rim)) / d
					fx -= float64(f * ex)
					fy -= float64(f * ey)
				}
			}
			l := math.Sqrt(float64(fx*fx) + float64(fy*fy))
			if l == 0 || math.IsNaN(l) {
				continue
			}
			if l > temp {
				f := temp / l
				fx = float64(fx * f)
				fy = float64(fy * f)
			}
			s.x[i] += fx
			s.y[i] += fy
		}
	}
}

// repulsion returns the repulsive force on node i from all other nodes,
// approximating far groups by their centre of mass.
func (s *simulation) repulsion(i int32, theta2 float64) (fx, fy float64) {
	t := &s.tree
	if len(t.nodes) == 0 {
		return 0, 0
	}
	xi, yi := s.x[i], s.y[i]
	stack := append(s.stack[:0], 0)
	for len(stack) > 0 {
		q := &t.nodes[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if q.body >= 0 {
			// Leaf: exact forces from each body it holds.
			for j := q.body; j >= 0; j = t.next[j] {
				if j == i {
					continue
				}
				ex := xi - s.x[j]
				ey := yi - s.y[j]
				d2 := float64(ex*ex) + float64(ey*ey)
				if d2 < 1e-12 {
					// Coincident nodes: push apart along a direction
					// that depends only on the two indices.
					ex, ey = coincidentDirection(i, j)
					d2 = 1e-4
				}
				fx += ex / d2
				fy += ey / d2
			}
			continue
		}
		ex := xi - q.mx
		ey := yi - q.my
		d2 := float64(ex*ex) + float64(ey*ey)
		size := 2 * q.half
		if float64(size*size) < float64(theta2*d2) {
			fx += float64(q.mass*ex) / d2
			fy += float64(q.mass*ey) / d2
			continue
		}
		for _, c := range q.child {
			if c >= 0 {
				stack = append(stack, c)
			}
		}
	}
	s.stack = stack
	return fx, fy
}

// coincidentDirection returns a small vector, different for each ordered
// pair of indices, used to separate nodes at the same position.
func coincidentDirection(i, j int32) (float64, float64) {
	h := uint32(i)*2654435761 ^ uint32(j)*2246822519
	a := float64(float64(h%1024)/512) - 1
	b := float64(float64((h>>10)%1024)/512) - 1
	if i < j {
		a, b = -a, -b
	}
	return 0.01 * a, 0.01 * (b + 0.001)
}

// separate pushes apart nodes that ended closer than the minimum distance,
// with a uniform grid so it stays linear in the number of nodes.
func (s *simulation) separate() {
	if s.n < 2 {
		return
	}
	minD := s.opts.MinDistance
	minD2 := float64(minD * minD)
	var g grid
	for range 20 {
		g.build(s.x, s.y, minD)
		moved := false
		for i := range s.n {
			cx, cy := g.cellOf(s.x[i], s.y[i])
			for oy := -1; oy <= 1; oy++ {
				for ox := -1; ox <= 1; ox++ {
					for _, j := range g.cell(cx+ox, cy+oy) {
						if int(j) <= i {
							continue
						}
						ex := s.x[i] - s.x[j]
						ey := s.y[i] - s.y[j]
						d2 := float64(ex*ex) + float64(ey*ey)
						if d2 >= minD2 {
							continue
						}
						if d2 < 1e-12 {
							ex, ey = coincidentDirection(int32(i), j)
							d2 = float64(ex*ex) + float64(ey*ey)
						}
						d := math.Sqrt(d2)
						push := float64(minD-d) / float64(2*d)
						px := float64(ex * push)
						py := float64(ey * push)
						s.x[i] += px
						s.y[i] += py
						s.x[j] -= px
						s.y[j] -= py
						moved = true
					}
				}
			}
		}
		if !moved {
			return
		}
	}
}

// normalise scales the positions uniformly into the unit square less the
// margin, centred, and converts them to float32.
func (s *simulation) normalise() []Point {
	out := make([]Point, s.n)
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for i := range s.n {
		minX = math.Min(minX, s.x[i])
		maxX = math.Max(maxX, s.x[i])
		minY = math.Min(minY, s.y[i])
		maxY = math.Max(maxY, s.y[i])
	}
	m := float64(s.opts.Margin)
	span := math.Max(maxX-minX, maxY-minY)
	if !(span > 0) || math.IsInf(span, 0) {
		for i := range out {
			out[i] = Point{0.5, 0.5}
		}
		return out
	}
	scale := (1 - 2*m) / span
	offX := m + float64(float64((1-2*m)-float64((maxX-minX)*scale))/2)
	offY := m + float64(float64((1-2*m)-float64((maxY-minY)*scale))/2)
	for i := range s.n {
		out[i] = Point{
			X: clamp01(float64((s.x[i]-minX)*scale) + offX),
			Y: clamp01(float64((s.y[i]-minY)*scale) + offY),
		}
	}
	return out
}

func clamp01(v float64) float32 {
	switch {
	case v < 0 || v != v:
		return 0
	case v > 1:
		return 1
	}
	return float32(v)
}
