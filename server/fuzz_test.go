package server

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	gossh "golang.org/x/crypto/ssh"
)

var fuzzRequestTypes = []string{"pty-req", "window-change", "env", "shell", "exec", "subsystem", "signal", "break", "auth-agent-req@openssh.com", "x11-req", "other"}

// FuzzSessionRequests applies arbitrary requests with arbitrary payloads,
// in any order, to a session: nothing may panic, memory stays bounded, and
// a session starts at most once.
func FuzzSessionRequests(f *testing.F) {
	env := gossh.Marshal(struct{ Key, Value string }{"COLORTERM", "truecolor"})
	pty := gossh.Marshal(struct {
		Term               string
		Cols, Rows, PW, PH uint32
		Modes              string
	}{"xterm", 80, 24, 0, 0, ""})
	f.Add([]byte{0}, pty, uint16(3))
	f.Add([]byte{2, 2, 2, 0, 1, 1, 3, 3}, env, uint16(100))
	f.Add([]byte{4, 3, 1}, []byte("\x00\x00\x00\x02ls"), uint16(0))
	f.Fuzz(func(t *testing.T, kinds, payload []byte, repeat uint16) {
		c := &channel{started: make(chan struct{}), resized: make(chan struct{}, 1), requestsDone: make(chan struct{})}
		started := 0
		// At most 4,096 requests a call, so that a long list of kinds does
		// not outlast the fuzzer's ten seconds a call.
		kinds = kinds[:min(len(kinds), 4096/(int(repeat%200)+1))]
		for r := 0; r <= int(repeat%200); r++ {
			for i, k := range kinds {
				typ := fuzzRequestTypes[int(k)%len(fuzzRequestTypes)]
				p := payload
				if i%2 == 1 && len(p) > 0 {
					p = p[:len(p)/2]
				}
				before := c.kind
				c.request(&gossh.Request{Type: typ, Payload: p})
				if before == "" && c.kind != "" {
					started++
				}
			}
		}
		if started > 1 {
			t.Fatalf("the session started %d times", started)
		}
		if len(c.env) > maxEnvRequests {
			t.Fatalf("%d env variables kept", len(c.env))
		}
		for _, e := range c.env {
			if len(e) > maxEnvValue+32 {
				t.Fatalf("an env entry of %d bytes kept", len(e))
			}
		}
		if c.pty != nil && (!saneTerm(c.pty.Term) || c.window.Width > 1<<16 || c.window.Height > 1<<16) {
			t.Fatalf("pty %+v window %+v", c.pty, c.window)
		}
		if len(c.command) > maxCommandLen {
			t.Fatalf("a command of %d bytes kept", len(c.command))
		}
	})
}

// FuzzInputDecoding feeds arbitrary input, pastes included, through the
// bounded reader and the terminal decoder: decoding ends, input that
// yields no event stops at the limit, and input the decoder fails on is
// an error, not a crash.
func FuzzInputDecoding(f *testing.F) {
	f.Add([]byte("jjk\r\x1b[A"), uint8(3))
	f.Add([]byte("\x1b[200~hello"), uint8(200))
	f.Add([]byte("\x1bP1$r"), uint8(50))
	// Inputs the decoder panicked on: an 8-bit mouse report at the end of
	// its buffer.
	f.Add([]byte("\x85\x9bM"), uint8('C'))
	f.Add([]byte(strings.Repeat("x", 59)+"\x9bMabc"), uint8(0))
	f.Fuzz(func(t *testing.T, chunk []byte, times uint8) {
		const limit = 64 << 10
		// Four times the limit is enough to pass it; more only makes a
		// run of key presses outlast the fuzzer's ten seconds a call, or
		// a large chunk repeated take hundreds of megabytes.
		repeat := int(times) + 1
		if len(chunk) > 0 {
			repeat = min(repeat, 4*limit/len(chunk)+1)
		}
		input := bytes.Repeat(chunk, repeat)
		input = input[:min(len(input), 4*limit)]
		in := &boundedInput{r: bytes.NewReader(input), limit: limit}
		events := make(chan uv.Event)
		errc := make(chan error, 1)
		go func() {
			defer close(events)
			errc <- streamEvents(context.Background(), uv.NewTerminalReader(in, "xterm-256color"), events)
		}()
		for range events {
			in.pending.Store(0)
		}
		if err := <-errc; err != nil && !errors.Is(err, errInputOverflow) && !errors.Is(err, errUndecodable) {
			t.Fatalf("decoding: %v", err)
		}
	})
}
