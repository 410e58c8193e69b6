package main

import (
	"fmt"
	"io"
	"strings"
)

// printError prints err on w as one line, "zhnorm: …". The package's errors
// start with "zhnorm: " too, and the command wraps them with the file and
// line they concern: the prefix is said once, at the start.
func printError(w io.Writer, err error) {
	fmt.Fprintf(w, "zhnorm: %s\n", strings.ReplaceAll(err.Error(), "zhnorm: ", ""))
}
