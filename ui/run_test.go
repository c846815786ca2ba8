package ui

import (
	"bytes"
	"reflect"
	"runtime"

	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// runCmd runs cmd to completion and delivers its messages to *tm, depth
// first, in the order a program would see them for commands run one at a
// time. Whether a command is waited for never depends on how long it
// takes: a command is left behind only when its goroutine is parked in
// one of the waits that end by a clock or by a test, never by the program
// (see parkedWaits), which it can tell from the goroutine's stack.
func runCmd(tm *tea.Model, cmd tea.Cmd, depth int) {
	if cmd == nil || depth > 50 {
		return
	}
	msg, ok := await(cmd)
	if !ok {
		return
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(tm, c, depth+1)
		}
	default:
		if cmds, ok := sequence(msg); ok {
			for _, c := range cmds {
				runCmd(tm, c, depth+1)
			}
			return
		}
		if strings.HasPrefix(typeOf(msg), "tea.") {
			// Requests to the terminal (background colour, window
			// size): there is no terminal to answer.
			return
		}
		var next tea.Cmd
		*tm, next = (*tm).Update(msg)
		runCmd(tm, next, depth+1)
	}
}

// sequence unpacks tea.Sequence's message, a slice of commands of an
// unexported type.
func sequence(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	cmds := make([]tea.Cmd, v.Len())
	for i := range cmds {
		cmds[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return cmds, true
}

// parkedWaits are the functions whose waits end only by a clock (ticks,
// cursor blinks, status-message lifetimes) or by the test itself (the next
// batch of a library, or change of its files, whose channel the test
// holds). They are matched in the frame where the goroutine is blocked;
// inlining may put a caller's name in front of theirs.
var parkedWaits = []string{
	"charm.land/bubbletea/v2.",
	"charm.land/bubbles/v2/list.",
	"charm.land/bubbles/v2/cursor.",
	"charm.land/bubbles/v2/spinner.",
	"waitProgress.func",
	"waitChange.func",
}

// await runs cmd on its own goroutine and returns its message, or false
// when the goroutine is parked in one of parkedWaits.
func await(cmd tea.Cmd) (tea.Msg, bool) {
	done := make(chan tea.Msg, 1)
	ids := make(chan string, 1)
	go func() {
		ids <- goroutineID()
		done <- cmd()
	}()
	id := <-ids
	for poll := time.Microsecond * 50; ; poll = min(2*poll, 5*time.Millisecond) {
		select {
		case msg := <-done:
			return msg, true
		case <-time.After(poll):
		}
		if parked(id) {
			// One last look: it may have finished meanwhile.
			select {
			case msg := <-done:
				return msg, true
			default:
				return nil, false
			}
		}
	}
}

// goroutineID is the number of the calling goroutine, as its stack
// names it.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	f := strings.Fields(string(buf))
	if len(f) < 2 {
		return ""
	}
	return f[1]
}

// parked reports whether goroutine id is blocked inside one of
// parkedWaits.
func parked(id string) bool {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	head := []byte("goroutine " + id + " [")
	at := bytes.Index(buf, head)
	if at < 0 {
		return false
	}
	g := buf[at:]
	if end := bytes.Index(g, []byte("\n\n")); end >= 0 {
		g = g[:end]
	}
	state := string(g[len(head):bytes.IndexByte(g, ']')])
	if !strings.HasPrefix(state, "chan receive") && !strings.HasPrefix(state, "select") {
		return false
	}
	// The first frame after the header is where it is blocked; the
	// runtime's own frames are not shown.
	lines := bytes.SplitN(g, []byte("\n"), 3)
	if len(lines) < 2 {
		return false
	}
	for _, w := range parkedWaits {
		if bytes.Contains(lines[1], []byte(w)) {
			return true
		}
	}
	return false
}
