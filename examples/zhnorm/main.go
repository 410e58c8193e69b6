// Command zhnorm cleans and converts Chinese text: it reads the named files
// in order, or standard input, and writes the result to standard output.
//
//	zhnorm [flags] [FILE...]
//
// Memory stays constant in the size of the input: text streams through the
// converter. A file that cannot be read is reported on standard error, the
// other files are still processed, and the exit status is 1. A bad flag or
// config name prints usage and exits with status 2.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: zhnorm [flags] [FILE...]

zhnorm cleans Chinese newspaper text (normalization, on by default) and
converts it between scripts and regional variants with OpenCC's configs. It
reads the files in order, or standard input, and writes standard output.

flags:
`

// exit statuses
const (
	exitOK    = 0
	exitInput = 1 // some input could not be processed
	exitUsage = 2
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zhnorm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("c", "", "convert with the OpenCC config `NAME` (see -list), or a config file ending in .json")
	list := fs.Bool("list", false, "list the configs and exit")
	normalize := fs.Bool("normalize", true, "normalize the text before converting it")
	rules := fs.String("rules", "", "switch normalization rules off (-name) or on (+name), comma-separated, e.g. `-pinyin,+unwrap`")
	stats := fs.Bool("stats", false, "print what the normalizer changed and the suspect spots it kept to standard error")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if *list {
		for _, c := range zhnorm.Configs() {
			fmt.Fprintf(stdout, "%-13s %s\n", c.Name, c.Description)
		}
		return exitOK
	}
	var normalizer *zhnorm.Normalizer
	if *normalize {
		opts, err := zhnorm.ParseRules(*rules)
		if err != nil {
			fmt.Fprintf(stderr, "zhnorm: %v\n", err)
			fs.Usage()
			return exitUsage
		}
		normalizer = zhnorm.NewNormalizer(opts...)
	}
	var converter *zhnorm.Converter
	if *config != "" {
		c, err := loadConverter(*config)
		if err != nil {
			fmt.Fprintf(stderr, "zhnorm: %v\n", err)
			fs.Usage()
			return exitUsage
		}
		converter = c
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	status := exitOK
	process := func(name string, r io.Reader) {
		var steps []transform.Transformer
		if normalizer != nil {
			normalizer.Reset() // a new document
			steps = append(steps, normalizer)
		}
		if converter != nil {
			steps = append(steps, converter)
		}
		var t transform.Transformer = transform.Nop
		if len(steps) > 0 {
			t = transform.Chain(steps...)
		}
		if _, err := io.Copy(out, transform.NewReader(r, t)); err != nil {
			fmt.Fprintf(stderr, "zhnorm: %s: %v\n", name, err)
			status = exitInput
		}
		if *stats && normalizer != nil {
			fmt.Fprintf(stderr, "%s:\n%s", name, normalizer.Report())
		}
	}
	if fs.NArg() == 0 {
		process("standard input", stdin)
	}
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "zhnorm: %v\n", err)
			status = exitInput
			continue
		}
		process(name, f)
		f.Close()
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "zhnorm: writing output: %v\n", err)
		return exitInput
	}
	return status
}

// loadConverter returns a built-in config by name, or loads a config file.
func loadConverter(name string) (*zhnorm.Converter, error) {
	if strings.HasSuffix(name, ".json") && strings.ContainsAny(name, `/\`) {
		return zhnorm.LoadConfig(name)
	}
	return zhnorm.NewConverter(name)
}
