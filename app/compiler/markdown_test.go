package compiler

import (
	"slices"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		wantHTML string
		wantText string
	}{
		{
			name:     "hard line wraps",
			body:     "one\ntwo\nthree",
			wantHTML: "<p>one<br>\ntwo<br>\nthree</p>",
			wantText: "one two three",
		},
		{
			name:     "paragraphs",
			body:     "one\n\ntwo",
			wantHTML: "<p>one</p>\n<p>two</p>",
			wantText: "one two",
		},
		{
			name:     "autolink bare URL",
			body:     "see https://example.com/a?b=1 now",
			wantHTML: `<p>see <a href="https://example.com/a?b=1">https://example.com/a?b=1</a> now</p>`,
			wantText: "see https://example.com/a?b=1 now",
		},
		{
			name:     "autolink www",
			body:     "see www.example.org.",
			wantHTML: `<p>see <a href="http://www.example.org">www.example.org</a>.</p>`,
			wantText: "see www.example.org.",
		},
		{
			name:     "fenced code",
			body:     "```go\nx := 1 < 2\n```",
			wantHTML: "<pre><code class=\"language-go\">x := 1 &lt; 2\n</code></pre>",
			wantText: "x := 1 < 2",
		},
		{
			name:     "tilde fence",
			body:     "~~~\n*not emphasis*\n~~~",
			wantHTML: "<pre><code>*not emphasis*\n</code></pre>",
			wantText: "*not emphasis*",
		},
		{
			name:     "code span",
			body:     "run `a &amp; b` now",
			wantHTML: "<p>run <code>a &amp;amp; b</code> now</p>",
			wantText: "run a &amp; b now",
		},
		{
			name:     "footnotes",
			body:     "Claim.[^1]\n\n[^1]: Source.",
			wantHTML: "<p>Claim.<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Source.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>",
			wantText: "Claim. Source.",
		},
		{
			name:     "definition list",
			body:     "Term\n: The definition.",
			wantHTML: "<dl>\n<dt>Term</dt>\n<dd>The definition.</dd>\n</dl>",
			wantText: "Term The definition.",
		},
		{
			name:     "table",
			body:     "| a | b |\n|---|--:|\n| 1 | 2 |",
			wantHTML: "<table>\n<thead>\n<tr>\n<th>a</th>\n<th style=\"text-align:right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td style=\"text-align:right\">2</td>\n</tr>\n</tbody>\n</table>",
			wantText: "a b 1 2",
		},
		{
			name:     "strikethrough",
			body:     "~~old~~ new",
			wantHTML: "<p><del>old</del> new</p>",
			wantText: "old new",
		},
		{
			name:     "entities and escapes in text",
			body:     `AT&amp;T \*not\* &copy; &#169;`,
			wantHTML: "<p>AT&amp;T *not* © ©</p>",
			wantText: "AT&T *not* © ©",
		},
		{
			name:     "heading and list",
			body:     "## Start\n\n- one\n- two",
			wantHTML: "<h2>Start</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
			wantText: "Start one two",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, rep := compileOne(t, tt.body)
			if len(rep.Warnings) > 0 {
				t.Errorf("warnings: %q", strs(rep.Warnings))
			}
			if got := d.HTML; got != tt.wantHTML {
				t.Errorf("html:\ngot  %q\nwant %q", got, tt.wantHTML)
			}
			if got := d.Text; got != tt.wantText {
				t.Errorf("text:\ngot  %q\nwant %q", got, tt.wantText)
			}
		})
	}
}

// TestRawHTML checks that raw HTML never reaches the page as markup, and
// that anchors become spans.
func TestRawHTML(t *testing.T) {
	tests := []struct {
		name        string
		body        string
		wantHTML    string
		wantAnchors []string
	}{
		{
			name:     "script block",
			body:     "<script>alert(1)</script>",
			wantHTML: `<pre class="raw-html">&lt;script&gt;alert(1)&lt;/script&gt;</pre>`,
		},
		{
			name:     "script inline",
			body:     "a <script>alert(1)</script> b",
			wantHTML: `<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>`,
		},
		{
			name:     "img onerror block",
			body:     "<img src=x onerror=alert(1)>",
			wantHTML: `<pre class="raw-html">&lt;img src=x onerror=alert(1)&gt;</pre>`,
		},
		{
			name:     "img onerror inline",
			body:     "a <img src=x onerror=alert(1)> b",
			wantHTML: `<p>a &lt;img src=x onerror=alert(1)&gt; b</p>`,
		},
		{
			name:     "inline onclick",
			body:     `a <b onclick="alert(1)">bold</b> b`,
			wantHTML: `<p>a &lt;b onclick=&#34;alert(1)&#34;&gt;bold&lt;/b&gt; b</p>`,
		},
		{
			name:     "html block swallowing markdown",
			body:     "<div onclick=\"x()\">\n*hi*\n</div>",
			wantHTML: "<pre class=\"raw-html\">&lt;div onclick=&#34;x()&#34;&gt;\n*hi*\n&lt;/div&gt;</pre>",
		},
		{
			name:     "comment is not shown (JBake's <!--more--> marker)",
			body:     "<!-- <script>x</script> -->",
			wantHTML: ``,
		},
		{
			name:     "comment followed by markup is shown as text",
			body:     "<!-- a --><b>x</b>",
			wantHTML: `<pre class="raw-html">&lt;!-- a --&gt;&lt;b&gt;x&lt;/b&gt;</pre>`,
		},
		{
			name:     "anchor with live attribute is not an anchor",
			body:     `<a id="x" onclick="y()"></a>`,
			wantHTML: `<p>&lt;a id=&#34;x&#34; onclick=&#34;y()&#34;&gt;&lt;/a&gt;</p>`,
		},
		{
			name:     "javascript link",
			body:     "[x](javascript:alert(1))",
			wantHTML: `<p><a href="">x</a></p>`,
		},
		{
			name:     "javascript link mixed case",
			body:     "[x](JaVaScRiPt:alert(1))",
			wantHTML: `<p><a href="">x</a></p>`,
		},
		{
			name:     "javascript link with entity",
			body:     "[x](&#x6A;avascript:alert(1))",
			wantHTML: `<p><a href="">x</a></p>`,
		},
		{
			name:     "javascript link with tab",
			body:     "[x](<java\tscript:alert(1)>)",
			wantHTML: `<p><a href="java%09script:alert(1)">x</a></p>`,
		},
		{
			name:     "javascript autolink",
			body:     "<javascript:alert(1)>",
			wantHTML: `<p><a href="">javascript:alert(1)</a></p>`,
		},
		{
			name:     "javascript reference link",
			body:     "[x][r]\n\n[r]: javascript:alert(1)",
			wantHTML: `<p><a href="">x</a></p>`,
		},
		{
			name:     "vbscript and data links",
			body:     "[v](vbscript:x) [d](data:text/html,x)",
			wantHTML: `<p><a href="">v</a> <a href="">d</a></p>`,
		},
		{
			name:     "javascript image",
			body:     "![x](javascript:alert(1))",
			wantHTML: `<p><img src="" alt="x"></p>`,
		},
		{
			name:     "link title quotes",
			body:     `[x](https://example.com "a\" onmouseover=\"y")`,
			wantHTML: `<p><a href="https://example.com" title="a&quot; onmouseover=&quot;y">x</a></p>`,
		},
		{
			name:        "div anchor",
			body:        "<div id=\"x\" />\n**Term**: meaning.",
			wantHTML:    "<span class=\"anchor\" id=\"x\"></span>\n<p><strong>Term</strong>: meaning.</p>",
			wantAnchors: []string{"x"},
		},
		{
			name:        "a anchor",
			body:        "<a id=\"y\"></a>\nText.",
			wantHTML:    "<span class=\"anchor\" id=\"y\"></span>\n<p>Text.</p>",
			wantAnchors: []string{"y"},
		},
		{
			name:        "anchor interrupts a paragraph",
			body:        "Before.\n<div id=\"x\"></div>\nAfter.",
			wantHTML:    "<p>Before.</p>\n<span class=\"anchor\" id=\"x\"></span>\n<p>After.</p>",
			wantAnchors: []string{"x"},
		},
		{
			name:        "inline a anchor",
			body:        "see <a id=\"y\"></a>here",
			wantHTML:    `<p>see <span class="anchor" id="y"></span>here</p>`,
			wantAnchors: []string{"y"},
		},
		{
			name:        "inline self-closing anchor",
			body:        "see <span id=\"z\"/> here </span>",
			wantHTML:    `<p>see <span class="anchor" id="z"></span> here &lt;/span&gt;</p>`,
			wantAnchors: []string{"z"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := compileOne(t, tt.body)
			if got := d.HTML; got != tt.wantHTML {
				t.Errorf("html:\ngot  %q\nwant %q", got, tt.wantHTML)
			}
			if !slices.Equal(d.Anchors, tt.wantAnchors) {
				t.Errorf("anchors = %q, want %q", d.Anchors, tt.wantAnchors)
			}
			for _, live := range []string{"<script", "<img src=x", "<b ", "onclick=\"", "href=\"javascript", "<div"} {
				if strings.Contains(strings.ToLower(d.HTML), live) {
					t.Errorf("html holds live %q: %s", live, d.HTML)
				}
			}
		})
	}
}
