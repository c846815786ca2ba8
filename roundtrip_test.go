package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRoundTripsTmux replays, in the real binary, the key sequences that
// once crashed the list or left it without a selection: filter, open,
// back; bookmarks only; sorting. After every round trip the list must be
// drawn with an article selected, and no panic may be printed. It runs on
// the shared corpus when it is beside the checkout (as a reader would use
// it), and on a library it writes otherwise.
func TestRoundTripsTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed: skipping (.ci/run installs it)")
	}
	lib, queries := "../shared/corpus", []string{"bong da", "covid"}
	if _, err := os.Stat(lib); err != nil {
		lib, queries = writeLibrary(t, 400), []string{"bong da", "gia vang"}
	}
	bin := buildBinary(t)
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "TERM=xterm-256color "+bin+" --no-state "+lib+" 2>&1; echo BAO-EXITED-$?; sleep 30")
	defer exec.Command("tmux", "-S", x.socket, "kill-server").Run()
	x.waitFor("articles · by")
	x.waitGone("loading")

	selected := func(step string) {
		t.Helper()
		s := x.screen()
		if strings.Contains(s, "panic") || strings.Contains(s, "BAO-EXITED") {
			t.Fatalf("%s: bao ended:\n%s", step, s)
		}
		if !strings.Contains(s, "│") {
			t.Fatalf("%s: no article selected:\n%s", step, s)
		}
	}
	for _, q := range queries {
		for _, back := range []string{"q", "Escape"} {
			x.keys("/")
			x.keys("-l", q)
			x.keys("Enter")
			x.waitFor("“" + q + "”")
			x.keys("Enter")
			x.waitFor("min read")
			x.keys(back)
			x.waitFor("“" + q + "”")
			selected(fmt.Sprintf("filter %q, open, %s", q, back))
			x.keys("Escape") // clear the filter
			x.waitGone("“" + q + "”")
		}
	}
	// Bookmarks only, from far down the list.
	x.keys("G")
	for range 40 {
		x.keys("k")
	}
	x.keys("f", "j", "j", "f", "B")
	x.waitFor("bookmarks only")
	selected("bookmarks only")
	x.keys("Enter")
	x.waitFor("min read")
	x.keys("q")
	x.waitFor("bookmarks only")
	selected("bookmarks only, open, back")
	x.keys("B", "s")
	x.waitFor("by title")
	x.keys("j", "j", "Enter")
	x.waitFor("min read")
	x.keys("q")
	x.waitFor("by title")
	selected("sorted, open, back")
	x.keys("q")
	x.waitFor("BAO-EXITED-0")
}

// writeLibrary writes n short articles into a temporary directory; every
// sixth is about football and every sixth about the price of gold.
func writeLibrary(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	topics := []string{"Bóng đá Hà Nội thắng", "Giá vàng hôm nay", "Đường sắt cao tốc", "Chợ nổi miền Tây", "Thời tiết Quảng Bình", "Lễ hội mùa xuân"}
	for i := range n {
		text := fmt.Sprintf("%s, bài %03d\n\nNgày %d/4, tin số %d.\nPhần một\nĐoạn văn của bài.\n", topics[i%len(topics)], i, i%28+1, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
