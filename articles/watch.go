package articles

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reports changes to the article files under dirs, and their
// subdirectories as they appear: each batch holds the paths created,
// written, renamed or removed, gathered until quiet has passed without
// another. Hidden files (a save in progress) are not reported; the rename
// that finishes a save is. The channel closes when ctx ends.
func Watch(ctx context.Context, dirs []string, quiet time.Duration) (<-chan []string, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if err := addTree(w, d); err != nil {
			w.Close()
			return nil, err
		}
	}
	out := make(chan []string)
	go func() {
		defer close(out)
		defer w.Close()
		pending := map[string]bool{}
		timer := time.NewTimer(time.Hour)
		timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				name := filepath.Base(ev.Name)
				if strings.HasPrefix(name, ".") {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
						addTree(w, ev.Name)
						// Files written into it before the watch began.
						filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
							if err == nil && !d.IsDir() && isArticleName(d.Name()) {
								pending[p] = true
							}
							return nil
						})
						timer.Reset(quiet)
						continue
					}
				}
				if isArticleName(name) && !ev.Has(fsnotify.Chmod) {
					pending[ev.Name] = true
					timer.Reset(quiet)
				}
			case <-w.Errors:
				// A lost event (an overflowing queue) is not fatal: the
				// next change is still reported.
			case <-timer.C:
				if len(pending) == 0 {
					continue
				}
				batch := make([]string, 0, len(pending))
				for p := range pending {
					batch = append(batch, p)
				}
				clear(pending)
				select {
				case out <- batch:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out, nil
}

// addTree watches dir and its subdirectories, skipping hidden ones.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}
