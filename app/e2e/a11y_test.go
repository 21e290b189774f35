//go:build !wasm

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusRingJS measures the focused element's ring: its outline width and
// its contrast with the colour behind it (the first opaque background of
// its ancestors, the page's otherwise).
const focusRingJS = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body) return {what: "body", width: 0, contrast: 0};
	const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	const lum = ([r, g, b]) => { const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
	let bg = null;
	for (let p = el.parentElement; p; p = p.parentElement) {
		const c = rgb(getComputedStyle(p).backgroundColor);
		if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) { bg = c; break; }
	}
	bg = bg || rgb(getComputedStyle(document.documentElement).backgroundColor);
	const st = getComputedStyle(el);
	const ring = rgb(st.outlineColor);
	const [a, b] = [lum(ring), lum(bg)].sort((x, y) => y - x);
	const width = st.outlineStyle === "none" ? 0 : parseFloat(st.outlineWidth);
	return {what: el.tagName + (el.id ? "#" + el.id : "") + " " + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30),
		width, contrast: (a + 0.05) / (b + 0.05)};
})()`

type focusRing struct {
	What     string  `json:"what"`
	Width    float64 `json:"width"`
	Contrast float64 `json:"contrast"`
}

// TestFocusRing tabs through the first stops of home and of search
// results, in both themes, and wants every focused element to show a ring
// at least 2 px wide and 3:1 against what is behind it.
func TestFocusRing(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	for _, scheme := range []string{"light", "dark"} {
		for _, path := range []string{"/", "/search?q=conf", "/patterns/booth"} {
			t.Run(scheme+path, func(t *testing.T) {
				must(t, ctx, "open "+path, chromedp.EmulateViewport(1280, 800), colorScheme(scheme),
					chromedp.Navigate(srv.URL+path), ready(), painted())
				for stop := 1; stop <= 12; stop++ {
					must(t, ctx, "tab", chromedp.KeyEvent(kb.Tab))
					r := eval[focusRing](t, ctx, focusRingJS)
					if r.Width < 2 || r.Contrast < 3 {
						t.Errorf("tab stop %d (%s): ring %.1f px at %.2f:1, want ≥ 2 px at ≥ 3:1", stop, r.What, r.Width, r.Contrast)
					}
				}
			})
		}
	}
}

// TestSkipLink: the first Tab stop of every page is a link that moves the
// focus to the main content.
func TestSkipLink(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	for _, path := range []string{"/", "/patterns/booth", "/graph"} {
		t.Run(path, func(t *testing.T) {
			must(t, ctx, "open "+path, chromedp.Navigate(srv.URL+path), ready(), painted(), chromedp.KeyEvent(kb.Tab))
			if got := eval[string](t, ctx, `document.activeElement.id`); got != "skip-link" {
				failWithScreenshot(t, ctx, "first Tab stop is %q, want the skip link", got)
			}
			if vis := eval[bool](t, ctx, `document.activeElement.getBoundingClientRect().top >= 0`); !vis {
				failWithScreenshot(t, ctx, "the focused skip link is off screen")
			}
			must(t, ctx, "follow it", chromedp.KeyEvent(kb.Enter))
			poll(t, ctx, `document.activeElement.id === "main"`, "focus on main after the skip link")
		})
	}
}

// TestSearchCombobox: the box is a combobox that says whether results
// show, which one is selected and how many there are, and Tab goes from
// it to the selected result.
func TestSearchCombobox(t *testing.T) {
	srv, _ := startSite(t)
	ctx := browser(t)
	must(t, ctx, "home", chromedp.Navigate(srv.URL+"/"), ready())
	attrs := `(() => { const q = document.querySelector("#q");
		return [q.getAttribute("role"), q.getAttribute("aria-expanded"), q.getAttribute("aria-controls") || "", q.getAttribute("aria-activedescendant") || ""].join(" "); })()`
	if got := eval[string](t, ctx, attrs); got != "combobox false  " {
		t.Errorf("on home the box is %q, want a collapsed combobox controlling nothing", got)
	}
	must(t, ctx, "type conf", chromedp.Click(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "conf"))
	waitText(t, ctx, "#search-results h1 q", "conf")
	poll(t, ctx, `document.querySelector("#q")?.getAttribute("aria-expanded") === "true"`, "box expanded")
	if got := eval[string](t, ctx, attrs); got != "combobox true results result-0-title" {
		t.Errorf("with results the box is %q, want an expanded combobox over #results, result 0 active", got)
	}
	count := text(t, ctx, "#result-count")
	poll(t, ctx, fmt.Sprintf(`document.querySelector("#search-status")?.textContent === %q`, count), "live count "+count)
	if role := eval[string](t, ctx, `document.querySelector("#search-status").getAttribute("role")`); role != "status" {
		t.Errorf("the count's region has role %q, want status", role)
	}
	must(t, ctx, "arrow down", chromedp.KeyEvent(kb.ArrowDown))
	poll(t, ctx, `document.querySelector("#q")?.getAttribute("aria-activedescendant") === "result-1-title"`, "result 1 active")
	if !eval[bool](t, ctx, `!!document.querySelector("#result-1-title")`) {
		t.Errorf("the active descendant result-1-title is not in the page")
	}
	must(t, ctx, "tab", chromedp.KeyEvent(kb.Tab))
	// The app moves the focus in its own handler, which runs after the
	// key event: wait for where the focus lands.
	focused := `document.activeElement.closest("[role=gridcell]")?.id || document.activeElement.tagName`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("("+focused+`) === "result-1-title"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		failWithScreenshot(t, ctx, "Tab from the box focused %q, want the selected result's link: %v", eval[string](t, ctx, focused), err)
	}
	must(t, ctx, "type a miss", chromedp.Click(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), "zzqx"))
	poll(t, ctx, `document.querySelector("#search-status")?.textContent === "No results"`, "no results announced")
	if got := eval[string](t, ctx, attrs); got != "combobox false  " {
		t.Errorf("with no results the box is %q, want collapsed, controlling nothing", got)
	}
}
