package admin

import (
	"time"
)

// Chart geometry is computed here and drawn by the template as inline SVG: no script, and
// html/template escapes every name that reaches the page.

const (
	barLabelW = 150 // label column
	barAreaW  = 220 // longest bar
	barValueW = 70  // value column
	barRowH   = 22
)

type barChart struct {
	ID     string
	Title  string
	Width  int
	Height int
	Rows   []barRow
	More   int // rows left out beyond the limit
}

type barRow struct {
	Name   string
	Value  int64
	Y      int // top of the row
	TextY  int
	BarW   int
	ValueX int
}

// newBarChart lays out one horizontal bar per item (largest first, as Summary sorts them),
// at most limit rows.
func newBarChart(id, title string, items []NameCount, limit int) barChart {
	c := barChart{ID: id, Title: title, Width: barLabelW + barAreaW + barValueW}
	if len(items) > limit {
		c.More = len(items) - limit
		items = items[:limit]
	}
	var top int64 = 1
	for _, it := range items {
		top = max(top, it.Count)
	}
	for i, it := range items {
		w := int(it.Count * barAreaW / top)
		if it.Count > 0 {
			w = max(w, 2)
		}
		c.Rows = append(c.Rows, barRow{Name: it.Name, Value: it.Count, Y: i * barRowH, TextY: i*barRowH + 15,
			BarW: w, ValueX: barLabelW + w + 6})
	}
	c.Height = max(len(c.Rows), 1) * barRowH
	return c
}

const (
	tlWidth  = 760
	tlHeight = 190
	tlLeft   = 48
	tlRight  = 10
	tlTop    = 12
	tlBottom = 28
)

type timeChart struct {
	ID, Title     string
	Width, Height int
	PlotBottom    int
	PlotLeft      int
	PlotRight     int
	Cols          []timeCol
	XTicks        []tick
	YTicks        []tick
	Series        []string // legend: css classes in stacking order
}

type timeCol struct {
	Start time.Time
	X, W  int
	Total int64
	Parts []part // stacked from the bottom
	Title string
}

type part struct {
	Class string
	Y, H  int
}

type tick struct {
	X, Y  int
	Label string
}

// newTimeChart stacks, per timeline column, the values vals returns, in the classes' order.
func newTimeChart(id, title string, pts []Point, loc *time.Location, classes []string, vals func(Point) []int64) timeChart {
	c := timeChart{ID: id, Title: title, Width: tlWidth, Height: tlHeight, PlotBottom: tlHeight - tlBottom,
		PlotLeft: tlLeft, PlotRight: tlWidth - tlRight, Series: classes}
	plotW := tlWidth - tlLeft - tlRight
	plotH := tlHeight - tlTop - tlBottom
	var top int64
	for _, p := range pts {
		var t int64
		for _, v := range vals(p) {
			t += v
		}
		top = max(top, t)
	}
	top = niceCeil(top)
	n := max(len(pts), 1)
	step := float64(plotW) / float64(n)
	bw := max(int(step*0.8), 1)
	every := max((n+7)/8, 1) // at most ~8 time labels
	for i, p := range pts {
		x := tlLeft + int(float64(i)*step)
		col := timeCol{Start: p.Start, X: x, W: bw}
		y := c.PlotBottom
		for k, v := range vals(p) {
			col.Total += v
			h := int(v * int64(plotH) / top)
			if v > 0 {
				h = max(h, 1)
			}
			y -= h
			col.Parts = append(col.Parts, part{Class: classes[k], Y: y, H: h})
		}
		col.Title = p.Start.In(loc).Format("15:04") + " — " + itoa64(col.Total)
		c.Cols = append(c.Cols, col)
		if i%every == 0 {
			c.XTicks = append(c.XTicks, tick{X: x, Y: c.PlotBottom + 16, Label: p.Start.In(loc).Format("15:04")})
		}
	}
	for _, f := range []int64{0, top / 2, top} {
		c.YTicks = append(c.YTicks, tick{X: tlLeft - 6, Y: c.PlotBottom - int(f*int64(plotH)/top) + 4, Label: itoa64(f)})
	}
	return c
}

// niceCeil rounds a chart's top up to 1, 2 or 5 times a power of ten (at least 2, so the
// middle tick is a whole number).
func niceCeil(v int64) int64 {
	if v <= 2 {
		return 2
	}
	for p := int64(1); ; p *= 10 {
		for _, m := range []int64{1, 2, 5} {
			if m*p >= v {
				return m * p
			}
		}
	}
}
