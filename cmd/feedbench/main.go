// Command feedbench measures bao fetch: it serves N feeds of M items, each
// feed on its own port (its own host, for the per-host limit), every
// response delayed by a latency, with items that carry only a summary so
// that each item's page is fetched and extracted too. It follows the
// feeds with bao feeds import, runs bao fetch once, and prints the wall
// time, the least the concurrency limits allow, and bao's peak memory.
//
// Usage: go run ./cmd/feedbench -bao PATH [-feeds 100] [-items 20] [-latency 50ms]
package main

import (
	"flag"
	"fmt"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

func main() {
	bao := flag.String("bao", "", "the bao binary")
	feeds := flag.Int("feeds", 100, "feeds")
	items := flag.Int("items", 20, "items per feed")
	latency := flag.Duration("latency", 50*time.Millisecond, "delay before every response")
	parallel := flag.Int("parallel", 8, "feeds bao fetches at once (its limit)")
	flag.Parse()
	if *bao == "" {
		log.Fatal("-bao PATH is required")
	}
	tmp, err := os.MkdirTemp("", "feedbench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	var opml strings.Builder
	opml.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>`)
	for f := range *feeds {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			log.Fatal(err)
		}
		base := "http://" + ln.Addr().String()
		go http.Serve(ln, site(f, *items, base, *latency))
		fmt.Fprintf(&opml, `<outline text="Feed %d" xmlUrl="%s/feed"/>`, f, base)
	}
	opml.WriteString(`</body></opml>`)
	opmlPath := filepath.Join(tmp, "feeds.opml")
	os.WriteFile(opmlPath, []byte(opml.String()), 0o644)
	env := append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(tmp, "state"), "XDG_DATA_HOME="+filepath.Join(tmp, "data"))
	imp := exec.Command(*bao, "feeds", "import", opmlPath)
	imp.Env, imp.Stderr = env, os.Stderr
	if err := imp.Run(); err != nil {
		log.Fatal(err)
	}
	fetch := exec.Command(*bao, "fetch")
	fetch.Env, fetch.Stderr = env, os.Stderr
	start := time.Now()
	out, err := fetch.Output()
	wall := time.Since(start)
	if err != nil {
		log.Fatalf("bao fetch: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	rss := fetch.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	requests := *feeds * (*items + 1)
	// Each feed's requests are made one after another (the feed, then
	// its items' pages); feeds run at most `parallel` at once.
	least := time.Duration(math.Ceil(float64(*feeds)/float64(*parallel))) * time.Duration(*items+1) * *latency
	fmt.Printf("%d feeds x %d items, %s latency per response, %d requests\n", *feeds, *items, *latency, requests)
	fmt.Printf("bao fetch: %s (%s)\n", wall.Round(10*time.Millisecond), lines[len(lines)-1])
	fmt.Printf("least the limits allow (%d feeds at once, a feed's requests in turn): %s; bao took %.2fx\n", *parallel, least, wall.Seconds()/least.Seconds())
	fmt.Printf("peak memory (max RSS): %d MB\n", rss/1024)
}

// site serves one feed and the pages its items link to.
func site(n, items int, base string, latency time.Duration) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title><link>%s/</link>`, n, base)
		for i := range items {
			fmt.Fprintf(w, `<item><title>Story %d of feed %d</title><link>%s/story/%d</link><guid>%d-%d</guid><description>A short summary.</description></item>`, i, n, base, i, n, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(latency)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		id := strings.TrimPrefix(r.URL.Path, "/story/")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Story %s of feed %d</title><meta property="og:site_name" content="Site %d"><meta name="author" content="A. Reporter"></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Story %s of feed %d</h1>`, id, n, n, id, n)
		for p := range 12 {
			if p%4 == 3 {
				fmt.Fprintf(w, "<h2>Part %d</h2>", p/4+1)
			}
			fmt.Fprintf(w, "<p>Paragraph %d of story %s: the council met on Monday to discuss the new bus lanes, and residents asked how long the works would last and who would pay for them.</p>", p, id)
		}
		fmt.Fprint(w, `<figure><img src="/i.jpg" alt="A bus"><figcaption>A new bus. Photograph: A. Reporter</figcaption></figure></article><footer>Copyright</footer></body></html>`)
	})
	return mux
}
