// Command bao is a terminal reader for articles: scraped plain-text news,
// Markdown, and more.
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"bao/articles"
	"bao/model"
	"bao/state"
	"bao/ui"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches the subcommands and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "cat":
			return runCat(args[1:], stdin, stdout, stderr)
		case "add":
			return runAdd(args[1:], stdout, stderr)
		case "feeds":
			return runFeeds(args[1:], stdout, stderr)
		case "fetch":
			return runFetch(args[1:], stdout, stderr)
		case "serve":
			return runServe(args[1:], stderr)
		case "version", "--version", "-version":
			fmt.Fprintln(stdout, "bao", version())
			return 0
		case "help":
			// The reader's usage and flags, to standard output.
			return runRead([]string{"-h"}, stdin, stdout, stdout)
		}
	}
	return runRead(args, stdin, stdout, stderr)
}

// version is the module's version, or the commit it was built from (with
// "+dirty" when the tree had changes), or "devel".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return "devel"
	}
	return rev + dirty
}

// sizeFlag is a byte count that accepts K, M and G suffixes.
type sizeFlag int64

func (s *sizeFlag) String() string {
	switch n := int64(*s); {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dM", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dK", n>>10)
	default:
		return fmt.Sprint(n)
	}
}

func (s *sizeFlag) Set(v string) error {
	mult := int64(1)
	switch u := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(v, "B"), "iB")); {
	case strings.HasSuffix(u, "K"):
		mult, v = 1<<10, u[:len(u)-1]
	case strings.HasSuffix(u, "M"):
		mult, v = 1<<20, u[:len(u)-1]
	case strings.HasSuffix(u, "G"):
		mult, v = 1<<30, u[:len(u)-1]
	}
	var n int64
	if _, err := fmt.Sscan(v, &n); err != nil || n <= 0 {
		return errors.New("want a size such as 16M")
	}
	*s = sizeFlag(n * mult)
	return nil
}

// runCat prints articles as text or JSON Lines.
func runCat(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bao cat", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per article per line")
	width := fs.Int("width", 80, "wrap text at this many columns (0: no wrapping)")
	maxSize := sizeFlag(articles.DefaultMaxSize)
	fs.Var(&maxSize, "max-size", "largest file read as an article")
	color := fs.String("color", "auto", "auto, always or never: style the text as the reader does (auto: when standard output is a terminal)")
	style := fs.String("style", "", "with colour: dark, light, ascii, notty or a Glamour JSON style file (default dark)")
	hyperlinks := fs.Bool("hyperlinks", true, "with colour: write links as OSC 8 hyperlinks")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: bao cat [--json] [--color WHEN] [--style STYLE] [--width N] [--max-size SIZE] PATH... (- for standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	styled, err := newStyledOutput(*color, *style, *hyperlinks, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "bao cat: %v\n", err)
		return 2
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	printed, failed := 0, 0
	// Articles are printed as they load, in order, so a library of any size
	// goes through in little memory.
	err = articles.Each(paths, articles.Options{MaxSize: int64(maxSize), Stdin: stdin}, func(a *model.Article, loadErr *model.LoadError) error {
		if loadErr != nil {
			failed++
			articles.PrintError(stderr, *loadErr)
			return nil
		}
		if *asJSON {
			return articles.WriteJSON(out, a)
		}
		if printed++; printed > 1 {
			fmt.Fprintln(out)
		}
		return styled.write(out, a, *width)
	})
	if err != nil {
		fmt.Fprintf(stderr, "bao: write: %v\n", err)
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// parseExit is the exit code for a flag error: 0 for -h, 2 otherwise.
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// reportErrors prints the library's load errors and returns the exit code.
func reportErrors(stderr io.Writer, lib *model.Library) int {
	for _, e := range lib.Errors {
		articles.PrintError(stderr, e)
	}
	if len(lib.Errors) > 0 {
		return 1
	}
	return 0
}

// runRead opens the reader on the given paths, the sample library when
// there are none, or standard input when it is a pipe. When standard output
// is not a terminal it prints the articles as text instead, like cat.
func runRead(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bao", flag.ContinueOnError)
	fs.SetOutput(stderr)
	style := fs.String("style", "", "dark, light, ascii, notty or a Glamour JSON style file (default: from the terminal's background)")
	width := fs.Int("width", 80, "widest the article text is set, in columns")
	maxSize := sizeFlag(articles.DefaultMaxSize)
	fs.Var(&maxSize, "max-size", "largest file read as an article")
	statePath := fs.String("state", "", "state database: read marks, positions, bookmarks, search index: a file, or postgres://... (default $XDG_STATE_HOME/bao/state.db)")
	noState := fs.Bool("no-state", false, "remember nothing between runs")
	color := fs.String("color", "auto", "when standard output is not a terminal: auto or never print plain text, always the styled rendering")
	hyperlinks := fs.Bool("hyperlinks", true, "write links as OSC 8 hyperlinks (-hyperlinks=false for terminals that show them wrongly)")
	library := fs.String("library", "", "the library read when no PATH is given (default $XDG_DATA_HOME/bao/library; the sample while it is empty)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	paths := fs.Args()
	if len(paths) == 0 && !isTerminal(stdin) {
		paths = []string{"-"}
	}
	ownLibrary := len(paths) == 0
	if ownLibrary {
		paths = savedLibrary(*library)
	}
	opts := articles.Options{MaxSize: int64(maxSize), Stdin: stdin}
	load := func() *model.Library {
		if len(paths) == 0 {
			return articles.Sample()
		}
		return articles.Load(paths, opts)
	}
	if !isTerminal(stdout) {
		styled, err := newStyledOutput(*color, *style, *hyperlinks, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "bao: %v\n", err)
			return 2
		}
		return printText(load(), *width, styled, stdout, stderr)
	}
	if os.Getenv("NO_COLOR") != "" && *style == "" {
		*style = "notty"
	}
	store, warning := openState(*statePath, *noState)
	defer store.Close()
	var stream func() <-chan model.Progress
	if len(paths) > 0 {
		// Large libraries show their first articles while the rest load.
		stream = func() <-chan model.Progress { return articles.Stream(paths, opts, 100*time.Millisecond) }
	}
	// One file is kept whole: it opens straight away, and a summary would
	// make the reader read and parse it again to show it. A large one is
	// parsed first up to 32 KiB (hundreds of lines, several screens), so
	// that its first screen shows while the rest is parsed.
	single := len(paths) == 1 && !isDir(paths[0])
	if single {
		opts.Head = 32 << 10
	}
	// A reader's heap is mostly the library, which stays put once loaded:
	// collecting more often costs little and keeps resident memory close
	// to the library's size.
	debug.SetGCPercent(25)
	m, err := ui.New(ui.Options{
		Loaded: func(*model.Library) { debug.FreeOSMemory() },
		Load:   load, Stream: stream, Style: *style,
		Summaries: !single, Reload: func(a *model.Article) (*model.Article, error) { return articles.Reload(a, opts) }, ReadWidth: *width, OpenSingle: single, NoHyperlinks: !*hyperlinks, Suspend: true,
		User: store.User("local"), Index: store, IndexOnLoad: true, Warning: warning, OpenURL: openURL,
		Changes: watchLibrary(paths, ownLibrary, *library, opts),
		Refresh: refresher(store, *library, ownLibrary),
	})
	if err != nil {
		fmt.Fprintf(stderr, "bao: %v\n", err)
		return 2
	}
	// The colour profile from the environment alone: Bubble Tea's own
	// detection runs "tmux info" inside tmux, 30 ms or more before the
	// first frame, to tell 256 colours from true colour.
	profile := colorprofile.Env(os.Environ())
	if os.Getenv("TMUX") != "" && profile < colorprofile.ANSI256 {
		profile = colorprofile.ANSI256
	}
	// bao titles the window after the article; the terminal's own title
	// is pushed on its title stack first and popped at the end (xterm's
	// window operations 22 and 23; terminals without them ignore both).
	io.WriteString(stdout, "\x1b[22;0t")
	defer io.WriteString(stdout, "\x1b[23;0t")
	if _, err := tea.NewProgram(m, tea.WithColorProfile(profile)).Run(); err != nil {
		fmt.Fprintf(stderr, "bao: %v\n", err)
		return 1
	}
	return 0
}

const usage = `bao reads articles in the terminal: scraped plain-text news, Markdown
and web pages.

usage:
  bao [flags] [PATH|URL...] read files, directories and web pages (- for
                            standard input); with none, the library that
                            bao add saves into, or the built-in sample
                            library while it is empty
  bao add URL...            save web pages' articles into the library
  bao feeds [add|remove|import|export] ...
                            the news feeds followed (bao feeds -h)
  bao fetch                 save the new articles of every feed followed
  bao cat [--json] PATH...  print articles as text or JSON Lines
  bao version               print bao's version
  bao help                  print this help
  bao serve [flags] [PATH...]
                            serve the reader over SSH (bao serve -h)

flags:
`

// savedLibrary is what bao reads with no path: the library bao add saves
// into once it holds articles; none (the sample) before.
func savedLibrary(given string) []string {
	if dir, err := libraryDir(given); err == nil && articles.HasArticles(dir) {
		return []string{dir}
	}
	return nil
}

// openState opens the state store, or an in-memory one when there should
// be none or it cannot be opened; the warning says why reading goes on
// without saving.
func openState(path string, none bool) (*state.Store, string) {
	var warning string
	if !none {
		if path == "" {
			p, err := state.DefaultPath()
			if err != nil {
				warning = err.Error()
			}
			path = p
		}
		if state.IsPostgres(path) {
			s, err := state.OpenPostgres(path)
			if err == nil {
				return s, ""
			}
			warning = err.Error()
		} else if path != "" {
			s, err := state.Open(path)
			if err == nil {
				return s, ""
			}
			warning = err.Error()
		}
	}
	s, err := state.OpenMemory()
	if err != nil {
		panic(fmt.Sprintf("in-memory state: %v", err)) // only a broken SQLite build gets here
	}
	return s, warning
}

// printText prints every article as text, for pipes.
func printText(lib *model.Library, width int, styled styledOutput, stdout, stderr io.Writer) int {
	out := bufio.NewWriter(stdout)
	for i, a := range lib.Articles {
		if i > 0 {
			fmt.Fprintln(out)
		}
		styled.write(out, a, width)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "bao: write: %v\n", err)
		return 1
	}
	return reportErrors(stderr, lib)
}

// styledOutput writes articles as plain text, or styled as the reader
// shows them when styles is set.
type styledOutput struct {
	styles  *ui.Styles
	profile colorprofile.Profile
}

// newStyledOutput reads --color and --style. auto styles the text only when
// standard output is a terminal and NO_COLOR is unset; always styles it
// for any output, at 256 colours unless the environment says the terminal
// has true colour.
func newStyledOutput(when, style string, hyperlinks bool, stdout io.Writer) (styledOutput, error) {
	switch when {
	case "never":
		return styledOutput{}, nil
	case "auto":
		if !isTerminal(stdout) || os.Getenv("NO_COLOR") != "" {
			return styledOutput{}, nil
		}
	case "always":
	default:
		return styledOutput{}, fmt.Errorf("--color %q: want auto, always or never", when)
	}
	st, err := ui.NewStyles(cmp.Or(style, "dark"))
	if err != nil {
		return styledOutput{}, err
	}
	if !hyperlinks {
		st = st.WithoutHyperlinks()
	}
	p := colorprofile.Env(os.Environ())
	if p < colorprofile.ANSI256 {
		p = colorprofile.ANSI256
	}
	return styledOutput{styles: &st, profile: p}, nil
}

func (o styledOutput) write(w io.Writer, a *model.Article, width int) error {
	if o.styles == nil {
		return articles.WriteText(w, a, width)
	}
	if width <= 0 {
		width = 80
	}
	return ui.WriteStyled(w, a, width, o.styles, o.profile)
}

func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(file.Fd())
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
