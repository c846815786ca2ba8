package main

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMouseTmux checks, in a real terminal, that bao asks for mouse
// reports only in the list: there a click selects and a double click
// opens; in the reader the terminal keeps the mouse, so dragging selects
// text, until M asks for the wheel.
func TestMouseTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed: skipping (.ci/run installs it)")
	}
	bin := buildBinary(t)
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "TERM=xterm-256color "+bin+" --no-state; echo BAO-EXITED-$?; sleep 30")
	defer exec.Command("tmux", "-S", x.socket, "kill-server").Run()
	mouse := func() string {
		return strings.TrimSpace(x.run("display", "-p", "-t", "bao", "#{mouse_button_flag}#{mouse_any_flag}"))
	}
	s := x.waitFor("7 articles")
	if got := mouse(); got != "11" {
		t.Errorf("the list does not ask for mouse reports (tmux flags %s)", got)
	}
	// The second article's title, in 1-based SGR coordinates.
	row := -1
	for i, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "Mưa lớn kéo dài") {
			row = i + 1
		}
	}
	if row < 0 {
		t.Fatalf("the second article is not on screen:\n%s", s)
	}
	press := "\x1b[<0;10;" + strconv.Itoa(row) + "M\x1b[<0;10;" + strconv.Itoa(row) + "m"
	x.keys("-l", press)
	x.waitFor("│ ● Mưa lớn kéo dài")
	x.keys("-l", press+press)
	x.waitFor("min read")
	if got := mouse(); got != "00" {
		t.Errorf("the reader asks for mouse reports (tmux flags %s): dragging cannot select text", got)
	}
	x.keys("M")
	x.waitFor("wheel scrolls")
	if got := mouse(); got != "11" {
		t.Errorf("M in the reader did not ask for the wheel (tmux flags %s)", got)
	}
	x.keys("q")
	x.waitFor("7 articles")
	x.keys("q")
	x.waitFor("BAO-EXITED-0")
}

// TestSuspendTmux checks, in a real terminal with a shell's job control,
// that ctrl+z gives the shell back and fg returns to the article.
func TestSuspendTmux(t *testing.T) {
	for _, tool := range []string{"tmux", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	bin := buildBinary(t)
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME="+t.TempDir()+" PS1='shell$ ' bash --norc -i")
	defer exec.Command("tmux", "-S", x.socket, "kill-server").Run()
	x.waitFor("shell$")
	x.keys("-l", bin+" --no-state articles/sample/01-pho-di-bo.txt")
	x.keys("Enter")
	x.waitFor("min read")
	x.keys("C-z")
	s := x.waitFor("Stopped")
	if strings.Contains(s, "min read") {
		t.Errorf("the reader is still on screen after ctrl+z:\n%s", s)
	}
	x.keys("-l", "fg")
	x.keys("Enter")
	x.waitFor("min read")
	x.keys("q")
	x.waitFor("1 article")
	x.keys("q")
	// The shell's third prompt: bao has ended.
	for deadline := time.Now().Add(10 * time.Second); strings.Count(x.screen(), "shell$") < 3; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("bao did not end:\n%s", x.screen())
		}
	}
	x.keys("-l", "echo BAO-EXITED-$?")
	x.keys("Enter")
	x.waitFor("BAO-EXITED-0")
}
