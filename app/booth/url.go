package booth

import (
	"net"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// EnvLAN is the app environment variable (app.Getenv) in which the server
// lists the host:port addresses it can be reached at on the local network,
// separated by commas, e.g. "192.168.1.20:8000,10.0.0.5:8000".
const EnvLAN = "LAN_ADDRS"

// CanonicalURL is the address of a site path ("/patterns/booth", or
// "/explorer/patterns/booth" under a prefix: the app gives booth its paths
// with the site's prefix) on the origin the app is served from
// ("http://192.168.1.20:8000").
func CanonicalURL(origin, path string) string {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return strings.TrimRight(origin, "/") + path
}

// ParseLAN splits the EnvLAN list into host:port addresses, dropping empty
// and loopback entries.
func ParseLAN(v string) []string {
	var out []string
	for _, a := range strings.Split(v, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		host := a
		if h, _, err := net.SplitHostPort(a); err == nil {
			host = h
		}
		if corpus.IsLoopbackHost(host) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// LANURLs returns the address of a site path on each LAN address, with
// the given scheme ("http:" or "http").
func LANURLs(lan []string, scheme, path string) []string {
	scheme = strings.TrimSuffix(scheme, ":")
	if scheme == "" {
		scheme = "http"
	}
	out := make([]string, 0, len(lan))
	for _, a := range lan {
		out = append(out, CanonicalURL(scheme+"://"+a, path))
	}
	return out
}

// location is where the app is served from, as the browser sees it.
type location struct {
	origin   string // "http://127.0.0.1:8000"
	scheme   string // "http:"
	hostname string // "127.0.0.1"
	lan      []string
}

// here reads the browser's location and the server's LAN addresses; on the
// server it returns the zero location.
func here() location {
	if !app.IsClient {
		return location{}
	}
	loc := app.Window().Get("location")
	if !loc.Truthy() {
		return location{}
	}
	return location{
		origin:   loc.Get("origin").String(),
		scheme:   loc.Get("protocol").String(),
		hostname: loc.Get("hostname").String(),
		lan:      ParseLAN(app.Getenv(EnvLAN)),
	}
}

// known reports whether the location was read from a browser.
func (l location) known() bool { return l.origin != "" }

// url is the address of an app path where the app is served.
func (l location) url(path string) string { return CanonicalURL(l.origin, path) }

// loopback reports whether phones cannot reach the app where it is served.
func (l location) loopback() bool { return corpus.IsLoopbackHost(l.hostname) }

// lanURLs are the addresses of an app path on the server's LAN addresses.
func (l location) lanURLs(path string) []string {
	return LANURLs(l.lan, l.scheme, path)
}

// reachable is the address of an app path that a phone can open: the
// served address, or on localhost the first LAN address when the server
// knows one.
func (l location) reachable(path string) string {
	if l.loopback() {
		if lan := l.lanURLs(path); len(lan) > 0 {
			return lan[0]
		}
	}
	return l.url(path)
}
