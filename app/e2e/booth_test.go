//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/devrel-patterns/explorer/app/booth"
	"github.com/devrel-patterns/explorer/app/internal/browsertest"
	"github.com/devrel-patterns/explorer/app/site"
)

// startSiteLAN serves the app as `explorer -addr :PORT` does on a machine
// with the given LAN addresses.
func startSiteLAN(t *testing.T, lan ...string) *server {
	t.Helper()
	browsertest.BuiltApp(t, repoRoot)
	h, err := site.NewWith(theCorpus, site.Options{Root: repoRoot, LAN: lan}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("site: %v", err)
	}
	return startServer(t, h)
}

// svgCode is a QR code as drawn in the page.
type svgCode struct {
	ViewBox string  `json:"viewBox"`
	D       string  `json:"d"`
	Text    string  `json:"text"`
	Light   string  `json:"light"`
	Dark    string  `json:"dark"`
	Width   float64 `json:"width"`
	Visible bool    `json:"visible"`
}

// readCode reads the QR code SVG matching a CSS selector.
func readCode(t *testing.T, ctx context.Context, css string) svgCode {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		const svg = document.querySelector(%q);
		if (!svg) return {viewBox: "", d: "", text: "", light: "", dark: "", width: 0, visible: false};
		const r = svg.getBoundingClientRect();
		const path = svg.querySelector("path"), rect = svg.querySelector("rect");
		return {
			viewBox: svg.getAttribute("viewBox") || "",
			d: path ? path.getAttribute("d") : "",
			text: svg.dataset.text || "",
			light: rect ? getComputedStyle(rect).fill : "",
			dark: path ? getComputedStyle(path).fill : "",
			width: r.width,
			visible: r.width > 0 && getComputedStyle(svg).visibility !== "hidden",
		};
	})()`, css)
	return eval[svgCode](t, ctx, js)
}

var runRE = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)

// grid decodes the modules of a QR code SVG: an n×n viewBox and one path
// of unit-high runs.
func (c svgCode) grid() ([][]bool, error) {
	var n int
	if _, err := fmt.Sscanf(c.ViewBox, "0 0 %d %d", &n, new(int)); err != nil || n <= 0 {
		return nil, fmt.Errorf("viewBox %q: %v", c.ViewBox, err)
	}
	g := make([][]bool, n)
	for y := range g {
		g[y] = make([]bool, n)
	}
	if rest := runRE.ReplaceAllString(c.D, ""); rest != "" {
		return nil, fmt.Errorf("path has commands that are not module runs: %.40q", rest)
	}
	for _, m := range runRE.FindAllStringSubmatch(c.D, -1) {
		x, _ := strconv.Atoi(m[1])
		y, _ := strconv.Atoi(m[2])
		w, _ := strconv.Atoi(m[3])
		if m[3] != m[4] || y >= n || x+w > n {
			return nil, fmt.Errorf("run %q outside a %d-module code", m[0], n)
		}
		for i := x; i < x+w; i++ {
			g[y][i] = true
		}
	}
	return g, nil
}

// checkCodeOf fails unless the QR code matching css encodes url: its module
// grid must be go-qrcode's bitmap of url, quiet zone included, dark on a
// white square.
func checkCodeOf(t *testing.T, ctx context.Context, css, url string) svgCode {
	t.Helper()
	code := readCode(t, ctx, css)
	got, err := code.grid()
	if err != nil {
		failWithScreenshot(t, ctx, "%s: %v", css, err)
	}
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	want := q.Bitmap()
	if len(got) != len(want) {
		failWithScreenshot(t, ctx, "%s has %d modules a side, go-qrcode draws %q with %d", css, len(got), url, len(want))
	}
	for y := range want {
		for x := range want[y] {
			if got[y][x] != want[y][x] {
				failWithScreenshot(t, ctx, "%s: module (%d,%d) is %v, go-qrcode's code of %q has %v (the page says it encodes %q)", css, x, y, got[y][x], url, want[y][x], code.Text)
			}
		}
	}
	for y := range got {
		for x := range got[y] {
			n := len(got)
			if (x < booth.QuietZone || y < booth.QuietZone || x >= n-booth.QuietZone || y >= n-booth.QuietZone) && got[y][x] {
				failWithScreenshot(t, ctx, "%s: dark module (%d,%d) in the quiet zone", css, x, y)
			}
		}
	}
	if code.Light != "rgb(255, 255, 255)" || code.Dark != "rgb(0, 0, 0)" {
		failWithScreenshot(t, ctx, "%s is %s on %s, want black on white", css, code.Dark, code.Light)
	}
	return code
}

// watchFirstCode records what the first QR code added to the page under
// #qr-dialog encodes, in the very frame it appears: window.__firstCode.
func watchFirstCode() chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => {
		window.__firstCode = null;
		const seen = () => {
			const c = document.querySelector("#qr-dialog #qr-code");
			if (c && window.__firstCode === null) {
				window.__firstCode = c.dataset.text;
				obs.disconnect();
			}
		};
		const obs = new MutationObserver(seen);
		obs.observe(document.body, {childList: true, subtree: true, attributes: true});
	})()`)
}

// checkFirstCode fails unless the first frame of the dialog's code
// already encoded url.
func checkFirstCode(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if first := eval[string](t, ctx, `String(window.__firstCode)`); first != url {
		failWithScreenshot(t, ctx, "the dialog's first frame encodes %q, want %q", first, url)
	}
}

// waitGone waits until no element matches a CSS selector.
func waitGone(t *testing.T, ctx context.Context, css string) {
	t.Helper()
	must(t, ctx, "wait until "+css+" is gone", chromedp.WaitNotPresent(chromedp.CSS(css)))
}

// The QR button of a pattern shows a large code of the page's address,
// computed from where the app is served; on 127.0.0.1 it says that phones
// cannot reach it. Escape closes it and gives the focus back.
func TestBoothQRCodeOfPattern(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open booth", chromedp.Navigate(srv.URL+"/patterns/booth?kiosk=0"), ready())
	must(t, ctx, "open the QR code", watchFirstCode(), chromedp.Click(chromedp.CSS("#qr-button")),
		chromedp.WaitVisible(chromedp.CSS("#qr-dialog #qr-code")))
	url := srv.URL + "/patterns/booth"
	checkFirstCode(t, ctx, url)
	code := checkCodeOf(t, ctx, "#qr-code", url)
	if code.Width < 300 {
		failWithScreenshot(t, ctx, "the code is %.0f px wide at 1280×800, too small to scan from a metre", code.Width)
	}
	if got := text(t, ctx, "#qr-url"); got != url {
		failWithScreenshot(t, ctx, "the written address is %q, want %q", got, url)
	}
	if note := text(t, ctx, "#qr-localhost"); !contains(note, "can't reach localhost") || !contains(note, "LAN address") {
		failWithScreenshot(t, ctx, "no localhost warning next to a code of %s: %q", url, note)
	}
	if eval[bool](t, ctx, `!!document.querySelector("#qr-lan")`) {
		failWithScreenshot(t, ctx, "LAN addresses offered although the server passed none")
	}
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "qr-close" {
		failWithScreenshot(t, ctx, "focus is on %q when the dialog opens, want the close button", got)
	}
	must(t, ctx, "press Escape", chromedp.KeyEvent("\x1b"))
	waitGone(t, ctx, "#qr-dialog")
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "qr-button" {
		failWithScreenshot(t, ctx, "focus is on %q after Escape, want the QR button", got)
	}
	// A click on the backdrop closes it too (a click on the code does not:
	// TestBoothQRCodeOffersLANAddress).
	must(t, ctx, "open again", chromedp.Click(chromedp.CSS("#qr-button")), chromedp.WaitVisible(chromedp.CSS("#qr-code")))
	must(t, ctx, "click the backdrop", chromedp.MouseClickXY(10, 10))
	waitGone(t, ctx, "#qr-dialog")
	con.check(t)
}

// Each search result has a QR button for its pattern.
func TestBoothQRCodeOfSearchResult(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "search", chromedp.Navigate(srv.URL+"/search?q=swag"), ready(), chromedp.WaitVisible(chromedp.CSS("#result-qr-0")))
	path := eval[string](t, ctx, `new URL(document.querySelector("#result-0 a").href).pathname`)
	must(t, ctx, "open the result's QR code", watchFirstCode(), chromedp.Click(chromedp.CSS("#result-qr-0")),
		chromedp.WaitVisible(chromedp.CSS("#qr-code")))
	checkFirstCode(t, ctx, srv.URL+path)
	checkCodeOf(t, ctx, "#qr-code", srv.URL+path)
	if got := text(t, ctx, "#qr-dialog-title"); !contains(got, "Swag") {
		failWithScreenshot(t, ctx, "dialog title %q does not name the result", got)
	}
	con.check(t)
}

// On localhost with a server that knows its LAN addresses, the dialog
// offers a code of the LAN address.
func TestBoothQRCodeOffersLANAddress(t *testing.T) {
	srv := startSiteLAN(t, "192.0.2.10:8000")
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open swag", chromedp.Navigate(srv.URL+"/patterns/swag"), ready())
	must(t, ctx, "open the QR code", chromedp.Click(chromedp.CSS("#qr-button")), chromedp.WaitVisible(chromedp.CSS("#qr-lan")))
	lanURL := "http://192.0.2.10:8000/patterns/swag"
	if got := text(t, ctx, "#qr-lan"); !contains(got, lanURL) {
		failWithScreenshot(t, ctx, "LAN choices %q do not list %s", got, lanURL)
	}
	checkCodeOf(t, ctx, "#qr-code", srv.URL+"/patterns/swag")
	// Tab stays in the modal: from Close, the last button, to the first.
	// The dialog moves the focus in its own key listener, as the key is
	// handled, so the focus is where it goes once the key event returns.
	must(t, ctx, "press Tab", chromedp.KeyEvent("\t"))
	if got := eval[string](t, ctx, `document.activeElement.closest("#qr-dialog") ? document.activeElement.className : "outside: " + document.activeElement.tagName`); got != "qr-choice" {
		failWithScreenshot(t, ctx, "Tab from the dialog's last button went to %q, want its first", got)
	}
	must(t, ctx, "press Shift+Tab", chromedp.KeyEvent("\t", chromedp.KeyModifiers(chromedp.ModifierShift)))
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "qr-close" {
		failWithScreenshot(t, ctx, "Shift+Tab from the dialog's first button went to %q, want Close", got)
	}
	// A click on the code does not close the dialog. go-app handles clicks
	// in order, so once the LAN choice clicked after it is drawn, the
	// code's click has been handled too.
	eval[chromedp.Void](t, ctx, `window.__dialogGone = false;
		new MutationObserver(() => { if (!document.querySelector("#qr-dialog")) window.__dialogGone = true; })
			.observe(document.body, {childList: true, subtree: true});`)
	must(t, ctx, "click the code, then the LAN address", chromedp.Click(chromedp.CSS("#qr-code")),
		chromedp.Click(chromedp.CSS("#qr-lan li:first-child button")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__dialogGone || document.querySelector("#qr-lan li:first-child button")?.getAttribute("aria-pressed") === "true"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the LAN choice was never drawn as pressed: %v", err)
	}
	if eval[bool](t, ctx, `window.__dialogGone`) {
		failWithScreenshot(t, ctx, "a click on the code closed the dialog")
	}
	waitText(t, ctx, "#qr-url", lanURL)
	checkCodeOf(t, ctx, "#qr-code", lanURL)
	con.check(t)
}

// ?kiosk=1&idle=0.05 makes a kiosk that, after 3 s without a touch,
// returns to the home view with the search cleared; it is remembered, keeps
// links to other origins inert, and a 2-second press on the brand leaves
// it.
func TestBoothKioskIdleReturnsHome(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open the kiosk", chromedp.Navigate(srv.URL+"/?kiosk=1&idle=0.05"), ready(),
		chromedp.WaitVisible(chromedp.CSS("#shell.kiosk")), chromedp.WaitVisible(chromedp.CSS("#featured")))
	if got := eval[string](t, ctx, `localStorage.getItem("`+booth.KioskStorageKey+`") || ""`); !contains(got, `"on":true`) || !contains(got, "0.05") {
		failWithScreenshot(t, ctx, "kiosk mode stored as %q", got)
	}
	if size := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector("#q")).fontSize)`); size < 20 {
		failWithScreenshot(t, ctx, "the search box's text is %.0fpx in kiosk mode, want larger type", size)
	}

	// Search, then leave the screen alone.
	must(t, ctx, "type", chromedp.SendKeys(chromedp.CSS("#q"), "booth"))
	waitPath(t, ctx, "/search")
	must(t, ctx, "results", chromedp.WaitVisible(chromedp.CSS("#result-0")))
	start := time.Now()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`location.pathname === "/"`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the idle kiosk did not return home: %v", err)
	}
	if waited := time.Since(start); waited < 2*time.Second {
		failWithScreenshot(t, ctx, "returned home after %v, before the idle time of 3 s", waited)
	}
	must(t, ctx, "featured on home", chromedp.WaitVisible(chromedp.CSS("#featured")))
	if got := eval[string](t, ctx, `document.querySelector("#q").value`); got != "" {
		failWithScreenshot(t, ctx, "the search box still holds %q", got)
	}

	// A filter left on the catalog is cleared too.
	must(t, ctx, "filter", chromedp.Click(chromedp.CSS(`.filter-row .filter:nth-child(2)`)),
		chromedp.WaitVisible(chromedp.CSS(`.filter-row .filter:nth-child(2)[aria-pressed="true"]`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".filter-row .filter:first-child")?.getAttribute("aria-pressed") === "true"`, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the idle kiosk kept the catalog filtered: %v", err)
	}

	// Remembered across a reload.
	must(t, ctx, "reload", chromedp.Navigate(srv.URL+"/patterns/booth"), ready(), chromedp.WaitVisible(chromedp.CSS("#shell.kiosk")))

	// A link to another origin does nothing; go-app would open a window.
	eval[chromedp.Void](t, ctx, `window.__opened = []; window.open = (u) => { window.__opened.push(String(u)); return null; };
		const a = document.createElement("a"); a.id = "ext"; a.href = "https://example.com/elsewhere"; a.textContent = "elsewhere";
		document.querySelector(".pattern-title").after(a);`)
	// go-app handles the click and the keys in order: once Ctrl+Shift+K
	// (kiosk off) is drawn, the click has been handled too. Then it turns
	// kiosk mode on again.
	must(t, ctx, "click an external link, then Ctrl+Shift+K", chromedp.Click(chromedp.CSS("#ext")),
		chromedp.KeyEvent("K", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)),
		chromedp.WaitNotPresent(chromedp.CSS("#shell.kiosk")))
	if opened := eval[[]string](t, ctx, `window.__opened`); len(opened) > 0 || eval[string](t, ctx, `location.href`) != srv.URL+"/patterns/booth" {
		failWithScreenshot(t, ctx, "an external link was followed in kiosk mode: opened %q", opened)
	}
	must(t, ctx, "Ctrl+Shift+K again", chromedp.KeyEvent("K", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)),
		chromedp.WaitVisible(chromedp.CSS("#shell.kiosk")))

	// A 2-second press on the brand leaves kiosk mode, while it is held,
	// and its release does not follow the brand's link.
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector(".brand").getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2]; })()`)
	pressed := time.Now()
	must(t, ctx, "hold the brand",
		chromedp.MouseEvent(chromedp.MousePressed, box[0], box[1], chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.WaitNotPresent(chromedp.CSS("#shell.kiosk")))
	if held := time.Since(pressed); held < booth.LongPress {
		failWithScreenshot(t, ctx, "kiosk mode went off after a press of %v, shorter than %v", held, booth.LongPress)
	}
	must(t, ctx, "release the brand",
		chromedp.MouseEvent(chromedp.MouseReleased, box[0], box[1], chromedp.ButtonLeft, chromedp.ClickCount(1)))
	waitText(t, ctx, "#kiosk-toast", "Kiosk mode off")
	if got := eval[string](t, ctx, `location.pathname`); got != "/patterns/booth" {
		failWithScreenshot(t, ctx, "the long press also followed the brand link, to %q", got)
	}
	if eval[bool](t, ctx, `localStorage.getItem("`+booth.KioskStorageKey+`") !== null`) {
		failWithScreenshot(t, ctx, "kiosk mode still remembered after leaving it")
	}

	// Ctrl+Shift+K turns it on again; ?kiosk=0 turns it off.
	must(t, ctx, "Ctrl+Shift+K", chromedp.KeyEvent("K", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)),
		chromedp.WaitVisible(chromedp.CSS("#shell.kiosk")))
	must(t, ctx, "?kiosk=0", chromedp.Navigate(srv.URL+"/?kiosk=0"), ready())
	off := `!document.querySelector("#shell.kiosk") && localStorage.getItem("` + booth.KioskStorageKey + `") === null`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](off, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "?kiosk=0 did not turn kiosk mode off: %v", err)
	}
	con.check(t)
}

// grantClipboard lets the page at origin read and write the clipboard.
func grantClipboard(t *testing.T, ctx context.Context, origin string) {
	t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name},
			Setting:    cdpbrowser.PermissionSettingGranted,
			Origin:     origin,
		})
		if err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
}

// Without the Web Share API (headless Chromium on Linux), Share copies the
// link and says so.
func TestBoothShareCopiesLink(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open booth", chromedp.Navigate(srv.URL+"/patterns/booth"), ready())
	grantClipboard(t, ctx, srv.URL)
	eval[chromedp.Void](t, ctx, `delete Navigator.prototype.share; delete navigator.share;`)
	must(t, ctx, "share", chromedp.Click(chromedp.CSS("#share-button")))
	waitText(t, ctx, ".share-status", "Link copied")
	url := srv.URL + "/patterns/booth"
	if got := eval[string](t, ctx, `navigator.clipboard.readText()`); got != url {
		failWithScreenshot(t, ctx, "the clipboard holds %q, want %q", got, url)
	}

	// Without the Clipboard API either (a plain-HTTP LAN address), the
	// textarea fallback copies.
	eval[chromedp.Void](t, ctx, `navigator.clipboard.writeText("-"); window.__copied = "";
		document.addEventListener("copy", () => { window.__copied = document.getSelection().toString() || document.activeElement.value; });
		Object.defineProperty(navigator, "clipboard", {value: undefined, configurable: true});`)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".share-status")?.textContent.trim() === ""`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "the confirmation never went away: %v", err)
	}
	must(t, ctx, "share again", chromedp.Click(chromedp.CSS("#share-button")))
	waitText(t, ctx, ".share-status", "Link copied")
	if got := eval[string](t, ctx, `window.__copied`); got != url {
		failWithScreenshot(t, ctx, "execCommand copied %q, want %q", got, url)
	}
	if focused := eval[string](t, ctx, `document.activeElement.id`); focused != "share-button" {
		failWithScreenshot(t, ctx, "focus is on %q after copying, want the share button", focused)
	}
	con.check(t)
}

// A printed pattern is a one-page handout: no header, navigation, search,
// buttons, graph or footer; a QR code in a corner and the address written
// out.
func TestBoothPrintHandout(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	must(t, ctx, "open booth", chromedp.Navigate(srv.URL+"/patterns/booth"), ready(), chromedp.WaitReady(chromedp.CSS("#handout-qr")))
	if eval[bool](t, ctx, `getComputedStyle(document.querySelector("#handout")).display !== "none"`) {
		failWithScreenshot(t, ctx, "the print handout shows on screen")
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatalf("emulate print: %v", err)
	}
	hidden := eval[[]string](t, ctx, `[".header", ".nav", ".search-box", ".footer", ".booth-actions", ".local-graph", "#qr-button"]
		.filter((s) => { const e = document.querySelector(s); return e && e.getBoundingClientRect().height > 0; })`)
	if len(hidden) > 0 {
		failWithScreenshot(t, ctx, "printed page still shows %v", hidden)
	}
	url := srv.URL + "/patterns/booth"
	if got := text(t, ctx, "#handout-url"); got != url {
		failWithScreenshot(t, ctx, "printed address %q, want %q", got, url)
	}
	code := checkCodeOf(t, ctx, "#handout-qr", url)
	if !code.Visible || code.Width < 80 || code.Width > 200 {
		failWithScreenshot(t, ctx, "the printed code is %.0f px wide (visible %v), want a corner-sized code", code.Width, code.Visible)
	}
	corner := eval[[]float64](t, ctx, `(() => { const a = document.querySelector(".pattern").getBoundingClientRect(), q = document.querySelector("#handout-qr").getBoundingClientRect(); return [a.right - q.right, q.top - a.top]; })()`)
	if corner[0] > 2 || corner[1] > 2 {
		failWithScreenshot(t, ctx, "the printed code is %v px from the pattern's top-right corner", corner)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	if pages := len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(pdf, -1)); pages != 1 {
		t.Errorf("the Booth handout prints on %d A4 pages, want 1", pages)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatalf("stop emulating print: %v", err)
	}
	con.check(t)
}

// The header's offline mark follows reality both ways: the browser's
// offline and online events, and a server that stops and comes back, with
// no event at all (the mark probes every two seconds while visible).
func TestBoothOfflineMark(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	// follows bounds how long the mark may lag: the probe runs every 2 s
	// and gives up on a silent server after 2 s more.
	const follows = 6 * time.Second
	// The first probe's answer is awaited, so that "hidden" below means
	// the server answered, not "not asked yet".
	must(t, ctx, "open booth", chromedp.Navigate(srv.URL+"/patterns/booth"), ready())
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`performance.getEntriesByType("resource").some(e => e.name.includes("?probe=") && e.responseEnd > 0)`, chromedp.WithPollingTimeout(follows))); err != nil {
		failWithScreenshot(t, ctx, "the mark never probed the server: %v", err)
	}
	visible := `(() => { const m = document.querySelector("#offline-mark"); return !!m && m.getBoundingClientRect().width > 0; })()`
	waitMark := func(what string, shown bool) {
		t.Helper()
		js := visible
		if !shown {
			js = "!" + visible
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(follows))); err != nil {
			failWithScreenshot(t, ctx, "%s: the mark is shown=%v after %v, want shown=%v: %v", what, !shown, follows, shown, err)
		}
	}
	if eval[bool](t, ctx, visible) {
		failWithScreenshot(t, ctx, "the offline mark shows while the server answers")
	}
	eval[chromedp.Void](t, ctx, `window.dispatchEvent(new Event("offline"))`)
	waitMark("the offline event", true)
	eval[chromedp.Void](t, ctx, `window.dispatchEvent(new Event("online"))`)
	waitMark("back online with the server answering", false)

	srv.Stop()
	waitMark("the server stopped", true)
	if title := eval[string](t, ctx, `document.querySelector("#offline-mark").title`); !strings.Contains(title, "server") {
		failWithScreenshot(t, ctx, "the mark's title %q does not say the server does not answer", title)
	}
	srv.Restart(t)
	waitMark("the server came back", false)

	// Stopped while a probe is in flight, with an online event then: the
	// event's probe runs after the one in flight instead of being dropped.
	srv.Stop()
	eval[chromedp.Void](t, ctx, `window.dispatchEvent(new Event("online")); window.dispatchEvent(new Event("online"))`)
	waitMark("the server stopped, online events during a probe", true)
	srv.Restart(t)
	eval[chromedp.Void](t, ctx, `window.dispatchEvent(new Event("online"))`)
	waitMark("the server came back, online event", false)
}

// TestBoothKioskOnPhone: on a phone the toast that says how to leave
// kiosk mode is a wide, short box, not a tall blob half the screen wide,
// and it names no key combination on a touch screen; the featured pattern
// asks to scan its code only when it shows one (a server on loopback
// with no LAN address has none a phone could follow).
func TestBoothKioskOnPhone(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	must(t, ctx, "open kiosk mode on a phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateTouch),
		chromedp.Navigate(srv.URL+"/?kiosk=1"), ready(), chromedp.WaitVisible(chromedp.CSS("#kiosk-toast")))
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("#kiosk-toast").getBoundingClientRect(); return [r.left, r.right, r.width, r.height]; })()`)
	if box[2] < 300 || box[3] > 3*box[2]/8 || box[0] < 0 || box[1] > 390 {
		failWithScreenshot(t, ctx, "the toast is %.0f×%.0f px from x=%.0f to %.0f on a 390 px screen, want at least 300 px wide, flat and on screen", box[2], box[3], box[0], box[1])
	}
	if got := eval[string](t, ctx, `document.querySelector("#kiosk-toast").innerText`); strings.Contains(got, "Ctrl") || !strings.Contains(got, "hold the title") {
		failWithScreenshot(t, ctx, "on a touch screen the toast says %q, want how to leave by touch and no key combination", got)
	}
	hint := eval[string](t, ctx, `document.querySelector("#featured .featured-hint").textContent`)
	if code := eval[bool](t, ctx, `!!document.querySelector("#featured-qr")`); code != strings.Contains(hint, "scan") {
		failWithScreenshot(t, ctx, "the featured pattern shows a code = %v and says %q", code, hint)
	}
}

// A start with kiosk mode off, and nothing stored, writes nothing to the
// browser's storage: it removed the kiosk setting on every start, a
// storage write of 5-9 ms in the first draw. Turned on by the URL it is
// stored, and ?kiosk=0 then removes it.
func TestKioskOffWritesNothing(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	con := watchConsole(ctx)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
		window.__writes = [];
		for (const m of ["setItem", "removeItem", "clear"]) {
			const f = Storage.prototype[m];
			Storage.prototype[m] = function (...a) { window.__writes.push(m + " " + (a[0] || "")); return f.apply(this, a); };
		}
	})()`}); err != nil {
		t.Fatal(err)
	}
	key := booth.KioskStorageKey
	must(t, ctx, "open home", chromedp.Navigate(srv.URL+"/"), ready())
	if w := eval[[]string](t, ctx, `window.__writes.filter(w => w.endsWith(" `+key+`"))`); len(w) != 0 {
		t.Errorf("a start with kiosk mode off wrote %v", w)
	}
	must(t, ctx, "kiosk on", chromedp.Navigate(srv.URL+"/?kiosk=1"), ready(), chromedp.WaitVisible(chromedp.CSS("#shell.kiosk")))
	if got := eval[string](t, ctx, `localStorage.getItem("`+key+`") || ""`); !contains(got, `"on":true`) {
		t.Errorf("kiosk mode on stored as %q", got)
	}
	must(t, ctx, "kiosk off", chromedp.Navigate(srv.URL+"/?kiosk=0"), ready())
	poll(t, ctx, `localStorage.getItem("`+key+`") === null`, "?kiosk=0 removed the stored setting")
	con.check(t)
}
