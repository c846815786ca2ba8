package main

import (
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// openURL opens a link with $BROWSER (a list separated by colons, as
// man-pages and xdg-utils read it) or the platform's opener, and does not
// wait for it.
func openURL(url string) error {
	var candidates [][]string
	for b := range strings.SplitSeq(os.Getenv("BROWSER"), ":") {
		if f := strings.Fields(b); len(f) > 0 {
			candidates = append(candidates, f)
		}
	}
	switch runtime.GOOS {
	case "darwin":
		candidates = append(candidates, []string{"open"})
	case "windows":
		candidates = append(candidates, []string{"rundll32", "url.dll,FileProtocolHandler"})
	default:
		candidates = append(candidates, []string{"xdg-open"})
	}
	for _, c := range candidates {
		path, err := exec.LookPath(c[0])
		if err != nil {
			continue
		}
		cmd := exec.Command(path, append(c[1:], url)...)
		if err := cmd.Start(); err != nil {
			return err
		}
		go cmd.Wait() // reap it; its exit status is its own business
		return nil
	}
	return errors.New("no browser: set $BROWSER")
}
