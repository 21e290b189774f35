package layout

import "github.com/devrel-patterns/explorer/app/corpus"

// Assign lays out the patterns of c with their edges and stores the
// positions in each pattern's X and Y. Pages are set to (0, 0). Edges whose
// ends are not both patterns are ignored.
func Assign(c *corpus.Corpus, opts Options) {
	if c == nil {
		return
	}
	node := make([]int32, len(c.Docs)) // doc index → node index, or -1
	var docs []int
	for i := range c.Docs {
		node[i] = -1
		if c.Docs[i].Kind == corpus.KindPattern {
			node[i] = int32(len(docs))
			docs = append(docs, i)
		} else {
			c.Docs[i].X, c.Docs[i].Y = 0, 0
		}
	}
	edges := make([][2]int32, 0, len(c.Edges))
	for _, e := range c.Edges {
		if e.From < 0 || e.To < 0 || int(e.From) >= len(node) || int(e.To) >= len(node) {
			continue
		}
		u, v := node[e.From], node[e.To]
		if u >= 0 && v >= 0 {
			edges = append(edges, [2]int32{u, v})
		}
	}
	pts := Compute(len(docs), edges, opts)
	for k, i := range docs {
		c.Docs[i].X, c.Docs[i].Y = pts[k].X, pts[k].Y
	}
}

// Func returns a layout function over corpus edges, with the signature of
// the compiler's Options.Layout: it lays out n nodes joined by edges whose
// From and To are node indices, and returns each node's X and Y.
func Func(opts Options) func(n int, edges []corpus.Edge) [][2]float32 {
	return func(n int, edges []corpus.Edge) [][2]float32 {
		pairs := make([][2]int32, len(edges))
		for k, e := range edges {
			pairs[k] = [2]int32{e.From, e.To}
		}
		pts := Compute(n, pairs, opts)
		out := make([][2]float32, len(pts))
		for i, p := range pts {
			out[i] = [2]float32{p.X, p.Y}
		}
		return out
	}
}
