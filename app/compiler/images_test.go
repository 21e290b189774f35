package compiler

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// pngOf is a flat PNG of a size.
func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xc0
	}
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Images are served from the build, each once, under the site's prefix,
// at most MaxImageWidth wide, with their size, alt text and lazy loading;
// what cannot be served is left out with a warning naming file and line.
func TestImages(t *testing.T) {
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, image.NewGray(image.Rect(0, 0, 40, 30)), nil); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"img/wide.png":     {Data: pngOf(t, 3200, 800)},
		"img/photo.jpg":    {Data: jpg.Bytes()},
		"img/broken.png":   {Data: []byte("not an image")},
		"events/booth.md":  file("Booth", "*Social*\n\n***Problem***: p.\n\n![A wide stand](../img/wide.png)\n\n![](/img/photo.jpg)\n\n![Again](/img/wide.png)\n"),
		"events/broken.md": file("Broken", "*Social*\n\n***Problem***: p.\n\n![Gone](missing.png) ![Outside](../../secret.png) ![Bad](/img/broken.png) ![Far](https://example.org/x.png)\n"),
	}
	c, rep := mustCompile(t, fsys, Options{Site: corpus.Site{Prefix: "/explorer"}})
	if len(rep.Images) != 2 {
		t.Fatalf("images = %+v, want wide.png and photo.jpg, once each", rep.Images)
	}
	byName := map[string]Image{}
	for _, im := range rep.Images {
		byName[im.Source] = im
		if !strings.HasPrefix(im.Path, "/web/media/") || im.Bytes != len(im.Data) {
			t.Errorf("%s: path %s, %d bytes of %d", im.Source, im.Path, im.Bytes, len(im.Data))
		}
	}
	wide, photo := byName["img/wide.png"], byName["img/photo.jpg"]
	if wide.Width != MaxImageWidth || wide.Height != 400 || !strings.HasSuffix(wide.Path, ".png") {
		t.Errorf("wide.png served as %+v, want %d×400 PNG", wide, MaxImageWidth)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(wide.Data)); err != nil || cfg.Width != MaxImageWidth {
		t.Errorf("wide.png's data: %v, %d wide", err, cfg.Width)
	}
	if photo.Width != 40 || !strings.HasSuffix(photo.Path, ".jpg") {
		t.Errorf("photo.jpg served as %+v", photo)
	}
	html := doc(t, c, "events/booth").Sections[0].HTML
	for _, want := range []string{`src="/explorer` + wide.Path + `"`, `alt="A wide stand"`, `width="1600"`, `height="400"`, `loading="lazy"`, `src="/explorer` + photo.Path + `"`} {
		if !strings.Contains(html, want) {
			t.Errorf("booth's HTML lacks %s: %s", want, html)
		}
	}
	if len(c.Media) != 2 || c.Media[0].Path != "/explorer"+rep.Images[0].Path {
		t.Errorf("corpus media = %+v", c.Media)
	}
	broken := doc(t, c, "events/broken").Sections[0].HTML
	if strings.Count(broken, "<img") != 1 || !strings.Contains(broken, `src="https://example.org/x.png"`) || !strings.Contains(broken, "Gone") {
		t.Errorf("left-out images should leave their alt text and the remote one alone: %s", broken)
	}
	warnings := strings.Join(strs(rep.Warnings), "\n")
	for _, want := range []string{
		`content/events/booth.md:10: image "/img/photo.jpg" has no alt text`,
		`content/events/broken.md:8: image "missing.png": not found: left out`,
		`content/events/broken.md:8: image "../../secret.png" is outside the content folder: left out`,
		`content/events/broken.md:8: image "/img/broken.png": not a PNG, JPEG, GIF or WebP image`,
	} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
}
