package main

import (
	"bytes"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const seedPath = "../shared/corpus/seed/000_4184514eaf17b170.txt"

func TestCatJSON(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	os.WriteFile(good, []byte("Tiêu đề\n\nVân Nhi\nChia sẻ\n\nKinhtedothi - Ngày 5/4, hội nghị diễn ra.\nMục một\nĐoạn văn đầu tiên của mục.\n Chú thích ảnh.\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	var out, errOut bytes.Buffer
	code := run([]string{"cat", "--json", good, empty, filepath.Join(dir, "missing.txt")}, nil, &out, &errOut)
	if code != 1 {
		t.Errorf("exit code %d, want 1 when an input fails", code)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not one JSON object per line: %v\n%s", err, out.String())
	}
	for _, k := range []string{"path", "title", "byline", "source", "dateline", "lead", "blocks", "sections", "dropped", "words", "minutes"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if got["source"] != "Kinhtedothi" || got["title"] != "Tiêu đề" {
		t.Errorf("source %v title %v", got["source"], got["title"])
	}
	blocks := got["blocks"].([]any)
	if k := blocks[0].(map[string]any)["kind"]; k != "heading" {
		t.Errorf("first block kind %v", k)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "bao: "+empty+": ") || !strings.Contains(lines[1], "missing.txt: no such file") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"cat", good}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "[Ảnh] Chú thích ảnh.") {
		t.Errorf("cat text: code %d\n%s%s", code, out.String(), errOut.String())
	}
}

func TestCatStdin(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"cat", "--json", "-"}, strings.NewReader("Piped title\n\nBody.\n"), &out, &errOut)
	if code != 0 || !strings.Contains(out.String(), `"title":"Piped title"`) || !strings.Contains(out.String(), `"path":"-"`) {
		t.Errorf("code %d out %s err %s", code, out.String(), errOut.String())
	}
}

func TestHostileFileNameAndText(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "evil\x1b]0;owned\x07\u202e.txt")
	os.WriteFile(name, []byte("T\x1b]52;c;eA==\x07itle \u009b2J\n\nBody \x1b[5mblink\x07.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bin\x1b[2J.txt"), []byte("a\x00b"), 0o644)
	for _, args := range [][]string{{"cat", dir}, {"cat", "--json", dir}, {dir}} {
		var out, errOut bytes.Buffer
		run(args, nil, &out, &errOut)
		for _, s := range []string{out.String(), errOut.String()} {
			if strings.ContainsAny(s, "\x1b\x07\u009b\u202e") {
				t.Errorf("%v printed a control sequence: %q", args, s)
			}
		}
		if !strings.Contains(out.String(), "Title") {
			t.Errorf("%v: article missing from output %q", args, out.String())
		}
	}
}

// TestPipeIsPlainText runs bao FILE with stdout not a terminal.
func TestPipeIsPlainText(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"articles/sample/01-pho-di-bo.txt"}, nil, &out, &errOut)
	if code != 0 || strings.Contains(out.String(), "\x1b") || !strings.Contains(out.String(), "## Ba tuyến phố được đề xuất") {
		t.Errorf("code %d, output:\n%s%s", code, out.String(), errOut.String())
	}
}

// buildBinary builds bao once for the end-to-end tests.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bao")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// tmux runs a tmux command against the test's server.
type tmux struct {
	t      *testing.T
	socket string
}

func (x tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.socket}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends keys to the session, as tmux send-keys takes them ("-l"
// first for literal text).
func (x tmux) keys(k ...string) {
	x.t.Helper()
	x.run(append([]string{"send-keys", "-t", "bao"}, k...)...)
}

func (x tmux) screen() string { return x.run("capture-pane", "-p", "-t", "bao") }

// waitFor polls the screen until it contains want.
func (x tmux) waitFor(want string) string {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var s string
	for time.Now().Before(deadline) {
		s = x.screen()
		if strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("screen never showed %q:\n%s", want, s)
	return ""
}

// shows polls the screen until it contains want, for at most d, and
// reports whether it did.
func (x tmux) shows(want string, d time.Duration) bool {
	x.t.Helper()
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(x.screen(), want) {
			return true
		}
	}
	return false
}

// waitGone polls the screen until it no longer contains text.
func (x tmux) waitGone(text string) {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if !strings.Contains(x.screen(), text) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	x.t.Fatalf("screen kept showing %q", text)
}

// topLine is the first line under the reader's header.
func topLine(screen string) string {
	lines := strings.Split(screen, "\n")
	if len(lines) < 2 {
		return ""
	}
	return strings.TrimSpace(lines[1])
}

// TestEndToEndTmux drives the real binary in tmux: open an article, jump
// sections, open the contents, go back to the list and quit.
func TestEndToEndTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed: skipping the end-to-end test (.ci/run installs it)")
	}
	file, headings := "articles/sample/01-pho-di-bo.txt", []string{"Ba tuyến phố được đề xuất", "Người dân băn khoăn về giờ cấm xe", "Sẽ tiếp thu và điều chỉnh phương án"}
	if _, err := os.Stat(seedPath); err == nil {
		file, headings = seedPath, []string{"Đã hoàn thành tốt nhiều nhiệm vụ", "Tập trung giải quyết 4 vấn đề", "Thực hiện 6 nhiệm vụ trọng tâm"}
	}
	bin := buildBinary(t)
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "printf '\\033]2;the shell\\007'; TERM=xterm-256color XDG_STATE_HOME="+t.TempDir()+" "+bin+" "+file+"; echo BAO-EXITED-$?; sleep 30")
	defer exec.Command("tmux", "-S", x.socket, "kill-server").Run()

	x.waitFor("min read")
	if title := strings.TrimSpace(x.run("display", "-p", "-t", "bao", "#{pane_title}")); !strings.HasPrefix(title, "bao") {
		t.Errorf("window title while reading: %q", title)
	}
	for _, h := range headings {
		x.keys("]")
		s := x.waitFor("§ " + h)
		if !strings.Contains(topLine(s), h) {
			t.Errorf("after ] the top line is %q, want %q", topLine(s), h)
		}
	}
	x.keys("t")
	s := x.waitFor("Contents")
	for _, h := range headings {
		if !strings.Contains(s, h) {
			t.Errorf("contents lack %q", h)
		}
	}
	x.keys("Escape")
	x.waitGone("Contents")
	x.keys("1")
	x.waitFor("§ 1/3")
	x.keys("q")
	x.waitFor("1 article")
	x.keys("q")
	x.waitFor("BAO-EXITED-0")
	// The terminal's title is the shell's again.
	if title := strings.TrimSpace(x.run("display", "-p", "-t", "bao", "#{pane_title}")); title != "the shell" {
		t.Errorf("window title after bao: %q, want the shell's", title)
	}
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// TestEndToEndSSH serves an article with the real binary and reads it with
// the OpenSSH client inside tmux: sections, contents, quit. Then SIGTERM
// stops the server cleanly.
func TestEndToEndSSH(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: skipping the SSH end-to-end test (.ci/run installs it)", tool)
		}
	}
	file, headings := "articles/sample/01-pho-di-bo.txt", []string{"Ba tuyến phố được đề xuất", "Người dân băn khoăn về giờ cấm xe", "Sẽ tiếp thu và điều chỉnh phương án"}
	if _, err := os.Stat(seedPath); err == nil {
		file, headings = seedPath, []string{"Đã hoàn thành tốt nhiều nhiệm vụ", "Tập trung giải quyết 4 vấn đề", "Thực hiện 6 nhiệm vụ trọng tâm"}
	}
	bin := buildBinary(t)
	srv, port, logs := startServe(t, bin, "--state", filepath.Join(t.TempDir(), "state.db"), file)
	x := sshInTmux(t, port)

	x.waitFor("1 article")
	x.keys("Enter")
	x.waitFor("min read")
	if title := strings.TrimSpace(x.run("display", "-p", "-t", "bao", "#{pane_title}")); !strings.HasPrefix(title, "bao") {
		t.Errorf("window title while reading over SSH: %q", title)
	}
	for _, h := range headings {
		x.keys("]")
		if s := x.waitFor("§ " + h); !strings.Contains(topLine(s), h) {
			t.Errorf("over SSH, after ] the top line is %q, want %q", topLine(s), h)
		}
	}
	x.keys("t")
	x.waitFor("Contents")
	x.keys("Escape")
	x.waitGone("Contents")
	x.keys("q")
	x.waitFor("1 article")
	x.keys("q")
	x.waitFor("SSH-EXITED-0")
	if title := strings.TrimSpace(x.run("display", "-p", "-t", "bao", "#{pane_title}")); title != "the shell" {
		t.Errorf("window title after the SSH session: %q, want the shell's", title)
	}

	// The first load is logged as a reload too: wait for one more.
	reloads := strings.Count(logs.String(), "library reloaded")
	srv.Process.Signal(syscall.SIGHUP)
	for deadline := time.Now().Add(5 * time.Second); strings.Count(logs.String(), "library reloaded") == reloads; {
		if time.Now().After(deadline) {
			t.Fatalf("SIGHUP did not reload the library:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	srv.Process.Signal(syscall.SIGTERM)
	waited := make(chan error, 1)
	go func() { waited <- srv.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("server exit after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("server did not stop on SIGTERM:\n%s", logs.String())
	}
	for _, want := range []string{"serving", "connect", "disconnect", "shutting down"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitListening waits until a server accepts connections on port.
func waitListening(t *testing.T, port string, logs *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:"+port)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not start: %s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestCorruptStateKeepsReading starts the real binary on a state file that
// is not a database: it warns once and reads.
func TestCorruptStateKeepsReading(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	state := filepath.Join(t.TempDir(), "state.db")
	os.WriteFile(state, bytes.Repeat([]byte("not a database "), 100), 0o600)
	bin := buildBinary(t)
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "bao", "-x", "120", "-y", "30", "TERM=xterm-256color "+bin+" --state "+state+" articles/sample; echo BAO-EXITED-$?; sleep 30")
	defer exec.Command("tmux", "-S", x.socket, "kill-server").Run()
	x.waitFor("Not saving reading state")
	x.keys("Enter")
	x.waitFor("min read")
	x.keys("]")
	x.waitFor("§ Ba tuyến phố")
	x.keys("q")
	x.keys("q")
	x.waitFor("BAO-EXITED-0")
	if data, _ := os.ReadFile(state); !bytes.HasPrefix(data, []byte("not a database")) {
		t.Error("the corrupt state file was overwritten")
	}
}

// startServe runs bao serve on a free loopback port with a fresh host key
// and waits until it accepts connections. It is killed when the test ends.
func startServe(t *testing.T, bin string, args ...string) (*exec.Cmd, string, *syncBuffer) {
	t.Helper()
	port := freePort(t)
	logs := &syncBuffer{}
	srv := exec.Command(bin, append([]string{"serve", "--listen", "127.0.0.1:" + port, "--host-key", filepath.Join(t.TempDir(), "key")}, args...)...)
	srv.Stderr = logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Process.Kill(); srv.Wait() })
	waitListening(t, port, logs)
	return srv, port, logs
}

// sshInTmux connects OpenSSH to port inside a tmux session called bao; when
// ssh ends the pane shows SSH-EXITED-<status>.
func sshInTmux(t *testing.T, port string) tmux {
	t.Helper()
	x := tmux{t, filepath.Join(t.TempDir(), "tmux.sock")}
	ssh := "ssh -tt -F /dev/null -p " + port + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1"
	x.run("new-session", "-d", "-s", "bao", "-x", "100", "-y", "30", "printf '\\033]2;the shell\\007'; TERM=xterm-256color "+ssh+"; echo SSH-EXITED-$?; sleep 30")
	t.Cleanup(func() { exec.Command("tmux", "-S", x.socket, "kill-server").Run() })
	return x
}

// TestServeStaysInsideTheLibrary serves a directory holding a symbolic
// link to a file outside it: visitors see the library's own article and a
// load error, never the linked file; with --follow-links they see it.
func TestServeStaysInsideTheLibrary(t *testing.T) {
	for _, tool := range []string{"tmux", "ssh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (.ci/run installs it)", tool)
		}
	}
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("Secret shadow file\n\nroot:x:0:0\n"), 0o600)
	lib := t.TempDir()
	os.WriteFile(filepath.Join(lib, "a.txt"), []byte("Bản tin sáng\n\nNội dung của bài.\n"), 0o644)
	os.Symlink(secret, filepath.Join(lib, "link.txt"))
	bin := buildBinary(t)

	_, port, logs := startServe(t, bin, "--no-state", lib)
	x := sshInTmux(t, port)
	s := x.waitFor("1 article")
	if strings.Contains(s, "Secret shadow") {
		t.Fatalf("a file outside the library was served:\n%s", s)
	}
	if !strings.Contains(s, "1 failed to load") {
		t.Errorf("the link out of the library is not reported:\n%s", s)
	}
	if !strings.Contains(logs.String(), "out of the library") {
		t.Errorf("the server did not log the refused link:\n%s", logs.String())
	}

	_, port, _ = startServe(t, bin, "--no-state", "--follow-links", lib)
	x = sshInTmux(t, port)
	x.waitFor("Secret shadow")
}

func TestVersionAndHelp(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var out, errOut bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "bao ") || strings.Count(out.String(), "\n") != 1 {
			t.Errorf("%v: %d %q %q", args, code, out.String(), errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"help"}, strings.NewReader(""), &out, &errOut); code != 0 || !strings.Contains(out.String(), "bao cat") || !strings.Contains(out.String(), "-style") || errOut.Len() > 0 {
		t.Errorf("help: %d %q %q", code, out.String(), errOut.String())
	}
}

func TestLibraryPath(t *testing.T) {
	roots := []string{"/srv/news", "/srv/one.txt", "rel/lib"}
	for path, want := range map[string]string{
		"/srv/news/2026/a.txt": "news/2026/a.txt",
		"/srv/news":            "news",
		"/srv/one.txt":         "one.txt",
		"rel/lib/x.md":         "lib/x.md",
		"/etc/passwd":          "passwd",
		"/srv/newsroom/b.txt":  "b.txt",
	} {
		if got := libraryPath(roots, path); got != want {
			t.Errorf("libraryPath(%q) = %q, want %q", path, got, want)
		}
	}
}
