package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"bao/articles"
	"bao/model"
	"bao/server"

	"charm.land/log/v2"
)

// runServe runs the SSH server until SIGINT or SIGTERM; SIGHUP reloads the
// library.
func runServe(args []string, stderr io.Writer) int {
	cfg := server.DefaultConfig()
	fs := flag.NewFlagSet("bao serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Listen, "listen", cfg.Listen, "address to listen on")
	fs.StringVar(&cfg.HostKey, "host-key", "", "ed25519 host key file, created if missing (default $XDG_DATA_HOME/bao/ssh_host_ed25519_key)")
	fs.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "let in only the public keys in this file (default: anyone)")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", cfg.MaxSessions, "readers at once; the next is told the server is busy")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", cfg.IdleTimeout, "end a session after this long without a key press (0: never)")
	fs.DurationVar(&cfg.MaxSession, "max-session", cfg.MaxSession, "end a session after this long (0: never)")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", cfg.HandshakeTimeout, "time a connection has to authenticate")
	fs.Float64Var(&cfg.ConnRate, "conn-rate", cfg.ConnRate, "new connections per second allowed from one address")
	fs.IntVar(&cfg.ConnBurst, "conn-burst", cfg.ConnBurst, "burst of new connections allowed from one address")
	fs.IntVar(&cfg.ConnsPerIP, "conns-per-ip", cfg.ConnsPerIP, "open connections allowed from one address")
	fs.IntVar(&cfg.SessionsPerConn, "sessions-per-conn", cfg.SessionsPerConn, "readers open at once on one connection")
	fs.IntVar(&cfg.SessionsPerIP, "sessions-per-ip", cfg.SessionsPerIP, "readers open at once from one address")
	maxOutput := sizeFlag(cfg.MaxOutput)
	fs.Var(&maxOutput, "max-output", "how far a client may fall behind in reading before it is dropped")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", cfg.WriteTimeout, "drop a client when one write to it takes longer than this")
	maxInput := sizeFlag(cfg.MaxPendingInput)
	fs.Var(&maxInput, "max-pending-input", "input a client may send that decodes to no key (an unterminated paste) before it is dropped")
	fs.BoolVar(&cfg.FollowLinks, "follow-links", false, "serve files that symbolic links lead to outside the library's directories")
	fs.IntVar(&cfg.ReadWidth, "width", cfg.ReadWidth, "widest the article text is set, in columns")
	fs.StringVar(&cfg.Style, "style", "", "force dark, light, ascii or notty (default: each client's background)")
	hyperlinks := fs.Bool("hyperlinks", true, "write links as OSC 8 hyperlinks")
	maxSize := sizeFlag(articles.DefaultMaxSize)
	fs.Var(&maxSize, "max-size", "largest file read as an article")
	statePath := fs.String("state", "", "state database for visitors' marks, positions and bookmarks, by public key: a file, or postgres://... shared by several instances (default $XDG_STATE_HOME/bao/state.db)")
	noState := fs.Bool("no-state", false, "remember nothing between sessions")
	fs.BoolVar(&cfg.ProxyProtocol, "proxy-protocol", false, "take each client's address from the PROXY protocol header (v1 or v2) a load balancer sends; needs --trusted-proxies")
	metricsAddr := fs.String("metrics", "", "serve Prometheus metrics at http://ADDR/metrics and a health check at /healthz (e.g. 127.0.0.1:9100)")
	trusted := fs.String("trusted-proxies", "", "addresses or CIDR ranges of the load balancers whose PROXY headers are believed, separated by commas; a PROXY header from anyone else is refused")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bao serve [flags] [PATH...]   (no PATH: the sample library)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	cfg.NoHyperlinks = !*hyperlinks
	if *trusted != "" {
		nets, err := server.ParseTrustedProxies(*trusted)
		if err != nil {
			fmt.Fprintf(stderr, "bao serve: %v\n", err)
			return 2
		}
		cfg.TrustedProxies = nets
	}
	cfg.MaxOutput, cfg.MaxPendingInput = int(maxOutput), int64(maxInput)
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, Prefix: "bao"})
	cfg.Logger = logger
	paths := fs.Args()
	for _, p := range paths {
		if articles.IsURL(p) {
			// Pages are saved into the library first (bao add), so that a
			// visitor can never make the server fetch anything.
			fmt.Fprintf(stderr, "bao serve: %s: serve a library directory; web pages are not fetched by the server\n", p)
			return 2
		}
	}
	// Visitors see only files inside the library's directories unless
	// --follow-links says otherwise: a link to /etc/shadow in a served
	// directory must not show that file to anyone who connects.
	opts := articles.Options{MaxSize: int64(maxSize), Confine: !cfg.FollowLinks}
	// Visitors' readers read an article whole when they open it: the
	// server keeps summaries, so a large library takes little memory.
	confined := articles.Confiner(paths)
	cfg.Reload = func(a *model.Article) (*model.Article, error) {
		if opts.Confine && a.Path != "-" {
			if err := confined(a.Path); err != nil {
				return nil, err
			}
		}
		return articles.Reload(a, opts)
	}
	load := func() *model.Library {
		if len(paths) == 0 {
			return articles.Sample()
		}
		lib := articles.LoadSummaries(paths, opts)
		for i, e := range lib.Errors {
			logger.Warn("not loaded", "path", model.SafeText(e.Path), "reason", e.Err)
			// Visitors see the failed files (e in the list) by their
			// place in the library, never by where it is on the server.
			lib.Errors[i].Path = libraryPath(paths, e.Path)
		}
		return lib
	}
	store, warning := openState(*statePath, *noState)
	defer store.Close()
	if warning != "" {
		logger.Warn("not saving reader state", "reason", warning)
	}
	cfg.Store = store
	// The server listens at once and loads the library meanwhile: a large
	// one takes seconds, and visitors see the loading screen until then.
	srv, err := server.New(cfg, nil)
	if err != nil {
		logger.Error(err)
		return 1
	}
	timedLoad := func() *model.Library {
		start := time.Now()
		lib := load()
		srv.LibraryLoaded(time.Since(start))
		return lib
	}
	ln, err := srv.Listen()
	if err != nil {
		logger.Error(err)
		return 1
	}
	if *metricsAddr != "" {
		addr, err := srv.ServeMetrics(*metricsAddr)
		if err != nil {
			logger.Error("metrics", "err", err)
			ln.Close()
			return 1
		}
		logger.Info("metrics", "addr", "http://"+addr.String()+"/metrics", "health", "http://"+addr.String()+"/healthz")
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	// Changes that come while the first load runs are in it or follow it.
	changes := watchServed(paths, logger)
	go func() { srv.Reload(timedLoad()) }()
	return waitForSignals(srv, timedLoad, changes, done, logger)
}

// watchServed reports changes to the served directories (bao fetch
// writing new articles, an editor saving one), gathered over a second;
// nil when nothing served is a directory or it cannot be watched.
func watchServed(paths []string, logger *log.Logger) <-chan []string {
	var dirs []string
	for _, p := range paths {
		if isDir(p) {
			dirs = append(dirs, p)
		}
	}
	if len(dirs) == 0 {
		return nil
	}
	ch, err := articles.Watch(context.Background(), dirs, time.Second)
	if err != nil {
		logger.Warn("not watching the library for changes; SIGHUP reloads it", "reason", err)
		return nil
	}
	return ch
}

// waitForSignals reloads on SIGHUP and when the library's files change,
// and shuts down on SIGINT or SIGTERM, giving readers ten seconds to be
// told and disconnected.
func waitForSignals(srv *server.Server, load func() *model.Library, changes <-chan []string, done chan error, logger *log.Logger) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	for {
		select {
		case err := <-done:
			if err != nil {
				logger.Error(err)
				return 1
			}
			return 0
		case batch := <-changes:
			logger.Info("library files changed", "files", len(batch))
			srv.Reload(load())
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				srv.Reload(load())
				continue
			}
			// A reload asked for from now on has nothing to reload, and
			// once signal.Stop below restores SIGHUP's default, one
			// arriving late would end the process by the signal instead
			// of with the exit status shutdown gives.
			signal.Ignore(syscall.SIGHUP)
			logger.Info("shutting down", "signal", sig.String(), "readers", srv.Sessions())
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			srv.Shutdown(ctx)
			cancel()
			return 0
		}
	}
}

// libraryPath names path by its place in the library: relative to the
// library directory it was found in, with that directory's own name
// first ("news/2026/a.txt" for /srv/news/2026/a.txt served from
// /srv/news), or by its base name when it is none of them.
func libraryPath(roots []string, path string) string {
	for _, root := range roots {
		rel, err := filepath.Rel(root, path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
			continue
		}
		if rel == "." {
			return filepath.Base(path)
		}
		return filepath.Join(filepath.Base(filepath.Clean(root)), rel)
	}
	return filepath.Base(path)
}
