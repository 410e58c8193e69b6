package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/transform"

	"github.com/zhnorm/zhnorm"
)

// targetFlags are the flags of conversion to a target (-to) and of -detect.
type targetFlags struct {
	to        *string
	phrases   *bool
	keepPunct *bool
	detect    *bool
}

func addTargetFlags(fs *flag.FlagSet) targetFlags {
	return targetFlags{
		to: fs.String("to", "", "convert to the target `TAG` (zh-Hans, zh-Hant, zh-CN, zh-TW, zh-HK…), detecting what each file, or each -jsonl record, is written in: "+
			"the configs follow from it, and paired quotation marks follow the target"),
		phrases:   fs.Bool("regional-phrases", false, "with -to, convert vocabulary too between Simplified and Taiwan or Hong Kong (s2twp, tw2sp, s2hkp, hk2sp: 设备 → 裝置)"),
		keepPunct: fs.Bool("keep-punct", false, "with -to, leave quotation marks as they are"),
		detect: fs.Bool("detect", false, "print what each file (or each -jsonl record) is written in, as one line of JSON, instead of converting; "+
			"with -to, also the configs it would convert with"),
	}
}

// apply checks the flags against the others and sets the options.
func (f targetFlags) apply(o *options, config string) error {
	o.detect = *f.detect
	if *f.to == "" {
		if *f.phrases || *f.keepPunct {
			return errors.New("-regional-phrases and -keep-punct go with -to")
		}
	} else {
		if config != "" {
			return errors.New("-c and -to do not go together: -to picks the configs itself")
		}
		var opts []zhnorm.TargetOption
		if *f.phrases {
			opts = append(opts, zhnorm.WithRegionalPhrases())
		}
		if *f.keepPunct {
			opts = append(opts, zhnorm.KeepPunctuation())
		}
		t, err := zhnorm.NewTarget(*f.to, opts...)
		if err != nil {
			return fmt.Errorf("-to: %v", err)
		}
		o.target = t
	}
	if o.detect && (config != "" || o.page != "" || o.split != "") {
		return errors.New("-detect prints detections: -c, -page and -split do not go with it")
	}
	return nil
}

// recordPlan returns what converts the fields of a record to -to's
// target: the plan for its fields together, in the series of the records
// before it.
func recordPlan(o *options, series *zhnorm.Series, record []byte) func(string) string {
	vals, err := o.jsonl.Values(record)
	if err != nil {
		return o.target.String // the rewrite reports the error
	}
	return series.Plan(strings.Join(vals, "\n")).String
}

// detection is a line of -detect.
type detection struct {
	File                 string   `json:"file"`
	Line                 int      `json:"line,omitempty"`   // the record's, with -jsonl
	Record               int      `json:"record,omitempty"` // its number among the records
	Script               string   `json:"script"`
	Standard             string   `json:"standard"`
	Confidence           float64  `json:"confidence"`
	StandardConfidence   float64  `json:"standard_confidence"`
	Likeliest            string   `json:"likeliest"`
	LikeliestProbability float64  `json:"likeliest_probability"`
	Han                  int      `json:"han"`
	Simplified           int      `json:"simplified"`
	Traditional          int      `json:"traditional"`
	Regional             int      `json:"regional"`
	OpenCC               int      `json:"opencc"`
	Taiwan               int      `json:"taiwan"`
	HongKong             int      `json:"hongkong"`
	Configs              []string `json:"configs,omitempty"`
	Assumed              string   `json:"assumed_standard,omitempty"`
}

func newDetection(file string, d zhnorm.Detection) detection {
	ev := d.Evidence
	lik, p := ev.Likeliest()
	round := func(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
	return detection{File: file, Script: d.Script.String(), Standard: d.Standard.String(),
		Confidence: round(d.Confidence), StandardConfidence: round(d.StandardConfidence),
		Likeliest: lik.String(), LikeliestProbability: round(p),
		Han: ev.Han, Simplified: ev.Simplified, Traditional: ev.Traditional,
		Regional: ev.Regional, OpenCC: ev.OpenCC, Taiwan: ev.Taiwan, HongKong: ev.HongKong}
}

// withPlan adds what -to would do.
func (d *detection) withPlan(p zhnorm.Plan) {
	d.Configs = p.Configs
	if d.Configs == nil {
		d.Configs = []string{} // shown: nothing to convert
	}
	if p.Standard != zhnorm.StandardUnknown {
		d.Assumed = p.Standard.String()
	}
}

// processDetect prints the detection of the input, or of each -jsonl
// record. A file is detected whole; with -to, the configs are those its
// conversion would use, decided as a stream is (see zhnorm.Target).
func processDetect(o *options, st *fileStats, r io.Reader, w io.Writer) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if o.jsonl == nil {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		text := string(data)
		d := newDetection(st.name, zhnorm.Detect(text))
		if o.target != nil {
			tg := o.target.Clone()
			if _, _, err := transform.String(tg, text); err != nil {
				return err
			}
			p, _ := tg.StreamPlan()
			d.withPlan(p)
		}
		enc.Encode(d)
		_, err = w.Write(b.Bytes())
		return err
	}
	br := bufio.NewReaderSize(r, 256<<10)
	record := 0
	for line := 1; ; {
		// Batches as processJSONL reads them: a series is a batch.
		batch, err := readBatch(br, line)
		line += len(batch.records)
		var series *zhnorm.Series
		if o.target != nil {
			series = o.target.Series()
		}
		b.Reset()
		for i, rec := range batch.records {
			body := bytes.TrimRight(rec, "\r\n")
			if len(bytes.TrimSpace(body)) == 0 {
				continue
			}
			if batch.first+i == 1 {
				body = bytes.TrimPrefix(body, []byte("\uFEFF"))
			}
			record++
			vals, verr := o.jsonl.Values(body)
			if verr != nil {
				if o.skipBad {
					st.skipped++
					continue
				}
				w.Write(b.Bytes())
				return &recordError{batch.first + i, verr}
			}
			text := strings.Join(vals, "\n")
			d := newDetection(st.name, zhnorm.Detect(text))
			d.Line, d.Record = batch.first+i, record
			if series != nil {
				d.withPlan(series.Plan(text))
			}
			enc.Encode(d)
		}
		st.records = record
		if _, werr := w.Write(b.Bytes()); werr != nil {
			return werr
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
