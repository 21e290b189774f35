package search

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// benchQueries returns six-letter queries typed one key at a time: a prefix
// of a title word, a scattered abbreviation, a typo, a prefix of an invented
// text word, a two-word query and a query that matches nothing.
func benchQueries() []string {
	return []string{"commun", "wrksho", "sponsr", "stagre", "dev ta", "xqzvwy"}
}

// BenchmarkQuery measures one keystroke: each op types the next letter of one
// of benchQueries into a session. It reports the median and 95th percentile
// keystroke as p50-ns and p95-ns.
func BenchmarkQuery(b *testing.B) {
	for _, n := range []int{40, 1000, 10000} {
		c := synthCorpus(n, 42)
		ix := New(c)
		b.Run(fmt.Sprintf("patterns=%d", n), func(b *testing.B) {
			s := ix.Session()
			queries := benchQueries()
			times := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				q := queries[(i/6)%len(queries)]
				start := time.Now()
				s.Query(q[:i%6+1])
				times = append(times, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(times[len(times)*95/100].Nanoseconds()), "p95-ns")
		})
	}
}

// BenchmarkNew measures building the index, which the app does once at start.
func BenchmarkNew(b *testing.B) {
	for _, n := range []int{40, 1000, 10000} {
		c := synthCorpus(n, 42)
		b.Run(fmt.Sprintf("patterns=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				New(c)
			}
		})
	}
}

// BenchmarkQueryContent measures one keystroke on our own corpus: each op
// types the next character of one of the judged queries into a session.
func BenchmarkQueryContent(b *testing.B) {
	ix := New(compileContent(b))
	queries := []string{"ambassadors", "brown bag", "lightning talk", "hackaton", "pagination", "sponser", "hands on"}
	var keys []string
	for _, q := range queries {
		for i := 1; i <= len(q); i++ {
			keys = append(keys, q[:i])
		}
	}
	s := ix.Session()
	times := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		s.Query(keys[i%len(keys)])
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(times[len(times)*95/100].Nanoseconds()), "p95-ns")
}
