// Command beam cleans a newspaper archive of any size with zhnorm on an
// Apache Beam runner: the local Prism runner, Dataflow, Flink or Spark.
//
//	go run . -input 'archive/*.txt' -output out/sentences -c s2t
//
// It reads the files that -input matches (text files, or JSON Lines with
// -jsonl and -field), normalizes each text, optionally extracts the article
// of each page (-page), converts it with -c, splits it into sentences (or
// paragraphs, -split), removes duplicate sentences across the whole input,
// and writes the distinct sentences, one a line, to -shards files named
// OUTPUT-00000-of-0000N.txt. Each line is what the zhnorm command prints
// with -split, so the output, sorted, is the command's output over the same
// files, sorted and without duplicates.
//
// What could not be processed (a file that cannot be read, a record that is
// not valid JSON or lacks a field) goes, one JSON object a line with the
// reason, to OUTPUT.deadletter-00000-of-00001.jsonl (-deadletter), which is
// written, empty, when nothing failed. Counters report the normalizer's
// report summed over the input, the failures and the units; they are
// printed at the end, and a runner's UI shows them as the job runs.
//
// The runner and its settings come from Beam's own flags: --runner (prism
// by default), and for Dataflow --project, --region, --temp_location,
// --staging_location; for a Flink or Spark job server --endpoint and
// --environment_type.
//
// A bad flag prints usage and exits with status 2; a failed job exits with
// status 1.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/zhnorm/zhnorm"
)

const usage = `usage: beam -input GLOB -output PREFIX [flags] [beam flags]

beam runs zhnorm on an Apache Beam runner: it normalizes, converts and splits
the files GLOB matches, removes duplicate sentences across all of them, and
writes the distinct ones to PREFIX-00000-of-0000N.txt.

flags (as the zhnorm command's, where they share a name):
`

// fieldList collects a repeatable flag.
type fieldList []string

func (f *fieldList) String() string     { return strings.Join(*f, ",") }
func (f *fieldList) Set(v string) error { *f = append(*f, v); return nil }

// pageFlag is -page: the command line's -page=text. The pipeline writes
// units of text, so the command line's JSON form has no place here.
type pageFlag bool

func (p *pageFlag) String() string   { return fmt.Sprint(bool(*p)) }
func (p *pageFlag) IsBoolFlag() bool { return true }
func (p *pageFlag) Set(v string) error {
	switch v {
	case "true", "text":
		*p = true
	case "false":
		*p = false
	case "json":
		return fmt.Errorf("the pipeline writes the article's text: use -page or -page=text")
	default:
		return fmt.Errorf("want text")
	}
	return nil
}

// flags defines the pipeline's flags on fs and returns the Options they
// fill when fs is parsed, and the -list flag.
func flags(fs *flag.FlagSet) (*Options, *bool) {
	o := &Options{}
	fs.StringVar(&o.Input, "input", "", "read the files this `GLOB` matches (a local path, gs://…)")
	fs.StringVar(&o.Output, "output", "", "write the distinct units to `PREFIX`-00000-of-0000N.txt")
	fs.StringVar(&o.DeadLetter, "deadletter", "", "write what failed, with the reason, to `PREFIX`-00000-of-00001.jsonl (default OUTPUT.deadletter)")
	fs.IntVar(&o.Shards, "shards", 4, "write `N` output files")
	fs.StringVar(&o.Config, "c", "", "convert with the OpenCC config `NAME` (see -list), or a config file ending in .json that every worker can read")
	list := fs.Bool("list", false, "list the configs and exit")
	fs.BoolVar(&o.Normalize, "normalize", true, "normalize the text before converting it")
	fs.StringVar(&o.Rules, "rules", "", "switch normalization rules off (-name) or on (+name), comma-separated, e.g. `-pinyin,+unwrap`")
	fs.StringVar(&o.Split, "split", "sentence", "write one `unit` a line: sentence or paragraph")
	fs.BoolVar(&o.JSONL, "jsonl", false, "read JSON Lines; the text is in the fields named by -field")
	fs.Var((*fieldList)(&o.Fields), "field", "with -jsonl, a string field holding text, as a dotted `path` (repeatable; each is a text of its own)")
	fs.Var((*pageFlag)(&o.Page), "page", "extract the article from each newspaper page (each file, or the -field of each record) and split its text: headline, date and body")
	fs.StringVar(&o.Encoding, "encoding", "utf-8", "the input's `encoding`: "+strings.Join(zhnorm.Encodings, ", "))
	return o, list
}

func main() {
	o, list := flags(flag.CommandLine)
	flag.Usage = func() {
		fmt.Fprint(os.Stderr, usage)
		flag.PrintDefaults()
	}
	flag.Parse()
	// On a worker, Init runs the SDK harness and does not return; the
	// pipeline's flags matter only where the job is launched.
	beam.Init()

	if *list {
		for _, c := range zhnorm.Configs() {
			fmt.Printf("%-13s %s\n", c.Name, c.Description)
		}
		return
	}
	if err := o.check(); err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\n", err)
		flag.Usage()
		os.Exit(2)
	}

	p, s := beam.NewPipelineWithRoot()
	Build(s, *o)
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "beam: %v\n", err)
		os.Exit(1)
	}
	if res != nil { // nil when the job was submitted with --async
		printCounters(os.Stderr, jobCounters(res))
	}
}

// jobCounters sums the job's counters of each namespace and name over the
// steps that reported them, keyed "namespace/name".
func jobCounters(res beam.PipelineResult) map[string]int64 {
	m := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if strings.HasPrefix(c.Namespace(), nsPipeline) {
			m[c.Namespace()+"/"+c.Name()] += c.Result()
		}
	}
	return m
}

// printCounters writes the counters one a line, in name order.
func printCounters(w io.Writer, m map[string]int64) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%-40s %d\n", k, m[k])
	}
}
