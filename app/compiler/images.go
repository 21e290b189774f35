package compiler

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/gif" // decodes GIF sources
	"image/jpeg"
	"image/png"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // decodes WebP sources

	"github.com/devrel-patterns/explorer/app/corpus"
)

// MaxImageWidth is the widest an image of the content is served; a wider
// one is scaled down to it.
const MaxImageWidth = 1600

// mediaPath is the folder of the content's images, under the static
// assets.
const mediaPath = "/web/media/"

// Image is an image of the content as the build writes it: re-encoded
// (which drops its metadata), at most MaxImageWidth wide, named by a hash
// of its bytes.
type Image struct {
	// Source is the file's path under the content folder.
	Source string `json:"source"`
	// Path is its app path, "/web/media/3f9a2c1b4d5e.png".
	Path string `json:"path"`
	// Width and Height are its size as served, in pixels.
	Width  int `json:"width"`
	Height int `json:"height"`
	// Bytes is the size of Data.
	Bytes int `json:"bytes"`
	// Data is the encoded image.
	Data []byte `json:"-"`
}

// images reads and re-encodes each image file once, however many
// documents show it; it is safe for the parallel link pass.
type images struct {
	fsys fs.FS
	mu   sync.Mutex
	done map[string]*imageResult
}

// imageResult is the outcome of reading one image file.
type imageResult struct {
	once sync.Once
	img  *Image
	err  error
}

// load returns the image of the file at rel under the content folder.
func (im *images) load(rel string) (*Image, error) {
	im.mu.Lock()
	if im.done == nil {
		im.done = map[string]*imageResult{}
	}
	r := im.done[rel]
	if r == nil {
		r = &imageResult{}
		im.done[rel] = r
	}
	im.mu.Unlock()
	r.once.Do(func() { r.img, r.err = encodeImage(im.fsys, rel) })
	return r.img, r.err
}

// all returns every image read, by source path.
func (im *images) all() []Image {
	im.mu.Lock()
	defer im.mu.Unlock()
	var out []Image
	for _, r := range im.done {
		if r.img != nil {
			out = append(out, *r.img)
		}
	}
	return out
}

// encodeImage reads, scales and re-encodes one image: JPEG stays JPEG,
// anything else (PNG, GIF, WebP) becomes PNG.
func encodeImage(fsys fs.FS, rel string) (*Image, error) {
	data, err := fs.ReadFile(fsys, rel)
	if err != nil {
		return nil, fmt.Errorf("not found")
	}
	src, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG, JPEG, GIF or WebP image (%v)", err)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return nil, fmt.Errorf("empty image")
	}
	var out image.Image = src
	if w > MaxImageWidth {
		h = max(1, h*MaxImageWidth/w)
		w = MaxImageWidth
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
		out = dst
	}
	var buf bytes.Buffer
	ext := ".png"
	if format == "jpeg" {
		ext = ".jpg"
		err = jpeg.Encode(&buf, out, &jpeg.Options{Quality: 85})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out)
	}
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return &Image{
		Source: rel, Path: mediaPath + hex.EncodeToString(sum[:6]) + ext,
		Width: w, Height: h, Bytes: buf.Len(), Data: buf.Bytes(),
	}, nil
}

// resolveImage serves an image of s from the build: its source is found
// relative to the file (or from the content folder for "/…"), read once,
// and the node points at its copy, with its size, lazy loading and alt
// text. An image on another site is left as it is; one outside the
// content folder, missing or unreadable is left out, with a warning (its
// alt text stays in the text), and so is a missing alt text warned about.
func (c *compilation) resolveImage(s *source, n *ast.Image) {
	dest := string(n.Destination)
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return
	}
	line := s.bodyLine(offsetOf(n))
	alt := strings.TrimSpace(string(n.Text(s.text[s.body:]))) //nolint:staticcheck // the alt text as goldmark renders it
	if alt == "" {
		s.warn(line, "image %q has no alt text: describe it for readers who cannot see it", dest)
	}
	rel := u.Path
	if strings.HasPrefix(rel, "/") {
		rel = path.Clean(rel)[1:]
	} else {
		rel = path.Join(path.Dir(s.path), rel)
	}
	if rel == ".." || strings.HasPrefix(rel, "../") || unsafeName(rel) != "" {
		s.warn(line, "image %q is outside the content folder: left out", dest)
		dropImage(n)
		return
	}
	img, err := c.images.load(rel)
	if err != nil {
		s.warn(line, "image %q: %v: left out", dest, err)
		dropImage(n)
		return
	}
	n.Destination = []byte(c.site.Path(img.Path))
	n.SetAttributeString("width", []byte(strconv.Itoa(img.Width)))
	n.SetAttributeString("height", []byte(strconv.Itoa(img.Height)))
	n.SetAttributeString("loading", []byte("lazy"))
	n.SetAttributeString("decoding", []byte("async"))
}

// dropImage replaces an image by its alt text.
func dropImage(n *ast.Image) {
	parent := n.Parent()
	if parent == nil {
		return
	}
	for k := n.FirstChild(); k != nil; {
		next := k.NextSibling()
		parent.InsertBefore(parent, n, k)
		k = next
	}
	parent.RemoveChild(parent, n)
}

// media lists the images of a corpus for the app: their site paths and
// sizes.
func media(imgs []Image, site corpus.Site) []corpus.Media {
	var out []corpus.Media // nil when there are none, as a decoded corpus has it
	for _, im := range imgs {
		out = append(out, corpus.Media{Path: site.Path(im.Path), Bytes: int64(im.Bytes)})
	}
	return out
}
