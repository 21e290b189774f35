package booth

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qrcode "github.com/skip2/go-qrcode"
)

// gridFromPath rebuilds the module grid of an n×n code from PathData.
func gridFromPath(t *testing.T, d string, n int) [][]bool {
	t.Helper()
	grid := make([][]bool, n)
	for y := range grid {
		grid[y] = make([]bool, n)
	}
	runs := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`).FindAllStringSubmatch(d, -1)
	if total := len(strings.Join(regexp.MustCompile(`M\d+ \d+h\d+v1h-\d+z`).FindAllString(d, -1), "")); total != len(d) {
		t.Fatalf("path has %d characters that are not runs", len(d)-total)
	}
	for _, r := range runs {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		if r[3] != r[4] || y >= n || x+w > n {
			t.Fatalf("bad run %q in a %d-module code", r[0], n)
		}
		for i := x; i < x+w; i++ {
			grid[y][i] = true
		}
	}
	return grid
}

func sameGrid(a, b [][]bool) error {
	if len(a) != len(b) {
		return fmt.Errorf("%d rows, want %d", len(a), len(b))
	}
	for y := range a {
		if len(a[y]) != len(b[y]) {
			return fmt.Errorf("row %d: %d modules, want %d", y, len(a[y]), len(b[y]))
		}
		for x := range a[y] {
			if a[y][x] != b[y][x] {
				return fmt.Errorf("module (%d,%d) = %v, want %v", x, y, a[y][x], b[y][x])
			}
		}
	}
	return nil
}

func TestModulesHaveQuietZoneAndFinders(t *testing.T) {
	for _, text := range []string{
		"http://127.0.0.1:8000/patterns/booth",
		"https://patterns.example.org/explorer/patterns/user-group-network",
		"http://192.168.1.20:8000/patterns/conference-session",
	} {
		bm, err := Modules(text)
		if err != nil {
			t.Fatalf("Modules(%q): %v", text, err)
		}
		n := len(bm)
		symbol := n - 2*QuietZone
		if symbol < 21 || (symbol-21)%4 != 0 {
			t.Fatalf("%q: %d modules with the quiet zone, so a symbol of %d: not 21+4k", text, n, symbol)
		}
		for y := range bm {
			for x := range bm[y] {
				inQuiet := x < QuietZone || y < QuietZone || x >= n-QuietZone || y >= n-QuietZone
				if inQuiet && bm[y][x] {
					t.Fatalf("%q: dark module (%d,%d) in the quiet zone", text, x, y)
				}
			}
		}
		// The three finder patterns: a dark 7×7 ring in each corner but
		// the bottom right.
		for _, c := range [][2]int{{QuietZone, QuietZone}, {n - QuietZone - 7, QuietZone}, {QuietZone, n - QuietZone - 7}} {
			for i := 0; i < 7; i++ {
				for _, p := range [][2]int{{c[0] + i, c[1]}, {c[0] + i, c[1] + 6}, {c[0], c[1] + i}, {c[0] + 6, c[1] + i}} {
					if !bm[p[1]][p[0]] {
						t.Fatalf("%q: finder at %v has a light module at %v", text, c, p)
					}
				}
			}
		}
	}
}

func TestModulesMatchGoQRCode(t *testing.T) {
	text := "http://10.0.0.5:8000/patterns/swag"
	bm, err := Modules(text)
	if err != nil {
		t.Fatal(err)
	}
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		t.Fatal(err)
	}
	if err := sameGrid(bm, q.Bitmap()); err != nil {
		t.Fatal(err)
	}
}

func TestModulesErrors(t *testing.T) {
	if _, err := Modules(""); err == nil {
		t.Error("Modules(\"\") gave no error")
	}
	if _, err := Modules(strings.Repeat("x", 5000)); err == nil {
		t.Error("Modules of 5000 bytes gave no error")
	}
}

func TestPathDataRoundTrip(t *testing.T) {
	bm, err := Modules("http://localhost:8000/patterns/ambassadors")
	if err != nil {
		t.Fatal(err)
	}
	d := PathData(bm)
	if err := sameGrid(gridFromPath(t, d, len(bm)), bm); err != nil {
		t.Fatal(err)
	}
	if got := PathData([][]bool{{false, true, true}, {true, false, true}}); got != "M1 0h2v1h-2zM0 1h1v1h-1zM2 1h1v1h-1z" {
		t.Errorf("PathData = %q", got)
	}
	if got := PathData(nil); got != "" {
		t.Errorf("PathData(nil) = %q", got)
	}
}
