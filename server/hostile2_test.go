package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"bao/articles"
	"bao/model"

	"charm.land/log/v2"
	gossh "golang.org/x/crypto/ssh"
)

// The second round of hostile clients: each attack, then a new visitor
// must get a first frame within a second, goroutines must return to their
// baseline and the heap must stay within 50 MB of it.

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

func checkHeap(t *testing.T, before int64) {
	t.Helper()
	if grew := heapInUse() - before; grew > 50<<20 {
		t.Errorf("heap grew by %d MB", grew>>20)
	}
}

// stalledClient opens a big terminal, then sends a window change and a
// key every 60 ms and never reads what the server sends.
func stalledClient(t *testing.T, addr string, stop <-chan struct{}) *gossh.Client {
	t.Helper()
	client, err := dial(addr, newKey(t))
	if err != nil {
		t.Fatal(err)
	}
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 300, 500, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, _ := sess.StdinPipe()
	sess.StdoutPipe() // never read: the window to the server closes
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(60 * time.Millisecond):
			}
			if sess.WindowChange(300-i%2, 500-i%3) != nil {
				return
			}
			io.WriteString(stdin, "j")
		}
	}()
	return client
}

func TestStalledReaderDoesNotWedgeTheServer(t *testing.T) {
	var logs syncLog
	lib := wideLibrary(t)
	srv, addr := testServer(t, lib, func(c *Config) {
		c.MaxOutput, c.WriteTimeout = 1<<20, 3*time.Second
		c.Logger = log.New(&logs)
	})
	base, heap := baseline(t), heapInUse()
	stop := make(chan struct{})
	client := stalledClient(t, addr, stop)
	defer client.Close()
	defer close(stop)
	// Let the client fall behind.
	time.Sleep(2 * time.Second)

	// Reload and a new visitor go on while it is stalled.
	reloaded := make(chan struct{})
	go func() { srv.Reload(lib); close(reloaded) }()
	select {
	case <-reloaded:
	case <-time.After(time.Second):
		t.Fatal("Reload blocked on a stalled session")
	}
	stillServesLibrary(t, addr, "400 articles")
	// The stalled session is dropped, and the log says why.
	start := time.Now()
	deadline := start.Add(20 * time.Second)
	for !strings.Contains(logs.String(), "client stopped reading") {
		if time.Now().After(deadline) {
			t.Fatalf("the stalled session was never dropped; log:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("dropped after %v", time.Since(start))
	client.Close()
	settle(t, base)
	checkHeap(t, heap)
}

// wideLibrary has enough articles with long titles to fill a 500x300
// terminal, so that every frame the stalled client is sent is large.
func wideLibrary(t *testing.T) *model.Library {
	lib := &model.Library{}
	for i := range 400 {
		title := fmt.Sprintf("%03d %s", i, strings.Repeat("Tin tức thời sự trong nước và quốc tế ", 12))
		a, err := articles.Parse(fmt.Sprintf("w/%03d.txt", i), []byte(title+"\n\nĐoạn văn.\n"))
		if err != nil {
			t.Fatal(err)
		}
		lib.Articles = append(lib.Articles, a)
	}
	return lib
}

func TestShutdownWithAStalledClient(t *testing.T) {
	srv, addr := testServer(t, wideLibrary(t), nil) // default limits: 20 s write timeout
	stop := make(chan struct{})
	defer close(stop)
	client := stalledClient(t, addr, stop)
	defer client.Close()
	time.Sleep(2 * time.Second)
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	if d := time.Since(start); d > 10*time.Second+500*time.Millisecond {
		t.Errorf("shutdown took %v with a stalled client, want at most 10 s", d)
	}
}

func TestEnvFlood(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	base, heap := baseline(t), heapInUse()
	client, err := dial(addr, newKey(t))
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := client.NewSession()
	value := strings.Repeat("x", 16<<10)
	accepted := 0
	for i := range 3000 {
		if sess.Setenv("COLORTERM", value+string(rune('a'+i%26))) == nil {
			accepted++
		}
	}
	if accepted != 0 {
		t.Errorf("%d env requests of 16 KB accepted, want none (values over %d bytes)", accepted, maxEnvValue)
	}
	if sess.Setenv("LD_PRELOAD", "x") == nil {
		t.Error("a variable bao does not use was accepted")
	}
	checkHeap(t, heap)
	client.Close()
	settle(t, base)
	stillServes(t, addr)
}

func TestChannelWithoutShellIsClosed(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), func(c *Config) { c.HandshakeTimeout = time.Second })
	base := baseline(t)
	client, err := dial(addr, newKey(t))
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, _ := client.NewSession()
	// The server's side closing the channel ends its output. (Wait would
	// return at once: no shell was started.)
	out, _ := sess.StdoutPipe()
	closed := make(chan struct{})
	go func() { io.Copy(io.Discard, out); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("a session that never asked for a shell was kept open")
	}
	client.Close()
	settle(t, base)
}

func TestUnterminatedPaste(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), func(c *Config) { c.MaxPendingInput = 1 << 20 })
	base, heap := baseline(t), heapInUse()
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText("7 articles")
	chunk := bytes.Repeat([]byte("a"), 64<<10)
	term.send("\x1b[200~")
	var werr error
	for i := 0; i < 300 && werr == nil; i++ { // up to 19 MB
		_, werr = term.stdin.Write(chunk)
	}
	select {
	case <-term.done:
	case <-time.After(10 * time.Second):
		t.Fatal("a session pasting without end was not dropped")
	}
	checkHeap(t, heap)
	term.close()
	settle(t, base)
	stillServes(t, addr)
}

func TestPtyWithoutShellLeaksNothing(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	base, heap := baseline(t), heapInUse()
	for range 200 {
		client, err := dial(addr, newKey(t))
		if err != nil {
			t.Fatal(err)
		}
		sess, _ := client.NewSession()
		sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
		for i := range 5 {
			sess.WindowChange(24+i, 80+i)
		}
		client.Close()
	}
	settle(t, base)
	checkHeap(t, heap)
	stillServes(t, addr)
}

func TestOneSessionPerConnection(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText("7 articles")
	if s, err := term.client.NewSession(); err == nil {
		s.Close()
		t.Error("a second session on the same connection was opened")
	}
	// Another connection from the same address still gets a reader.
	stillServes(t, addr)
}

func TestSessionsPerAddress(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), func(c *Config) { c.SessionsPerIP = 2 })
	for range 2 {
		openTerminal(t, addr, newKey(t), 80, 24).waitText("7 articles")
	}
	third := openTerminal(t, addr, newKey(t), 80, 24)
	third.waitText("server is busy")
}

func TestAuthorizedKeyOptions(t *testing.T) {
	dir := t.TempDir()
	plain, from, expired, forced := newKey(t), newKey(t), newKey(t), newKey(t)
	line := func(prefix string, k ed25519.PrivateKey) string {
		signer, _ := gossh.NewSignerFromKey(k)
		return prefix + string(gossh.MarshalAuthorizedKey(signer.PublicKey()))
	}
	keys := filepath.Join(dir, "authorized_keys")
	write := func(lines ...string) { os.WriteFile(keys, []byte(strings.Join(lines, "")), 0o600) }
	write(line("", plain), line(`from="10.9.9.9" `, from), line(`expiry-time="20000101" `, expired), line(`command="/bin/sh" `, forced))
	var logs syncLog
	srv, addr := testServer(t, articles.Sample(), func(c *Config) { c.AuthorizedKeys = keys; c.Logger = log.New(&logs) })
	for name, k := range map[string]ed25519.PrivateKey{"from=10.9.9.9": from, "expired": expired, "command=": forced} {
		if c, err := dial(addr, k); err == nil {
			c.Close()
			t.Errorf("the %s key got in", name)
		}
	}
	if !strings.Contains(logs.String(), "forced command") {
		t.Errorf("no warning for the command= line; log:\n%s", logs.String())
	}
	term := openTerminal(t, addr, plain, 80, 24)
	term.waitText("7 articles")
	// The key is removed and the server told to reload: its session
	// ends, and it cannot come back.
	write(line(`from="127.0.0.0/8" `, from))
	srv.Reload(articles.Sample())
	select {
	case <-term.done:
	case <-time.After(5 * time.Second):
		t.Fatal("the session of a removed key went on")
	}
	if c, err := dial(addr, plain); err == nil {
		c.Close()
		t.Error("a removed key got in after reload")
	}
	if c, err := dial(addr, from); err != nil {
		t.Errorf("a key allowed from 127.0.0.0/8 was refused: %v", err)
	} else {
		c.Close()
	}
}

func TestHostileTermIsRefusedAndLogsStayOneLine(t *testing.T) {
	var logs syncLog
	_, addr := testServer(t, articles.Sample(), func(c *Config) { c.Logger = log.New(&logs) })
	for _, term := range []string{strings.Repeat("x", 250<<10), "xterm\nINFO forged entry"} {
		client, err := dial(addr, newKey(t))
		if err != nil {
			t.Fatal(err)
		}
		sess, _ := client.NewSession()
		if err := sess.RequestPty(term, 24, 80, gossh.TerminalModes{}); err == nil {
			t.Errorf("a TERM of %d bytes was accepted", len(term))
		}
		client.Close()
	}
	for _, l := range strings.Split(logs.String(), "\n") {
		if len(l) > 2000 || strings.HasPrefix(strings.TrimSpace(l), "INFO forged") {
			t.Errorf("log line of %d bytes: %.100q", len(l), l)
		}
	}
}

func TestHostKeyMustBeARegularFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/dev/zero", fifo} {
		done := make(chan error, 1)
		go func() { _, err := LoadOrCreateHostKey(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: %v", path, err)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: reading the host key blocked", path)
		}
	}
	key := filepath.Join(t.TempDir(), "key")
	LoadOrCreateHostKey(key)
	os.Chmod(key, 0o644)
	if w := HostKeyWarning(key); !strings.Contains(w, "readable by others") {
		t.Errorf("no warning for a 0644 host key: %q", w)
	}
}

// syncLog is a log sink safe for the server's goroutines.
type syncLog struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Refusals are logged once per address per quiet period, with a count of
// the rest, so a client cannot flood the log.
func TestRefusalsAreRateLimited(t *testing.T) {
	var logs syncLog
	r := newRefusalLog(log.New(&logs))
	for range 100 {
		r.log("10.0.0.1", "key not authorized")
	}
	r.log("10.0.0.2", "key not authorized")
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "10.0.0.1") || !strings.Contains(lines[1], "10.0.0.2") {
		t.Errorf("100 refusals from one address and one from another logged as:\n%s", logs.String())
	}
}

// A search in a long article stops when its visitor leaves, rather than
// running on for seconds.
func TestSearchStopsWhenTheVisitorLeaves(t *testing.T) {
	size := 8 << 20
	if raceEnabled {
		size = 1 << 20 // the race detector slows layout and search alike
	}
	text := "Tiêu đề\n\n" + strings.Repeat("anh nói năng nhẹ nhàng ", size/30) + "\n"
	a, err := articles.Parse("big.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, addr := testServer(t, &model.Library{Articles: []*model.Article{a}}, nil)
	term := openTerminal(t, addr, newKey(t), 100, 30)
	term.waitText("1 article")
	term.send("\r")
	term.waitText("min read")
	term.send("/n\r")
	term.waitText("searching")
	searching := func() bool {
		buf := make([]byte, 4<<20)
		return strings.Contains(string(buf[:runtime.Stack(buf, true)]), "ui.findMatches")
	}
	if !searching() {
		t.Skip("the search ended before the visitor left; nothing to stop")
	}
	term.close()
	left := time.Now()
	for searching() {
		if time.Since(left) > 2*time.Second {
			t.Fatal("the search went on more than 2 s after the visitor left")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
