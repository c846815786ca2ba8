package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"bao/articles"
	"bao/model"
)

// runAdd fetches web pages and saves their articles into the library.
func runAdd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bao add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	library := fs.String("library", "", "the library directory (default $XDG_DATA_HOME/bao/library)")
	maxSize := sizeFlag(articles.DefaultMaxSize)
	fs.Var(&maxSize, "max-size", "largest page read")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bao add [--library DIR] URL...\n\nFetches each page, finds its article and saves it into the library as\nMarkdown with front matter; an article saved before is not saved again.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	urls := fs.Args()
	if len(urls) == 0 {
		fs.Usage()
		return 2
	}
	dir, err := libraryDir(*library)
	if err != nil {
		fmt.Fprintf(stderr, "bao add: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	lib := &articles.Library{Dir: dir}
	client := articles.NewClient()
	opts := articles.Options{MaxSize: int64(maxSize), Client: client}
	code := 0
	for _, u := range urls {
		if !articles.IsURL(u) {
			fmt.Fprintf(stderr, "bao add: %s: not an http or https address\n", model.SafeText(u))
			code = 1
			continue
		}
		a, err := articles.Fetch(ctx, client, u, opts)
		if err == nil {
			var path string
			path, err = lib.Save(a, articles.SaveInfo{Fetched: time.Now()})
			switch {
			case errors.Is(err, articles.ErrSaved):
				fmt.Fprintf(stdout, "already saved: %s\n", path)
				continue
			case err == nil:
				fmt.Fprintf(stdout, "saved %s: %s\n", path, model.SafeText(a.Title))
				continue
			}
		}
		fmt.Fprintf(stderr, "bao add: %s: %s\n", model.SafeText(u), model.SafeText(err.Error()))
		code = 1
		if ctx.Err() != nil {
			break
		}
	}
	return code
}

// libraryDir is the library directory given, or the default one.
func libraryDir(given string) (string, error) {
	if given != "" {
		return given, nil
	}
	return articles.DefaultLibraryDir()
}
