//go:build !wasm

package bench

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Columns of the table: the corpora, in order.
const (
	colOurs = iota
	col1k
	col5k
	col10k
	numCols
)

// columnNames head the corpus columns.
var columnNames = [numCols]string{"our corpus", "1,000", "5,000", "10,000"}

// row is one line of the table: a metric with a value per corpus, and the
// goal it is held to, if any.
type row struct {
	area, metric string
	cells        [numCols]string
	goal         string
	verdict      string
}

// table collects rows in the order they are first set.
type table struct {
	rows []*row
}

// row returns the row of a metric, adding it at the end the first time.
func (t *table) row(area, metric string) *row {
	for _, r := range t.rows {
		if r.area == area && r.metric == metric {
			return r
		}
	}
	r := &row{area: area, metric: metric}
	t.rows = append(t.rows, r)
	return r
}

// set fills one cell.
func (t *table) set(area, metric string, col int, value string) {
	t.row(area, metric).cells[col] = value
}

// judge records a goal and whether it was met.
func (t *table) judge(area, metric, goal string, met bool) {
	r := t.row(area, metric)
	r.goal = goal
	r.verdict = "missed"
	if met {
		r.verdict = "met"
	}
}

// areaOrder is the order of the areas in the table; rows keep their order
// within an area.
var areaOrder = []string{"Corpus", "Size", "Load", "Search", "Graph", "Build", "Server", "Side by side"}

// sorted returns the rows ordered by area.
func (t *table) sorted() []*row {
	rank := func(area string) int {
		if i := slices.Index(areaOrder, area); i >= 0 {
			return i
		}
		return len(areaOrder)
	}
	rows := slices.Clone(t.rows)
	slices.SortStableFunc(rows, func(a, b *row) int { return rank(a.area) - rank(b.area) })
	return rows
}

// Markdown renders the table.
func (t *table) Markdown() string {
	var b strings.Builder
	b.WriteString("| area | metric | " + strings.Join(columnNames[:], " | ") + " | goal |\n")
	b.WriteString("| --- | --- |" + strings.Repeat(" ---: |", numCols) + " --- |\n")
	for _, r := range t.sorted() {
		cells := make([]string, numCols)
		for i, c := range r.cells {
			cells[i] = c
			if c == "" {
				cells[i] = "–"
			}
		}
		goal := r.goal
		switch r.verdict {
		case "met":
			goal = "✅ " + goal
		case "missed":
			goal = "❌ " + goal
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", esc(r.area), esc(r.metric), strings.Join(cells, " | "), esc(goal))
	}
	return b.String()
}

// missed lists the goals that were not met.
func (t *table) missed() []string {
	var out []string
	for _, r := range t.rows {
		if r.verdict == "missed" {
			out = append(out, r.area+" · "+r.metric+" (goal "+r.goal+")")
		}
	}
	return out
}

func esc(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// Formatting of values.

func fmtMS(v float64) string {
	switch {
	case v >= 1000:
		return fmt.Sprintf("%.2f s", v/1000)
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 10:
		return fmt.Sprintf("%.1f ms", v)
	case v >= 1:
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.3f ms", v)
}

func fmtPair(a, b float64) string { return fmtMS(a) + " / " + fmtMS(b) }

func fmtBytes(n float64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MiB", n/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", n/(1<<10))
	}
	return fmt.Sprintf("%.0f B", n)
}

// fmtMB formats a byte count in decimal megabytes, with MiB beside it.
func fmtMB(n float64) string { return fmt.Sprintf("%.2f MB (%s)", n/1e6, fmtBytes(n)) }

// machine describes where the bench ran.
type machine struct {
	CPU, Go, Chromium, Memory, Date, Source string
	Cores                                   int
}

// describeMachine reads the CPU model, memory, Go and Chromium versions,
// and the commit measured.
func describeMachine(goTool, chromium, repo string) machine {
	m := machine{CPU: "unknown", Cores: runtime.NumCPU(), Go: runtime.Version(), Chromium: "not found",
		Date: time.Now().UTC().Format("2006-01-02 15:04 UTC")}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				var kb float64
				if _, err := fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb); err == nil {
					m.Memory = fmt.Sprintf("%.0f GiB", kb/(1<<20))
				}
				break
			}
		}
	}
	if out, err := exec.Command(goTool, "version").Output(); err == nil {
		m.Go = strings.TrimSpace(strings.TrimPrefix(string(out), "go version "))
	}
	if out, err := exec.Command("git", "-C", repo, "rev-parse", "--short", "HEAD").Output(); err == nil {
		m.Source = "commit " + strings.TrimSpace(string(out))
		if st, err := exec.Command("git", "-C", repo, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(st) > 0 {
			m.Source += " with uncommitted changes"
		}
	}
	if chromium != "" {
		if out, err := exec.Command(chromium, "--version").Output(); err == nil {
			m.Chromium = strings.TrimSpace(string(out))
		}
	}
	return m
}

// String is one line for the report.
func (m machine) String() string {
	mem := ""
	if m.Memory != "" {
		mem = ", " + m.Memory + " RAM"
	}
	src := ""
	if m.Source != "" {
		src = " · " + m.Source
	}
	return fmt.Sprintf("%s, %d cores%s · Go %s · %s · %s%s", m.CPU, m.Cores, mem, m.Go, m.Chromium, m.Date, src)
}
