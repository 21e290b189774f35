//go:build !wasm

package site

import (
	"net"
	"slices"
	"testing"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/corpus"
)

func TestLANAddrsKeepsReachableIPv4(t *testing.T) {
	cidr := func(s string) net.Addr {
		ip, n, err := net.ParseCIDR(s)
		if err != nil {
			t.Fatal(err)
		}
		n.IP = ip
		return n
	}
	addrs := []net.Addr{
		cidr("127.0.0.1/8"),
		cidr("203.0.113.7/24"),
		cidr("192.168.1.20/24"),
		cidr("169.254.10.1/16"),
		cidr("fe80::1/64"),
		cidr("2001:db8::5/64"),
		cidr("10.0.0.5/8"),
		&net.IPAddr{IP: net.ParseIP("192.168.1.20")},
	}
	got := lanAddrs(addrs, "8000")
	want := []string{"10.0.0.5:8000", "192.168.1.20:8000", "203.0.113.7:8000"}
	if !slices.Equal(got, want) {
		t.Errorf("lanAddrs = %q, want %q", got, want)
	}
}

func TestLANAddrsOfListenAddress(t *testing.T) {
	for _, tt := range []struct {
		listen string
		want   []string
	}{
		{"127.0.0.1:8000", nil},
		{"localhost:8000", nil},
		{"[::1]:8000", nil},
		{":0", nil},
		{"192.168.1.20:8000", []string{"192.168.1.20:8000"}},
	} {
		got, err := LANAddrs(tt.listen)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("LANAddrs(%q) = %q, %v; want %q", tt.listen, got, err, tt.want)
		}
	}
	if _, err := LANAddrs("8000"); err == nil {
		t.Error("LANAddrs(\"8000\") gave no error")
	}
	all, err := LANAddrs(":8000")
	if err != nil {
		t.Fatalf("LANAddrs(\":8000\"): %v", err)
	}
	for _, a := range all {
		host, port, err := net.SplitHostPort(a)
		if err != nil || port != "8000" || corpus.IsLoopbackHost(host) || net.ParseIP(host).To4() == nil {
			t.Errorf("LANAddrs(\":8000\") lists %q", a)
		}
	}
}

func TestHandlerPassesLANToTheApp(t *testing.T) {
	c := &corpus.Corpus{Version: "test"}
	plain, err := Handler(c, Options{Root: repoRoot})
	if err != nil {
		t.Skipf("no built app: %v", err)
	}
	if _, ok := plain.Env[booth.EnvLAN]; ok {
		t.Errorf("without LAN addresses the app gets %s=%q", booth.EnvLAN, plain.Env[booth.EnvLAN])
	}
	env := map[string]string{"OTHER": "1"}
	h, err := Handler(c, Options{Root: repoRoot, Env: env, LAN: []string{"192.168.1.20:8000", "10.0.0.5:8000"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Env[booth.EnvLAN]; got != "192.168.1.20:8000,10.0.0.5:8000" {
		t.Errorf("%s = %q", booth.EnvLAN, got)
	}
	if h.Env["OTHER"] != "1" || len(env) != 1 {
		t.Errorf("the caller's Env was not kept as it was: %v, %v", h.Env, env)
	}
	if h.Version == plain.Version {
		t.Error("LAN addresses do not change the version, so a cached app.js would keep old ones")
	}
	again, err := Handler(c, Options{Root: repoRoot, Env: map[string]string{"OTHER": "1"}, LAN: []string{"192.168.1.20:8000", "10.0.0.5:8000"}})
	if err != nil || again.Version != h.Version {
		t.Errorf("the same options give another version: %q, %q (%v)", again.Version, h.Version, err)
	}
}
