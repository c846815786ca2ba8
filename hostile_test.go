package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// hostileArticle carries, in its title, byline, body and caption, the
// escape sequences a scraped page can smuggle into text: OSC 0 (window
// title), OSC 8 (hyperlink), OSC 52 (clipboard write), CSI 2J (clear
// screen), SGR blink, the 8-bit CSI U+009B, BEL and a bidi override.
const hostileArticle = "Hostile \x1b]0;pwned-title\x07title \x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\ end\u202eelif\n" +
	"\n" +
	"Eve \x1b[2JMallory\n" +
	"Chia sẻ\n" +
	"\n" +
	"Kinhtedothi - Body \x1b]52;c;ZXZpbC1jbGlwYm9hcmQ=\x07 with \x1b[5mblink\x1b[0m and \u009b2J and bell\x07 text.\n" +
	"Heading \x1b]0;pwned-heading\x07 here\n" +
	"A paragraph under the heading, long enough to be a paragraph and not a heading at all.\n" +
	" Caption \x1b]52;c;Y2FwdGlvbg==\x07 \u202eyreve\n" +
	"Last paragraph of the article, which ends here.\n"

// payloads are the texts inside the article's escape sequences: cleaning
// removes the sequences whole, so they never reach the output from article
// text. (A file name is shown, not cleaned: its controls are replaced and
// what is left is plain text.)
var payloads = []string{"pwned-title", "pwned-heading", "Y2FwdGlvbg", "evil.example"}

// checkNoControls fails when out has a control sequence that article text
// could have produced. Styling (CSI ... m without blink) is allowed when
// styled is set.
func checkNoControls(t *testing.T, where, out string, styled bool) {
	t.Helper()
	for _, p := range payloads {
		if strings.Contains(out, p) {
			t.Errorf("%s: payload %q reached the output", where, p)
		}
	}
	for _, bad := range []string{"\x07", "\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1b[2J", "\x1b[5m", "\u009b", "\u009d", "\u202e", "\u2066"} {
		if strings.Contains(out, bad) {
			t.Errorf("%s: output contains %q", where, bad)
		}
	}
	if !styled && strings.Contains(out, "\x1b") {
		t.Errorf("%s: output contains an escape sequence: %q", where, out)
	}
	for i := strings.Index(out, "\x1b["); i >= 0; i = strings.Index(out, "\x1b[") {
		out = out[i+2:]
		end := strings.IndexFunc(out, func(r rune) bool { return r >= 0x40 && r <= 0x7e })
		if end < 0 || out[end] != 'm' {
			t.Errorf("%s: a CSI sequence that is not styling: %q", where, out[:min(len(out), 12)])
			return
		}
		if sgrBlinks(out[:end]) {
			t.Errorf("%s: blinking text: %q", where, out[:end])
		}
	}
}

func writeHostile(t *testing.T) (dir string) {
	dir = t.TempDir()
	name := filepath.Join(dir, "evil\x1b]0;pwned-name\x07\u202e.txt")
	if err := os.WriteFile(name, []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file that fails to load, so its hostile name is printed as an error.
	bin := filepath.Join(dir, "bin\x1b]52;c;ZXZpbC1jbGlwYm9hcmQ=\x07.txt")
	os.WriteFile(bin, []byte("\x00binary"), 0o644)
	return dir
}

func TestHostileTextCat(t *testing.T) {
	dir := writeHostile(t)
	for _, args := range [][]string{{"cat", dir}, {"cat", "--json", dir}, {dir}} {
		var out, errOut bytes.Buffer
		if code := run(args, nil, &out, &errOut); code != 1 {
			t.Errorf("%v: exit %d, want 1 (the binary file fails)", args, code)
		}
		checkNoControls(t, strings.Join(args[:len(args)-1], " ")+" stdout", out.String(), false)
		checkNoControls(t, strings.Join(args[:len(args)-1], " ")+" stderr", errOut.String(), false)
		for _, want := range []string{"Hostile", "title", "Mallory", "Heading", "blink", "Caption"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%v: the article's text %q is missing: %s", args, want, out.String())
			}
		}
	}
}

// checkPane checks what tmux made of the reader's output: no window title,
// clipboard buffer or hyperlink from the article, no payload on screen, and
// no blinking cells.
func checkPane(t *testing.T, x tmux, where string) {
	t.Helper()
	if title := x.run("display-message", "-p", "-t", "bao", "#{pane_title}"); strings.Contains(title, "pwned") {
		t.Errorf("%s: the article set the window title: %q", where, title)
	}
	if out, err := exec.Command("tmux", "-S", x.socket, "show-buffer").CombinedOutput(); err == nil && strings.Contains(string(out), "evil") {
		t.Errorf("%s: the article wrote the clipboard: %q", where, out)
	}
	styled := x.run("capture-pane", "-p", "-e", "-t", "bao")
	checkNoControls(t, where+" screen", styled, true)
}

// TestHostileTextTUI reads the hostile article in the real binary.
func TestHostileTextTUI(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	dir := writeHostile(t)
	bin := buildBinary(t)
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "TERM=xterm-256color XDG_STATE_HOME="+t.TempDir()+" "+bin+" '"+dir+"'; sleep 30")
	defer exec.Command("tmux", "-S", x.socket, "kill-server").Run()
	x.run("set-option", "-g", "set-clipboard", "on")
	x.waitFor("1 failed to load")
	checkPane(t, x, "list")
	x.keys("Enter")
	x.waitFor("Mallory")
	checkPane(t, x, "reader")
	x.keys("]")
	x.waitFor("§ Heading")
	checkPane(t, x, "reader at the heading")
	x.keys("q")
	x.waitFor("1 failed to load")
	x.keys("e")
	x.waitFor("could not be read")
	checkPane(t, x, "errors")
}

// TestHostileTextSSH reads the hostile article over SSH with OpenSSH.
func TestHostileTextSSH(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	dir := writeHostile(t)
	bin := buildBinary(t)
	_, port, logs := startServe(t, bin, "--no-state", dir)
	x := sshInTmux(t, port)
	x.run("set-option", "-g", "set-clipboard", "on")
	x.waitFor("1 failed to load")
	x.keys("Enter")
	x.waitFor("Mallory")
	checkPane(t, x, "ssh reader")
	x.keys("]")
	x.waitFor("§ Heading")
	checkPane(t, x, "ssh reader at the heading")
	checkNoControls(t, "server log", logs.String(), false)
}

// sgrBlinks reports whether SGR parameters turn blinking on, skipping the
// colour arguments of 38, 48 and 58 (5;N or 2;R;G;B).
func sgrBlinks(params string) bool {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		switch ps[i] {
		case "38", "48", "58":
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		case "5", "6":
			return true
		}
	}
	return false
}
