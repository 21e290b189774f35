//go:build !wasm

package precompress

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// text returns n bytes of compressible text.
func text(n int) []byte {
	line := []byte("func (p *Pattern) Render() app.UI { return nil }\n")
	return bytes.Repeat(line, n/len(line)+1)[:n]
}

// noise returns n bytes that do not compress.
func noise(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, root, rel string, data []byte) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

func TestDir(t *testing.T) {
	root := t.TempDir()
	write(t, root, "app.wasm", text(20000))
	write(t, root, "css/site.css", text(4000))
	write(t, root, "index.html", text(3000))
	write(t, root, "random.js", noise(t, 4000))
	write(t, root, "logo.png", text(4000))
	write(t, root, "old.js.gz", text(4000))
	write(t, root, ".hidden/secret.js", text(4000))
	write(t, root, ".dot.js", text(4000))
	write(t, root, "empty.txt", nil)

	st, err := Dir(root, Options{})
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name    string
		file    string
		listed  bool
		gz, br  bool
		wantRaw int64
	}{
		{name: "wasm", file: "app.wasm", listed: true, gz: true, br: true, wantRaw: 20000},
		{name: "nested css", file: "css/site.css", listed: true, gz: true, br: true, wantRaw: 4000},
		{name: "html", file: "index.html", listed: true, gz: true, br: true, wantRaw: 3000},
		{name: "incompressible", file: "random.js", listed: true, wantRaw: 4000},
		{name: "not a compressible type", file: "logo.png"},
		{name: "existing twin", file: "old.js.gz"},
		{name: "hidden folder", file: ".hidden/secret.js"},
		{name: "hidden file", file: ".dot.js"},
		{name: "empty", file: "empty.txt", listed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(root, filepath.FromSlash(tt.file))
			if got := exists(p + ".gz"); got != tt.gz {
				t.Errorf("gz twin exists = %v, want %v", got, tt.gz)
			}
			if got := exists(p + ".br"); got != tt.br {
				t.Errorf("br twin exists = %v, want %v", got, tt.br)
			}
			f, ok := st.Lookup(tt.file)
			if ok != tt.listed {
				t.Fatalf("listed = %v, want %v", ok, tt.listed)
			}
			if !ok {
				return
			}
			if f.Raw != tt.wantRaw {
				t.Errorf("raw = %d, want %d", f.Raw, tt.wantRaw)
			}
			if got, want := f.Gzip > 0, tt.gz; got != want {
				t.Errorf("gzip size %d, want twin %v", f.Gzip, want)
			}
			if got, want := f.Brotli > 0, tt.br; got != want {
				t.Errorf("brotli size %d, want twin %v", f.Brotli, want)
			}
		})
	}
	if got, want := st.Written, 6; got != want {
		t.Errorf("written = %d, want %d", got, want)
	}
}

func TestDirRoundTrip(t *testing.T) {
	root := t.TempDir()
	data := text(10000)
	p := write(t, root, "app.js", data)
	if _, err := Dir(root, Options{}); err != nil {
		t.Fatal(err)
	}
	gz, err := os.Open(p + ".gz")
	if err != nil {
		t.Fatal(err)
	}
	defer gz.Close()
	zr, err := gzip.NewReader(gz)
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("gzip header name %q time %v, want neither", zr.Name, zr.ModTime)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Error("gzip twin does not decompress to the source")
	}

	br, err := os.Open(p + ".br")
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	got, err = io.ReadAll(brotli.NewReader(br))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Error("brotli twin does not decompress to the source")
	}
}

func TestDirDeterministic(t *testing.T) {
	var outs [2][]byte
	for i := range outs {
		root := t.TempDir()
		p := write(t, root, "app.js", text(10000))
		// Different times must not change the bytes.
		mt := time.Date(2020+i, 1, 1, 0, 0, 0, 0, time.UTC)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
		if _, err := Dir(root, Options{}); err != nil {
			t.Fatal(err)
		}
		gz, err := os.ReadFile(p + ".gz")
		if err != nil {
			t.Fatal(err)
		}
		br, err := os.ReadFile(p + ".br")
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = append(gz, br...)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("output differs between runs")
	}
}

func TestDirIncremental(t *testing.T) {
	root := t.TempDir()
	p := write(t, root, "app.js", text(10000))
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		name        string
		change      func(t *testing.T)
		opt         Options
		wantWritten int
		wantRemoved int
		wantGz      bool
	}{
		{name: "first build", change: func(*testing.T) {}, wantWritten: 2, wantGz: true},
		{name: "nothing changed", change: func(*testing.T) {}, wantWritten: 0, wantGz: true},
		{name: "forced", change: func(*testing.T) {}, opt: Options{Force: true}, wantWritten: 2, wantGz: true},
		{name: "source rewritten", change: func(t *testing.T) {
			write(t, root, "app.js", text(12000))
		}, wantWritten: 2, wantGz: true},
		{name: "twin deleted", change: func(t *testing.T) {
			if err := os.Remove(p + ".gz"); err != nil {
				t.Fatal(err)
			}
		}, wantWritten: 1, wantGz: true},
		{name: "source became incompressible", change: func(t *testing.T) {
			write(t, root, "app.js", noise(t, 12000))
		}, wantWritten: 0, wantRemoved: 2, wantGz: false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.change(t)
			st, err := Dir(root, s.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := st.Written, s.wantWritten; got != want {
				t.Errorf("written = %d, want %d", got, want)
			}
			if got, want := st.Removed, s.wantRemoved; got != want {
				t.Errorf("removed = %d, want %d", got, want)
			}
			if got, want := exists(p+".gz"), s.wantGz; got != want {
				t.Errorf("gz exists = %v, want %v", got, want)
			}
			src, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, ext := range []string{".gz", ".br"} {
				ti, err := os.Stat(p + ext)
				if err != nil {
					continue
				}
				if !ti.ModTime().Equal(src.ModTime()) {
					t.Errorf("%s time %v, want source time %v", ext, ti.ModTime(), src.ModTime())
				}
			}
			entries, err := os.ReadDir(root)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("temporary file %s left behind", e.Name())
				}
			}
		})
	}
}

func TestOptionsValidation(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{name: "quality too high", opt: Options{BrotliQuality: 12}},
		{name: "large quality negative", opt: Options{LargeBrotliQuality: -1}},
		{name: "savings of 100%", opt: Options{MinSavings: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Dir(t.TempDir(), tt.opt); err == nil {
				t.Error("Dir: got nil error, want one")
			}
			if _, _, err := Sizes([]byte("x"), tt.opt); err == nil {
				t.Error("Sizes: got nil error, want one")
			}
		})
	}
}

func TestDirMissingRoot(t *testing.T) {
	_, err := Dir(filepath.Join(t.TempDir(), "nope"), Options{})
	if err == nil {
		t.Fatal("got nil error, want one")
	}
	if !strings.Contains(err.Error(), "walk ") {
		t.Errorf("error %q does not say what failed", err)
	}
}

func TestSizes(t *testing.T) {
	data := text(50000)
	gz, br, err := Sizes(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if gz <= 0 || gz >= len(data) {
		t.Errorf("gzip size %d, want between 0 and %d", gz, len(data))
	}
	if br <= 0 || br > gz {
		t.Errorf("brotli size %d, want between 0 and gzip's %d", br, gz)
	}
}

func TestFileString(t *testing.T) {
	tests := []struct {
		name string
		f    File
		want string
	}{
		{name: "both twins", f: File{Path: "app.wasm", Raw: 8 << 20, Gzip: 2 << 20, Brotli: 1 << 20},
			want: "app.wasm: raw 8.00 MiB, gzip 2.00 MiB (25.0%), brotli 1.00 MiB (12.5%)"},
		{name: "no twins", f: File{Path: "a.js", Raw: 100},
			want: "a.js: raw 100 B, gzip -, brotli -"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDirSymlinkedRoot(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	p := write(t, real, "app.js", text(10000))
	link := filepath.Join(base, "web")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	st, err := Dir(link, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.Lookup("app.js"); !ok {
		t.Errorf("app.js not listed: %+v", st.Files)
	}
	if !exists(p + ".br") {
		t.Error("no .br twin written through the symlinked root")
	}
}
