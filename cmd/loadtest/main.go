// Command loadtest opens many concurrent reader sessions against a bao SSH
// server on this machine, has each open an article and jump through its
// sections, and reports connect-to-first-frame latency, the server's
// resident memory per session and the errors seen. It only dials loopback
// addresses, and stops after -sessions sessions or -timeout.
//
//	go run ./cmd/loadtest -addr 127.0.0.1:2222 -sessions 200 -pid PID
//
// With -keys each session signs in with a key of its own, so the server
// keeps its state; with -writes D each then moves between two sections
// once a second for D (a saved position each time), and with -db URL the
// positions in that PostgreSQL database are compared, once every session
// has quit, with the section each session was last sent to.
package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	_ "github.com/jackc/pgx/v5/stdlib" // the database/sql driver "pgx"
	gossh "golang.org/x/crypto/ssh"
)

// cols and rows are the terminal size every session asks for.
var cols, rows = 100, 30

func main() {
	addr := flag.String("addr", "127.0.0.1:2222", "server address (loopback only)")
	sessions := flag.Int("sessions", 200, "concurrent sessions")
	pid := flag.Int("pid", 0, "server process id, to read its resident memory")
	hold := flag.Duration("hold", 3*time.Second, "how long all sessions stay open together")
	arrivals := flag.Float64("rate", 50, "new sessions per second (0: all at once)")
	soak := flag.Duration("soak", 0, "keep every session reading (a key every second) for this long, then report frame latency and memory growth")
	timeout := flag.Duration("timeout", 2*time.Minute, "give up after this long")
	flag.IntVar(&cols, "cols", cols, "terminal width of each session")
	flag.IntVar(&rows, "rows", rows, "terminal height of each session")
	flag.BoolVar(&withKeys, "keys", false, "sign in with a key per session, so that the server keeps its state")
	flag.DurationVar(&writes, "writes", 0, "after reading, move between two sections once a second for this long (needs -keys)")
	db := flag.String("db", "", "PostgreSQL URL: check the saved positions against the last keys sent")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		fmt.Fprintln(os.Stderr, "loadtest: -addr must be a loopback address")
		os.Exit(2)
	}
	before := rss(*pid)
	if *soak > 0 {
		*hold = *soak
		*timeout = max(*timeout, *soak+2*time.Minute)
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	res := run(ctx, *addr, *sessions, *arrivals, *hold, *pid, *soak)
	report(res, *sessions, before)
	lost := 0
	if *db != "" {
		var err error
		if lost, err = checkPositions(*db, res); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest:", err)
			os.Exit(1)
		}
	}
	if len(res.errors) > 0 || lost > 0 {
		os.Exit(1)
	}
}

// withKeys and writes are the -keys and -writes flags.
var (
	withKeys bool
	writes   time.Duration
)

// checkPositions compares each keyed session's saved position with the
// section it was last sent to, and reports the writes lost.
func checkPositions(url string, r *results) (int, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	lost, checked := 0, 0
	for user, want := range r.last {
		var section int
		err := db.QueryRow(`SELECT section FROM positions WHERE "user" = $1 ORDER BY at DESC LIMIT 1`, user).Scan(&section)
		checked++
		if err != nil || section != want {
			lost++
			if lost <= 5 {
				fmt.Printf("lost write: %s: saved section %d (%v), last sent %d\n", user, section, err, want)
			}
		}
	}
	fmt.Printf("positions: %d sessions checked, %d writes lost\n", checked, lost)
	return lost, nil
}

type results struct {
	mu         sync.Mutex
	firstFrame []time.Duration
	jumps      []time.Duration
	errors     []string
	peakRSS    int64
	// soak figures: key-to-frame latencies and the server's memory at the
	// start and end of the soak.
	soakStart                chan struct{}
	frames                   []time.Duration
	soakStartRSS, soakEndRSS int64
	// last is, by the server's name for each keyed session's reader, the
	// section (from 0) it was last sent to; moves counts the keys sent.
	last  map[string]int
	moves int
}

func (r *results) fail(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// run starts n sessions, arrivals a second (all at once for 0), waits until all have read their article,
// measures the server's memory while they are all open, then closes them.
func run(ctx context.Context, addr string, n int, arrivals float64, hold time.Duration, pid int, soak time.Duration) *results {
	res := &results{soakStart: make(chan struct{}), last: map[string]int{}}
	var ready, done sync.WaitGroup
	release := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := range n {
		if arrivals > 0 && i > 0 {
			time.Sleep(time.Duration(float64(time.Second) / arrivals))
		}
		go func() {
			defer done.Done()
			reader(ctx, addr, i, res, &ready, release, soak)
		}()
	}
	waitGroup(ctx, &ready)
	if soak > 0 {
		res.soakStartRSS = rss(pid)
		close(res.soakStart)
		for end := time.Now().Add(soak); time.Now().Before(end); {
			time.Sleep(min(30*time.Second, time.Until(end)))
			if r := rss(pid); r > res.peakRSS {
				res.peakRSS = r
			}
		}
		res.soakEndRSS = rss(pid)
	} else {
		time.Sleep(hold / 2)
		res.peakRSS = rss(pid)
		time.Sleep(hold / 2)
	}
	close(release)
	waitGroup(ctx, &done)
	return res
}

func waitGroup(ctx context.Context, wg *sync.WaitGroup) {
	c := make(chan struct{})
	go func() { wg.Wait(); close(c) }()
	select {
	case <-c:
	case <-ctx.Done():
	}
}

// reader is one visitor: connect, wait for the list, open the article,
// jump three sections, hold until released, quit.
func reader(ctx context.Context, addr string, id int, res *results, ready *sync.WaitGroup, release chan struct{}, soak time.Duration) {
	readyOnce := sync.OnceFunc(ready.Done)
	defer readyOnce()
	start := time.Now()
	cfg := &gossh.ClientConfig{
		User:            fmt.Sprintf("load%d", id),
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Auth:            []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })},
		Timeout:         30 * time.Second,
	}
	user := ""
	if withKeys {
		_, key, _ := ed25519.GenerateKey(rand.Reader)
		signer, err := gossh.NewSignerFromKey(key)
		if err != nil {
			res.fail("session %d: key: %v", id, err)
			return
		}
		cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(signer)}
		user = "ssh:" + gossh.FingerprintSHA256(signer.PublicKey())
	}
	client, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		res.fail("session %d: dial: %v", id, err)
		return
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		res.fail("session %d: %v", id, err)
		return
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		res.fail("session %d: pty: %v", id, err)
		return
	}
	stdin, _ := sess.StdinPipe()
	stdout, _ := sess.StdoutPipe()
	out := newWatcher(stdout, stdin)
	if err := sess.Shell(); err != nil {
		res.fail("session %d: shell: %v", id, err)
		return
	}
	// The list's title says how the articles are sorted once they are loaded.
	if !out.waitFor(ctx, " · by ") {
		res.fail("session %d: no first frame; screen: %.200q", id, out.screen())
		return
	}
	first := time.Since(start)
	io.WriteString(stdin, "\r")
	if !out.waitFor(ctx, "min read") {
		res.fail("session %d: article did not open; screen: %.200q", id, out.screen())
		return
	}
	for k := 1; k <= 3; k++ {
		t := time.Now()
		io.WriteString(stdin, "]")
		if !out.waitFor(ctx, fmt.Sprintf("§ %d/", k)) {
			res.fail("session %d: section %d not shown", id, k)
			return
		}
		res.mu.Lock()
		res.jumps = append(res.jumps, time.Since(t))
		res.mu.Unlock()
	}
	res.mu.Lock()
	res.firstFrame = append(res.firstFrame, first)
	res.mu.Unlock()
	if withKeys && writes > 0 {
		// At § 3: "[" goes to § 2, "]" back to § 3, a block each time.
		section := 2
		tick := time.NewTicker(time.Second + time.Duration(id%100)*time.Millisecond)
		for end := time.Now().Add(writes); time.Now().Before(end); {
			select {
			case <-tick.C:
			case <-ctx.Done():
				tick.Stop()
				return
			}
			k := "["
			if section == 1 {
				k = "]"
			}
			io.WriteString(stdin, k)
			if k == "[" {
				section = 1
			} else {
				section = 2
			}
			if !out.waitFor(ctx, fmt.Sprintf("§ %d/", section+1)) {
				res.fail("session %d: section %d not shown", id, section+1)
				tick.Stop()
				return
			}
			res.mu.Lock()
			res.moves++
			res.mu.Unlock()
		}
		tick.Stop()
		res.mu.Lock()
		res.last[user] = section
		res.mu.Unlock()
	}
	readyOnce()
	if soak > 0 {
		soakReader(ctx, id, stdin, out, res, release)
	}
	select {
	case <-release:
	case <-ctx.Done():
	}
	io.WriteString(stdin, "qq")
}

// soakReader presses a key about every second until released and times
// each until the screen changes.
func soakReader(ctx context.Context, id int, stdin io.Writer, out *watcher, res *results, release chan struct{}) {
	select {
	case <-res.soakStart:
	case <-ctx.Done():
		return
	}
	keys := []string{"[", "]", "k", "j"} // each changes the screen, from the last section
	tick := time.NewTicker(time.Second + time.Duration(id%100)*time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-release:
			return
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		before := out.screen()
		start := time.Now()
		io.WriteString(stdin, keys[i%len(keys)])
		if !out.waitChange(ctx, before, 5*time.Second) {
			res.fail("session %d: no new frame after %q", id, keys[i%len(keys)])
			continue
		}
		res.mu.Lock()
		res.frames = append(res.frames, time.Since(start))
		res.mu.Unlock()
	}
}

// watcher draws a session's output in a terminal emulator (which also
// answers the reader's queries) and reports when text is on screen.
type watcher struct {
	mu   sync.Mutex
	emu  *vt.Emulator
	more chan struct{}
}

func newWatcher(r io.Reader, replies io.Writer) *watcher {
	w := &watcher{emu: vt.NewEmulator(cols, rows), more: make(chan struct{}, 1)}
	go io.Copy(replies, w.emu)
	go func() {
		b := make([]byte, 16<<10)
		for {
			n, err := r.Read(b)
			w.mu.Lock()
			w.emu.Write(b[:n])
			w.mu.Unlock()
			select {
			case w.more <- struct{}{}:
			default:
			}
			if err != nil {
				close(w.more)
				return
			}
		}
	}()
	return w
}

// waitChange waits until the screen differs from before.
func (w *watcher) waitChange(ctx context.Context, before string, limit time.Duration) bool {
	deadline := time.After(limit)
	for {
		if w.screen() != before {
			return true
		}
		select {
		case _, ok := <-w.more:
			if !ok {
				return false
			}
		case <-deadline:
			return false
		case <-ctx.Done():
			return false
		}
	}
}

func (w *watcher) screen() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.emu.String()
}

// waitFor waits until text is on screen, looking after each burst of
// output but at most every 5 ms, so the client's own work stays small next
// to the server's.
func (w *watcher) waitFor(ctx context.Context, text string) bool {
	for {
		w.mu.Lock()
		screen := w.emu.String()
		w.mu.Unlock()
		if strings.Contains(screen, text) {
			return true
		}
		select {
		case _, ok := <-w.more:
			if !ok {
				return false
			}
			time.Sleep(5 * time.Millisecond)
		case <-ctx.Done():
			return false
		}
	}
}

// rss reads a process's resident memory in KiB, or 0.
func rss(pid int) int64 {
	if pid <= 0 {
		return 0
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[min(int(float64(len(d))*p), len(d)-1)]
}

func report(r *results, n int, before int64) {
	fmt.Printf("sessions: %d requested, %d read their article, %d errors\n", n, len(r.firstFrame), len(r.errors))
	fmt.Printf("connect to first frame: p50 %v, p99 %v, max %v\n",
		percentile(r.firstFrame, 0.5).Round(time.Millisecond), percentile(r.firstFrame, 0.99).Round(time.Millisecond), percentile(r.firstFrame, 1).Round(time.Millisecond))
	fmt.Printf("section jump to frame: p50 %v, p99 %v\n", percentile(r.jumps, 0.5).Round(time.Millisecond), percentile(r.jumps, 0.99).Round(time.Millisecond))
	if r.moves > 0 {
		fmt.Printf("writes: %d section moves by %d keyed sessions\n", r.moves, len(r.last))
	}
	if before > 0 && r.peakRSS > 0 {
		fmt.Printf("server RSS: %d MiB idle, %d MiB with all sessions open, %.0f KiB per session\n",
			before>>10, r.peakRSS>>10, float64(r.peakRSS-before)/float64(max(len(r.firstFrame), 1)))
	}
	if len(r.frames) > 0 {
		fmt.Printf("soak: %d key presses, key to frame p50 %v, p99 %v; server RSS %d MiB at the start, %d MiB at the end, %d MiB at most\n",
			len(r.frames), percentile(r.frames, 0.5).Round(time.Millisecond), percentile(r.frames, 0.99).Round(time.Millisecond),
			r.soakStartRSS>>10, r.soakEndRSS>>10, r.peakRSS>>10)
	}
	for i, e := range r.errors {
		if i == 10 {
			fmt.Printf("... and %d more\n", len(r.errors)-10)
			break
		}
		fmt.Println("error:", e)
	}
}
