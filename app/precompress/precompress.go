//go:build !wasm

// Package precompress writes brotli (.br) and gzip (.gz) twins beside the
// compressible static assets of a folder at build time, so that a file server
// can send them without compressing on every request.
//
// Twins are written atomically (temporary file then rename), carry the
// modification time of their source and are rewritten only when that time or
// the source changes, so repeated builds are fast. Output is deterministic:
// the gzip header has no name and no time, and brotli has no header at all.
package precompress

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Default settings used when the matching Options field is zero.
const (
	// DefaultMinSavings is the fraction of the raw size a twin must save to be
	// kept.
	DefaultMinSavings = 0.05
	// DefaultBrotliQuality is the brotli quality for files up to LargeSize.
	DefaultBrotliQuality = brotli.BestCompression
	// DefaultLargeBrotliQuality is the brotli quality for files above
	// LargeSize. Quality 9 compresses a 7 MB go-app WASM in about a second;
	// 10 and 11 shave a further 8-12 % but take 7 to 14 times longer.
	DefaultLargeBrotliQuality = 9
	// DefaultLargeSize is the size above which LargeBrotliQuality applies.
	DefaultLargeSize = 1 << 20
	// PageBrotliQuality is the brotli quality of prerendered pages, which
	// are compressed by the thousand (a static export) or on their first
	// request (the server): on a 26 KB page it takes 1.5 ms, as gzip -9
	// does, against 46 ms for quality 11, which is 13 % smaller.
	PageBrotliQuality = 6
)

// DefaultExtensions lists the file extensions compressed when
// Options.Extensions is empty.
var DefaultExtensions = []string{
	".wasm", ".js", ".mjs", ".css", ".html", ".svg", ".json",
	".webmanifest", ".txt", ".xml", ".md", ".map",
}

// Options tunes Dir and Sizes. The zero value selects the defaults.
type Options struct {
	// Extensions lists the extensions (with the dot, lower case) of the files
	// to compress. Empty means DefaultExtensions.
	Extensions []string
	// MinSavings is the fraction of the raw size a twin must save to be
	// written; a twin that saves less is not written and a stale one is
	// removed. Zero means DefaultMinSavings; a negative value keeps every
	// twin.
	MinSavings float64
	// BrotliQuality is the brotli quality (0-11) for files up to LargeSize.
	// Zero means DefaultBrotliQuality.
	BrotliQuality int
	// LargeBrotliQuality is the brotli quality (0-11) for files above
	// LargeSize. Zero means DefaultLargeBrotliQuality.
	LargeBrotliQuality int
	// LargeSize is the size in bytes above which LargeBrotliQuality applies.
	// Zero means DefaultLargeSize.
	LargeSize int64
	// Force rewrites every twin, even those that are up to date.
	Force bool
	// Workers is the number of files compressed at once. Zero means
	// GOMAXPROCS.
	Workers int
}

// PageOptions are the options for prerendered pages, compressed by the
// thousand or while a request waits: PageBrotliQuality at every size.
func PageOptions() Options {
	return Options{BrotliQuality: PageBrotliQuality, LargeBrotliQuality: PageBrotliQuality}
}

func (o Options) withDefaults() Options {
	if len(o.Extensions) == 0 {
		o.Extensions = DefaultExtensions
	}
	if o.MinSavings == 0 {
		o.MinSavings = DefaultMinSavings
	}
	if o.BrotliQuality == 0 {
		o.BrotliQuality = DefaultBrotliQuality
	}
	if o.LargeBrotliQuality == 0 {
		o.LargeBrotliQuality = DefaultLargeBrotliQuality
	}
	if o.LargeSize == 0 {
		o.LargeSize = DefaultLargeSize
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

func (o Options) validate() error {
	for _, q := range []int{o.BrotliQuality, o.LargeBrotliQuality} {
		if q < brotli.BestSpeed || q > brotli.BestCompression {
			return fmt.Errorf("brotli quality %d out of range %d-%d", q, brotli.BestSpeed, brotli.BestCompression)
		}
	}
	if o.MinSavings >= 1 {
		return fmt.Errorf("min savings %g must be below 1", o.MinSavings)
	}
	return nil
}

func (o Options) brotliQuality(size int64) int {
	if size > o.LargeSize {
		return o.LargeBrotliQuality
	}
	return o.BrotliQuality
}

// compressible reports whether name has one of the configured extensions.
func (o Options) compressible(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return slices.Contains(o.Extensions, ext)
}

// File reports the sizes of one asset and its twins.
type File struct {
	// Path is the asset's slash-separated path relative to the root.
	Path string
	// Raw is the asset's size in bytes.
	Raw int64
	// Gzip is the size of the .gz twin, or 0 when there is none.
	Gzip int64
	// Brotli is the size of the .br twin, or 0 when there is none.
	Brotli int64
	// Written reports whether at least one twin was (re)written by this run;
	// false means the twins were already up to date or not worth writing.
	Written bool
}

// String formats the sizes of f on one line.
func (f File) String() string {
	return fmt.Sprintf("%s: raw %s, gzip %s, brotli %s", f.Path, size(f.Raw, 0), size(f.Gzip, f.Raw), size(f.Brotli, f.Raw))
}

func size(n, raw int64) string {
	if n == 0 && raw > 0 {
		return "-"
	}
	s := fmt.Sprintf("%d B", n)
	switch {
	case n >= 1<<20:
		s = fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		s = fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	if raw > 0 {
		s += fmt.Sprintf(" (%.1f%%)", 100*float64(n)/float64(raw))
	}
	return s
}

// Stats summarises a Dir run.
type Stats struct {
	// Files lists every compressible asset found, sorted by Path.
	Files []File
	// Written counts the twins written by this run.
	Written int
	// Removed counts stale twins removed because they no longer saved
	// enough.
	Removed int
}

// Lookup returns the entry for the slash-separated path rel, relative to the
// root.
func (s Stats) Lookup(rel string) (File, bool) {
	i, ok := slices.BinarySearchFunc(s.Files, rel, func(f File, p string) int { return strings.Compare(f.Path, p) })
	if !ok {
		return File{}, false
	}
	return s.Files[i], true
}

// Dir writes .br and .gz twins beside every compressible file under root
// (recursively), skipping files that already are twins, hidden files and
// folders, and symbolic links below root. A twin is rewritten only when its
// modification time differs from the source's (twins get the source's time)
// or when opt.Force is set. A twin that would not save opt.MinSavings is not
// written, and a stale one is removed.
func Dir(root string, opt Options) (Stats, error) {
	opt = opt.withDefaults()
	if err := opt.validate(); err != nil {
		return Stats{}, err
	}
	// WalkDir does not follow symbolic links, not even the root: resolve
	// it, so that a web/ linked elsewhere is still compressed.
	if resolved, err := filepath.EvalSymlinks(root); err == nil {
		root = resolved
	}
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || isTwin(p) || !opt.compressible(p) {
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("walk %s: %w", root, err)
	}

	type result struct {
		file    File
		written int
		removed int
		err     error
	}
	results := make([]result, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(opt.Workers, max(len(paths), 1)) {
		wg.Go(func() {
			for i := range jobs {
				f, w, r, err := compressFile(paths[i], opt)
				results[i] = result{file: f, written: w, removed: r, err: err}
			}
		})
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var st Stats
	var errs []error
	for i, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		rel, err := filepath.Rel(root, paths[i])
		if err != nil {
			errs = append(errs, fmt.Errorf("relative path of %s: %w", paths[i], err))
			continue
		}
		r.file.Path = filepath.ToSlash(rel)
		st.Files = append(st.Files, r.file)
		st.Written += r.written
		st.Removed += r.removed
	}
	slices.SortFunc(st.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return st, errors.Join(errs...)
}

// isTwin reports whether name is itself a compressed twin.
func isTwin(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// codec is one kind of twin.
type codec struct {
	ext      string
	compress func(data []byte, opt Options) ([]byte, error)
}

var codecs = []codec{
	{ext: ".gz", compress: func(data []byte, _ Options) ([]byte, error) { return Gzip(data) }},
	{ext: ".br", compress: func(data []byte, opt Options) ([]byte, error) {
		return Brotli(data, opt.brotliQuality(int64(len(data))))
	}},
}

// compressFile brings the twins of src up to date. It returns the sizes, the
// number of twins written and the number removed.
func compressFile(src string, opt Options) (File, int, int, error) {
	info, err := os.Stat(src)
	if err != nil {
		return File{}, 0, 0, fmt.Errorf("stat %s: %w", src, err)
	}
	f := File{Raw: info.Size()}
	sizes := [2]*int64{&f.Gzip, &f.Brotli}

	var stale []int
	for i, c := range codecs {
		ti, err := os.Stat(src + c.ext)
		switch {
		case err == nil && !opt.Force && ti.Mode().IsRegular() && ti.ModTime().Equal(info.ModTime()):
			*sizes[i] = ti.Size()
		case err == nil || errors.Is(err, fs.ErrNotExist):
			stale = append(stale, i)
		default:
			return File{}, 0, 0, fmt.Errorf("stat %s: %w", src+c.ext, err)
		}
	}
	if len(stale) == 0 {
		return f, 0, 0, nil
	}

	data, err := os.ReadFile(src)
	if err != nil {
		return File{}, 0, 0, fmt.Errorf("read %s: %w", src, err)
	}
	// Compress the stale twins concurrently: brotli of a large WASM takes
	// about as long as gzip, so this halves the wall time on two cores.
	outs := make([][]byte, len(codecs))
	errs := make([]error, len(codecs))
	var wg sync.WaitGroup
	for _, i := range stale {
		wg.Go(func() { outs[i], errs[i] = codecs[i].compress(data, opt) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return File{}, 0, 0, fmt.Errorf("compress %s: %w", src, err)
	}

	written, removed := 0, 0
	for _, i := range stale {
		dst := src + codecs[i].ext
		if !worthIt(len(outs[i]), len(data), opt.MinSavings) {
			err := os.Remove(dst)
			switch {
			case err == nil:
				removed++
			case !errors.Is(err, fs.ErrNotExist):
				return File{}, 0, 0, fmt.Errorf("remove stale %s: %w", dst, err)
			}
			*sizes[i] = 0
			continue
		}
		if err := writeAtomic(dst, outs[i], info); err != nil {
			return File{}, 0, 0, err
		}
		*sizes[i] = int64(len(outs[i]))
		written++
	}
	f.Written = written > 0
	return f, written, removed, nil
}

// worthIt reports whether a compressed size saves at least minSavings of raw.
func worthIt(compressed, raw int, minSavings float64) bool {
	if raw == 0 {
		return false
	}
	return float64(compressed) <= float64(raw)*(1-minSavings)
}

// writeAtomic writes data to dst through a hidden temporary file in the same
// folder, then gives it src's permissions and modification time and renames
// it into place, so a running server never sees a partial twin.
func writeAtomic(dst string, data []byte, src fs.FileInfo) (err error) {
	dir, base := filepath.Split(dst)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temporary file for %s: %w", dst, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", tmp.Name(), err)
	}
	if err := tmp.Chmod(src.Mode().Perm()); err != nil {
		return fmt.Errorf("chmod %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err := os.Chtimes(tmp.Name(), src.ModTime(), src.ModTime()); err != nil {
		return fmt.Errorf("set time of %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("rename %s: %w", tmp.Name(), err)
	}
	return nil
}

// Gzip compresses data with gzip at best compression, with a header that
// holds neither a name nor a time, so equal input gives equal output.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("gzip writer: %w", err)
	}
	if err := writeClose(w, data); err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return b.Bytes(), nil
}

// Brotli compresses data with brotli at the given quality (0-11).
func Brotli(data []byte, quality int) ([]byte, error) {
	if quality < brotli.BestSpeed || quality > brotli.BestCompression {
		return nil, fmt.Errorf("brotli quality %d out of range %d-%d", quality, brotli.BestSpeed, brotli.BestCompression)
	}
	var b bytes.Buffer
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: quality})
	if err := writeClose(w, data); err != nil {
		return nil, fmt.Errorf("brotli: %w", err)
	}
	return b.Bytes(), nil
}

func writeClose(w io.WriteCloser, data []byte) error {
	if _, err := w.Write(data); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}

// Sizes returns the gzip and brotli sizes of data, compressed as Dir would
// with opt (the zero Options gives the defaults), for size reports.
func Sizes(data []byte, opt Options) (gz, br int, err error) {
	g, b, err := both(data, opt)
	return len(g), len(b), err
}

// Twins returns the gzip and brotli forms of data, compressed as Dir would
// with opt, each nil when it would not save opt.MinSavings: the twins of a
// file that is written rather than found (a static export's pages).
func Twins(data []byte, opt Options) (gz, br []byte, err error) {
	g, b, err := both(data, opt)
	if err != nil {
		return nil, nil, err
	}
	opt = opt.withDefaults()
	if worthIt(len(g), len(data), opt.MinSavings) {
		gz = g
	}
	if worthIt(len(b), len(data), opt.MinSavings) {
		br = b
	}
	return gz, br, nil
}

// both compresses data with gzip and brotli at once, as opt says.
func both(data []byte, opt Options) (gz, br []byte, err error) {
	opt = opt.withDefaults()
	if err := opt.validate(); err != nil {
		return nil, nil, err
	}
	var gErr, bErr error
	var wg sync.WaitGroup
	wg.Go(func() { gz, gErr = Gzip(data) })
	wg.Go(func() { br, bErr = Brotli(data, opt.brotliQuality(int64(len(data)))) })
	wg.Wait()
	if err := errors.Join(gErr, bErr); err != nil {
		return nil, nil, err
	}
	return gz, br, nil
}
