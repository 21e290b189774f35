//go:build !wasm

package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/devrel-patterns/explorer/app/headless"
)

// Goals of issue 15 for Lighthouse's mobile run.
const (
	goalLighthouse = 90   // performance score
	goalLCP        = 2500 // ms, largest contentful paint
)

// lighthouseRuns is how many times each view is scored; the median run
// by score is reported.
const lighthouseRuns = 3

// lighthouseReport is the part of Lighthouse's JSON report read here.
type lighthouseReport struct {
	RuntimeError *struct {
		Code, Message string
	} `json:"runtimeError"`
	Categories struct {
		Performance struct {
			Score *float64 `json:"score"`
		} `json:"performance"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue float64 `json:"numericValue"`
	} `json:"audits"`
}

// lighthouseScore is one run on one view.
type lighthouseScore struct {
	score, lcp, tbt, cls float64
}

// lighthouse scores the four views of our corpus with Lighthouse's mobile
// defaults (simulated slow 4G and a 4× slower CPU), in Debian's Chromium,
// then go-app's hello world as their floor.
func (r *runner) lighthouse(ctx context.Context) error {
	benchDir := filepath.Join(r.opts.Repo, "bench")
	if err := npmInstall(ctx, benchDir); err != nil {
		return err
	}
	cli := filepath.Join(benchDir, "node_modules", "lighthouse", "cli", "index.js")
	s := r.sites[colOurs]
	if s == nil {
		return fmt.Errorf("no site for our corpus")
	}
	views := []string{"/", s.c.Docs[s.c.Patterns()[0]].Path(), "/graph", "/search?q=conf"}
	err := r.withServer(ctx, colOurs, func(url string) error {
		for _, view := range views {
			m, err := r.lighthouseMedian(ctx, cli, url+view)
			if err != nil {
				return fmt.Errorf("%s: %w", view, err)
			}
			r.logf("  %s: score %.0f, LCP %s, TBT %s, CLS %.3f", view, m.score, fmtMS(m.lcp), fmtMS(m.tbt), m.cls)
			metric := fmt.Sprintf("Lighthouse 12 mobile, %s: performance; largest paint; blocking time; layout shift (median of %d by score)", view, lighthouseRuns)
			r.t.set("Load", metric, colOurs, m.String())
			r.t.judge("Load", metric, fmt.Sprintf("performance ≥ %d and largest paint ≤ 2.5 s", goalLighthouse), m.score >= goalLighthouse && m.lcp <= goalLCP)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return r.lighthouseFloor(ctx, cli)
}

// helloPkg is go-app's hello world, the floor of the Lighthouse rows.
const helloPkg = "./app/bench/harness/hello"

// lighthouseFloor scores go-app's hello world (app/bench/harness/hello),
// built and served as the app is, on the same machine in the same run:
// what a go-app PWA scores before it does anything of its own.
func (r *runner) lighthouseFloor(ctx context.Context, cli string) error {
	root := filepath.Join(r.tmp, "hello")
	bin := filepath.Join(root, "hello")
	if _, err := buildRoot(ctx, r.opts.Repo, root, bin, helloPkg, r.opts.Compression); err != nil {
		return fmt.Errorf("hello world: %w", err)
	}
	addr, err := freePort()
	if err != nil {
		return err
	}
	srv, err := startChild(ctx, "hello world's server", filepath.Join(root, "server.log"), "http://"+addr, "/web/app.wasm", bin, "-addr", addr, "-root", root)
	if err != nil {
		return err
	}
	defer srv.stop()
	m, err := r.lighthouseMedian(ctx, cli, srv.URL+"/")
	if err != nil {
		return fmt.Errorf("hello world: %w", err)
	}
	r.logf("  go-app's hello world: score %.0f, LCP %s, TBT %s, CLS %.3f", m.score, fmtMS(m.lcp), fmtMS(m.tbt), m.cls)
	r.t.set("Load", fmt.Sprintf("floor of Lighthouse: go-app's hello world (app/bench/harness/hello, served as ours, with go-app's own loader), the same four numbers (median of %d by score)", lighthouseRuns), colOurs, m.String())
	return nil
}

// lighthouseMedian scores url lighthouseRuns times, each with a fresh
// profile, and returns the median run by score.
func (r *runner) lighthouseMedian(ctx context.Context, cli, url string) (lighthouseScore, error) {
	var runs []lighthouseScore
	for i := range lighthouseRuns {
		sc, err := runLighthouse(ctx, cli, r.chromium, url, filepath.Join(r.tmp, fmt.Sprintf("lighthouse-%d", i)))
		if err != nil {
			return lighthouseScore{}, err
		}
		runs = append(runs, sc)
	}
	return medianBy(runs, func(s lighthouseScore) float64 { return s.score }), nil
}

// String formats a run as the table does: score; largest paint; blocking
// time; layout shift.
func (s lighthouseScore) String() string {
	return fmt.Sprintf("%.0f; %s; %s; %.3f", s.score, fmtMS(s.lcp), fmtMS(s.tbt), s.cls)
}

// runLighthouse runs Lighthouse's performance category once on url, with a
// fresh profile in profile.
func runLighthouse(ctx context.Context, cli, chromium, url, profile string) (lighthouseScore, error) {
	if err := os.RemoveAll(profile); err != nil {
		return lighthouseScore{}, err
	}
	out := profile + ".json"
	flags := strings.Join(headless.Flags(profile), " ")
	cmd := exec.CommandContext(ctx, "node", cli, url, "--only-categories=performance", "--output=json", "--output-path="+out, "--quiet", "--chrome-flags="+flags)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if b, err := cmd.CombinedOutput(); err != nil {
		return lighthouseScore{}, fmt.Errorf("lighthouse: %w\n%s", err, tail(string(b), 2000))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return lighthouseScore{}, fmt.Errorf("lighthouse: %w", err)
	}
	var rep lighthouseReport
	if err := json.Unmarshal(b, &rep); err != nil {
		return lighthouseScore{}, fmt.Errorf("lighthouse report: %w", err)
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		return lighthouseScore{}, fmt.Errorf("lighthouse: %s: %s", rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	if rep.Categories.Performance.Score == nil {
		return lighthouseScore{}, fmt.Errorf("lighthouse gave no performance score for %s", url)
	}
	return lighthouseScore{
		score: 100 * *rep.Categories.Performance.Score,
		lcp:   rep.Audits["largest-contentful-paint"].NumericValue,
		tbt:   rep.Audits["total-blocking-time"].NumericValue,
		cls:   rep.Audits["cumulative-layout-shift"].NumericValue,
	}, nil
}
