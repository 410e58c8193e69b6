package main

import (
	"fmt"
	"strconv"
	"strings"
)

// maxPageDefault is -max-page's default. A scraped newspaper page is tens
// of kilobytes; a few megabytes is already not a page, and reading one
// whole takes about fifteen times its size.
const maxPageDefault = 8 << 20

// sizeFlag is a number of bytes, given with an optional suffix K, M or G
// (powers of 1024).
type sizeFlag int64

func (s *sizeFlag) String() string {
	for _, u := range []struct {
		suffix string
		n      int64
	}{{"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}} {
		if *s > 0 && int64(*s)%u.n == 0 {
			return strconv.FormatInt(int64(*s)/u.n, 10) + u.suffix
		}
	}
	return strconv.FormatInt(int64(*s), 10)
}

func (s *sizeFlag) Set(v string) error {
	mult := int64(1)
	t := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(v, "B"), "b"))
	if t != "" {
		switch t[len(t)-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult > 1 {
			t = t[:len(t)-1]
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 1 || n > (1<<62)/mult {
		return fmt.Errorf("want a positive size in bytes, such as 8M")
	}
	*s = sizeFlag(n * mult)
	return nil
}
