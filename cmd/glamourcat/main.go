// Command glamourcat renders a Markdown file to standard output through
// Glamour's TermRenderer with the dark style and word wrap at 80 columns,
// the rendering glow -s dark -w 80 asks Glamour for, without glow's own
// command line and configuration. scripts/bench-process.sh and
// scripts/bench-docs.sh use it as the reference for bao's whole-process
// time where glow itself is not installed.
package main

import (
	"fmt"
	"os"

	"charm.land/glamour/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: glamourcat FILE.md")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := r.Render(string(data))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.WriteString(out)
}
