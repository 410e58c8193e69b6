// Command zhnorm cleans Chinese newspaper text for the programs that ingest
// it: it normalizes the text, converts it with an OpenCC config, and can
// split it into sentences or paragraphs, or rewrite fields of JSON Lines
// records. It reads the named files in order (flags may come before or
// after them; "--" ends the flags; "-" is standard input, read once), or
// standard input, and writes standard output or the file named by -o.
// Its output is always valid UTF-8.
//
//	zhnorm [flags] [FILE...]
//
// A file that cannot be read or processed is reported on standard error with
// its name (and line, where one is concerned); the other files are still
// processed, and the exit status is 1, as for any output that cannot be
// written. A bad flag or value is reported in one line naming the flag, with
// exit status 2. SIGINT, SIGTERM and SIGHUP remove a temporary -o file
// before the command dies of the signal.
package main

import (
	"bufio"
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
	// Past a few hundred MB, which only records or pages of many MB
	// reach, collect as often as that takes to stay near the live heap:
	// memory then follows the largest record, at a few times its size.
	debug.SetMemoryLimit(256 << 20)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: zhnorm [flags] [FILE...]

zhnorm cleans Chinese newspaper text (normalization, on by default) and
converts it between scripts and regional variants with OpenCC's configs
(-c), or to a target such as zh-Hans or zh-TW, detecting what each input is
written in (-to). It splits text into sentences or paragraphs (-split),
with the byte offsets each came from in the input (-offsets). It reads the
files in order, or standard input ("-", or no FILE), and writes standard
output, always valid UTF-8. Flags may follow the files; "--" ends them.

Exit status: 0 on success; 1 when an input failed or an output could not be
written; 2 for a bad flag or value. On SIGINT, SIGTERM or SIGHUP a -o
temporary file is removed and the old output stays.

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
	target     *zhnorm.Target     // nil without -to
	detect     bool               // -detect
	split      string             // "", "sentence" or "paragraph"
	jsonl      *zhnorm.JSONFields // nil without -jsonl
	skipBad    bool               // -on-error=skip
	encoding   string
	output     string
	jobs       int
	stats      bool
	progress   bool     // whether a progress bar may be shown
	page       pageMode // -page
	maxPage    int64    // -max-page
	keep       []string // -keep: record fields copied into -page's JSON
	// pageHeaders puts a "==> source <==" line before each -page=text
	// page: with several inputs, or with -jsonl.
	pageHeaders bool
	offsets     *offsetsOptions // nil without -offsets
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
	config := fs.String("c", "", "convert with the OpenCC config `NAME` (see -list), or with the config file NAME when it ends in .json")
	tf := addTargetFlags(fs)
	list := fs.Bool("list", false, "list the configs and exit")
	noTofu := fs.Bool("no-tofu-risk", false, "convert without the dictionaries OpenCC marks may_output_tofu (rare forms common fonts lack), as OpenCC's command does by default")
	version := fs.Bool("version", false, "print the version of zhnorm and of its OpenCC data, and exit")
	normalize := fs.Bool("normalize", true, "normalize the text before converting it")
	rules := fs.String("rules", "", "switch normalization rules off (-name) or on (+name), comma-separated, e.g. `-pinyin,+unwrap`")
	stats := fs.Bool("stats", false, "print statistics and the normalizer's report to standard error")
	split := fs.String("split", "", "print one `unit` a line: sentence or paragraph")
	offsets := fs.Bool("offsets", false, offsetsDoc)
	jsonl := fs.Bool("jsonl", false, "read JSON Lines and rewrite only the string fields named by -field")
	var fields, keep fieldList
	fs.Var(&fields, "field", "with -jsonl, a string field to rewrite, as a dotted `path` (repeatable)")
	fs.Var(&keep, "keep", "with -jsonl -page, record `fields` to copy into each article's \"record\" (comma-separated dotted paths, repeatable)")
	onError := fs.String("on-error", "fail", "with -jsonl, what to do with a record that is not valid JSON or lacks a field: `fail` or skip (pass it through unchanged and count it; with -page, leave it out)")
	enc := fs.String("encoding", "utf-8", "the input's `encoding`: "+strings.Join(zhnorm.Encodings, ", ")+" or a common alias (utf8, cp936, big5-hkscs); "+
		"auto decides at the first byte that is not ASCII, from the 64 KB there. Output is UTF-8: bytes that do not decode become U+FFFD and are reported")
	output := fs.String("o", "", "write to `FILE`: a regular file through a temporary file renamed at the end (replaced only on success, keeping its mode; "+
		"a link's target is replaced and the link kept); a device or pipe is written directly; with -r, FILE may be a folder to mirror the input tree in")
	jobs := fs.Int("j", runtime.NumCPU(), "process files, or JSON Lines records, on `N` workers; output stays in input order")
	recursive := fs.Bool("r", false, "read the files below each folder named, in name order, skipping hidden ones")
	maxPage := sizeFlag(maxPageDefault)
	fs.Var(&maxPage, "max-page", "with -page, the largest page read, in bytes or with a suffix K, M or G (`size`): a larger page is an error")
	var page pageMode
	fs.Var(&page, "page", "extract the article from each newspaper page (each file, or the -field of each JSON Lines record) and print it as one line of JSON, "+
		`its "from" naming the file (and record line), or with -page=text as headline, date and body, under a "==> FILE <==" line when there are several pages`)
	fs.SetOutput(io.Discard) // errors are reported here, in one line
	inputs, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		w := bufio.NewWriter(stdout)
		fmt.Fprint(w, usage)
		fs.SetOutput(w)
		fs.PrintDefaults()
		if err := w.Flush(); err != nil {
			fmt.Fprintf(stderr, "zhnorm: writing usage: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	bad := func(format string, a ...any) int {
		printError(stderr, fmt.Errorf(format+" (zhnorm -help for usage)", a...))
		return exitUsage
	}
	if err != nil {
		return bad("%v", err)
	}
	if *version || *list {
		w := bufio.NewWriter(stdout)
		if *version {
			fmt.Fprintf(w, "zhnorm %s, OpenCC data %s\n", moduleVersion(), zhnorm.DataVersion())
		} else {
			for _, c := range zhnorm.Configs() {
				fmt.Fprintf(w, "%-13s %s\n", c.Name, c.Description)
			}
		}
		if err := w.Flush(); err != nil {
			fmt.Fprintf(stderr, "zhnorm: writing output: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	o := options{output: *output, jobs: *jobs, stats: *stats, split: *split, page: page, maxPage: int64(maxPage)}
	if *normalize {
		opts, err := zhnorm.ParseRules(*rules)
		if err != nil {
			return bad("-rules: %v", err)
		}
		o.normalizer = zhnorm.NewNormalizer(opts...)
	}
	if *config != "" {
		var opts []zhnorm.ConverterOption
		if *noTofu {
			opts = append(opts, zhnorm.WithoutTofuRisk())
		}
		c, err := loadConverter(*config, opts...)
		if err != nil {
			return bad("-c: %v", err)
		}
		o.converter = c
	}
	switch o.split {
	case "", "sentence", "paragraph":
	default:
		return bad("-split %q: want sentence or paragraph", o.split)
	}
	if err := tf.apply(&o, *config); err != nil {
		return bad("%v", err)
	}
	switch *onError {
	case "fail":
	case "skip":
		o.skipBad = true
	default:
		return bad("-on-error %q: want fail or skip", *onError)
	}
	if o.page != "" && o.split != "" {
		return bad("-page and -split do not go together: leave one out")
	}
	if *jsonl {
		if len(fields) == 0 {
			return bad("-jsonl needs at least one -field")
		}
		if o.page != "" && len(fields) != 1 {
			return bad("-page with -jsonl takes one -field: the page's text")
		}
		if o.split != "" && !*offsets {
			return bad("-split and -jsonl do not go together: a record stays one line")
		}
		j, err := zhnorm.NewJSONFields(fields...)
		if err != nil {
			return bad("-field: %v", err)
		}
		o.jsonl = j
		for _, k := range keep {
			for _, p := range strings.Split(k, ",") {
				if p = strings.TrimSpace(p); p != "" {
					o.keep = append(o.keep, p)
				}
			}
		}
		if len(o.keep) > 0 && o.page == "" {
			return bad("-keep is for -page: without it every field of a record is kept")
		}
	} else if len(fields) > 0 {
		return bad("-field needs -jsonl")
	} else if len(keep) > 0 {
		return bad("-keep needs -jsonl and -page")
	}
	if msg := setupOffsets(&o, *offsets, fields); msg != "" {
		return bad("%s", msg)
	}
	name, ok := zhnorm.EncodingName(*enc)
	if !ok {
		return bad("-encoding %q: want one of %s", *enc, strings.Join(zhnorm.Encodings, ", "))
	}
	o.encoding = name
	if o.jobs < 1 {
		return bad("-j %d: want at least 1", o.jobs)
	}
	o.progress = showProgress(stderr)

	inputs = dedupeStdin(inputs)
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	o.pageHeaders = o.jsonl != nil || len(inputs) > 1 || *recursive
	start := time.Now()
	sig := watchSignals()
	defer sig.stop()
	var runs []job
	if *recursive {
		runs, err = walkInputs(inputs, o.output)
		if err != nil {
			printError(stderr, err)
			return exitInput
		}
	} else {
		runs = []job{{inputs: inputs, output: o.output}}
	}
	all := &totals{unit: o.split}
	failed := false
	for _, j := range runs {
		out, err := openOutput(j.output, stdout)
		if err != nil {
			printError(stderr, err)
			failed = true
			continue
		}
		sig.guard(out)
		t, ok := process(&o, j.inputs, stdin, out.w, stderr)
		if err := out.finish(ok); err != nil {
			printError(stderr, err)
			ok = false
		}
		all.files = append(all.files, t.files...)
		failed = failed || !ok
	}
	if o.stats {
		all.print(stderr, time.Since(start))
	}
	if failed {
		return exitInput
	}
	return exitOK
}

// parseInterleaved parses flags that may come after file names, as in
// "zhnorm a.txt -c s2t", and returns the file names. "--" ends the flags:
// every argument after it is a file. "-" is a file, standard input.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// dedupeStdin keeps the first "-" of the inputs: standard input is read
// once.
func dedupeStdin(inputs []string) []string {
	out := inputs[:0:0]
	seen := false
	for _, in := range inputs {
		if in == "-" {
			if seen {
				continue
			}
			seen = true
		}
		out = append(out, in)
	}
	return out
}

// moduleVersion is the version of the main module in the build info: a
// release tag, a pseudo-version, or "(devel)".
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(unknown)"
}

// loadConverter returns a built-in config by name, or loads a config file:
// a name ending in .json is a file, wherever it is, except that a name such
// as s2t.json, as OpenCC's command takes it, is the built-in config when no
// such file exists.
func loadConverter(name string, opts ...zhnorm.ConverterOption) (*zhnorm.Converter, error) {
	if !strings.HasSuffix(name, ".json") {
		return zhnorm.NewConverter(name, opts...)
	}
	if _, err := os.Stat(name); err != nil && !strings.ContainsAny(name, `/\`) {
		if c, err := zhnorm.NewConverter(name, opts...); err == nil {
			return c, nil
		}
	}
	return zhnorm.LoadConfig(name, opts...)
}
