// Command claimtrace reads news articles in any language and writes what they
// claim, on whose word, about whom, where, when and how many, as one
// claimtrace/v1 JSON document per article.
//
// This package only wires: it parses flags into the packages' Config values,
// calls them, and maps errors to exit codes. The work lives in internal/.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes: 0 everything went through, 1 some inputs failed (the good
// documents were still written), 2 a usage error, 3 a fatal error, 4 input
// refused by --strict-unicode (documents written, bidi controls present).
const (
	exitOK      = 0
	exitPartial = 1
	exitUsage   = 2
	exitFatal   = 3
	exitRefused = 4
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	code := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// Main holds the program's streams so tests can run it in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// errPartial means some inputs failed while the rest were processed.
var errPartial = errors.New("some inputs failed")

// errBidi means --strict-unicode found bidi controls.
var errBidi = errors.New("refused by --strict-unicode")

// usageError is a command-line mistake; its hint tells what to type.
type usageError struct {
	msg  string
	hint string
}

func (e *usageError) Error() string { return e.msg }

// Run dispatches a subcommand and returns the process exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	log := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if len(args) == 0 {
		m.usage()
		return exitUsage
	}
	var err error
	switch args[0] {
	case "analyze":
		err = m.analyze(ctx, log, args[1:])
	case "bench":
		err = m.bench(ctx, log, args[1:])
	case "kb":
		err = m.kbCmd(ctx, log, args[1:])
	case "entities":
		err = m.entities(ctx, log, args[1:])
	case "help", "-h", "-help", "--help":
		m.usage()
		return exitOK
	default:
		err = &usageError{msg: fmt.Sprintf("unknown command %q", args[0]), hint: "claimtrace help"}
	}
	return m.exitCode(err)
}

// exitCode maps an error to an exit status, in one place.
func (m *Main) exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(m.Stderr, "claimtrace: %v\n", ue.msg)
		if ue.hint != "" {
			fmt.Fprintf(m.Stderr, "Try: %s\n", ue.hint)
		}
		return exitUsage
	case errors.Is(err, errPartial):
		fmt.Fprintf(m.Stderr, "claimtrace: %v\n", err)
		return exitPartial
	case errors.Is(err, errBidi):
		fmt.Fprintf(m.Stderr, "claimtrace: %v\n", err)
		return exitRefused
	default:
		fmt.Fprintf(m.Stderr, "claimtrace: %v\n", err)
		return exitFatal
	}
}

func (m *Main) usage() {
	fmt.Fprint(m.Stderr, `claimtrace: what news claims, on whose word, about whom, where, when, how many.

Usage:
  claimtrace analyze [flags] [FILE|DIR|-]...   one claimtrace/v1 JSON document per input, one per line
  claimtrace kb list|show|search|validate      browse and check the knowledge base (built-in + --kb DIR)
  claimtrace entities --unknown [PATH]...      names the knowledge base does not know, clustered, with counts
  claimtrace bench [flags]                     analyze a generated corpus and report speed and memory
  claimtrace help

Run 'claimtrace COMMAND -h' for a command's flags.
`)
}
