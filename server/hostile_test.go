package server

import (
	"crypto/rand"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"bao/articles"

	gossh "golang.org/x/crypto/ssh"
)

// Hostile clients, on loopback only, bounded in count and time. After each
// attack the server must serve a new reader within a second and its
// goroutines must return to what they were.

// settle waits until the goroutine count is back to at most base+slack.
func settle(t *testing.T, base int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= base+3 {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, %d before the attack:\n%s", n, base, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stillServes connects a new reader and expects the list within a second.
func stillServes(t *testing.T, addr string) { t.Helper(); stillServesLibrary(t, addr, "7 articles") }

// stillServesLibrary connects a new reader and expects the list, showing
// want, within a second.
func stillServesLibrary(t *testing.T, addr, want string) {
	t.Helper()
	start := time.Now()
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText(want)
	limit := time.Second
	if raceEnabled {
		limit = 10 * time.Second
	}
	if d := time.Since(start); d > limit {
		t.Errorf("a new reader waited %v for the first frame", d)
	}
	term.close()
	<-term.done
}

func baseline(t *testing.T) int {
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	return runtime.NumGoroutine()
}

func TestConnectionBurst(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), func(c *Config) { c.ConnRate, c.ConnBurst, c.ConnsPerIP = 2, 10, 16 })
	reader := openTerminal(t, addr, newKey(t), 80, 24)
	reader.waitText("7 articles")
	base := baseline(t)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	var wg sync.WaitGroup
	var mu sync.Mutex
	admitted := 0
	for range 1000 {
		wg.Go(func() {
			c, err := net.DialTimeout("tcp", addr, 2*time.Second)
			if err != nil {
				return
			}
			defer c.Close()
			c.SetReadDeadline(time.Now().Add(2 * time.Second))
			buf := make([]byte, 8)
			if n, _ := c.Read(buf); n > 0 && strings.HasPrefix(string(buf[:n]), "SSH-") {
				mu.Lock()
				admitted++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if admitted > 50 {
		t.Errorf("%d of 1,000 burst connections admitted, want the rate limit to refuse most", admitted)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapInuse) - int64(before.HeapInuse); grew > 64<<20 {
		t.Errorf("heap grew by %d MB during the burst", grew>>20)
	}
	// The reader who was already connected keeps reading.
	reader.send("\r")
	reader.waitText("min read")
	settle(t, base)
	time.Sleep(600 * time.Millisecond) // one token back for this address
	stillServes(t, addr)
}

func TestHandshakeDeadline(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), func(c *Config) { c.HandshakeTimeout = time.Second })
	base := baseline(t)
	var conns []net.Conn
	for range 100 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	// None of them says anything; the server must hang up on all.
	deadline := time.Now().Add(5 * time.Second)
	closed := 0
	for _, c := range conns {
		c.SetReadDeadline(deadline)
		if _, err := io.Copy(io.Discard, c); err == nil {
			closed++
		}
		c.Close()
	}
	if closed != 100 {
		t.Errorf("%d of 100 silent connections were closed by the server", closed)
	}
	settle(t, base)
	stillServes(t, addr)
}

func TestExtremePTYSizes(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	base := baseline(t)
	for _, size := range [][2]int{{0, 0}, {10000, 10000}, {1, 1}, {65535, 1}} {
		client, err := dial(addr, newKey(t))
		if err != nil {
			t.Fatal(err)
		}
		sess, _ := client.NewSession()
		if err := sess.RequestPty("xterm", size[1], size[0], gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		stdin, _ := sess.StdinPipe()
		stdout, _ := sess.StdoutPipe()
		first := make(chan struct{})
		got := make(chan int64, 1)
		go func() {
			buf := make([]byte, 32<<10)
			var n int64
			for {
				k, err := stdout.Read(buf)
				if n == 0 && k > 0 {
					close(first)
				}
				n += int64(k)
				if err != nil {
					got <- n
					return
				}
			}
		}()
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		select {
		case <-first:
		case <-time.After(10 * time.Second):
			t.Errorf("a %dx%d terminal got no frame", size[0], size[1])
		}
		io.WriteString(stdin, "\r]]tq")
		time.Sleep(100 * time.Millisecond)
		client.Close()
		if n := <-got; n > 16<<20 {
			t.Errorf("a %dx%d terminal got %d bytes", size[0], size[1], n)
		}
	}
	settle(t, base)
	stillServes(t, addr)
}

func TestWindowChangeFlood(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	base := baseline(t)
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText("7 articles")
	term.send("\r")
	term.waitText("min read")
	for i := range 3000 {
		if err := term.session.WindowChange(1+i%300, 1+i%500); err != nil {
			t.Fatal(err)
		}
	}
	term.session.WindowChange(24, 80)
	term.emu.Resize(80, 24)
	term.send("]")
	term.waitText("§ Ba tuyến phố")
	term.close()
	<-term.done
	settle(t, base)
	stillServes(t, addr)
}

func TestRandomInput(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	base := baseline(t)
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText("7 articles")
	junk := make([]byte, 10<<20)
	rand.Read(junk)
	// The session may well end (the junk holds q and ctrl+c); what matters
	// is that the server survives and cleans up.
	for off := 0; off < len(junk); off += 64 << 10 {
		if _, err := term.stdin.Write(junk[off : off+64<<10]); err != nil {
			break
		}
	}
	term.close()
	<-term.done
	settle(t, base)
	stillServes(t, addr)
}

// A mouse report in the 8-bit form, its last bytes at the very end of the
// decoder's 64-byte buffer, made the decoder index past that buffer: 64
// bytes from any client ended the whole server. Now they end that one
// session, with a line saying why.
func TestMalformedMouseReport(t *testing.T) {
	_, addr := testServer(t, articles.Sample(), nil)
	base := baseline(t)
	term := openTerminal(t, addr, newKey(t), 80, 24)
	term.waitText("7 articles")
	term.send(strings.Repeat("x", 59) + "\x9bMabc")
	<-term.done
	if !strings.Contains(term.raw(), "bao: disconnected: input the reader could not decode.") {
		t.Errorf("no farewell after undecodable input; the session ended with %q", lastBytes(term.raw(), 200))
	}
	term.close()
	settle(t, base)
	stillServes(t, addr)
}

func TestDroppedMidRender(t *testing.T) {
	lib := articles.Sample()
	_, addr := testServer(t, lib, nil)
	base := baseline(t)
	for i := range 30 {
		client, err := dial(addr, newKey(t))
		if err != nil {
			t.Fatal(err)
		}
		sess, _ := client.NewSession()
		sess.RequestPty("xterm", 40, 120, gossh.TerminalModes{})
		stdin, _ := sess.StdinPipe()
		sess.Shell()
		time.Sleep(time.Duration(i%5) * 10 * time.Millisecond)
		io.WriteString(stdin, "\r]]G")
		client.Close() // gone, mid-render
	}
	settle(t, base)
	stillServes(t, addr)
}

// lastBytes is the end of s, at most n bytes of it.
func lastBytes(s string, n int) string { return s[max(0, len(s)-n):] }
