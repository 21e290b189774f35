//go:build !wasm

package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"net"
	"net/netip"
	"slices"
	"strings"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// LANAddrs returns the host:port addresses at which other devices on the
// local network (a visitor's phone) can reach a server listening on the
// TCP address listen (":8000", "0.0.0.0:8000", "192.168.1.20:8000"): each
// non-loopback IPv4 address of this machine's interfaces that are up, or
// the one address the server is bound to. A server bound to loopback, or
// to port 0, gets none.
func LANAddrs(listen string) ([]string, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, fmt.Errorf("lan addresses of %q: %w", listen, err)
	}
	if port == "" || port == "0" {
		return nil, nil
	}
	if host != "" && host != "0.0.0.0" && host != "::" {
		if corpus.IsLoopbackHost(host) {
			return nil, nil
		}
		return []string{net.JoinHostPort(host, port)}, nil
	}
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("lan addresses: %w", err)
	}
	var addrs []net.Addr
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		a, err := ifc.Addrs()
		if err != nil {
			continue
		}
		addrs = append(addrs, a...)
	}
	return lanAddrs(addrs, port), nil
}

// lanAddrs keeps the IPv4 addresses a phone can reach (not loopback, not
// link-local, not unspecified), private ones first, each with port.
func lanAddrs(addrs []net.Addr, port string) []string {
	var ips []netip.Addr
	for _, a := range addrs {
		var ip net.IP
		switch a := a.(type) {
		case *net.IPNet:
			ip = a.IP
		case *net.IPAddr:
			ip = a.IP
		}
		ap, ok := netip.AddrFromSlice(ip)
		if !ok {
			continue
		}
		ap = ap.Unmap()
		if !ap.Is4() || ap.IsLoopback() || ap.IsLinkLocalUnicast() || ap.IsUnspecified() || ap.IsMulticast() {
			continue
		}
		if !slices.Contains(ips, ap) {
			ips = append(ips, ap)
		}
	}
	slices.SortStableFunc(ips, func(a, b netip.Addr) int {
		switch {
		case a.IsPrivate() == b.IsPrivate():
			return a.Compare(b)
		case a.IsPrivate():
			return -1
		}
		return 1
	})
	out := make([]string, 0, len(ips))
	for _, ip := range ips {
		out = append(out, net.JoinHostPort(ip.String(), port))
	}
	return out
}

// appEnv is the environment passed to the app: opts.Env, plus the LAN
// addresses (booth.EnvLAN) when there are any.
func appEnv(opts Options) map[string]string {
	if len(opts.LAN) == 0 {
		return opts.Env
	}
	env := maps.Clone(opts.Env)
	if env == nil {
		env = map[string]string{}
	}
	env[booth.EnvLAN] = strings.Join(opts.LAN, ",")
	return env
}

// envVersion mixes the app's environment into a version: go-app writes
// the environment into app.js, which the service worker caches by
// version, so a server restarted on another network (other LAN addresses)
// must look like an update.
func envVersion(version string, env map[string]string) string {
	if len(env) == 0 {
		return version
	}
	h := sha256.New()
	h.Write([]byte(version))
	for _, k := range slices.Sorted(maps.Keys(env)) {
		fmt.Fprintf(h, "\x00%s=%s", k, env[k])
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
