package main

import (
	"bytes"
	"encoding/json"
	"strings"
)

// keepFields returns a JSON object of the record's values at the dotted
// paths, in the order given, each as the record has it (any JSON value;
// null where the record lacks it), for -keep.
func keepFields(record []byte, paths []string) ([]byte, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(record, &top); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range paths {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p)
		b.Write(k)
		b.WriteByte(':')
		b.Write(lookupPath(top, strings.Split(p, ".")))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// lookupPath returns the value at keys below obj, compacted, or null.
func lookupPath(obj map[string]json.RawMessage, keys []string) []byte {
	v, ok := obj[keys[0]]
	if !ok {
		return []byte("null")
	}
	if len(keys) == 1 {
		var c bytes.Buffer
		if json.Compact(&c, v) != nil {
			return []byte("null")
		}
		return c.Bytes()
	}
	var sub map[string]json.RawMessage
	if json.Unmarshal(v, &sub) != nil {
		return []byte("null")
	}
	return lookupPath(sub, keys[1:])
}
