package server

import (
	"errors"
	"io"
	"sync"
	"time"
)

// errSlowClient ends a session whose client stopped reading.
var errSlowClient = errors.New("client stopped reading")

// output stands between a reader's program and the client: the program's
// writes go to a buffer and never wait on the network, and one goroutine
// sends the buffer on. A client that stops reading fills the buffer to
// max, or leaves one send unfinished for longer than the write timeout;
// either way the session is dropped and the program is never blocked.
type output struct {
	w       io.Writer
	max     int
	timeout time.Duration
	onStall func()

	mu      sync.Mutex
	cond    *sync.Cond
	buf     []byte
	err     error
	closed  bool
	sending time.Time // when the send under way began; zero when idle
	// first, when set, is called at the next write (see onFirstWrite).
	first func()
}

func newOutput(w io.Writer, max int, timeout time.Duration, onStall func()) *output {
	o := &output{w: w, max: max, timeout: timeout, onStall: onStall}
	o.cond = sync.NewCond(&o.mu)
	go o.run()
	return o
}

// Write queues p, or fails when the client has fallen max bytes behind.
func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return 0, o.err
	}
	if o.closed {
		return 0, io.ErrClosedPipe
	}
	if len(o.buf)+len(p) > o.max {
		o.fail(errSlowClient)
		return 0, errSlowClient
	}
	o.buf = append(o.buf, p...)
	o.cond.Signal()
	if f := o.first; f != nil && len(p) > 0 {
		o.first = nil
		f()
	}
	return len(p), nil
}

// onFirstWrite calls f at the next write, once.
func (o *output) onFirstWrite(f func()) {
	o.mu.Lock()
	o.first = f
	o.mu.Unlock()
}

// fail records err and tells the session, once. o.mu is held.
func (o *output) fail(err error) {
	if o.err != nil {
		return
	}
	o.err = err
	o.buf = nil
	o.cond.Broadcast()
	if o.onStall != nil {
		go o.onStall()
	}
}

// run sends what is queued until Close or a failure.
func (o *output) run() {
	for {
		o.mu.Lock()
		for len(o.buf) == 0 && !o.closed && o.err == nil {
			o.cond.Wait()
		}
		if o.err != nil || len(o.buf) == 0 {
			o.mu.Unlock()
			return
		}
		chunk := o.buf
		o.buf = nil
		o.sending = time.Now()
		o.mu.Unlock()

		_, err := o.w.Write(chunk)

		o.mu.Lock()
		o.sending = time.Time{}
		if err != nil {
			o.fail(err)
		}
		o.mu.Unlock()
	}
}

// Stalled reports whether one send has been under way for longer than the
// timeout, and if so fails the output.
func (o *output) Stalled(now time.Time) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.timeout <= 0 || o.sending.IsZero() || now.Sub(o.sending) < o.timeout {
		return false
	}
	o.fail(errSlowClient)
	return true
}

// Flush waits until everything queued has been sent, for up to d.
func (o *output) Flush(d time.Duration) {
	deadline := time.Now().Add(d)
	for {
		o.mu.Lock()
		idle := (len(o.buf) == 0 && o.sending.IsZero()) || o.err != nil
		o.mu.Unlock()
		if idle || time.Now().After(deadline) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Close stops the sender once the queue is empty.
func (o *output) Close() {
	o.mu.Lock()
	o.closed = true
	o.cond.Broadcast()
	o.mu.Unlock()
}
