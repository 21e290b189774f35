package graph

import (
	"strconv"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// Swatch is one colour of the building-block palette.
type Swatch struct {
	// Class is the CSS class that selects the colour, "block-0" to
	// "block-7"; the stylesheet sets --block from it.
	Class string
	// Light is the colour on light backgrounds: at least 3.7:1 against
	// white and #f7f5f0.
	Light string
	// Dark is the colour on dark backgrounds: at least 6.5:1 against
	// #13181b and #1b2226.
	Dark string
}

// PaletteSize is the number of colours in the palette; building blocks past
// it reuse the colours in order.
const PaletteSize = 8

// NoBlockClass is the class of a pattern without a known building block.
const NoBlockClass = "block-none"

// noBlockColour is the fill of a node of NoBlockClass when no stylesheet
// overrides it.
const noBlockColour = "#8a939b"

// Palette returns the building-block colours in order: block i of a corpus
// uses Palette()[i % PaletteSize]. They are the values of the stylesheet's
// --block-0 to --block-7 variables; the graph writes the light ones as
// presentation attributes so it is coloured even without the stylesheet,
// which overrides them.
func Palette() []Swatch {
	return []Swatch{
		{Class: "block-0", Light: "#2f7d6d", Dark: "#5fc2ad"},
		{Class: "block-1", Light: "#b5542b", Dark: "#f08d5f"},
		{Class: "block-2", Light: "#3e62a8", Dark: "#86a6ec"},
		{Class: "block-3", Light: "#8a4f9e", Dark: "#c693da"},
		{Class: "block-4", Light: "#9a7a12", Dark: "#e0c25a"},
		{Class: "block-5", Light: "#4f7f2a", Dark: "#9acd6d"},
		{Class: "block-6", Light: "#b03a6b", Dark: "#ec86b2"},
		{Class: "block-7", Light: "#55626d", Dark: "#a4b1bb"},
	}
}

// BlockIndex returns the index of block in c.Blocks, or -1.
func BlockIndex(c *corpus.Corpus, block string) int {
	if c == nil {
		return -1
	}
	for i, b := range c.Blocks {
		if b == block {
			return i
		}
	}
	return -1
}

// BlockClass returns the CSS class of the block at index i of a corpus's
// Blocks: "block-{i % PaletteSize}", or NoBlockClass when i is negative.
func BlockClass(i int) string {
	if i < 0 {
		return NoBlockClass
	}
	return "block-" + strconv.Itoa(i%PaletteSize)
}

// blockColour returns the light fill of the block at index i.
func blockColour(i int) string {
	if i < 0 {
		return noBlockColour
	}
	return Palette()[i%PaletteSize].Light
}
