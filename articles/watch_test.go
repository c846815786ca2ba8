package articles

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"bao/model"
)

// TestWatch writes, saves (hidden file then rename), removes and adds a
// directory, and waits for each change to be reported.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, err := Watch(ctx, []string{dir}, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	next := func(want ...string) {
		t.Helper()
		seen := map[string]bool{}
		for !allSeen(seen, want) {
			select {
			case batch := <-ch:
				for _, p := range batch {
					seen[p] = true
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("no report of %v; saw %v", want, seen)
			}
		}
	}
	plain := filepath.Join(dir, "a.txt")
	os.WriteFile(plain, []byte("Title\n\nText.\n"), 0o644)
	next(plain)
	// A save through the library: its hidden file is never reported.
	saved, err := (&Library{Dir: dir}).Save(&model.Article{Title: "Saved", Blocks: []model.Block{{Kind: model.Paragraph, Text: "Body."}}}, SaveInfo{})
	if err != nil {
		t.Fatal(err)
	}
	next(saved)
	os.Remove(plain)
	next(plain)
	sub := filepath.Join(dir, "feed")
	os.Mkdir(sub, 0o755)
	inSub := filepath.Join(sub, "b.md")
	os.WriteFile(inSub, []byte("# B\n\nText.\n"), 0o644)
	next(inSub)
	cancel()
	for range ch {
	}
}

func allSeen(seen map[string]bool, want []string) bool {
	return !slices.ContainsFunc(want, func(p string) bool { return !seen[p] })
}
