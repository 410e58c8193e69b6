package zhbleve

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	htmlformat "github.com/blevesearch/bleve/v2/search/highlight/format/html"
	"github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// HighlighterName names the highlighter, and its fragment formatter, that
// mark a hit made of overlapping bigrams as one: a query 黑龙江 matches
// the bigrams 黑龍 and 龍江 of a text 黑龍江, and Bleve's "html" formatter,
// which skips a location that overlaps the one before, marks
// <mark>黑龍</mark>江; this one marks <mark>黑龍江</mark>.
const HighlighterName = "zhnorm_html"

// A FragmentFormatter formats fragments as Bleve's "html" formatter does
// after joining the term locations that overlap into one.
type FragmentFormatter struct {
	html *htmlformat.FragmentFormatter
}

// NewFragmentFormatter returns a FragmentFormatter that writes before and
// after around each hit, as Bleve's html.NewFragmentFormatter does.
func NewFragmentFormatter(before, after string) *FragmentFormatter {
	return &FragmentFormatter{html: htmlformat.NewFragmentFormatter(before, after)}
}

// Format implements highlight.FragmentFormatter.
func (f *FragmentFormatter) Format(frag *highlight.Fragment, locs highlight.TermLocations) string {
	return f.html.Format(frag, joinOverlaps(locs))
}

// joinOverlaps returns the ordered locations with each run of overlapping
// locations in the same array position joined into one.
func joinOverlaps(locs highlight.TermLocations) highlight.TermLocations {
	out := make(highlight.TermLocations, 0, len(locs))
	for _, l := range locs {
		if l == nil {
			continue
		}
		if n := len(out); n > 0 {
			last := out[n-1]
			if l.Start < last.End && l.ArrayPositions.Equals(last.ArrayPositions) {
				joined := *last
				joined.End = max(last.End, l.End)
				joined.Term = ""
				out[n-1] = &joined
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

func init() {
	if err := registry.RegisterFragmentFormatter(HighlighterName, formatterConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterHighlighter(HighlighterName, highlighterConstructor); err != nil {
		panic(err)
	}
}

// formatterConstructor takes the "before" and "after" keys of Bleve's html
// formatter.
func formatterConstructor(config map[string]interface{}, cache *registry.Cache) (highlight.FragmentFormatter, error) {
	before, err := stringKey(config, "before", "<mark>")
	if err != nil {
		return nil, err
	}
	after, err := stringKey(config, "after", "</mark>")
	if err != nil {
		return nil, err
	}
	return NewFragmentFormatter(before, after), nil
}

func highlighterConstructor(config map[string]interface{}, cache *registry.Cache) (highlight.Highlighter, error) {
	fragmenter, err := cache.FragmenterNamed(simple.Name)
	if err != nil {
		return nil, fmt.Errorf("zhbleve: fragmenter: %v", err)
	}
	formatter, err := cache.FragmentFormatterNamed(HighlighterName)
	if err != nil {
		return nil, fmt.Errorf("zhbleve: fragment formatter: %v", err)
	}
	return simplehl.NewHighlighter(fragmenter, formatter, simplehl.DefaultSeparator), nil
}
