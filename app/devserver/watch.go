//go:build !wasm

package devserver

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long a folder must stay quiet after a change before it
// is acted on: an editor's save is often several events (a temporary
// file, a rename, a chmod), and a checkout is hundreds.
const settle = 20 * time.Millisecond

// treeWatch watches folders, subfolders included, for changes of the
// files it keeps.
type treeWatch struct {
	w       *fsnotify.Watcher
	keep    func(path string) bool
	changed func()
}

// watchTrees starts watching the folders roots — files written, created,
// renamed or removed, in subfolders too, including subfolders made later —
// whose path keep accepts; run calls changed after them. Watching starts before it returns, so no change
// made after it returns is missed, however late run is called.
func watchTrees(roots []string, keep func(path string) bool, changed func()) (*treeWatch, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	for _, root := range roots {
		if err := addTree(w, root); err != nil {
			w.Close()
			return nil, err
		}
	}
	return &treeWatch{w: w, keep: keep, changed: changed}, nil
}

// run calls changed, never twice at once, after every burst of changes.
// It returns, closing the watch, when ctx is done, or with the watcher's
// error.
func (t *treeWatch) run(ctx context.Context, logger *slog.Logger) error {
	w := t.w
	defer w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			// An overflow loses events, not the watch: look again.
			logger.Warn("watch", "err", err)
			timer.Reset(settle)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := addTree(w, ev.Name); err != nil {
						logger.Warn("watch", "err", err)
					}
					timer.Reset(settle)
					continue
				}
			}
			if ev.Op == fsnotify.Chmod || !t.keep(ev.Name) {
				continue
			}
			timer.Reset(settle)
		case <-timer.C:
			t.changed()
		}
	}
}

// addTree watches a folder and every folder below it.
func addTree(w *fsnotify.Watcher, root string) error {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p != root {
				return nil // gone while we walked
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		return w.Add(p)
	})
	if err != nil {
		return fmt.Errorf("watch %s: %w", root, err)
	}
	return nil
}
