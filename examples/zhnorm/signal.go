package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// A signalWatch removes the output's temporary file when the process is
// interrupted or terminated (SIGINT, SIGTERM, SIGHUP), then dies of the same
// signal, so that the caller sees what stopped it. It is started before the
// output is opened, so that no signal finds a temporary file unwatched.
type signalWatch struct {
	sigs chan os.Signal
	done chan struct{}
	mu   sync.Mutex
	out  *output
}

func watchSignals() *signalWatch {
	w := &signalWatch{sigs: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(w.sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go w.loop()
	return w
}

// guard makes out the output to clean up.
func (w *signalWatch) guard(out *output) {
	w.mu.Lock()
	w.out = out
	w.mu.Unlock()
}

// stop ends the watch; the default actions of the signals return.
func (w *signalWatch) stop() {
	signal.Stop(w.sigs)
	close(w.done)
}

func (w *signalWatch) loop() {
	select {
	case s := <-w.sigs:
		w.mu.Lock()
		if w.out != nil {
			w.out.abort()
		}
		// Die of the signal itself, as a shell expects of a program it
		// interrupts; where that does not happen, exit with the status
		// a shell would report.
		signal.Reset(s)
		if p, err := os.FindProcess(os.Getpid()); err == nil {
			p.Signal(s)
		}
		code := 1
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	case <-w.done:
	}
}
