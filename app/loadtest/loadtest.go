//go:build !wasm

// Package loadtest is a bounded load generator for a server on the loopback
// interface: a fixed number of clients cycle over a list of paths for a
// bounded time and number of requests, reading every body in full, and the
// run is summarised as requests, errors, throughput, latency percentiles,
// bytes and, when the server runs in the same process, its memory before
// and after.
//
// It refuses any target that is not on the loopback interface, both by name
// (127.0.0.0/8, ::1 or localhost) and when dialling, and never follows
// redirects.
package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Limits and defaults of Options.
const (
	// DefaultClients is the number of clients when Options.Clients is 0.
	DefaultClients = 64
	// MaxClients is the most clients a run may have.
	MaxClients = 1024
	// DefaultDuration is the length of a run when Options.Duration is 0.
	DefaultDuration = 10 * time.Second
	// MaxDuration is the longest a run may last.
	MaxDuration = time.Minute
	// DefaultMaxRequests bounds a run when Options.MaxRequests is 0.
	DefaultMaxRequests = 1_000_000
	// MaxRequests is the highest Options.MaxRequests allowed; it also
	// bounds the memory kept for latencies (8 bytes a request).
	MaxRequests = 10_000_000
	// DefaultTimeout bounds each request when Options.Timeout is 0.
	DefaultTimeout = 10 * time.Second
	// DefaultAcceptEncoding is what a current browser sends.
	DefaultAcceptEncoding = "gzip, deflate, br, zstd"
	// maxErrorSamples is how many distinct error messages a Report keeps.
	maxErrorSamples = 5
)

// Options configure Run. Zero fields take the defaults.
type Options struct {
	// BaseURL is the server's origin, such as http://127.0.0.1:8000; its
	// host must be on the loopback interface.
	BaseURL string
	// Paths are requested in turn by every client (each client starts at
	// a different one); each must start with "/".
	Paths []string
	// Clients is the number of concurrent clients, each with its own
	// connection (default 64, at most 1024).
	Clients int
	// Duration bounds the run (default 10s, at most 1 minute).
	Duration time.Duration
	// MaxRequests bounds the number of requests of the run (default
	// 1,000,000, at most 10,000,000).
	MaxRequests int
	// Timeout bounds each request (default 10s).
	Timeout time.Duration
	// Header is added to every request. Without an Accept-Encoding entry,
	// DefaultAcceptEncoding is sent; bodies are counted as received,
	// compressed or not.
	Header http.Header
	// Memory, when set, samples the server's memory in bytes before and
	// after the run (see HeapInuse for a server in the same process).
	Memory func() uint64
}

// withDefaults fills zero fields and checks the limits.
func (o Options) withDefaults() (Options, error) {
	if o.Clients == 0 {
		o.Clients = DefaultClients
	}
	if o.Duration == 0 {
		o.Duration = DefaultDuration
	}
	if o.MaxRequests == 0 {
		o.MaxRequests = DefaultMaxRequests
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	switch {
	case o.Clients < 0 || o.Clients > MaxClients:
		return o, fmt.Errorf("clients %d out of range 1-%d", o.Clients, MaxClients)
	case o.Duration < 0 || o.Duration > MaxDuration:
		return o, fmt.Errorf("duration %v out of range 0-%v", o.Duration, MaxDuration)
	case o.MaxRequests < 0 || o.MaxRequests > MaxRequests:
		return o, fmt.Errorf("max requests %d out of range 1-%d", o.MaxRequests, MaxRequests)
	case o.Timeout < 0:
		return o, fmt.Errorf("negative timeout %v", o.Timeout)
	case len(o.Paths) == 0:
		return o, errors.New("no paths to request")
	}
	for _, p := range o.Paths {
		if !strings.HasPrefix(p, "/") {
			return o, fmt.Errorf("path %q does not start with /", p)
		}
	}
	return o, nil
}

// CheckLoopback parses rawURL and returns an error unless it is an http or
// https URL, without credentials, whose host is localhost, an address in
// 127.0.0.0/8 or ::1.
func CheckLoopback(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("parse base url: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("base url %q: scheme must be http or https", rawURL)
	}
	if u.User != nil {
		return nil, fmt.Errorf("base url %q: must not hold credentials", rawURL)
	}
	host := u.Hostname()
	if strings.EqualFold(host, "localhost") {
		return u, nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("base url %q: host %q is not on the loopback interface", rawURL, host)
	}
	return u, nil
}

// errNotLoopback is returned when a connection would leave the loopback
// interface, whatever the name resolved to.
var errNotLoopback = errors.New("refusing to connect outside the loopback interface")

// loopbackOnly is a net.Dialer Control function that refuses any address
// that is not a loopback IP.
func loopbackOnly(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("dial %s: %w", address, errNotLoopback)
	}
	return nil
}

// Report summarises a run.
type Report struct {
	// BaseURL and Paths are the target.
	BaseURL string
	Paths   []string
	// Clients is the number of concurrent clients.
	Clients int
	// Elapsed is the wall time of the run.
	Elapsed time.Duration
	// Requests counts the requests that completed or failed.
	Requests int64
	// Errors counts transport errors and responses outside 2xx and 3xx.
	Errors int64
	// Status counts responses by status code.
	Status map[int]int64
	// ErrorSamples holds the first few distinct error messages.
	ErrorSamples []string
	// Bytes counts the bodies received, as sent on the wire (compressed
	// bodies are not decompressed).
	Bytes int64
	// RequestsPerSecond is Requests divided by Elapsed.
	RequestsPerSecond float64
	// P50, P99 and Max are latencies of the requests, from sending to the
	// end of the body.
	P50, P99, Max time.Duration
	// MemBefore and MemAfter are the Memory samples, zero without a
	// sampler.
	MemBefore, MemAfter uint64
}

// HeapInuse collects garbage and returns the bytes of in-use heap spans of
// this process: a Memory sampler for a server running in-process.
func HeapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// Run loads opt.BaseURL until opt.Duration has passed, opt.MaxRequests
// requests were sent or ctx is cancelled, and reports. An error means the
// run could not start; failed requests are counted in the Report.
func Run(ctx context.Context, opt Options) (Report, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return Report{}, err
	}
	base, err := CheckLoopback(opt.BaseURL)
	if err != nil {
		return Report{}, err
	}
	origin := strings.TrimSuffix(base.String(), "/")

	dialer := &net.Dialer{Timeout: opt.Timeout, Control: loopbackOnly}
	transport := &http.Transport{
		Proxy:               nil,
		DialContext:         dialer.DialContext,
		MaxIdleConns:        opt.Clients,
		MaxIdleConnsPerHost: opt.Clients,
		IdleConnTimeout:     30 * time.Second,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{
		Transport: transport,
		Timeout:   opt.Timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	header := opt.Header.Clone()
	if header == nil {
		header = http.Header{}
	}
	if header.Get("Accept-Encoding") == "" {
		header.Set("Accept-Encoding", DefaultAcceptEncoding)
	}

	rep := Report{BaseURL: origin, Paths: slices.Clone(opt.Paths), Clients: opt.Clients, Status: map[int]int64{}}
	if opt.Memory != nil {
		rep.MemBefore = opt.Memory()
	}

	ctx, cancel := context.WithTimeout(ctx, opt.Duration)
	defer cancel()
	var issued atomic.Int64
	results := make([]clientResult, opt.Clients)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range opt.Clients {
		wg.Go(func() {
			results[i] = runClient(ctx, client, origin, header, opt.Paths, i, &issued, int64(opt.MaxRequests))
		})
	}
	wg.Wait()
	rep.Elapsed = time.Since(start)

	var latencies []time.Duration
	for _, r := range results {
		rep.Requests += r.requests
		rep.Errors += r.errors
		rep.Bytes += r.bytes
		for code, n := range r.status {
			rep.Status[code] += n
		}
		for _, e := range r.errorSamples {
			if len(rep.ErrorSamples) < maxErrorSamples && !slices.Contains(rep.ErrorSamples, e) {
				rep.ErrorSamples = append(rep.ErrorSamples, e)
			}
		}
		latencies = append(latencies, r.latencies...)
	}
	slices.Sort(latencies)
	rep.P50 = percentile(latencies, 0.50)
	rep.P99 = percentile(latencies, 0.99)
	if n := len(latencies); n > 0 {
		rep.Max = latencies[n-1]
	}
	if rep.Elapsed > 0 {
		rep.RequestsPerSecond = float64(rep.Requests) / rep.Elapsed.Seconds()
	}
	if opt.Memory != nil {
		rep.MemAfter = opt.Memory()
	}
	return rep, nil
}

// clientResult is what one client saw.
type clientResult struct {
	requests, errors, bytes int64
	status                  map[int]int64
	latencies               []time.Duration
	errorSamples            []string
}

func (r *clientResult) fail(msg string) {
	r.errors++
	if len(r.errorSamples) < maxErrorSamples && !slices.Contains(r.errorSamples, msg) {
		r.errorSamples = append(r.errorSamples, msg)
	}
}

// runClient sends requests one after the other, cycling over paths from
// offset, until ctx ends or the shared count reaches limit.
func runClient(ctx context.Context, client *http.Client, origin string, header http.Header, paths []string, offset int, issued *atomic.Int64, limit int64) clientResult {
	res := clientResult{status: map[int]int64{}}
	for i := offset; ctx.Err() == nil && issued.Add(1) <= limit; i++ {
		p := paths[i%len(paths)]
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+p, nil)
		if err != nil {
			res.requests++
			res.fail(fmt.Sprintf("build request for %s: %v", p, err))
			continue
		}
		req.Header = header.Clone()
		t0 := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				break // the run ended during the request: not a server error
			}
			res.requests++
			res.fail(fmt.Sprintf("get %s: %v", p, err))
			continue
		}
		n, err := io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if err != nil && ctx.Err() != nil {
			break
		}
		res.requests++
		res.bytes += n
		res.latencies = append(res.latencies, time.Since(t0))
		res.status[resp.StatusCode]++
		switch {
		case err != nil:
			res.fail(fmt.Sprintf("read %s: %v", p, err))
		case resp.StatusCode < 200 || resp.StatusCode >= 400:
			res.fail(fmt.Sprintf("get %s: status %d", p, resp.StatusCode))
		}
	}
	return res
}

// percentile returns the p-quantile (0 to 1) of sorted durations by the
// nearest-rank method, or 0 for none.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p*float64(len(sorted)) + 0.999999999)
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// Markdown formats the report as a Markdown table.
func (r Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Load test of %s: %d clients for %v over %s\n\n", r.BaseURL, r.Clients, r.Elapsed.Round(time.Millisecond), strings.Join(r.Paths, ", "))
	b.WriteString("| metric | value |\n| --- | --- |\n")
	row := func(k, v string) { fmt.Fprintf(&b, "| %s | %s |\n", k, v) }
	row("requests", fmt.Sprint(r.Requests))
	row("errors", fmt.Sprint(r.Errors))
	row("requests/s", fmt.Sprintf("%.0f", r.RequestsPerSecond))
	row("latency p50", r.P50.Round(time.Microsecond).String())
	row("latency p99", r.P99.Round(time.Microsecond).String())
	row("latency max", r.Max.Round(time.Microsecond).String())
	row("bytes received", formatBytes(r.Bytes))
	if r.Elapsed > 0 {
		row("throughput", formatBytes(int64(float64(r.Bytes)/r.Elapsed.Seconds()))+"/s")
	}
	codes := make([]int, 0, len(r.Status))
	for c := range r.Status {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	for _, c := range codes {
		row(fmt.Sprintf("status %d", c), fmt.Sprint(r.Status[c]))
	}
	if r.MemBefore != 0 || r.MemAfter != 0 {
		row("server heap before", formatBytes(int64(r.MemBefore)))
		row("server heap after", formatBytes(int64(r.MemAfter)))
	}
	for _, e := range r.ErrorSamples {
		row("error", strings.ReplaceAll(e, "|", `\|`))
	}
	return b.String()
}

// String is Markdown.
func (r Report) String() string { return r.Markdown() }

func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
