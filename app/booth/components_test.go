//go:build !wasm

package booth

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	qrcode "github.com/skip2/go-qrcode"
)

// svgOf returns the attributes of the first <svg> in some HTML and the d
// of its path.
func svgOf(t *testing.T, html string) (attrs map[string]string, d string) {
	t.Helper()
	open := regexp.MustCompile(`<svg([^>]*)>`).FindStringSubmatch(html)
	if open == nil {
		t.Fatalf("no <svg> in %s", html)
	}
	attrs = map[string]string{}
	for _, m := range regexp.MustCompile(`([\w:-]+)(?:="([^"]*)")?`).FindAllStringSubmatch(open[1], -1) {
		attrs[m[1]] = m[2]
	}
	path := regexp.MustCompile(`<path[^>]* d="([^"]*)"`).FindStringSubmatch(html)
	if path == nil {
		t.Fatalf("no path in %s", html)
	}
	return attrs, path[1]
}

func TestQRCodeSVG(t *testing.T) {
	url := "http://127.0.0.1:8000/patterns/booth"
	e := app.NewTestEngine()
	q := NewQRCode(url).ID("code").Class("qr-large")
	if err := e.Load(q); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(q)
	attrs, d := svgOf(t, html)

	want, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	bm := want.Bitmap()
	n := len(bm)
	if got := attrs["viewBox"]; got != "0 0 "+strconv.Itoa(n)+" "+strconv.Itoa(n) {
		t.Errorf("viewBox = %q, want a %d-module square", got, n)
	}
	if got := attrs["data-modules"]; got != strconv.Itoa(n-2*QuietZone) {
		t.Errorf("data-modules = %q, want %d", got, n-2*QuietZone)
	}
	if got := attrs["data-quiet"]; got != "4" {
		t.Errorf("data-quiet = %q, want 4", got)
	}
	if attrs["id"] != "code" || attrs["class"] != "qr qr-large" || attrs["role"] != "img" || attrs["aria-label"] != "QR code for "+url {
		t.Errorf("svg attributes = %v", attrs)
	}
	if attrs["shape-rendering"] != "crispEdges" {
		t.Errorf("shape-rendering = %q, want crispEdges", attrs["shape-rendering"])
	}
	if !strings.Contains(html, `fill="#ffffff"`) || !strings.Contains(html, `fill="#000000"`) {
		t.Errorf("the code is not black on a white square: %s", html)
	}
	grid := gridFromPath(t, d, n)
	if err := sameGrid(grid, bm); err != nil {
		t.Fatalf("SVG modules differ from go-qrcode's: %v", err)
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if (x < QuietZone || y < QuietZone || x >= n-QuietZone || y >= n-QuietZone) && grid[y][x] {
				t.Fatalf("dark module (%d,%d) in the quiet zone", x, y)
			}
		}
	}
}

func TestQRCodeUpdatesAndErrors(t *testing.T) {
	q := NewQRCode("http://a.example/1")
	first := app.HTMLString(q)
	q.Text = "http://a.example/2"
	if second := app.HTMLString(q); second == first {
		t.Error("changing Text did not change the code")
	}
	q.Text = strings.Repeat("x", 5000)
	if html := app.HTMLString(q); !strings.Contains(html, "qr-error") || strings.Contains(html, "<svg") {
		t.Errorf("a text too long to encode: %s", html)
	}
}

func TestQRButtonDialog(t *testing.T) {
	b := NewQRButton("/patterns/booth").Title("Booth").ID("qr-button")
	e := app.NewTestEngine()
	if err := e.Load(b); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(b)
	if !strings.Contains(html, `aria-expanded="false"`) || strings.Contains(html, "qr-dialog") {
		t.Fatalf("closed button: %s", html)
	}

	// Opened on localhost, with the server's LAN address.
	b.open, b.openPath = true, b.Path
	if html := app.HTMLString(b.Render()); strings.Contains(html, `aria-expanded="false"`) || !strings.Contains(html, `id="qr-dialog"`) {
		t.Errorf("open button: %s", html)
	}
	d := NewQRDialog(b.Path).Title("Booth")
	d.loc = location{origin: "http://127.0.0.1:8000", scheme: "http:", hostname: "127.0.0.1", lan: []string{"192.0.2.10:8000"}}
	html = app.HTMLString(d.Render())
	for _, want := range []string{
		`id="qr-dialog"`, `role="dialog"`, ` aria-modal`, "Scan to open “Booth”",
		`<code id="qr-url">http://127.0.0.1:8000/patterns/booth</code>`,
		"Phones can&#39;t reach localhost — serve on your LAN address or publish the static export.",
		"http://192.0.2.10:8000/patterns/booth", `id="qr-close"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("open dialog lacks %q:\n%s", want, html)
		}
	}
	if attrs, _ := svgOf(t, html[strings.Index(html, `id="qr-dialog"`):]); attrs["data-text"] != "http://127.0.0.1:8000/patterns/booth" {
		t.Errorf("the code encodes %q", attrs["data-text"])
	}

	// The LAN address chosen.
	d.choice = 1
	html = app.HTMLString(d.Render())
	if attrs, _ := svgOf(t, html[strings.Index(html, `id="qr-dialog"`):]); attrs["data-text"] != "http://192.0.2.10:8000/patterns/booth" {
		t.Errorf("with the LAN address chosen the code encodes %q", attrs["data-text"])
	}

	// On a LAN address there is no warning.
	d.choice = 0
	d.loc = location{origin: "http://192.0.2.10:8000", scheme: "http:", hostname: "192.0.2.10"}
	if html = app.HTMLString(d.Render()); strings.Contains(html, "qr-localhost") {
		t.Errorf("a LAN address gets the localhost warning: %s", html)
	}

	// Another path closes the dialog.
	b.Path = "/patterns/swag"
	b.OnUpdate(app.Context{})
	if b.open {
		t.Error("the dialog stayed open for another path")
	}
}

func TestKioskState(t *testing.T) {
	items := []Featured{
		{Title: "Booth", Path: "/patterns/booth", Summary: "A staffed space."},
		{Title: "Swag", Path: "/patterns/swag", Summary: "Things people keep."},
	}
	k := NewKiosk().Home(true).Featuring(items)
	e := app.NewTestEngine()
	if err := e.Load(k); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if k.Active() {
		t.Fatal("a new kiosk is on")
	}
	if html := app.HTMLString(k); strings.Contains(html, "featured") {
		t.Errorf("kiosk off shows a featured pattern: %s", html)
	}

	if !k.configure(KioskConfig{On: true, IdleMinutes: 0.05}) {
		t.Error("turning on did not report a change")
	}
	if !k.Active() || k.Config().Idle().Seconds() != 3 || !k.on.Load() || k.idle.Load() != int64(k.Config().Idle()) {
		t.Errorf("after turning on: active %v, config %+v", k.Active(), k.Config())
	}
	html := app.HTMLString(k.Render())
	if !strings.Contains(html, `id="featured"`) || !strings.Contains(html, ">Booth</a>") {
		t.Errorf("kiosk home does not feature Booth: %s", html)
	}
	k.advance()
	if it, _ := k.FeaturedItem(); it.Title != "Swag" || !strings.Contains(app.HTMLString(k.Render()), ">Swag</a>") {
		t.Errorf("after a rotation the featured item is %q", it.Title)
	}
	k.advance()
	if it, _ := k.FeaturedItem(); it.Title != "Booth" {
		t.Errorf("the rotation does not wrap: %q", it.Title)
	}

	k.AtHome = false
	if html := app.HTMLString(k.Render()); strings.Contains(html, "featured") {
		t.Errorf("kiosk shows a featured pattern away from home: %s", html)
	}
	if k.configure(KioskConfig{On: true, IdleMinutes: 1}) {
		t.Error("changing the idle time reported an on/off change")
	}
	if !k.configure(KioskConfig{}) || k.Active() || k.on.Load() {
		t.Error("turning off did not turn off")
	}
}

func TestOfflineMark(t *testing.T) {
	m := NewOfflineMark()
	e := app.NewTestEngine()
	if err := e.Load(m); err != nil {
		t.Fatal(err)
	}
	if html := app.HTMLString(m); !strings.Contains(html, " hidden") || m.Offline() {
		t.Errorf("online: %s", html)
	}
	m.unreachable = true
	html := app.HTMLString(m.Render())
	if strings.Contains(html, "hidden") || !strings.Contains(html, ">Offline</span>") || !strings.Contains(html, "cache") {
		t.Errorf("server unreachable: %s", html)
	}
	m.unreachable, m.offline = false, true
	if html := app.HTMLString(m.Render()); strings.Contains(html, "hidden") || !strings.Contains(html, "This device is offline") {
		t.Errorf("browser offline: %s", html)
	}
}

func TestHandoutAndShare(t *testing.T) {
	h := NewHandout("/explorer/patterns/booth").Title("Booth")
	if html := app.HTMLString(h); strings.Contains(html, "<svg") {
		t.Errorf("the server prerenders an address it does not know: %s", html)
	}
	h.loc = location{origin: "https://cdn.example.org", scheme: "https:", hostname: "cdn.example.org"}
	html := app.HTMLString(h)
	if !strings.Contains(html, ">https://cdn.example.org/explorer/patterns/booth</span>") || !strings.Contains(html, "print-only") {
		t.Errorf("handout: %s", html)
	}
	if attrs, _ := svgOf(t, html); attrs["data-text"] != "https://cdn.example.org/explorer/patterns/booth" {
		t.Errorf("handout code encodes %q", attrs["data-text"])
	}

	s := NewShareButton("/patterns/booth").Title("Booth").ID("share")
	if html := app.HTMLString(s); !strings.Contains(html, `id="share"`) || !strings.Contains(html, `role="status"`) {
		t.Errorf("share button: %s", html)
	}
	s.status = "Link copied"
	if html := app.HTMLString(s); !strings.Contains(html, "Link copied") {
		t.Errorf("share confirmation: %s", html)
	}
	if html := app.HTMLString(PrintButton()); !strings.Contains(html, "print-button") {
		t.Errorf("print button: %s", html)
	}
}
