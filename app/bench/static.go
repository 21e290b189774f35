//go:build !wasm

package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"
)

// wrkRun is the length of one wrk run; wrkRounds is how many times each
// server is loaded on each path, alternating with its peer.
const (
	wrkRun    = 5 * time.Second
	wrkRounds = 2
)

// Goals of issue 15 for the servers.
const (
	goalNginxRatio = 0.5 // our requests/s over nginx's, on the same export
	goalServerRSS  = 100 // MiB, at 5,000 patterns under load
)

// sideBySide loads our server and nginx serving our own static export of
// the same corpus, alternating, with the same wrk command.
func (r *runner) sideBySide(ctx context.Context) error {
	s := r.sites[colOurs]
	if s == nil {
		return errors.New("no site for our corpus")
	}
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		return fmt.Errorf("wrk not found (make bench installs it): %w", err)
	}
	if err := os.Chmod(r.tmp, 0o755); err != nil { // for nginx's workers
		return fmt.Errorf("export: %w", err)
	}
	export := filepath.Join(r.tmp, "export-ours")
	if out, err := exec.CommandContext(ctx, s.server, "-root", s.root, "-export", export, "-content", s.dir).CombinedOutput(); err != nil {
		return fmt.Errorf("export: %w\n%s", err, tail(string(out), 2000))
	}
	ng, err := startNginx(ctx, filepath.Join(r.tmp, "nginx"), export)
	if err != nil {
		return err
	}
	defer ng.stop()
	srv, err := s.start(ctx)
	if err != nil {
		return err
	}
	defer srv.stop()
	paths := []string{"/", s.c.Docs[s.c.Patterns()[0]].Path()}
	for _, path := range paths {
		for _, client := range wrkClients {
			var ours, theirs []float64
			for range wrkRounds {
				for _, who := range []struct {
					url string
					to  *[]float64
				}{{srv.URL, &ours}, {ng.URL, &theirs}} {
					rps, err := runWrk(ctx, wrk, who.url+path, "", client.accept)
					if err != nil {
						return err
					}
					*who.to = append(*who.to, rps)
				}
			}
			o, n := median(ours), median(theirs)
			ratio := o / max(n, 1)
			r.logf("  %s, %s: ours %.0f req/s, nginx %.0f req/s (%.2f×)", path, client.name, o, n, ratio)
			metric := fmt.Sprintf("wrk -t2 -c64 %v ×%d, alternating, GET %s %s: ours / nginx on our export, requests/s", wrkRun, wrkRounds, path, client.name)
			r.t.set("Server", metric, colOurs, fmt.Sprintf("%.0f / %.0f (%.2f×)", o, n, ratio))
			r.t.judge("Server", metric, fmt.Sprintf("≥ %.1f× nginx", goalNginxRatio), ratio >= goalNginxRatio)
		}
	}
	return nil
}

// wrkClients are the two kinds of client the servers are compared for:
// one that accepts no coding (wrk's default, curl, many bots) and a
// browser, which gets brotli from us and gzip from nginx's twins.
var wrkClients = []struct{ name, accept string }{
	{"without Accept-Encoding", ""},
	{"as a browser (Accept-Encoding: gzip, deflate, br)", "gzip, deflate, br"},
}

// serverMemory loads the server for 5,000 patterns with wrk over all its
// pages, so that its page cache fills to its bound and drops pages, and
// samples its resident memory.
func (r *runner) serverMemory(ctx context.Context) error {
	s := r.sites[col5k]
	if s == nil {
		return errors.New("no site for 5,000 patterns")
	}
	wrk, err := exec.LookPath("wrk")
	if err != nil {
		return fmt.Errorf("wrk not found (make bench installs it): %w", err)
	}
	paths := append(LoadPaths(s.c), "/graph", "/search?q=conf", "/sitemap.xml")
	for i := range s.c.Docs {
		paths = append(paths, s.c.Docs[i].Path())
	}
	script := filepath.Join(r.tmp, "paths.lua")
	if err := os.WriteFile(script, []byte(wrkScript(paths)), 0o644); err != nil {
		return fmt.Errorf("wrk script: %w", err)
	}
	srv, err := s.start(ctx)
	if err != nil {
		return err
	}
	defer srv.stop()
	pid := srv.cmd.Process.Pid
	idle, err := rssMiB(pid)
	if err != nil {
		return err
	}
	d := 2 * wrkRun
	samples := make(chan []float64, 1)
	sctx, stop := context.WithCancel(ctx)
	go func() {
		var xs []float64
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-sctx.Done():
				samples <- xs
				return
			case <-tick.C:
				if v, err := rssMiB(pid); err == nil {
					xs = append(xs, v)
				}
			}
		}
	}()
	rps, err := runWrkFor(ctx, wrk, srv.URL, script, "", d)
	stop()
	xs := <-samples
	if err != nil {
		return err
	}
	if len(xs) < 8 {
		return fmt.Errorf("only %d memory samples in %v", len(xs), d)
	}
	peak := slicesMax(xs)
	early, late := median(xs[len(xs)/4:len(xs)/2]), median(xs[len(xs)*3/4:])
	flat := late <= early*1.1+2
	r.logf("  5,000 patterns: %.0f req/s; RSS idle %.0f MiB, peak %.0f MiB, second quarter %.0f, last quarter %.0f", rps, idle, peak, early, late)
	metric := fmt.Sprintf("memory under load (wrk -t2 -c64 %v over %d pages, brotli): RSS idle → peak; 2nd → last quarter", d, len(paths))
	r.t.set("Server", metric, col5k, fmt.Sprintf("%.0f → %.0f MiB; %.0f → %.0f MiB", idle, peak, early, late))
	r.t.judge("Server", metric, fmt.Sprintf("≤ %d MiB and flat (last quarter ≤ 1.1 × second + 2 MiB) at 5,000", goalServerRSS), peak <= goalServerRSS && flat)
	r.t.set("Server", "memory under load: requests/s", col5k, fmt.Sprintf("%.0f", rps))
	return nil
}

func slicesMax(xs []float64) float64 {
	m := xs[0]
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// rssMiB reads a process's resident memory from /proc.
func rssMiB(pid int) (float64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read memory of %d: %w", pid, err)
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err != nil {
				return 0, fmt.Errorf("read memory of %d: %w", pid, err)
			}
			return kb / 1024, nil
		}
	}
	return 0, fmt.Errorf("read memory of %d: no VmRSS", pid)
}

// wrkScript is a wrk script that asks for paths in turn, for brotli.
func wrkScript(paths []string) string {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = strconv.Quote(p) // a Lua string literal for these ASCII paths
	}
	return `local paths = {` + strings.Join(quoted, ", ") + `}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept-Encoding"] = "br"})
end
`
}

// requestsPerSec reads wrk's summary.
var requestsPerSec = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)

// runWrk loads url for wrkRun with 2 threads and 64 connections, with a
// script and an Accept-Encoding header when given, and returns the
// requests per second.
func runWrk(ctx context.Context, wrk, url, script, accept string) (float64, error) {
	return runWrkFor(ctx, wrk, url, script, accept, wrkRun)
}

// runWrkFor is runWrk for d.
func runWrkFor(ctx context.Context, wrk, url, script, accept string, d time.Duration) (float64, error) {
	args := []string{"-t2", "-c64", "-d" + strconv.Itoa(int(d.Seconds())) + "s"}
	if script != "" {
		args = append(args, "-s", script)
	}
	if accept != "" {
		args = append(args, "-H", "Accept-Encoding: "+accept)
	}
	out, err := exec.CommandContext(ctx, wrk, append(args, url)...).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("wrk %s: %w\n%s", url, err, tail(string(out), 1000))
	}
	if strings.Contains(string(out), "Non-2xx or 3xx responses") {
		return 0, fmt.Errorf("wrk %s: some answers were errors:\n%s", url, out)
	}
	m := requestsPerSec.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("wrk %s: no Requests/sec in\n%s", url, out)
	}
	return strconv.ParseFloat(string(m[1]), 64)
}

// nginxConf serves a static export the way a plain static host does: files
// as they are, a route's x/index.html for x, and the export's gzip twins.
var nginxConf = template.Must(template.New("nginx").Parse(`daemon off;
worker_processes auto;
pid {{.Dir}}/nginx.pid;
error_log {{.Dir}}/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  client_body_temp_path {{.Dir}}/body;
  proxy_temp_path {{.Dir}}/proxy;
  fastcgi_temp_path {{.Dir}}/fastcgi;
  uwsgi_temp_path {{.Dir}}/uwsgi;
  scgi_temp_path {{.Dir}}/scgi;
  server {
    listen {{.Addr}};
    root {{.Root}};
    location / { try_files $uri $uri/index.html $uri.html =404; }
  }
}
`))

// startNginx serves root with nginx on a free loopback port, its
// configuration and logs in dir. nginx's workers run as an unprivileged
// user, who must be able to read root.
func startNginx(ctx context.Context, dir, root string) (*child, error) {
	bin, err := exec.LookPath("nginx")
	if err != nil {
		return nil, fmt.Errorf("nginx not found (make bench installs it): %w", err)
	}
	addr, err := freePort()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("nginx: %w", err)
	}
	var conf strings.Builder
	if err := nginxConf.Execute(&conf, map[string]string{"Dir": dir, "Addr": addr, "Root": root}); err != nil {
		return nil, fmt.Errorf("nginx: %w", err)
	}
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf.String()), 0o644); err != nil {
		return nil, fmt.Errorf("nginx: %w", err)
	}
	return startChild(ctx, "nginx", filepath.Join(dir, "stderr.log"), "http://"+addr, "/", bin, "-c", confPath, "-p", dir)
}
