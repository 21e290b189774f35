package layout

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"testing"
)

func drawPNG(path string, pts []Point, edges [][2]int32, special int) {
	const S = 800
	img := image.NewRGBA(image.Rect(0, 0, S, S))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for _, e := range edges {
		a, b := pts[e[0]], pts[e[1]]
		for t := 0.0; t <= 1; t += 0.002 {
			x := float64(a.X) + (float64(b.X)-float64(a.X))*t
			y := float64(a.Y) + (float64(b.Y)-float64(a.Y))*t
			img.Set(int(x*S), int(y*S), color.RGBA{200, 200, 200, 255})
		}
	}
	for i, p := range pts {
		c := color.RGBA{0, 0, 200, 255}
		if i >= special {
			c = color.RGBA{220, 0, 0, 255}
		}
		for dx := -3; dx <= 3; dx++ {
			for dy := -3; dy <= 3; dy++ {
				if dx*dx+dy*dy <= 9 {
					img.Set(int(p.X*S)+dx, int(p.Y*S)+dy, c)
				}
			}
		}
	}
	f, _ := os.Create(path)
	png.Encode(f, img)
	f.Close()
}

func TestVizScratch(t *testing.T) {
	n, e := clusteredGraph(8, 8)
	drawPNG("/tmp/viz/clusters.png", Compute(n, e, Options{}), e, n)
	e2 := randomGraph(60, 2, 11)
	drawPNG("/tmp/viz/isolated.png", Compute(65, e2, Options{}), e2, 60); e5 := randomGraph(100, 2, 11); drawPNG("/tmp/viz/many.png", Compute(150, e5, Options{}), e5, 100)
	e3 := randomGraph(300, 1, 5)
	drawPNG("/tmp/viz/sparse.png", Compute(300, e3, Options{}), e3, 300)
	e4 := randomGraph(1000, 5, 6)
	drawPNG("/tmp/viz/dense1000.png", Compute(1000, e4, Options{}), e4, 1000)
	fmt.Println("ok")
}
