package zhnorm_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/zhnorm/zhnorm"
)

func ExampleDetect() {
	for _, text := range []string{
		"为人民服务",
		"這裏說着話，那裏衞生綫",
		"為人民服務",
		"Hello",
	} {
		d := zhnorm.Detect(text)
		e := d.Evidence
		fmt.Printf("%s: %v, standard %v; Han %d, Simplified %d, Traditional %d; regional %d: OpenCC %d, Taiwan %d, Hong Kong %d\n",
			text, d.Script, d.Standard, e.Han, e.Simplified, e.Traditional, e.Regional, e.OpenCC, e.Taiwan, e.HongKong)
	}
	// Output:
	// 为人民服务: Simplified, standard unknown; Han 5, Simplified 2, Traditional 0; regional 0: OpenCC 0, Taiwan 0, Hong Kong 0
	// 這裏說着話，那裏衞生綫: Traditional, standard Hong Kong; Han 10, Simplified 0, Traditional 7; regional 6: OpenCC 4, Taiwan 1, Hong Kong 5
	// 為人民服務: Traditional, standard unknown; Han 5, Simplified 0, Traditional 2; regional 1: OpenCC 0, Taiwan 1, Hong Kong 1
	// Hello: no Han, standard unknown; Han 0, Simplified 0, Traditional 0; regional 0: OpenCC 0, Taiwan 0, Hong Kong 0
}

func ExampleDetector() {
	s2hk, err := zhnorm.NewConverter("s2hk")
	if err != nil {
		panic(err)
	}
	stream := strings.NewReader(strings.Repeat(s2hk.Convert("这里的卫生线路着实为难，他说。"), 1000))

	// Copy the stream through the Detector, or stop reading once it decides.
	var d zhnorm.Detector
	buf := make([]byte, 4096)
	for !d.Decided() {
		n, err := stream.Read(buf)
		d.Write(buf[:n])
		if err == io.EOF {
			break
		}
	}
	det := d.Detection()
	fmt.Println(d.Decided(), det.Evidence.Han, det.Script, det.Standard)
	// Output:
	// true 2048 Traditional Hong Kong
}
