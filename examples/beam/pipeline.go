package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/filter"

	"github.com/zhnorm/zhnorm"
)

// Options are the pipeline's settings, one field per flag of the command.
type Options struct {
	Input      string   // -input: a glob of input files (a local path, gs://…)
	Output     string   // -output: the prefix of the output shards
	DeadLetter string   // -deadletter: the prefix of the dead-letter output; "" is Output+".deadletter"
	Shards     int      // -shards: how many output files
	Config     string   // -c: an OpenCC config name or a .json config path; "" converts nothing
	Normalize  bool     // -normalize
	Rules      string   // -rules
	JSONL      bool     // -jsonl: the input files are JSON Lines
	Fields     []string // -field: with JSONL, the dotted paths of the text fields
	Page       bool     // -page: extract the article of each page
	Split      string   // -split: sentence or paragraph
	Encoding   string   // -encoding: the input's encoding (see zhnorm.Encodings)
}

// check reports the first setting that cannot work, so that a bad flag
// fails before the pipeline is submitted rather than on every worker.
func (o *Options) check() error {
	switch {
	case o.Input == "":
		return errors.New("-input is required: a glob of the files to read")
	case o.Output == "":
		return errors.New("-output is required: the prefix of the output files")
	case o.Shards < 1:
		return fmt.Errorf("-shards %d: want at least 1", o.Shards)
	}
	if o.Normalize {
		if _, err := zhnorm.ParseRules(o.Rules); err != nil {
			return err
		}
	}
	if o.Config != "" {
		if _, err := loadConverter(o.Config); err != nil {
			return err
		}
	}
	var u zhnorm.Unit
	if err := u.UnmarshalText([]byte(o.Split)); err != nil {
		return fmt.Errorf("-split %q: want sentence or paragraph", o.Split)
	}
	if o.JSONL {
		if len(o.Fields) == 0 {
			return errors.New("-jsonl needs at least one -field")
		}
		if o.Page && len(o.Fields) != 1 {
			return errors.New("-page with -jsonl takes one -field: the page's text")
		}
		if _, err := zhnorm.NewJSONFields(o.Fields...); err != nil {
			return err
		}
	} else if len(o.Fields) > 0 {
		return errors.New("-field needs -jsonl")
	}
	if _, err := zhnorm.NewDecodingReader(strings.NewReader(""), o.Encoding); err != nil {
		return fmt.Errorf("-encoding %q: want one of %s", o.Encoding, strings.Join(zhnorm.Encodings, ", "))
	}
	return nil
}

// deadLetterPrefix is where the dead letters go. Its default is not matched
// by a glob of the output shards (PREFIX-*).
func (o *Options) deadLetterPrefix() string {
	if o.DeadLetter != "" {
		return o.DeadLetter
	}
	return o.Output + ".deadletter"
}

// loadConverter returns a built-in config by name, or loads a config file,
// as the command line's -c does.
func loadConverter(name string) (*zhnorm.Converter, error) {
	if strings.HasSuffix(name, ".json") && strings.ContainsAny(name, `/\`) {
		return zhnorm.LoadConfig(name)
	}
	return zhnorm.NewConverter(name)
}

// Build adds the pipeline to s:
//
//	match -input → read (files whole, or JSON Lines records and their -field)
//	→ normalize → [page] → convert → split → distinct → -shards files
//
// and the dead letters of the read, field and page steps to one more file.
// o must have passed check.
func Build(s beam.Scope, o Options) {
	files := fileio.MatchFiles(s, o.Input, fileio.MatchEmptyDisallow())
	// The glob's matches come out of one element, so without a shuffle a
	// runner would fuse every later step into the bundle that matched them
	// and process the whole archive on one worker. Reshuffling the file
	// names (a few bytes each) spreads the files over the workers.
	files = beam.Reshuffle(s.Scope("SpreadFiles"), files)
	readable := fileio.ReadMatches(s, files)

	var docs beam.PCollection
	var dead []beam.PCollection
	if o.JSONL {
		records, d1 := beam.ParDo2(s.Scope("ReadRecords"), &readRecordsFn{Encoding: o.Encoding}, readable)
		var d2 beam.PCollection
		docs, d2 = beam.ParDo2(s.Scope("Fields"), &fieldsFn{Fields: o.Fields}, records)
		dead = append(dead, d1, d2)
	} else {
		var d1 beam.PCollection
		docs, d1 = beam.ParDo2(s.Scope("ReadFiles"), &readFileFn{Encoding: o.Encoding}, readable)
		dead = append(dead, d1)
	}
	if o.Normalize {
		docs = beam.ParDo(s.Scope("Normalize"), &normalizeFn{Rules: o.Rules}, docs)
	}
	if o.Page {
		// The page step converts the article's fields itself (Page.Map),
		// as the command line does, so there is no convert step after it.
		var d beam.PCollection
		docs, d = beam.ParDo2(s.Scope("Page"), &pageFn{Config: o.Config}, docs)
		dead = append(dead, d)
	} else if o.Config != "" {
		docs = beam.ParDo(s.Scope("Convert"), &convertFn{Config: o.Config}, docs)
	}
	units := beam.ParDo(s.Scope("Split"), &splitFn{Unit: o.Split}, docs)
	distinct := filter.Distinct(s.Scope("Distinct"), units)
	writeShards(s.Scope("WriteOutput"), distinct, o.Output, ".txt", o.Shards, "written")
	writeShards(s.Scope("WriteDeadLetters"), beam.Flatten(s, dead...), o.deadLetterPrefix(), ".jsonl", 1, "dead-letters-written")
}

func init() {
	// Registration lets a remote worker find the DoFns by name. The callers
	// that package register generates (register.DoFnNxM) spare a DoFn the
	// reflection on every call, but each costs about 2.5 s of compile time
	// (measured: 19 s for this package with all of them, 5 s with one):
	// only the DoFn called for every sentence gets one. The others are
	// called once a file, record or shard, where a reflective call (about
	// a microsecond) is nothing beside the work.
	beam.RegisterType(reflect.TypeOf((*Doc)(nil)).Elem())
	beam.RegisterDoFn(&readFileFn{})
	beam.RegisterDoFn(&readRecordsFn{})
	beam.RegisterDoFn(&fieldsFn{})
	beam.RegisterDoFn(&normalizeFn{})
	beam.RegisterDoFn(&pageFn{})
	beam.RegisterDoFn(&convertFn{})
	beam.RegisterDoFn(&splitFn{})
	beam.RegisterDoFn(&emptyShardFn{})
	beam.RegisterDoFn(&writeShardFn{})
	register.DoFn1x2[string, int, string](&shardFn{})
	register.Emitter1[Doc]()
	register.Emitter1[string]()
	register.Iter1[string]()
}

// A Doc is a text on its way through the pipeline: a file's, or a field's
// of a JSON Lines record.
type Doc struct {
	Input string // the file it comes from
	Line  int    // the record's line in Input, from 1; 0 for a whole file
	Text  string
}

// where names d's origin for people: the file, and the line of a record.
func (d Doc) where() string {
	if d.Line == 0 {
		return d.Input
	}
	return d.Input + ":" + strconv.Itoa(d.Line)
}

// A deadLetter is an input the pipeline could not process, written as one
// line of JSON to the dead-letter output.
type deadLetter struct {
	Input  string `json:"input"`
	Line   int    `json:"line,omitempty"`   // the record's line, for JSON Lines
	Step   string `json:"step"`             // the step that failed: read, field, page
	Reason string `json:"reason"`           // the error
	Record string `json:"record,omitempty"` // the JSON Lines record, to process again
}

// The counters. Their namespaces group them: the pipeline's own, the
// normalizer's rules and its suspects, each under its name in the report.
const (
	nsPipeline = "zhnorm"
	nsRule     = "zhnorm.rule"
	nsSuspect  = "zhnorm.suspect"
)

var (
	cFiles       = beam.NewCounter(nsPipeline, "files")       // files read whole, or read for records
	cRecords     = beam.NewCounter(nsPipeline, "records")     // JSON Lines records (blank lines are none)
	cDocuments   = beam.NewCounter(nsPipeline, "documents")   // texts normalized: files, or fields of records
	cFailed      = beam.NewCounter(nsPipeline, "failed")      // dead letters
	cUndecodable = beam.NewCounter(nsPipeline, "undecodable") // bytes or sequences not in -encoding
	cNoArticle   = beam.NewCounter(nsPipeline, "no-article")  // pages without an article (not failures)
	cCut         = beam.NewCounter(nsPipeline, "cut")         // units longer than zhnorm.DefaultMaxLen, written in pieces
	cUnits       = beam.NewCounter(nsPipeline, "units")       // sentences or paragraphs, duplicates included
	// The writers count their lines under the names writeShards is given:
	// "written" for the distinct units, "dead-letters-written" for the
	// dead letters.
)

// emitDead writes a dead letter and counts it.
func emitDead(ctx context.Context, dead func(string), d deadLetter) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // scraped text keeps its < and > readable
	// Strings and ints always encode (invalid UTF-8 becomes U+FFFD).
	_ = enc.Encode(d)
	cFailed.Inc(ctx, 1)
	log.Warnf(ctx, "zhnorm: %s: %s: %s", Doc{Input: d.Input, Line: d.Line}.where(), d.Step, d.Reason)
	dead(strings.TrimSuffix(b.String(), "\n"))
}

// openFile opens f as UTF-8 text from the named encoding, a .gz file
// decompressed first, and counts it. A file that cannot be opened goes to the
// dead letters, and ok is false.
func openFile(ctx context.Context, f fileio.ReadableFile, encoding string, dead func(string)) (dec *zhnorm.DecodingReader, c io.Closer, ok bool) {
	cFiles.Inc(ctx, 1)
	rc, err := f.Open(ctx)
	if err == nil {
		if dec, err = zhnorm.NewDecodingReader(rc, encoding); err != nil {
			rc.Close()
		}
	}
	if err != nil {
		emitDead(ctx, dead, deadLetter{Input: f.Metadata.Path, Step: "read", Reason: err.Error()})
		return nil, nil, false
	}
	return dec, rc, true
}

// countUndecodable adds what dec could not decode to its counter.
func countUndecodable(ctx context.Context, dec *zhnorm.DecodingReader) {
	if n, _ := dec.Undecodable(); n > 0 {
		cUndecodable.Inc(ctx, int64(n))
	}
}

// readFileFn reads each file whole into one Doc: a page must be whole for
// ParsePage, and a text file is one document to the normalizer (it ends
// with exactly one newline, blank lines are collapsed across it). A file
// that cannot be read goes to the dead letters.
type readFileFn struct {
	Encoding string
}

func (fn *readFileFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Doc), dead func(string)) {
	path := f.Metadata.Path
	dec, c, ok := openFile(ctx, f, fn.Encoding, dead)
	if !ok {
		return
	}
	defer c.Close()
	data, err := io.ReadAll(dec)
	if err != nil {
		emitDead(ctx, dead, deadLetter{Input: path, Step: "read", Reason: err.Error()})
		return
	}
	countUndecodable(ctx, dec)
	emit(Doc{Input: path, Text: string(data)})
}

// readRecordsFn streams each JSON Lines file and emits its records, one Doc
// each with its line number; memory is bounded by the longest record, not
// the file. Blank lines are not records. A file that fails while being read
// goes to the dead letters, with the line it stopped at; the records before
// it have gone on.
type readRecordsFn struct {
	Encoding string
}

func (fn *readRecordsFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Doc), dead func(string)) {
	path := f.Metadata.Path
	dec, c, ok := openFile(ctx, f, fn.Encoding, dead)
	if !ok {
		return
	}
	defer c.Close()
	br := bufio.NewReaderSize(dec, 256<<10)
	for line := 1; ; line++ {
		rec, err := br.ReadString('\n')
		if body := strings.TrimRight(rec, "\r\n"); strings.TrimSpace(body) != "" {
			cRecords.Inc(ctx, 1)
			emit(Doc{Input: path, Line: line, Text: body})
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			emitDead(ctx, dead, deadLetter{Input: path, Line: line, Step: "read", Reason: err.Error()})
			return
		}
	}
	countUndecodable(ctx, dec)
}

// fieldsFn emits the string value of each -field of a record as a Doc of
// its own. A record that is not a JSON object with every field holding a
// string goes to the dead letters, whole.
type fieldsFn struct {
	Fields []string

	fields *zhnorm.JSONFields
}

func (fn *fieldsFn) Setup() error {
	var err error
	fn.fields, err = zhnorm.NewJSONFields(fn.Fields...)
	return err
}

func (fn *fieldsFn) ProcessElement(ctx context.Context, d Doc, emit func(Doc), dead func(string)) {
	vals, err := fn.fields.Values([]byte(d.Text))
	if err != nil {
		emitDead(ctx, dead, deadLetter{Input: d.Input, Line: d.Line, Step: "field", Reason: err.Error(), Record: d.Text})
		return
	}
	for _, v := range vals {
		emit(Doc{Input: d.Input, Line: d.Line, Text: v})
	}
}

// normalizeFn normalizes each Doc with the -rules, as one document, and
// counts what the normalizer's report holds: the changes of each rule and
// the suspects of each kind.
type normalizeFn struct {
	Rules string

	n        *zhnorm.Normalizer
	counters map[string]beam.Counter
}

// Setup builds the Normalizer once per DoFn instance; StringReport is safe
// for concurrent use and keeps no state between documents.
func (fn *normalizeFn) Setup() error {
	opts, err := zhnorm.ParseRules(fn.Rules)
	if err != nil {
		return err
	}
	fn.n = zhnorm.NewNormalizer(opts...)
	fn.counters = map[string]beam.Counter{}
	return nil
}

// count adds v to the counter ns/name, made on first use: a runner keeps
// only the counters that were incremented.
func (fn *normalizeFn) count(ctx context.Context, ns, name string, v int) {
	key := ns + "/" + name
	c, ok := fn.counters[key]
	if !ok {
		c = beam.NewCounter(ns, name)
		fn.counters[key] = c
	}
	c.Inc(ctx, int64(v))
}

func (fn *normalizeFn) ProcessElement(ctx context.Context, d Doc) Doc {
	cDocuments.Inc(ctx, 1)
	out, rep := fn.n.StringReport(d.Text)
	for rule, v := range rep.Changes {
		fn.count(ctx, nsRule, rule.String(), v)
	}
	for _, s := range rep.Suspects {
		fn.count(ctx, nsSuspect, s.Kind.String(), 1)
	}
	if rep.SuspectsOmitted > 0 {
		// Beyond zhnorm.MaxSuspects a document's report keeps no kinds.
		fn.count(ctx, nsSuspect, "omitted", rep.SuspectsOmitted)
	}
	d.Text = out
	return d
}

// pageFn extracts the article of each page and emits its text (headline,
// subtitle, date, body: Page.Text), converted with Config field by field as
// the command line's -page=text does. A page without an article emits
// nothing and is counted, not a failure; any other error of ParsePage sends
// the page to the dead letters.
type pageFn struct {
	Config string

	conv *zhnorm.Converter
}

func (fn *pageFn) Setup() error {
	if fn.Config == "" {
		return nil
	}
	var err error
	fn.conv, err = loadConverter(fn.Config)
	return err
}

func (fn *pageFn) ProcessElement(ctx context.Context, d Doc, emit func(Doc), dead func(string)) {
	p, err := zhnorm.ParsePage(d.Text)
	if errors.Is(err, zhnorm.ErrNoArticle) {
		cNoArticle.Inc(ctx, 1)
		log.Infof(ctx, "zhnorm: %s: no article found", d.where())
		return
	}
	if err != nil {
		letter := deadLetter{Input: d.Input, Line: d.Line, Step: "page", Reason: err.Error()}
		emitDead(ctx, dead, letter)
		return
	}
	if fn.conv != nil {
		p = p.Map(fn.conv.Convert)
	}
	d.Text = p.Text()
	emit(d)
}

// convertFn converts each Doc with an OpenCC config.
type convertFn struct {
	Config string

	conv *zhnorm.Converter
}

// Setup builds the Converter once per DoFn instance: a Converter is
// stateless and safe for concurrent use, and building one (a config file's
// dictionaries, in particular) costs far more than converting a document.
func (fn *convertFn) Setup() error {
	var err error
	fn.conv, err = loadConverter(fn.Config)
	return err
}

func (fn *convertFn) ProcessElement(d Doc) Doc {
	d.Text = fn.conv.Convert(d.Text)
	return d
}

// splitFn emits the sentences, or paragraphs, of each Doc, trimmed of white
// space, skipping empty ones: the lines of the command line's -split. It
// uses a Scanner, as the command line does, so that a unit longer than
// zhnorm.DefaultMaxLen is cut where the command line cuts it.
type splitFn struct {
	Unit string
}

func (fn *splitFn) ProcessElement(ctx context.Context, d Doc, emit func(string)) {
	var u zhnorm.Unit
	_ = u.UnmarshalText([]byte(fn.Unit)) // checked by Options.check
	sc := zhnorm.Splitter{Unit: u}.NewScanner(strings.NewReader(d.Text))
	n := 0
	for sc.Scan() {
		if sc.Cut() {
			cCut.Inc(ctx, 1)
			log.Warnf(ctx, "zhnorm: %s: a %s at byte %d is longer than %d bytes: written in pieces", d.where(), fn.Unit, sc.Span().Start, zhnorm.DefaultMaxLen)
		}
		t := sc.Span().Trim()
		if t.Text == "" {
			continue
		}
		emit(t.Text)
		n++
	}
	// A strings.Reader does not fail, so the Scanner has no error to report.
	cUnits.Inc(ctx, int64(n))
}

// writeShards writes the strings of col, one a line, to shards files named
// PREFIX-00000-of-0000N.SUFFIX, and counts them in the counter named
// counter. A line goes to the shard its hash picks, so a given line always
// lands in the same shard, and every shard is written, empty or not.
func writeShards(s beam.Scope, col beam.PCollection, prefix, suffix string, shards int, counter string) {
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, col)
	// One empty line for every shard, so that each shard has a group and
	// its file is written even when no line hashes to it. No real line is
	// empty: the split step skips empty units and dead letters are JSON.
	nums := make([]int, shards)
	for i := range nums {
		nums[i] = i
	}
	empty := beam.ParDo(s, &emptyShardFn{}, beam.CreateList(s, nums))
	groups := beam.GroupByKey(s, beam.Flatten(s, keyed, empty))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Suffix: suffix, Shards: shards, Counter: counter}, groups)
}

// shardFn keys each line by its shard: its FNV-1a hash modulo Shards. The
// hash is fixed (not seeded per process), so every worker agrees.
type shardFn struct {
	Shards int
}

func (fn *shardFn) ProcessElement(line string) (int, string) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(line); i++ {
		h ^= uint64(line[i])
		h *= 1099511628211
	}
	return int(h % uint64(fn.Shards)), line
}

// emptyShardFn makes the empty line that stands for shard i.
type emptyShardFn struct{}

func (emptyShardFn) ProcessElement(i int) (int, string) { return i, "" }

// writeShardFn writes the lines of one shard to its file. It writes a
// temporary file and renames it where the filesystem can, so that a shard
// file, once there, is whole: a retried write replaces it.
type writeShardFn struct {
	Prefix  string
	Suffix  string
	Shards  int
	Counter string // the name of the counter of lines written

	written beam.Counter
}

func (fn *writeShardFn) Setup() {
	fn.written = beam.NewCounter(nsPipeline, fn.Counter)
}

// shardName is the file of shard i of n.
func shardName(prefix, suffix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, suffix)
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := shardName(fn.Prefix, fn.Suffix, shard, fn.Shards)
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	renamer, atomic := fsys.(filesystem.Renamer)
	target := name
	if atomic {
		target = fmt.Sprintf("%s.tmp-%016x", name, rand.Uint64())
	}
	w, err := fsys.OpenWrite(ctx, target)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line string
	n := 0
	for lines(&line) {
		if line == "" {
			continue // the shard's placeholder
		}
		bw.WriteString(line)
		bw.WriteByte('\n')
		n++
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if atomic {
		if err := renamer.Rename(ctx, target, name); err != nil {
			return err
		}
	}
	fn.written.Inc(ctx, int64(n))
	return nil
}
