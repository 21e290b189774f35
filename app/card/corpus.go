package card

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/devrel-patterns/explorer/app/corpus"
	"github.com/devrel-patterns/explorer/app/graph"
)

// Dir is the folder of the share cards under the folder that holds web/;
// every file in it is made by Write.
const Dir = "web/cards"

// inputsFile, in Dir, records what each card was drawn from, so that a
// build redraws only the cards whose input changed. It is a dotfile: the
// server and the export leave it out.
const inputsFile = ".inputs"

// Of returns the share cards of a corpus by app path: one per pattern
// (corpus.CardPath) and the site's own (corpus.SiteCardPath).
func Of(c *corpus.Corpus) map[string]Card {
	cards := map[string]Card{}
	for _, i := range c.Patterns() {
		d := &c.Docs[i]
		cards[corpus.CardPath(d.Slug)] = Card{Title: d.Title, Blocks: blocks(c, d.Blocks), Text: sentence(d), Site: c.Site.Name}
	}
	text := fmt.Sprintf("A pattern language of %d patterns.", len(c.Patterns()))
	if i := c.Introduction(); i >= 0 && c.Docs[i].Description != "" {
		text = c.Docs[i].Description
	}
	cards[corpus.SiteCardPath] = Card{Title: c.Site.Name, Blocks: blocks(c, c.Blocks), Text: text, Site: c.Site.Name}
	return cards
}

// sentence is what a pattern's card says: its summary, else its problem,
// else its description.
func sentence(d *corpus.Doc) string {
	if d.SummaryText != "" {
		return d.SummaryText
	}
	for _, s := range d.Sections {
		if s.Kind == corpus.SectionProblem && s.Text != "" {
			return s.Text
		}
	}
	return d.Description
}

// blocks are building blocks with their colours in the app's palette.
func blocks(c *corpus.Corpus, names []string) []Block {
	palette := graph.Palette()
	out := make([]Block, 0, len(names))
	for _, n := range names {
		col := color.RGBA{0x55, 0x62, 0x6d, 0xff}
		if i := graph.BlockIndex(c, n); i >= 0 {
			col = hexColour(palette[i%graph.PaletteSize].Light)
		}
		out = append(out, Block{Name: n, Colour: col})
	}
	return out
}

// hexColour reads "#rrggbb".
func hexColour(s string) color.RGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		return color.RGBA{A: 0xff}
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// Write draws the share cards of a corpus into Dir under root, the folder
// that holds web/, and removes the cards of patterns that are gone. A
// card whose input is the one it was last drawn from, and whose file is
// still there, is not drawn again. It returns how many it drew.
func Write(c *corpus.Corpus, root string) (int, error) {
	cards := Of(c)
	dir := filepath.Join(root, filepath.FromSlash(Dir))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("share cards: %w", err)
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return 0, fmt.Errorf("share cards: %w", err)
	}
	defer r.Close()
	old := map[string]string{}
	if b, err := r.ReadFile(inputsFile); err == nil {
		_ = json.Unmarshal(b, &old) // a damaged record redraws every card
	}
	inputs := map[string]string{}
	var todo []string
	for p, cd := range cards {
		name := strings.TrimPrefix(p, "/"+Dir+"/")
		inputs[name] = inputHash(cd)
		if _, err := r.Stat(name); err != nil || old[name] != inputs[name] {
			todo = append(todo, name)
		}
	}
	sort.Strings(todo)
	if err := drawAll(r, todo, func(name string) Card { return cards["/"+Dir+"/"+name] }); err != nil {
		return 0, err
	}
	if err := prune(r, inputs); err != nil {
		return 0, err
	}
	b, err := json.MarshalIndent(inputs, "", " ")
	if err != nil {
		return 0, fmt.Errorf("share cards: %w", err)
	}
	if err := r.WriteFile(inputsFile, b, 0o644); err != nil {
		return 0, fmt.Errorf("share cards: %w", err)
	}
	return len(todo), nil
}

// drawAll draws the named cards into r, on as many goroutines as there are
// processors.
func drawAll(r *os.Root, names []string, cardOf func(string) Card) error {
	d, err := NewDrawer()
	if err != nil {
		return fmt.Errorf("share cards: %w", err)
	}
	work := make(chan string)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range work {
				if errs[w] != nil {
					continue
				}
				errs[w] = drawOne(r, d, name, cardOf(name))
			}
		}()
	}
	for _, n := range names {
		work <- n
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

// drawOne draws one card into r.
func drawOne(r *os.Root, d *Drawer, name string, cd Card) error {
	png, err := d.PNG(cd)
	if err != nil {
		return fmt.Errorf("share card %s: %w", name, err)
	}
	if dir := path.Dir(name); dir != "." {
		if err := r.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("share card %s: %w", name, err)
		}
	}
	if err := r.WriteFile(name, png, 0o644); err != nil {
		return fmt.Errorf("share card %s: %w", name, err)
	}
	return nil
}

// prune removes the regular files under r that are no card of keep.
func prune(r *os.Root, keep map[string]string) error {
	var gone []string
	err := fs.WalkDir(r.FS(), ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.Type().IsRegular() && p != inputsFile {
			if _, ok := keep[p]; !ok {
				gone = append(gone, p)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("share cards: %w", err)
	}
	for _, p := range gone {
		if err := r.Remove(p); err != nil {
			return fmt.Errorf("share cards: %w", err)
		}
	}
	return nil
}

// inputHash names what a card is drawn from.
func inputHash(c Card) string {
	b, _ := json.Marshal(c) // a Card always encodes
	sum := sha256.Sum256(append([]byte("card v1\n"), b...))
	return hex.EncodeToString(sum[:12])
}
