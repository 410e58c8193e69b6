// Command zhnorm cleans Chinese newspaper text for the programs that ingest
// it: it normalizes the text, converts it with an OpenCC config, and can
// split it into sentences or paragraphs, or rewrite fields of JSON Lines
// records. It reads the named files in order, or standard input, and writes
// standard output or the file named by -o.
//
//	zhnorm [flags] [FILE...]
//
// A file that cannot be read or processed is reported on standard error with
// its name (and line, where one is concerned); the other files are still
// processed, and the exit status is 1. A bad flag or value prints usage and
// exits with status 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/zhnorm/zhnorm"
)

func main() {
	// The live heap is small and bounded (tables, batches in flight), so a
	// lazier collector costs little memory and leaves the workers the CPU:
	// -j 2 on JSON Lines goes from 1.6x to 1.8x -j 1 on two cores.
	debug.SetGCPercent(400)
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

// fieldList collects a repeatable flag.
type fieldList []string

func (f *fieldList) String() string     { return strings.Join(*f, ",") }
func (f *fieldList) Set(v string) error { *f = append(*f, v); return nil }

// options are the parsed flags.
type options struct {
	normalizer *zhnorm.Normalizer // nil with -normalize=false
	converter  *zhnorm.Converter  // nil without -c
	split      string             // "", "sentence" or "paragraph"
	jsonl      *zhnorm.JSONFields // nil without -jsonl
	skipBad    bool               // -on-error=skip
	encoding   string
	output     string
	jobs       int
	stats      bool
	progress   bool     // whether a progress bar may be shown
	page       pageMode // -page
}

// pageMode is the -page flag: off, "json" (-page alone) or "text".
type pageMode string

func (p *pageMode) String() string   { return string(*p) }
func (p *pageMode) IsBoolFlag() bool { return true }
func (p *pageMode) Set(v string) error {
	switch v {
	case "true", "json":
		*p = "json"
	case "text":
		*p = "text"
	case "false":
		*p = ""
	default:
		return fmt.Errorf("want json or text")
	}
	return nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zhnorm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("c", "", "convert with the OpenCC config `NAME` (see -list), or a config file ending in .json")
	list := fs.Bool("list", false, "list the configs and exit")
	normalize := fs.Bool("normalize", true, "normalize the text before converting it")
	rules := fs.String("rules", "", "switch normalization rules off (-name) or on (+name), comma-separated, e.g. `-pinyin,+unwrap`")
	stats := fs.Bool("stats", false, "print statistics and the normalizer's report to standard error")
	split := fs.String("split", "", "print one `unit` a line: sentence or paragraph")
	jsonl := fs.Bool("jsonl", false, "read JSON Lines and rewrite only the string fields named by -field")
	var fields fieldList
	fs.Var(&fields, "field", "with -jsonl, a string field to rewrite, as a dotted `path` (repeatable)")
	onError := fs.String("on-error", "fail", "with -jsonl, what to do with a record that is not valid JSON or lacks a field: `fail` or skip (pass it through unchanged and count it)")
	enc := fs.String("encoding", "utf-8", "the input's `encoding`: "+strings.Join(zhnorm.Encodings, ", ")+"; output is UTF-8")
	output := fs.String("o", "", "write to `FILE`, through a temporary file renamed at the end: an existing FILE is replaced only on success")
	jobs := fs.Int("j", runtime.NumCPU(), "process files, or JSON Lines records, on `N` workers; output stays in input order")
	var page pageMode
	fs.Var(&page, "page", "extract the article from each newspaper page (each file, or the -field of each JSON Lines record) and print it as one line of JSON, or with -page=text as headline, date and body")
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
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "zhnorm: "+format+"\n", a...)
		fs.Usage()
		return exitUsage
	}
	o := options{encoding: strings.ToLower(*enc), output: *output, jobs: *jobs, stats: *stats, split: *split, page: page}
	if *normalize {
		opts, err := zhnorm.ParseRules(*rules)
		if err != nil {
			return bad("%v", err)
		}
		o.normalizer = zhnorm.NewNormalizer(opts...)
	}
	if *config != "" {
		c, err := loadConverter(*config)
		if err != nil {
			return bad("%v", err)
		}
		o.converter = c
	}
	switch o.split {
	case "", "sentence", "paragraph":
	default:
		return bad("-split %q: want sentence or paragraph", o.split)
	}
	switch *onError {
	case "fail":
	case "skip":
		o.skipBad = true
	default:
		return bad("-on-error %q: want fail or skip", *onError)
	}
	if o.page != "" && o.split != "" {
		return bad("-page and -split do not go together")
	}
	if *jsonl {
		if len(fields) == 0 {
			return bad("-jsonl needs at least one -field")
		}
		if o.page != "" && len(fields) != 1 {
			return bad("-page with -jsonl takes one -field: the page's text")
		}
		if o.split != "" {
			return bad("-split and -jsonl do not go together: a record stays one line")
		}
		j, err := zhnorm.NewJSONFields(fields...)
		if err != nil {
			return bad("%v", err)
		}
		o.jsonl = j
	} else if len(fields) > 0 {
		return bad("-field needs -jsonl")
	}
	if !validEncoding(o.encoding) {
		return bad("-encoding %q: want one of %s", o.encoding, strings.Join(zhnorm.Encodings, ", "))
	}
	if o.jobs < 1 {
		return bad("-j %d: want at least 1", o.jobs)
	}
	o.progress = showProgress(stderr)

	start := time.Now()
	out, err := openOutput(o.output, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "zhnorm: %v\n", err)
		return exitInput
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	totals, ok := process(&o, inputs, stdin, out.w, stderr)
	if err := out.finish(ok); err != nil {
		fmt.Fprintf(stderr, "zhnorm: %v\n", err)
		ok = false
	}
	if o.stats {
		totals.print(stderr, time.Since(start))
	}
	if !ok {
		return exitInput
	}
	return exitOK
}

func validEncoding(name string) bool {
	for _, e := range zhnorm.Encodings {
		if e == name {
			return true
		}
	}
	return false
}

// loadConverter returns a built-in config by name, or loads a config file.
func loadConverter(name string) (*zhnorm.Converter, error) {
	if strings.HasSuffix(name, ".json") && strings.ContainsAny(name, `/\`) {
		return zhnorm.LoadConfig(name)
	}
	return zhnorm.NewConverter(name)
}
