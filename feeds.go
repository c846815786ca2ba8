package main

import (
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"time"

	"bao/articles"
	"bao/model"
	"bao/state"

	"charm.land/bubbles/v2/progress"
)

// feedLimits are the politeness limits of bao fetch.
var feedLimits = struct {
	// Feeds is how many feeds are fetched at once; the client allows 2
	// connections a host.
	Feeds int
	// Retries after a 429 or 5xx answer, waiting Retry-After or Backoff,
	// doubled each time; a wait longer than MaxWait fails the feed for
	// this run.
	Retries          int
	Backoff, MaxWait time.Duration
	// Items is the most new items read from one feed in one run.
	Items int
}{Feeds: 8, Retries: 2, Backoff: time.Second, MaxWait: time.Minute, Items: 50}

const feedsUsage = `usage:
  bao feeds [list]            the feeds followed
  bao feeds add URL...        follow feeds (RSS, Atom, JSON Feed, or a page naming one)
  bao feeds remove URL...     stop following feeds
  bao feeds import FILE.opml  follow the feeds of an OPML file (newsboat, nom and others export one)
  bao feeds export            print the feeds followed as OPML
  bao fetch                   fetch every feed and save its new articles into the library

flags:
`

// runFeeds manages the feeds followed.
func runFeeds(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bao feeds", flag.ContinueOnError)
	fs.SetOutput(stderr)
	statePath := fs.String("state", "", "state database (default $XDG_STATE_HOME/bao/state.db)")
	fs.Usage = func() {
		fmt.Fprint(stderr, feedsUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	args = fs.Args()
	cmd := "list"
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	store, err := openFeedState(*statePath)
	if err != nil {
		fmt.Fprintf(stderr, "bao feeds: %v\n", err)
		return 1
	}
	defer store.Close()
	switch cmd {
	case "list":
		return listFeeds(store, stdout, stderr)
	case "add":
		return addFeeds(store, args, stdout, stderr)
	case "remove", "rm":
		return removeFeeds(store, args, stdout, stderr)
	case "import":
		return importOPML(store, args, stdout, stderr)
	case "export":
		return exportOPML(store, stdout, stderr)
	}
	fs.Usage()
	return 2
}

// openFeedState opens the state store; feeds must be remembered, so
// there is no fallback to memory.
func openFeedState(path string) (*state.Store, error) {
	if path == "" {
		p, err := state.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	if state.IsPostgres(path) {
		return state.OpenPostgres(path)
	}
	return state.Open(path)
}

func listFeeds(store *state.Store, stdout, stderr io.Writer) int {
	feeds, err := store.Feeds()
	if err != nil {
		fmt.Fprintf(stderr, "bao feeds: %v\n", err)
		return 1
	}
	if len(feeds) == 0 {
		fmt.Fprintln(stdout, "No feeds yet: bao feeds add URL")
		return 0
	}
	for _, f := range feeds {
		line := model.SafeText(cmpOr(f.Title, f.URL)) + "\n  " + model.SafeText(f.URL)
		switch {
		case f.Error != "":
			line += "\n  last fetch failed: " + model.SafeText(f.Error)
		case !f.Fetched.IsZero():
			line += "\n  fetched " + f.Fetched.Format("2006-01-02 15:04")
		default:
			line += "\n  not fetched yet"
		}
		fmt.Fprintln(stdout, line)
	}
	return 0
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func addFeeds(store *state.Store, urls []string, stdout, stderr io.Writer) int {
	if len(urls) == 0 {
		fmt.Fprintln(stderr, "usage: bao feeds add URL...")
		return 2
	}
	client := articles.NewClient()
	code := 0
	for _, u := range urls {
		if !articles.IsURL(u) {
			fmt.Fprintf(stderr, "bao feeds add: %s: not an http or https address\n", model.SafeText(u))
			code = 1
			continue
		}
		f, _, err := articles.FindFeed(context.Background(), client, u, articles.DefaultMaxSize)
		if err == nil {
			err = store.AddFeed(state.Feed{URL: f.URL, Title: f.Title, Site: f.Site})
		}
		switch {
		case errors.Is(err, state.ErrFeedExists):
			fmt.Fprintf(stdout, "already following %s\n", model.SafeText(f.URL))
		case err != nil:
			fmt.Fprintf(stderr, "bao feeds add: %s: %s\n", model.SafeText(u), model.SafeText(err.Error()))
			code = 1
		default:
			fmt.Fprintf(stdout, "following %s (%s), %d items now\n", model.SafeText(cmpOr(f.Title, f.URL)), model.SafeText(f.URL), len(f.Items))
		}
	}
	return code
}

func removeFeeds(store *state.Store, urls []string, stdout, stderr io.Writer) int {
	code := 0
	for _, u := range urls {
		ok, err := store.RemoveFeed(u)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "bao feeds remove: %s: %v\n", model.SafeText(u), err)
			code = 1
		case !ok:
			fmt.Fprintf(stderr, "bao feeds remove: %s: not followed\n", model.SafeText(u))
			code = 1
		default:
			fmt.Fprintf(stdout, "stopped following %s\n", model.SafeText(u))
		}
	}
	return code
}

// opml is the part of OPML 1.0/2.0 that lists feeds.
type opml struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Text    string    `xml:"text,attr"`
	Title   string    `xml:"title,attr,omitempty"`
	Type    string    `xml:"type,attr,omitempty"`
	XMLURL  string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL string    `xml:"htmlUrl,attr,omitempty"`
	Outline []outline `xml:"outline"`
}

func importOPML(store *state.Store, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: bao feeds import FILE.opml")
		return 2
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "bao feeds import: %v\n", err)
		return 1
	}
	var doc opml
	if err := xml.Unmarshal(data, &doc); err != nil {
		fmt.Fprintf(stderr, "bao feeds import: %s: not OPML: %v\n", model.SafeText(args[0]), err)
		return 1
	}
	added, known := 0, 0
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if articles.IsURL(o.XMLURL) {
				switch err := store.AddFeed(state.Feed{URL: o.XMLURL, Title: articles.CleanLine(cmpOr(o.Title, o.Text)), Site: o.HTMLURL}); {
				case errors.Is(err, state.ErrFeedExists):
					known++
				case err == nil:
					added++
				}
			}
			walk(o.Outline)
		}
	}
	walk(doc.Body)
	fmt.Fprintf(stdout, "following %d new feeds (%d already followed)\n", added, known)
	return 0
}

func exportOPML(store *state.Store, stdout, stderr io.Writer) int {
	feeds, err := store.Feeds()
	if err != nil {
		fmt.Fprintf(stderr, "bao feeds export: %v\n", err)
		return 1
	}
	doc := opml{Version: "2.0", Title: "bao feeds"}
	for _, f := range feeds {
		doc.Body = append(doc.Body, outline{Text: cmpOr(f.Title, f.URL), Title: f.Title, Type: "rss", XMLURL: f.URL, HTMLURL: f.Site})
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "bao feeds export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s%s\n", xml.Header, out)
	return 0
}

// feedRun is what fetching one feed did.
type feedRun struct {
	feed state.Feed
	// saved are the titles of the new articles; summaries how many of them
	// are the item's summary only, their page not being readable.
	saved     []string
	summaries int
	err       error
}

// runFetch fetches every feed followed and saves the new items.
func runFetch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bao fetch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	statePath := fs.String("state", "", "state database (default $XDG_STATE_HOME/bao/state.db)")
	library := fs.String("library", "", "the library directory (default $XDG_DATA_HOME/bao/library)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bao fetch [--library DIR] [--state PATH]\n\nFetches every feed followed and saves its new articles into the library.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	store, err := openFeedState(*statePath)
	if err != nil {
		fmt.Fprintf(stderr, "bao fetch: %v\n", err)
		return 1
	}
	defer store.Close()
	dir, err := libraryDir(*library)
	if err != nil {
		fmt.Fprintf(stderr, "bao fetch: %v\n", err)
		return 1
	}
	feeds, err := store.Feeds()
	if err != nil {
		fmt.Fprintf(stderr, "bao fetch: %v\n", err)
		return 1
	}
	if len(feeds) == 0 {
		fmt.Fprintln(stdout, "No feeds to fetch: bao feeds add URL")
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	report := newFetchReport(stdout, len(feeds))
	runs := fetchFeeds(ctx, store, &articles.Library{Dir: dir}, articles.NewClient(), feeds, report.done)
	return report.summary(runs, stderr)
}

// fetchFeeds fetches the feeds, at most feedLimits.Feeds at once, and
// calls done as each finishes.
func fetchFeeds(ctx context.Context, store *state.Store, lib *articles.Library, client *http.Client, feeds []state.Feed, done func(feedRun)) []feedRun {
	var saving sync.Mutex // the library's index is not shared safely
	sem := make(chan struct{}, feedLimits.Feeds)
	runs := make([]feedRun, len(feeds))
	var wg sync.WaitGroup
	for i, f := range feeds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			runs[i] = fetchFeed(ctx, store, lib, &saving, client, f)
			done(runs[i])
		})
	}
	wg.Wait()
	return runs
}

// fetchFeed fetches one feed, asking only for what changed since the last
// fetch, and saves its new items: the item's own text when it is the
// whole article, else the page it links to, else its summary.
func fetchFeed(ctx context.Context, store *state.Store, lib *articles.Library, saving *sync.Mutex, client *http.Client, f state.Feed) feedRun {
	run := feedRun{feed: f}
	fail := func(err error) feedRun {
		run.err = err
		run.feed.Error = err.Error()
		run.feed.Fetched = time.Now()
		store.UpdateFeed(run.feed)
		return run
	}
	p, err := getRetrying(ctx, client, f.URL, f.ETag, f.Modified)
	if err != nil {
		return fail(err)
	}
	run.feed.Error, run.feed.Fetched = "", time.Now()
	if p.NotModified {
		store.UpdateFeed(run.feed)
		return run
	}
	feed, err := articles.ParseFeed(p.Body, f.URL)
	if err != nil {
		return fail(err)
	}
	run.feed.ETag, run.feed.Modified = p.ETag, p.LastModified
	run.feed.Title = cmpOr(feed.Title, f.Title)
	run.feed.Site = cmpOr(feed.Site, f.Site)
	seen, err := store.SeenItems(f.URL)
	if err != nil {
		return fail(err)
	}
	fresh := slices.DeleteFunc(slices.Clone(feed.Items), func(it articles.FeedItem) bool { return seen[it.ID] })
	if len(fresh) > feedLimits.Items {
		fresh = fresh[:feedLimits.Items]
	}
	feedName := cmpOr(run.feed.Title, f.URL)
	for _, it := range fresh {
		if ctx.Err() != nil {
			// Stopped: what was saved stays saved and marked; the rest
			// is fetched next time.
			return fail(errors.New("stopped"))
		}
		a := articles.ItemArticle(feed, it, false)
		if a == nil && articles.IsURL(it.Link) {
			page, err := articles.Fetch(ctx, client, it.Link, articles.Options{Client: client})
			if ctx.Err() != nil {
				return fail(errors.New("stopped"))
			}
			if err == nil {
				a = page
			} else if a = articles.ItemArticle(feed, it, true); a != nil {
				a.Lead = "Only the feed's summary: the page could not be read (" + err.Error() + ")."
				run.summaries++
			}
		}
		if a == nil {
			a = articles.ItemArticle(feed, it, true)
		}
		if a == nil {
			continue
		}
		if a.Source == "" {
			a.Source = feedName
		}
		saving.Lock()
		_, err := lib.Save(a, articles.SaveInfo{Fetched: time.Now(), Feed: feedName})
		saving.Unlock()
		switch {
		case errors.Is(err, articles.ErrSaved):
		case err != nil:
			return fail(fmt.Errorf("saving %q: %w", it.Title, err))
		default:
			run.saved = append(run.saved, a.Title)
		}
		if err := store.MarkSeen(f.URL, it.ID); err != nil {
			return fail(err)
		}
	}
	store.UpdateFeed(run.feed)
	return run
}

// getRetrying fetches a feed, waiting and trying again after a 429 or a
// 5xx answer as long as the wait asked for is reasonable.
func getRetrying(ctx context.Context, client *http.Client, url, etag, modified string) (*articles.Page, error) {
	wait := feedLimits.Backoff
	for attempt := 0; ; attempt++ {
		p, err := articles.Get(ctx, client, url, articles.DefaultMaxSize, etag, modified)
		var he *articles.HTTPError
		if err == nil || !errors.As(err, &he) || (he.Status != http.StatusTooManyRequests && he.Status < 500) || attempt >= feedLimits.Retries {
			return p, err
		}
		if he.RetryAfter > 0 {
			wait = he.RetryAfter
		}
		if wait > feedLimits.MaxWait {
			return nil, err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, err
		}
		wait *= 2
	}
}

// fetchReport shows bao fetch's progress: a bar on a terminal, a line per
// feed otherwise.
type fetchReport struct {
	mu       sync.Mutex
	out      io.Writer
	tty      bool
	bar      progress.Model
	total    int
	finished int
	found    int
}

func newFetchReport(out io.Writer, total int) *fetchReport {
	return &fetchReport{out: out, tty: isTerminal(out), bar: progress.New(progress.WithWidth(40)), total: total}
}

func (r *fetchReport) done(run feedRun) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.finished++
	r.found += len(run.saved)
	name := model.SafeText(cmpOr(run.feed.Title, run.feed.URL))
	if r.tty {
		fmt.Fprintf(r.out, "\r%s %d/%d feeds · %d new\x1b[K", r.bar.ViewAs(float64(r.finished)/float64(r.total)), r.finished, r.total, r.found)
		return
	}
	switch {
	case run.err != nil:
		fmt.Fprintf(r.out, "%s: failed: %s\n", name, model.SafeText(run.err.Error()))
	default:
		fmt.Fprintf(r.out, "%s: %d new\n", name, len(run.saved))
	}
}

// summary prints the new articles and failed feeds, and returns the exit
// code: 1 if any feed failed.
func (r *fetchReport) summary(runs []feedRun, stderr io.Writer) int {
	if r.tty {
		fmt.Fprintln(r.out)
	}
	var failed []string
	feedsWithNew, summaries := 0, 0
	for _, run := range runs {
		if len(run.saved) > 0 {
			feedsWithNew++
		}
		summaries += run.summaries
		if run.err != nil {
			failed = append(failed, model.SafeText(cmpOr(run.feed.Title, run.feed.URL))+": "+model.SafeText(run.err.Error()))
		}
	}
	fmt.Fprintf(r.out, "%d new articles from %d of %d feeds", r.found, feedsWithNew, len(runs))
	if summaries > 0 {
		fmt.Fprintf(r.out, " (%d only as the feed's summary: their pages could not be read)", summaries)
	}
	fmt.Fprintln(r.out)
	if len(failed) == 0 {
		return 0
	}
	fmt.Fprintf(stderr, "%d feeds failed:\n  %s\n", len(failed), strings.Join(failed, "\n  "))
	return 1
}

// refresher is the reader's r: fetch the feeds into the library and say
// what came of it. Only when the reader shows its own library, so that
// what is fetched appears.
func refresher(store *state.Store, library string, ownLibrary bool) func() (string, error) {
	if !ownLibrary {
		return nil
	}
	dir, err := libraryDir(library)
	if err != nil {
		return nil
	}
	return func() (string, error) {
		feeds, err := store.Feeds()
		if err != nil {
			return "", err
		}
		if len(feeds) == 0 {
			return "No feeds to fetch: follow one with bao feeds add URL.", nil
		}
		runs := fetchFeeds(context.Background(), store, &articles.Library{Dir: dir}, articles.NewClient(), feeds, func(feedRun) {})
		found, failed := 0, 0
		for _, r := range runs {
			found += len(r.saved)
			if r.err != nil {
				failed++
			}
		}
		s := fmt.Sprintf("Fetched %s: %s.", countOf(len(feeds), "feed"), countOf(found, "new article"))
		if failed > 0 {
			s += fmt.Sprintf(" %d failed (bao feeds says why).", failed)
		}
		return s, nil
	}
}

// watchLibrary reports changes to the directories being read, as
// articles read again and paths removed; nil when none is a directory.
// The reader's own library is created, so that the first articles
// fetched into it are seen.
func watchLibrary(paths []string, ownLibrary bool, library string, opts articles.Options) func() <-chan model.Change {
	var dirs []string
	if ownLibrary {
		if dir, err := libraryDir(library); err == nil && os.MkdirAll(dir, 0o755) == nil {
			dirs = append(dirs, dir)
		}
	}
	for _, p := range paths {
		if isDir(p) && !slices.Contains(dirs, p) {
			dirs = append(dirs, p)
		}
	}
	if len(dirs) == 0 {
		return nil
	}
	return func() <-chan model.Change {
		out := make(chan model.Change)
		batches, err := articles.Watch(context.Background(), dirs, 200*time.Millisecond)
		if err != nil {
			// Reading goes on without live updates.
			close(out)
			return out
		}
		go func() {
			defer close(out)
			for batch := range batches {
				var c model.Change
				for _, p := range batch {
					a, err := articles.ReadInLibrary(p, opts)
					switch {
					case err == nil:
						c.Articles = append(c.Articles, a)
					case errors.Is(err, os.ErrNotExist):
						c.Removed = append(c.Removed, p)
					}
				}
				if len(c.Articles)+len(c.Removed) > 0 {
					out <- c
				}
			}
		}()
		return out
	}
}

// countOf is "1 feed", "2 feeds".
func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
