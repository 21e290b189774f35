package booth

import (
	"slices"
	"testing"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ origin, path, want string }{
		{"http://127.0.0.1:8000", "/patterns/booth", "http://127.0.0.1:8000/patterns/booth"},
		{"https://cdn.example.org", "/explorer/patterns/booth", "https://cdn.example.org/explorer/patterns/booth"},
		{"https://cdn.example.org/", "explorer/patterns/booth", "https://cdn.example.org/explorer/patterns/booth"},
		{"http://192.168.1.20:8000", "/", "http://192.168.1.20:8000/"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.origin, tt.path); got != tt.want {
			t.Errorf("CanonicalURL(%q, %q) = %q, want %q", tt.origin, tt.path, got, tt.want)
		}
	}
}

func TestParseLANAndURLs(t *testing.T) {
	lan := ParseLAN(" 192.168.1.20:8000, ,127.0.0.1:8000,10.0.0.5:8000,localhost:8000")
	if want := []string{"192.168.1.20:8000", "10.0.0.5:8000"}; !slices.Equal(lan, want) {
		t.Fatalf("ParseLAN = %q, want %q", lan, want)
	}
	got := LANURLs(lan, "http:", "/x/patterns/booth")
	want := []string{"http://192.168.1.20:8000/x/patterns/booth", "http://10.0.0.5:8000/x/patterns/booth"}
	if !slices.Equal(got, want) {
		t.Errorf("LANURLs = %q, want %q", got, want)
	}
	if got := ParseLAN(""); len(got) != 0 {
		t.Errorf("ParseLAN(\"\") = %q", got)
	}
}

func TestLocationReachable(t *testing.T) {
	local := location{origin: "http://127.0.0.1:8000", scheme: "http:", hostname: "127.0.0.1"}
	if got := local.reachable("/patterns/swag"); got != "http://127.0.0.1:8000/patterns/swag" {
		t.Errorf("localhost without LAN: %q", got)
	}
	local.lan = []string{"192.168.1.20:8000"}
	if got := local.reachable("/patterns/swag"); got != "http://192.168.1.20:8000/patterns/swag" {
		t.Errorf("localhost with LAN: %q", got)
	}
	lanHost := location{origin: "http://192.168.1.20:8000", scheme: "http:", hostname: "192.168.1.20", lan: []string{"10.0.0.5:8000"}}
	if got := lanHost.reachable("/patterns/swag"); got != "http://192.168.1.20:8000/patterns/swag" {
		t.Errorf("on a LAN address: %q", got)
	}
	if lanHost.loopback() || !local.loopback() {
		t.Error("loopback() is wrong")
	}
}
