//go:build !wasm

package loadtest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		name string
		url  string
		ok   bool
	}{
		{name: "ipv4 loopback", url: "http://127.0.0.1:8000", ok: true},
		{name: "other 127 address", url: "http://127.1.2.3:8000/", ok: true},
		{name: "ipv6 loopback", url: "http://[::1]:8000", ok: true},
		{name: "localhost", url: "http://localhost:8000", ok: true},
		{name: "localhost upper case", url: "https://LOCALHOST", ok: true},
		{name: "public name", url: "http://example.com"},
		{name: "private address", url: "http://10.0.0.1:8000"},
		{name: "unspecified address", url: "http://0.0.0.0:8000"},
		{name: "ipv6 unspecified", url: "http://[::]:8000"},
		{name: "name ending in localhost", url: "http://evil-localhost:8000"},
		{name: "localhost subdomain", url: "http://localhost.example.com"},
		{name: "loopback-looking name", url: "http://127.0.0.1.nip.io"},
		{name: "credentials hiding the host", url: "http://127.0.0.1@example.com/"},
		{name: "credentials", url: "http://user:pw@127.0.0.1/"},
		{name: "other scheme", url: "ftp://127.0.0.1/"},
		{name: "no scheme", url: "127.0.0.1:8000"},
		{name: "empty", url: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CheckLoopback(tt.url)
			if got := err == nil; got != tt.ok {
				t.Errorf("CheckLoopback(%q) error = %v, want ok %v", tt.url, err, tt.ok)
			}
		})
	}
}

func TestLoopbackOnlyDial(t *testing.T) {
	tests := []struct {
		name    string
		address string
		ok      bool
	}{
		{name: "ipv4 loopback", address: "127.0.0.1:80", ok: true},
		{name: "ipv6 loopback", address: "[::1]:80", ok: true},
		{name: "public", address: "93.184.216.34:80"},
		{name: "private", address: "192.168.1.1:80"},
		{name: "garbage", address: "nonsense"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := loopbackOnly("tcp", tt.address, nil)
			if got := err == nil; got != tt.ok {
				t.Errorf("loopbackOnly(%q) = %v, want ok %v", tt.address, err, tt.ok)
			}
		})
	}
}

func TestOptionsValidation(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		want string
	}{
		{name: "too long", opt: Options{BaseURL: "http://127.0.0.1", Paths: []string{"/"}, Duration: 2 * time.Minute}, want: "duration"},
		{name: "too many clients", opt: Options{BaseURL: "http://127.0.0.1", Paths: []string{"/"}, Clients: MaxClients + 1}, want: "clients"},
		{name: "negative clients", opt: Options{BaseURL: "http://127.0.0.1", Paths: []string{"/"}, Clients: -1}, want: "clients"},
		{name: "too many requests", opt: Options{BaseURL: "http://127.0.0.1", Paths: []string{"/"}, MaxRequests: MaxRequests + 1}, want: "max requests"},
		{name: "no paths", opt: Options{BaseURL: "http://127.0.0.1"}, want: "no paths"},
		{name: "relative path", opt: Options{BaseURL: "http://127.0.0.1", Paths: []string{"web/app.wasm"}}, want: "does not start with /"},
		{name: "remote host", opt: Options{BaseURL: "http://example.com", Paths: []string{"/"}}, want: "loopback"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestRun(t *testing.T) {
	var encodings atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, "home")
		case "/web/app.wasm":
			if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
				encodings.Add(1)
			}
			w.Write(make([]byte, 1000))
		case "/moved":
			http.Redirect(w, r, "http://example.com/", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	var samples atomic.Int64
	rep, err := Run(context.Background(), Options{
		BaseURL:  srv.URL,
		Paths:    []string{"/", "/web/app.wasm", "/moved", "/missing"},
		Clients:  4,
		Duration: time.Second,
		Memory:   func() uint64 { return uint64(samples.Add(1)) * 1000 },
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Requests < 8 {
		t.Fatalf("requests = %d, want at least 8", rep.Requests)
	}
	if got, want := rep.Errors, rep.Status[http.StatusNotFound]; got != want || got == 0 {
		t.Errorf("errors = %d, want the %d not-found responses", got, want)
	}
	if rep.Status[http.StatusFound] == 0 {
		t.Errorf("no 302 counted (redirects must not be followed): %v", rep.Status)
	}
	var sum int64
	for _, n := range rep.Status {
		sum += n
	}
	if sum != rep.Requests {
		t.Errorf("status counts sum to %d, want %d", sum, rep.Requests)
	}
	if encodings.Load() == 0 {
		t.Error("no request sent Accept-Encoding: br")
	}
	if rep.Bytes < rep.Status[http.StatusOK]*4 {
		t.Errorf("bytes = %d, too few for %d bodies", rep.Bytes, rep.Status[http.StatusOK])
	}
	if rep.P50 <= 0 || rep.P99 < rep.P50 || rep.Max < rep.P99 {
		t.Errorf("latencies p50 %v p99 %v max %v are not ordered", rep.P50, rep.P99, rep.Max)
	}
	if rep.Elapsed < time.Second || rep.Elapsed > 3*time.Second {
		t.Errorf("elapsed = %v, want about 1s", rep.Elapsed)
	}
	if rep.RequestsPerSecond <= 0 {
		t.Errorf("requests/s = %v", rep.RequestsPerSecond)
	}
	if got, want := [2]uint64{rep.MemBefore, rep.MemAfter}, [2]uint64{1000, 2000}; got != want {
		t.Errorf("memory = %v, want %v", got, want)
	}
	md := rep.Markdown()
	for _, want := range []string{"| requests | ", "| errors | ", "| latency p99 | ", "| status 404 | ", "| server heap after | ", "status 404"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestRunMaxRequests(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
	}))
	defer srv.Close()
	rep, err := Run(context.Background(), Options{
		BaseURL:     srv.URL,
		Paths:       []string{"/"},
		Clients:     3,
		Duration:    10 * time.Second,
		MaxRequests: 50,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Requests, int64(50); got != want {
		t.Errorf("requests = %d, want %d", got, want)
	}
	if got, want := hits.Load(), int64(50); got != want {
		t.Errorf("server saw %d requests, want %d", got, want)
	}
	if rep.Elapsed > 5*time.Second {
		t.Errorf("run took %v; the request bound did not stop it", rep.Elapsed)
	}
}

func TestRunCancelled(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	rep, err := Run(ctx, Options{BaseURL: srv.URL, Paths: []string{"/"}, Clients: 2, Duration: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("run took %v after cancel", d)
	}
	if rep.Errors != 0 {
		t.Errorf("errors = %d, want 0 (cancellation is not a server error): %v", rep.Errors, rep.ErrorSamples)
	}
}

func TestRunConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	rep, err := Run(context.Background(), Options{BaseURL: "http://" + addr, Paths: []string{"/"}, Clients: 1, MaxRequests: 3, Duration: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Errors, int64(3); got != want {
		t.Errorf("errors = %d, want %d", got, want)
	}
	if len(rep.ErrorSamples) == 0 {
		t.Error("no error sample")
	}
}

func TestPercentile(t *testing.T) {
	ms := func(n int) []time.Duration {
		d := make([]time.Duration, n)
		for i := range d {
			d[i] = time.Duration(i+1) * time.Millisecond
		}
		return d
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{name: "none", sorted: nil, p: 0.5, want: 0},
		{name: "one", sorted: ms(1), p: 0.99, want: time.Millisecond},
		{name: "median of 100", sorted: ms(100), p: 0.5, want: 50 * time.Millisecond},
		{name: "p99 of 100", sorted: ms(100), p: 0.99, want: 99 * time.Millisecond},
		{name: "p99 of 1000", sorted: ms(1000), p: 0.99, want: 990 * time.Millisecond},
		{name: "p0", sorted: ms(10), p: 0, want: time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHeapInuse(t *testing.T) {
	if HeapInuse() == 0 {
		t.Error("HeapInuse = 0")
	}
}
