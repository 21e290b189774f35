//go:build !wasm

package markup

import (
	"bytes"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
)

// Handler returns h with every HTML response passed through Escape: the
// seam between go-app's handler and the network, for the server and the
// static export alike. A page Escape refuses is answered with status 500
// and logged, never sent as it was. head, when not nil, gives the
// link-preview metadata of a request's page, in place of go-app's
// (EscapeWithHead).
func Handler(h http.Handler, logger *slog.Logger, head func(*http.Request) string) http.Handler {
	if logger == nil {
		logger = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := &buffered{header: http.Header{}}
		h.ServeHTTP(buf, r)
		body := buf.body.Bytes()
		if strings.HasPrefix(buf.header.Get("Content-Type"), "text/html") {
			tags := ""
			if head != nil {
				tags = head(r)
			}
			escaped, err := EscapeWithHead(body, tags)
			if err != nil {
				logger.Error("prerendered page refused", "path", r.URL.Path, "err", err)
				http.Error(w, "500 internal server error", http.StatusInternalServerError)
				return
			}
			body = escaped
			buf.header.Set("Content-Length", strconv.Itoa(len(body)))
		}
		for k, v := range buf.header {
			w.Header()[k] = v
		}
		w.WriteHeader(buf.code())
		w.Write(body)
	})
}

// buffered is a ResponseWriter that keeps the whole response.
type buffered struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *buffered) Header() http.Header { return b.header }

func (b *buffered) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *buffered) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}

func (b *buffered) code() int {
	if b.status == 0 {
		return http.StatusOK
	}
	return b.status
}
